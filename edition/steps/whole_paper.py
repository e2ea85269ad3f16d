"""Fill the one-page edition: the whole paper, for reading straight through and printing.

The page named by `whole_paper_page` (docs/paper.md) holds only front matter
and a line of introduction; when the site's files are gathered, this step
appends the title page, the sections with their headings, the notes at their
places and the bibliography, put together from the chapters
(edition/whole_paper.py), so the page is never a second copy to keep in step.
Its paragraphs have their own ids (`introduction-p-3`) and their permalinks
lead to the chapter pages, where the paragraph is cited. Each part (the title
page, each section) is followed by its own notes, as in a printed edition:
Python-Markdown writes every note in one list, which `SectionNotes` deals out.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from edition.errors import EditionError
from edition.step import BuildTreeprocessor, Step
from edition.templates import fragment
from edition.whole_paper import (
    FOOTNOTES_PLACE,
    TITLE_PAGE_PART,
    converted,
    fill_parts,
    has_class,
    one_page_skeleton,
    part,
    read_title_page,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


BIBLIOGRAPHY_PART, BIBLIOGRAPHY_TITLE = "bibliography", "Bibliography"


def closing_matter() -> str:
    """The notes (dealt out to their parts), then every work they cite."""
    bibliography = f"## {BIBLIOGRAPHY_TITLE} {{ #bibliography }}\n\n<!-- edition:bibliography -->"
    return f"{FOOTNOTES_PLACE}\n\n{part(bibliography, name=BIBLIOGRAPHY_PART)}"


def deal_out_notes(root: etree.Element, titles: dict[str, str]) -> None:
    """Move each note from the page's one list to the end of the part whose text cites it.

    `titles` names each part (`data-part`) for the list's label; a note no
    part cites stays where it was, in the page's list.
    """
    holder = next((e for e in root.iter() if e.tag == "div" and has_class(e, "footnote")), None)
    if holder is None:
        return
    the_list = holder.find("ol")
    if the_list is None:
        return
    notes = {item.get("id"): item for item in the_list}
    for paper_part in [e for e in root.iter("section") if has_class(e, "paper-part")]:
        cited = [
            link.get("href", "").removeprefix("#")
            for link in paper_part.iter("a")
            if has_class(link, "footnote-ref")
        ]
        items = [notes.pop(note_id) for note_id in cited if note_id in notes]
        if not items:
            continue
        for item in items:
            the_list.remove(item)
        name = paper_part.get("data-part", "")
        title = titles.get(name, "")
        elements = fragment(
            "part-notes.html",
            part=name,
            heading=name != TITLE_PAGE_PART,
            label=f"Notes to {title}" if title else "Notes",
        )
        next(e for e in elements[-1].iter("ol")).extend(items)
        paper_part.extend(elements)
    if notes:
        return
    for parent in root.iter():
        if holder in list(parent):
            parent.remove(holder)
            break


class PaperParts(BuildTreeprocessor):
    """The whole paper made of the trees its pages' conversions made: no passage converted twice.

    On the home page and each chapter, the tree is kept as Python-Markdown has
    parsed it (`converted`); on the whole-paper page, converted last, each part
    is given a copy of its page's (edition/whole_paper.py `fill_parts`).
    """

    def run(self, root: etree.Element) -> None:
        build, page = self.build, self.build.page
        if page is None:
            return
        options = build.options
        src_uri = page.file.src_uri
        if src_uri == options.whole_paper_page:
            home = build.converted.get(options.home_page)
            chapters = [
                (chapter, build.converted[chapter.src_uri])
                for chapter in build.chapters
                if chapter.src_uri in build.converted
            ]
            try:
                build.page_note_keys = fill_parts(root, home, chapters, self.md)
            except EditionError as error:
                raise error.at(build.docs_path(options.home_page)) from None
        elif src_uri == options.home_page or page.meta.get("paper_section"):
            build.converted[src_uri] = converted(root, self.md, build.page_note_keys)


class SectionNotes(BuildTreeprocessor):
    """On the one-page paper, each part's notes after the part."""

    def run(self, root: etree.Element) -> None:
        page = self.build.page
        if page is None or page.file.src_uri != self.build.options.whole_paper_page:
            return
        titles = {chapter.slug: chapter.title for chapter in self.build.chapters}
        deal_out_notes(root, titles)
        # The Notes headings come after the anchor collector: the step adds their ids.
        self.build.late_anchors = {
            heading.get("id", "")
            for heading in root.iter("h3")
            if heading.get("id", "").endswith("-notes")
        }


class WholePaper(Step):
    name = "whole_paper"

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if page.file.src_uri == self.build.options.whole_paper_page and page.present_anchor_ids:
            page.present_anchor_ids.update(self.build.late_anchors)
        return None

    after = {
        "paper_text": "the paper is read from the chapters before this page repeats them",
        "bibliography": "the notes that cite a work are counted once, on their own pages",
    }

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        options = self.build.options
        paper = files.get_file_from_path(options.whole_paper_page)
        if paper is None:
            return None
        if not self.build.home_markdown:
            raise EditionError(
                f"there is no {self.build.docs_path(options.home_page)} "
                "to take the title page from",
                file=self.build.docs_path(options.whole_paper_page),
            )
        try:
            read_title_page(self.build.home_markdown)  # the cover is there
            whole = one_page_skeleton(self.build.chapters, closing_matter())
        except EditionError as error:
            raise error.at(self.build.docs_path(options.whole_paper_page)) from None
        paper.content_string = paper.content_string.rstrip("\n") + "\n\n" + whole
        # Pages are built in the order of `files`: build this one last, so that a mistake in
        # a chapter is reported by the chapter's own file, not by this page.
        files.remove(paper)
        files.append(paper)
        return files
