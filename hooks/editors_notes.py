"""Show the editor's notes beside the words they are about, apart from the author's notes.

The paper's 22 notes are footnotes with the paper's numbers; the edition's
own remarks on apparent slips (data/editors_notes.yml) are not footnotes and
never renumber them. Each remark gets a small "ed." marker right after the
words it concerns and an aside after the paragraph (or at the end of the
note) it is about, both marked `edition-added`. The About page lists them all
where it holds the line `<!-- editors-notes -->`.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from edition.editors_notes import (
    EDITORS_NOTES_FILE,
    EditorNote,
    EditorsNotesError,
    load_editors_notes,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

LIST_PLACEHOLDER = "<!-- editors-notes -->"
PAGE_HEADING = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)

_notes: list[EditorNote] = []


def marker_html(note: EditorNote) -> str:
    return (
        f'<a class="editor-note-ref edition-added" id="{note.marker_id}" '
        f'href="#{note.note_id}" aria-label="Editor\'s note {note.number}" '
        f'title="Editor\'s note {note.number}"></a>'
    )


def aside_html(note: EditorNote) -> str:
    return (
        f'<aside class="editor-note edition-added" id="{note.note_id}" role="note" '
        f'aria-label="Editor\'s note {note.number}">'
        f'<span class="editor-note-label">Editor’s note {note.number}.</span> '
        f'{escape(note.remark, quote=False)} '
        f'<a class="editor-note-back" href="#{note.marker_id}" '
        f'aria-label="Back to the words of editor\'s note {note.number}">↩</a></aside>'
    )


def add_editors_notes(html: str, notes: list[EditorNote]) -> str:
    """Mark each note's words in its paragraph or note and add its aside.

    Raises EditorsNotesError when the anchor or the words are not on the page.
    """
    for note in notes:
        start = re.search(rf'<(p|li) id="{re.escape(note.anchor)}"[^>]*>', html)
        if not start:
            raise EditorsNotesError(
                f"entry {note.number}: the page has no paragraph or note '{note.anchor}'"
            )
        tag = start.group(1)
        end = html.find(f"</{tag}>", start.end())
        element = html[start.end():end]
        words = escape(note.words, quote=False)
        if element.count(words) != 1:
            raise EditorsNotesError(
                f"entry {note.number}: the words '{note.words}' are not "
                f"{'in' if words not in element else 'once in'} {note.anchor}; "
                "quote them exactly as the paper prints them"
            )
        cut = start.end() + element.index(words) + len(words)
        closing = end + len(f"</{tag}>")
        if tag == "p":
            html = html[:cut] + marker_html(note) + html[cut:closing] + aside_html(note) + html[closing:]
        else:
            html = html[:cut] + marker_html(note) + html[cut:end] + aside_html(note) + html[end:]
    return html


def list_editors_notes(notes: list[EditorNote], titles: dict[str, str]) -> str:
    """The Markdown list of every editor's note, linked to where it stands."""
    lines = ['<div class="editors-notes-list" markdown>', ""]
    for note in notes:
        where = f"{titles[note.page]}, {note.place}"
        lines.append(
            f"{note.number}. [{where}]({note.page}#{note.note_id}): on “{escape(note.words, quote=False)}”. "
            f"{escape(note.remark, quote=False)}"
        )
    lines += ["", "</div>"]
    return "\n".join(lines)


def page_titles(files: Files, pages: set[str]) -> dict[str, str]:
    """Each page's title as its first heading gives it."""
    titles = {}
    for src_uri in pages:
        file = files.get_file_from_path(src_uri)
        if file is None:
            raise EditorsNotesError(f"there is no page docs/{src_uri}")
        heading = PAGE_HEADING.search(file.content_string)
        titles[src_uri] = "The cover" if src_uri == "index.md" else (
            heading.group(1) if heading else src_uri
        )
    return titles


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _notes.clear()
    try:
        _notes.extend(load_editors_notes(Path(config.config_file_path).parent / EDITORS_NOTES_FILE))
    except EditorsNotesError as error:
        raise PluginError(f"{EDITORS_NOTES_FILE}: {error}") from None
    return config


def on_page_markdown(markdown: str, *, page: Page, files: Files, **_: object) -> str | None:
    if LIST_PLACEHOLDER not in markdown:
        return None
    try:
        titles = page_titles(files, {note.page for note in _notes})
    except EditorsNotesError as error:
        raise PluginError(f"{EDITORS_NOTES_FILE}: {error}") from None
    depth = page.file.src_uri.count("/")
    relative = [
        EditorNote(note.number, "../" * depth + note.page, note.anchor, note.words, note.remark)
        for note in _notes
    ]
    titles = {"../" * depth + page_uri: title for page_uri, title in titles.items()}
    return markdown.replace(LIST_PLACEHOLDER, list_editors_notes(relative, titles))


def on_page_content(html: str, *, page: Page, **_: object) -> str | None:
    notes = [note for note in _notes if note.page == page.file.src_uri]
    if not notes:
        return None
    try:
        html = add_editors_notes(html, notes)
    except EditorsNotesError as error:
        raise PluginError(f"{EDITORS_NOTES_FILE}: {error} (docs/{page.file.src_uri})") from None
    page.present_anchor_ids.update(
        anchor for note in notes for anchor in (note.note_id, note.marker_id)
    )
    return html
