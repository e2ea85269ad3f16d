"""The paper's reference text, read as the build reads it, for the fidelity tests.

The character tests compare what a reader sees with source/ once its Markdown
is decoded (edition.source.decoded), folding only quote styles and white
space; a note marker counts as the superscript number the paper prints.
"""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

from edition.apparatus import plain_text
from edition.source import (
    NOTE_NUMBER,
    SUPERSCRIPTS,
    Source,
    decoded,
    list_items,
    note_number,
    read_source,
)
from edition.whole_paper import read_chapters

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FILE = ROOT / "source" / "snyder-2009-strengthening-the-us-rok-alliance.txt"
DOUBLE_QUOTES = re.compile("[“”„‟]")
SINGLE_QUOTES = re.compile("[‘’‚‛]")
# What the edition adds inside the author's text on the web: none of it is the author's
NOT_THE_AUTHORS = ".edition-added, .headerlink, .footnote-backref"


# The paper's four sections, as their pages are named (alliance-adaptation/), in its order
SECTION_SLUGS = [
    "introduction",
    "alliance-adaptation",
    "mutually-beneficial-rationale",
    "synchronizing-views",
]


@functools.cache
def the_source() -> Source:
    """source/ with its paragraphs joined across page breaks, split at the chapters' headings."""
    titles = [plain_text(chapter.title) for chapter in read_chapters(ROOT / "docs")]
    return read_source(SOURCE_FILE, titles)


def folded(text: str) -> str:
    """Text as the character tests compare it: quote styles and white space folded, nothing else."""
    text = SINGLE_QUOTES.sub("'", DOUBLE_QUOTES.sub('"', text))
    return " ".join(text.split())


def superscript(label: str) -> str:
    """A note's number as the paper prints it: ¹⁶."""
    return label.translate(str.maketrans("0123456789", SUPERSCRIPTS))


def expected_paragraphs(section_index: int, *, markers: bool = True) -> list[str]:
    """The section's paragraphs (each list item one) as a reader must see them."""
    section = the_source().sections[section_index]
    texts = [decoded(item) for text in section.paragraphs for item in list_items(text)]
    if not markers:
        texts = [NOTE_NUMBER.sub("", text) for text in texts]
    return [folded(text) for text in texts]


def expected_note(number: int) -> str:
    """Note `number` as a reader must see it."""
    return folded(decoded(the_source().notes[number]))


def section_notes(section_index: int) -> list[int]:
    """The numbers of the notes whose markers stand in the section, in order."""
    text = "".join(the_source().sections[section_index].paragraphs)
    return [note_number(marker) for marker in NOTE_NUMBER.findall(text)]


def authors_text(element, *, marker: str, added: str = NOT_THE_AUTHORS) -> str:
    """An element's text without what the edition adds; each note marker as its superscript.

    `marker` selects the note markers; each one's text is the note's number.
    """
    element = copy.copy(element)
    for mark in element.select(marker):
        mark.replace_with(superscript(mark.get_text().strip()))
    for extra in element.select(added):
        extra.decompose()
    return folded(element.get_text())


def first_difference(found: str, expected: str) -> str:
    """Where two texts part, for a failing test's message."""
    at = next((i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b), None)
    if at is None:
        at = min(len(found), len(expected))
    start = max(at - 30, 0)
    return f"at {at}: found {found[start : at + 30]!r}, source {expected[start : at + 30]!r}"
