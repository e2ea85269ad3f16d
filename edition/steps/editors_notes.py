"""Show the editor's notes beside the words they are about, apart from the author's notes.

The paper's notes are footnotes with the paper's numbers; the edition's
own remarks on apparent slips (the data file `editors_notes` names) are not
footnotes and never renumber them. Each remark gets a small "ed." marker right
after the words it concerns and an aside after the paragraph (or at the end of
the note) it is about, both marked `edition-added`. The words are looked for
in the text of the paragraph as a reader sees it, never in its markup or
attributes. The About page lists them all where it holds
`<!-- edition:editors-notes -->`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.treeprocessors import Treeprocessor

from edition.editors_notes import EditorNote, load_editors_notes
from edition.errors import EditionError
from edition.step import Step
from edition.templates import fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
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

    def config(self, config: MkDocsConfig) -> None:
        self.file = self.build.relative(self.build.options.editors_notes)
        self.notes = load_editors_notes(self.build.options.editors_notes, name=self.file)
        self.build.fillers["editors-notes"] = self.render

    def render(self, page: Page) -> list[etree.Element]:
        for note in self.notes:
            if note.page not in {chapter.src_uri for chapter in self.build.chapters} | {
                self.build.options.home_page
            }:
                raise EditionError(
                    f"entry {note.number}: there is no page {self.build.docs_path(note.page)}",
                    file=self.file,
                )
        notes = [
            {
                "page": note.page,
                "note_id": note.note_id,
                "where": f"{self.place_title(note.page)}, {note.place}",
                "words": note.words,
                "remark": note.remark,
            }
            for note in self.notes
        ]
        return fragment("editors-notes.html", notes=notes)

    def place_title(self, src_uri: str) -> str:
        from edition.apparatus import HOME_PAGE_LABEL

        if src_uri == self.build.options.home_page:
            return HOME_PAGE_LABEL
        return self.build.chapter_title(src_uri)
