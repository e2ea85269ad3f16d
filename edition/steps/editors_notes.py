"""Show the editor's notes beside the words they are about, apart from the author's notes.

The paper's notes are footnotes with the paper's numbers; the edition's
own remarks on apparent slips (the data file `editors_notes` names) are not
footnotes and never renumber them. Each remark gets a small "ed." marker right
after the words it concerns and an aside after the paragraph (or at the end of
the note or bibliography entry) it is about, both marked `edition-added`, on
its own page and on the whole paper's page; the EPUB has them too
(edition/epub_book.py). The words are looked for
in the text of the paragraph as a reader sees it, never in its markup or
attributes. The About page lists them all where it holds
`<!-- edition:editors-notes -->`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import replace
from typing import TYPE_CHECKING

from markdown.treeprocessors import Treeprocessor

from edition.apparatus import HOME_PAGE_LABEL, page_title
from edition.bibliography import short_label
from edition.editors_notes import EditorNote, load_editors_notes
from edition.errors import EditionError
from edition.step import Step
from edition.templates import fragment
from edition.whole_paper import one_page_id

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from edition.build import Build

# (element, "text" or "tail"): where a run of the element's text is kept in the tree
TextSlot = tuple[etree.Element, str]


def text_slots(element: etree.Element) -> list[TextSlot]:
    """Every run of text inside `element`, in reading order (its own tail excluded)."""
    slots: list[TextSlot] = [(element, "text")]
    for child in element:
        slots += text_slots(child)
        slots.append((child, "tail"))
    return slots


def find_element(root: etree.Element, anchor: str) -> etree.Element | None:
    for element in root.iter():
        if element.tag in ("p", "li") and element.get("id") == anchor:
            return element
    return None


def parent_of(root: etree.Element, element: etree.Element) -> etree.Element:
    for parent in root.iter():
        if element in list(parent):
            return parent
    raise ValueError("the element is not in the tree")


def insert_after_words(
    root: etree.Element, container: etree.Element, words: str, marker: etree.Element
) -> int:
    """Put `marker` right after the one occurrence of `words`; return how many there are."""
    slots = text_slots(container)
    runs = [getattr(element, place) or "" for element, place in slots]
    text = "".join(runs)
    count = text.count(words)
    if count != 1:
        return count
    end = text.index(words) + len(words)
    for (element, place), run in zip(slots, runs, strict=False):
        if end > len(run) or (end == len(run) and not run):
            end -= len(run)
            continue
        before, after = run[:end], run[end:]
        if place == "text" and element is not container and not after and not len(element):
            # The words end with an inline element's text: the marker follows the element.
            parent = parent_of(root, element)
            marker.tail, element.tail = element.tail, None
            parent.insert(list(parent).index(element) + 1, marker)
            return 1
        setattr(element, place, before)
        marker.tail = after
        if place == "text":
            element.insert(0, marker)
        else:
            parent = parent_of(root, element)
            parent.insert(list(parent).index(element) + 1, marker)
        return 1
    raise AssertionError("the words end past the text")


def add_editors_notes(root: etree.Element, notes: list[EditorNote]) -> None:
    """Mark each note's words in its paragraph or note and add its aside.

    Raises EditionError when the anchor or the words are not on the page.
    """
    for note in notes:
        container = find_element(root, note.anchor)
        if container is None:
            raise EditionError(
                f"entry {note.number}: the page has no paragraph or note '{note.anchor}'"
            )
        marker, aside = fragment("editor-note.html", note=note)
        count = insert_after_words(root, container, note.words, marker)
        if count != 1:
            raise EditionError(
                f"entry {note.number}: the words '{note.words}' are not "
                f"{'in' if count == 0 else 'once in'} {note.anchor}; "
                "quote them exactly as the paper prints them"
            )
        if container.tag == "p":
            parent = parent_of(root, container)
            aside.tail, container.tail = container.tail, None
            parent.insert(list(parent).index(container) + 1, aside)
        else:
            container.append(aside)


class EditorsNotesTree(Treeprocessor):
    def __init__(self, md, build: Build, step: EditorsNotes) -> None:
        super().__init__(md)
        self.build = build
        self.step = step

    def run(self, root: etree.Element) -> None:
        page = self.build.page
        if page is None:
            return
        if page.file.src_uri == self.build.options.whole_paper_page:
            # Every remark, at its paragraph's, note's or entry's id on the one page.
            notes = [
                replace(note, anchor=one_page_id(note.page, note.anchor))
                for note in self.step.notes
            ]
        else:
            notes = [note for note in self.step.notes if note.page == page.file.src_uri]
        if notes:
            try:
                add_editors_notes(root, notes)
            except EditionError as error:
                raise EditionError(
                    f"{error.message} ({self.build.source_of(page)})", file=self.step.file
                ) from None


class EditorsNotes(Step):
    name = "editors_notes"
    after = {"paper_text": "each remark's page is checked against the chapters it reads"}

    def config(self, config: MkDocsConfig) -> None:
        self.file = self.build.relative(self.build.options.editors_notes)
        self.notes = load_editors_notes(self.build.options.editors_notes, name=self.file)
        self.build.editors_notes = self.notes
        self.build.fillers["editors-notes"] = self.render

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.check_places()
        return None

    def render(self, page: Page) -> list[etree.Element]:
        notes = [
            {
                "page": note.page,
                "note_id": note.note_id,
                "where": self.where(note),
                "words": note.words,
                "remark": note.remark,
            }
            for note in self.notes
        ]
        return fragment("editors-notes.html", notes=notes)

    def check_places(self) -> None:
        """Each remark is on a page of the paper, or on an entry of the Bibliography page."""
        build = self.build
        paper_pages = {chapter.src_uri for chapter in build.chapters} | {build.options.home_page}
        for note in self.notes:
            if note.page == build.options.bibliography_page:
                if note.anchor not in build.bibliography.entries:
                    raise EditionError(
                        f"entry {note.number}: on {build.docs_path(note.page)}, the anchor "
                        f"'{note.anchor}' must be the key of an entry of references.bib",
                        file=self.file,
                    )
            elif note.page not in paper_pages:
                raise EditionError(
                    f"entry {note.number}: there is no page {build.docs_path(note.page)} "
                    f"of the paper; write one of {', '.join(sorted(paper_pages))}",
                    file=self.file,
                )
            elif note.is_on_entry:
                raise EditionError(
                    f"entry {note.number}: anchor '{note.anchor}' must be a paragraph (p-7) "
                    "or a note (fn:16)",
                    file=self.file,
                )

    def where(self, note: EditorNote) -> str:
        """'Introduction, ¶ 6', 'Title page, note 1', 'Bibliography, the entry Joint ... 2004'."""
        build = self.build
        if note.is_on_entry:
            title = page_title(build.pages.get(note.page, ""), "Bibliography")
            return f"{title}, the entry {short_label(build.bibliography.entries[note.anchor])}"
        if note.page == build.options.home_page:
            return f"{HOME_PAGE_LABEL}, {note.place}"
        return f"{build.chapter_title(note.page)}, {note.place}"
