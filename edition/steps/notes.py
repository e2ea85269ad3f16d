"""Keep the paper's notes as the paper numbers them, and link the works they cite.

Python-Markdown numbers footnotes 1, 2, 3 on every page; the edition shows each
note's own label (the paper's number), so that "n. 14" means the same on the
web as in print. Each note's closing citation block `[@key]` is taken out of
the author's words and becomes, on the tree, links to the works' entries on
the Bibliography page, marked as the edition's addition.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.extensions.footnotes import NBSP_PLACEHOLDER

from edition.bibliography import short_label
from edition.errors import EditionError
from edition.notes import CITATION_BLOCK, NOTE_DEFINITION, Note, check_notes
from edition.step import BuildTreeprocessor, Step
from edition.templates import fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from pybtex.database import BibliographyData


class NoteNumbers(BuildTreeprocessor):
    """Show each footnote's label instead of its position on the page, and head the notes.

    The whole paper's one list gets no heading: its notes are dealt out to the
    parts that cite them, each under its own (edition/steps/whole_paper.py).
    """

    @property
    def whole_paper(self) -> bool:
        page = self.build.page
        return page is not None and page.file.src_uri == self.build.options.whole_paper_page

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            classes = link.get("class", "").split()
            label = link.get("href", "").partition(":")[2]
            if "footnote-ref" in classes:
                link.text = label
                link.set("role", "doc-noteref")
                link.set("aria-label", f"Note {label}")
            elif "footnote-backref" in classes:
                link.attrib.pop("title", None)  # named by aria-label, hinted by CSS
                link.set("role", "doc-backlink")
                link.set("aria-label", f"Back to the text of note {label}")
        for item in root.iter("li"):
            item_id = item.get("id", "")
            if item_id.startswith("fn:") and item_id[3:].isdigit():
                item.set("value", item_id[3:])
        for parent in list(root.iter()):
            for position, block in enumerate(parent):
                if block.tag == "div" and "footnote" in block.get("class", "").split():
                    block.set("role", "doc-endnotes")  # the notes list, announced as such
                    block.set("aria-label", "Notes")
                    before = parent[position - 1] if position else None
                    if (before is None or before.tag not in HEADINGS) and not self.whole_paper:
                        give_heading(block)


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def give_heading(notes: etree.Element) -> None:
    """Head the list of notes "Notes", where the theme's rule stood; the toc links to it."""
    heading = etree.Element("h2", {"id": "notes", "class": "notes-heading edition-added"})
    heading.text = "Notes"
    rule = notes.find("hr")
    if rule is not None:
        notes.remove(rule)
    notes.insert(0, heading)


def strip_citation_blocks(markdown: str) -> str:
    """Each note without its closing `[@key]` block: the author's words, as printed."""

    def strip(match: re.Match[str]) -> str:
        label, text = match.group(1), match.group(2)
        block = CITATION_BLOCK.search(text)
        return match.group(0) if not block else f"[^{label}]: {text[: block.start()].rstrip()}"

    return NOTE_DEFINITION.sub(strip, markdown)


def check_cited_keys(notes: list[Note], bibliography: BibliographyData) -> None:
    """Every key a note cites is an entry of references.bib."""
    for note in notes:
        for key in note.cited_keys:
            if key not in bibliography.entries:
                raise EditionError(
                    f"note [^{note.label}] cites '{key}', which is not in references.bib; "
                    "add the entry or correct the key",
                    line=note.line,
                )


def add_sources(note: etree.Element, sources: etree.Element) -> None:
    """Put the links to a note's works after its words, before its back-link."""
    for paragraph in note.iter("p"):
        for index, child in enumerate(paragraph):
            if "footnote-backref" not in child.get("class", "").split():
                continue
            previous = paragraph[index - 1] if index else None
            before = (previous.tail if previous is not None else paragraph.text) or ""
            space = before.removesuffix(NBSP_PLACEHOLDER)  # the footnotes' space before ↩
            if previous is not None:
                previous.tail = space + " "
            else:
                paragraph.text = space + " "
            sources.tail = before[len(space) :]
            paragraph.insert(index, sources)
            return
    note.append(sources)


class NoteSources(BuildTreeprocessor):
    """Link each note to the works its `[@key]` block cited (read by the step `notes`)."""

    def run(self, root: etree.Element) -> None:
        bibliography = self.build.bibliography
        for item in list(root.iter("li")):
            label = item.get("id", "").removeprefix("fn:")
            keys = (
                self.build.page_note_keys.get(label)
                if item.get("id", "").startswith("fn:")
                else None
            )
            if not keys:
                continue
            works = [{"key": key, "label": short_label(bibliography.entries[key])} for key in keys]
            (sources,) = fragment(
                "note-sources.html",
                works=works,
                bibliography_page=self.build.options.bibliography_page,
            )
            add_sources(item, sources)


class Notes(Step):
    name = "notes"
    after = {"current_page": "the notes' works are kept for the page being converted"}

    def page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        try:
            notes = check_notes(markdown, line_offset=self.build.line_offset(page, markdown))
            self.build.page_note_keys = {note.label: note.cited_keys for note in notes}
            if not notes:
                return None
            check_cited_keys(notes, self.build.bibliography)
            return strip_citation_blocks(markdown)
        except EditionError as error:
            raise self.build.place(error, page, markdown) from None
