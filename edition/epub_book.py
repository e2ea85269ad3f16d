"""The EPUB's text: the paper in pandoc's Markdown, with its apparatus, for edition/steps/epub.py.

The book is put together from the chapter files and the home page (the
cover's author line and note 1), like the one-page edition, so that it cannot
drift from the section pages. Pandoc makes of it an EPUB 3 book of one file per
part, with a title page and a navigation that lists every part:

- the paper's head (title, author, affiliation) and its four sections, each
  paragraph opened by its number as on the web (`introduction-p-3`);
- the notes with the paper's numbers, each linked both ways with its marker
  (`epub:type` noteref and endnote, with the matching DPUB-ARIA roles), in a
  Notes part; their numbers are the paper's, not pandoc's;
- the editor's notes, each after the paragraph, note or entry it is about,
  with a marker after the words, marked as the edition's;
- the Bibliography: the site's entries, as its page formats them, each with
  links to the notes that cite it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from edition.editors_notes import EditorNote
from edition.errors import EditionError
from edition.notes import CITATION_BLOCK, NOTE_DEFINITION, NOTE_MARKER, Note, read_notes
from edition.paragraphs import paragraph_id, split_blocks
from edition.whole_paper import (
    AFFILIATION,
    AUTHOR,
    LIST_MARKER,
    Chapter,
    demote_headings,
    one_page_id,
    read_title_page,
)

# The ASCII punctuation that pandoc's Markdown could read as markup, in a remark's plain text
MARKUP = re.compile(r"([\\`*_{}\[\]<>#$^~@|])")


@dataclass(frozen=True)
class BookEntry:
    """One entry of the Bibliography, as the site formats it (Markdown), and its notes."""

    key: str
    text: str
    cited_in: list[str]  # the labels of the notes that cite it


def plain(text: str) -> str:
    """Plain text (an editor's remark) as pandoc's Markdown, none of it read as markup."""
    return MARKUP.sub(r"\\\1", " ".join(text.split()))


def note_id(label: str) -> str:
    return f"note-{label}"


def note_ref_id(label: str) -> str:
    return f"note-ref-{label}"


def note_ref(label: str) -> str:
    """A note's marker in the text: its number, linked to the note."""
    return (
        f"[{label}](#{note_id(label)}){{#{note_ref_id(label)} .noteref "
        f'epub:type="noteref" role="doc-noteref" aria-label="Note {label}"}}'
    )


def with_note_refs(markdown: str) -> str:
    """The Markdown with every `[^N]` marker a linked number."""
    return NOTE_MARKER.sub(lambda match: note_ref(match.group(1)), markdown)


def editor_note_ref(note: EditorNote) -> str:
    """The "ed." after the words an editor's note is about, linked to the note."""
    return (
        f"[ed.](#{note.note_id}){{#{note.marker_id} .editor-note-ref .edition-added "
        f'aria-label="Editor\'s note {note.number}"}}'
    )


def editor_note_block(note: EditorNote) -> str:
    """An editor's note: numbered, marked as the edition's, linked back to its words."""
    return (
        f'::: {{#{note.note_id} .editor-note .edition-added role="note" '
        f'aria-label="Editor\'s note {note.number}"}}\n'
        f"*Editor's note {note.number}.* {plain(note.remark)} "
        f'[↩](#{note.marker_id}){{.editor-note-back role="doc-backlink" '
        f'aria-label="Back to the words of editor\'s note {note.number}"}}\n:::'
    )


def mark_words(text: str, note: EditorNote) -> str:
    """`text` with the editor's note's marker right after its words, found once."""
    count = text.count(note.words)
    if count != 1:
        raise EditionError(
            f"entry {note.number}: the words '{note.words}' are "
            f"{'not' if count == 0 else 'more than once'} in the EPUB's text of {note.anchor}; "
            "quote them as the page's Markdown writes them"
        )
    return text.replace(note.words, note.words + editor_note_ref(note), 1)


def chapter_part(chapter: Chapter, notes: list[EditorNote]) -> str:
    """A section of the paper: its heading one level down, each paragraph numbered."""
    body = NOTE_DEFINITION.sub("", chapter.body).rstrip() + "\n"
    remarks = {note.anchor: note for note in notes if note.page == chapter.src_uri}
    blocks = []
    number = 0
    for block, paragraphs in split_blocks(demote_headings(body)):
        if paragraphs is None:
            if block.strip():
                blocks.append(block.strip("\n"))
            continue
        items, after = [], []
        for paragraph in paragraphs:
            number += 1
            marker = LIST_MARKER.match(paragraph)
            head = marker.group(1) if marker else ""
            text = paragraph[len(head) :]
            note = remarks.pop(paragraph_id(number), None)
            if note is not None:
                text = mark_words(text, note)
                after.append(editor_note_block(note))
            anchor = one_page_id(chapter.src_uri, paragraph_id(number))
            numbered = f"[{number}]{{#{anchor} .paragraph-number .edition-added}} "
            items.append(f"{head}{numbered}{with_note_refs(text)}")
        blocks.append("\n".join(items))
        blocks += after
    return "\n\n".join(blocks)


def note_text(note: Note) -> str:
    """A note as the author wrote it: the edition's closing `[@key]` block removed."""
    block = CITATION_BLOCK.search(note.text)
    return (note.text[: block.start()] if block else note.text).strip()


def endnote(note: Note, remarks: list[EditorNote]) -> str:
    """One note of the Notes part: its number (back to its marker), its text, its remarks."""
    text = note_text(note)
    for remark in remarks:
        text = mark_words(text, remark)
    number = (
        f'[{note.label}](#{note_ref_id(note.label)}){{.note-number role="doc-backlink" '
        f'aria-label="Back to note {note.label} in the text"}}'
    )
    parts = [f"{number} {with_note_refs(text)}", *(editor_note_block(r) for r in remarks)]
    body = "\n\n".join(parts)
    return f'::: {{#{note_id(note.label)} .endnote epub:type="endnote"}}\n{body}\n:::'


def notes_part(notes: Iterable[tuple[str, Note]], remarks: list[EditorNote]) -> str:
    """Every note, in the paper's order: `notes` are (page, note) pairs."""
    ordered = sorted(notes, key=lambda pair: int(pair[1].label) if pair[1].label.isdigit() else 0)
    endnotes = [
        endnote(
            note,
            [r for r in remarks if r.page == page and r.anchor == f"fn:{note.label}"],
        )
        for page, note in ordered
    ]
    heading = '# Notes {#notes epub:type="endnotes" role="doc-endnotes"}'
    return "\n\n".join([heading, *endnotes])


def bibliography_part(
    entries: list[BookEntry], remarks: list[EditorNote], *, bibliography_page: str
) -> str:
    """Every work the notes cite, as the Bibliography page gives it, each with its notes."""
    on_entries = {r.anchor: r for r in remarks if r.page == bibliography_page}
    blocks = ['# Bibliography {#bibliography epub:type="bibliography" role="doc-bibliography"}']
    for entry in entries:
        text = entry.text
        remark = on_entries.pop(entry.key, None)
        if remark is not None:
            text = mark_words(text, remark)
        if entry.cited_in:
            links = ", ".join(f"[n.\u00a0{label}](#{note_id(label)})" for label in entry.cited_in)
            text += f" [Cited in {links}.]{{.cited-in .edition-added}}"
        blocks.append(f"::: {{#ref-{entry.key} .bibliography-entry}}\n{text}\n:::")
        if remark is not None:
            blocks.append(editor_note_block(remark))
    if on_entries:
        key, remark = next(iter(on_entries.items()))
        raise EditionError(f"entry {remark.number}: there is no bibliography entry '{key}'")
    return "\n\n".join(blocks)


def book_markdown(
    home_markdown: str,
    chapters: list[Chapter],
    *,
    title: str,
    metadata_yaml: str,
    home_page: str,
    home_file: str,
    bibliography_page: str,
    editors_notes: list[EditorNote],
    entries: list[BookEntry],
) -> str:
    """The whole book in pandoc's Markdown.

    A mistake in the cover is placed in `home_file` (docs/index.md), any other
    in the editor's notes.
    """
    try:
        cover, title_page_notes = read_title_page(home_markdown)
    except EditionError as error:
        raise error.at(home_file) from None
    affiliation, author = AFFILIATION.search(cover), AUTHOR.search(cover)
    if not affiliation or not author:
        raise EditionError(
            'the cover needs <p class="cover-author"> and <p class="cover-affiliation" markdown>',
            file=home_file,
        )
    head = [
        f"# {title} {{#paper}}",
        f"::: {{.author-line}}\n{author.group(1)}\n\n{with_note_refs(affiliation.group(1))}\n:::",
    ]
    notes = [(home_page, note) for note in read_notes(title_page_notes)]
    notes += [(chapter.src_uri, note) for chapter in chapters for note in read_notes(chapter.body)]
    parts = [
        f"---\n{metadata_yaml.strip()}\n---",
        *head,
        *(chapter_part(chapter, editors_notes) for chapter in chapters),
        notes_part(notes, editors_notes),
        bibliography_part(entries, editors_notes, bibliography_page=bibliography_page),
    ]
    book = "\n\n".join(parts) + "\n"
    for note in editors_notes:
        if f"#{note.marker_id} " not in book:
            raise EditionError(
                f"entry {note.number}: the EPUB has no {note.anchor} on {note.page} to put it on"
            )
    return book
