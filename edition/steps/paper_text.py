"""Read the paper's text once, when the site's files are gathered, for every step that needs it.

The chapters (pages with `paper_section: N`), the home page (the title page,
with note 1), every passage (numbered paragraph or note) as a reader sees it,
and the reference text in source/ with its paragraphs joined across page
breaks. Steps take them from the build's state, never from the files again.

Reading them is where their first mistakes are found, each at its line: a page
that is not UTF-8 text or whose front matter MkDocs would show as text, a
chapter missing, empty or numbered out of the paper's order, a note not
labelled with one of the paper's note numbers or given on two pages.
"""

from __future__ import annotations

from dataclasses import astuple, fields
from typing import TYPE_CHECKING

from edition.apparatus import Passage, plain_text, read_passages, source_passages
from edition.build_cache import Kept, entry_name
from edition.errors import EditionError
from edition.front_matter import front_matter
from edition.notes import check_label, check_notes
from edition.paragraphs import given_ids
from edition.source import read_source
from edition.step import Step
from edition.whole_paper import chapters_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from edition.build import Build


def read_pages(files: Files, build: Build) -> dict[str, str]:
    """Every page's Markdown as written ({src_uri: text}), its front matter checked."""
    pages = {}
    for file in files.documentation_pages():
        name = build.relative(file.abs_src_path) if file.abs_src_path else file.src_uri
        try:
            content = file.content_string
        except UnicodeDecodeError:
            raise EditionError("is not UTF-8 text; save it as UTF-8", file=name) from None
        if "\x00" in content:
            raise EditionError("is not text (it holds NUL bytes); save the page as text", file=name)
        try:
            front_matter(content)
        except EditionError as error:
            raise error.at(name) from None
        pages[file.src_uri] = content
    return pages


def kept_passages(config: MkDocsConfig, pages: dict[str, str], *, home_page: str) -> list[Passage]:
    """The paper's passages (`paper_passages`), each page's read once for every build that has
    the same text (edition/build_cache.py)."""
    kept = Kept(config, "passages")
    passages = []
    for src_uri, content in pages.items():
        made = kept.get(
            [src_uri, content, home_page],
            lambda src_uri=src_uri, content=content: [
                astuple(passage) for passage in read_passages(src_uri, content, home_page=home_page)
            ],
        )
        passages += [Passage(*values) for values in made]
    return sorted(passages, key=lambda passage: passage.order)


def check_paper_notes(build: Build, pages: dict[str, str], paper_numbers: set[int]) -> None:
    """The notes of the paper's pages: each labelled with a number the paper has, on one page."""
    paper_pages = [chapter.src_uri for chapter in build.chapters]
    if build.options.home_page in pages:
        paper_pages.insert(0, build.options.home_page)
    defined: dict[str, tuple[str, int]] = {}
    for src_uri in paper_pages:
        file = build.docs_path(src_uri)
        try:
            notes = check_notes(pages[src_uri])  # before any step reads them (the EPUB)
            for note in notes:
                check_label(note, paper_numbers)
                if note.label in defined and defined[note.label][0] != file:
                    first_file, first_line = defined[note.label]
                    raise EditionError(
                        f"note [^{note.label}] is also defined in {first_file}:{first_line}; "
                        "a note of the paper belongs to one page: remove one",
                        line=note.line,
                    )
                defined.setdefault(note.label, (file, note.line))
        except EditionError as error:
            raise error.at(file) from None


def check_paragraph_attributes(build: Build, pages: dict[str, str]) -> None:
    """A chapter's paragraphs may carry classes and attributes; their ids are the edition's."""
    for chapter in build.chapters:
        content = pages[chapter.src_uri]
        offset = content[: len(content) - len(chapter.body)].count("\n")
        for line, attributes in given_ids(chapter.body):
            raise EditionError(
                f"the attribute list {attributes} gives a paragraph an id, but a paragraph's id "
                "is the edition's (p-N, its permalink); remove the id and keep the rest",
                file=build.docs_path(chapter.src_uri),
                line=line + offset,
            )


class PaperText(Step):
    name = "paper_text"

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        build = self.build
        pages = read_pages(files, build)
        build.pages = pages
        build.home_markdown = pages.get(build.options.home_page, "")
        build.chapters = chapters_of(
            pages, list(build.paper.section_titles_sentence_case), file_of=build.docs_path
        )
        check_paragraph_attributes(build, pages)
        titles = [plain_text(chapter.title) for chapter in build.chapters]
        try:
            build.source = read_source(build.source_file, titles)
        except EditionError as error:
            raise error.at(build.relative(build.source_file)) from None
        check_paper_notes(build, pages, set(build.source.notes))
        build.passages = kept_passages(config, pages, home_page=build.options.home_page)
        names = [field.name for field in fields(Passage)]  # astuple's, without its deep copies
        build.passages_key = entry_name(
            *("\0".join(str(getattr(p, name)) for name in names) for p in build.passages)
        )
        build.source_passages = source_passages(build.source)
        return None


class CurrentPage(Step):
    """Tell the treeprocessors which page they are about to convert."""

    name = "current_page"

    def page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.build.page = page
        self.build.page_note_keys = {}
        self.build.late_anchors = set()
        return None
