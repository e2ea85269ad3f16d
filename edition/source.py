"""The paper as the PDF extraction in source/ gives it, with its page-break artefacts undone.

The extraction interrupts a paragraph wherever a page ends: the notes of that
page stand between its two halves. Joining every block that does not end a
sentence with the next text block gives back the paper's paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from edition.errors import EditionError

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
NOTE_NUMBER = re.compile(f"[{SUPERSCRIPTS}]+")
NOTE_LINE = re.compile(f"^([{SUPERSCRIPTS}]+) (.*)$", re.DOTALL)
SENTENCE_END = re.compile(f'[.?!:;"”)\\]{SUPERSCRIPTS}]$')


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Source:
    cover: list[str]
    sections: list[Section]
    notes: dict[int, str]
    joined: list[tuple[str, str]]  # (end of first half, start of second half)


def note_number(superscript: str) -> int:
    return int(superscript.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))


def read_source(path: Path, section_titles: Iterable[str]) -> Source:
    """Cover lines, sections with whole paragraphs, and notes by number.

    `section_titles` are the paper's section headings as the text prints them.
    """
    section_titles = set(section_titles)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise EditionError("is not UTF-8 text; save it as UTF-8") from None
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text)]
    cover: list[str] = []
    sections: list[Section] = []
    notes: dict[int, str] = {}
    joined: list[tuple[str, str]] = []
    for block in filter(None, blocks):
        note = NOTE_LINE.match(block)
        if note:
            notes[note_number(note.group(1))] = note.group(2)
        elif block in section_titles:
            sections.append(Section(block))
        elif not sections:
            cover.append(block)
        elif sections[-1].paragraphs and _is_cut(sections[-1].paragraphs[-1]):
            first = sections[-1].paragraphs.pop()
            joined.append((first[-40:], block[:40]))
            sections[-1].paragraphs.append(first + ("" if first.endswith("-") else " ") + block)
        else:
            sections[-1].paragraphs.append(block)
    return Source(cover=cover, sections=sections, notes=notes, joined=joined)


def _is_cut(paragraph: str) -> bool:
    return not paragraph.startswith("- ") and not SENTENCE_END.search(paragraph)


def words(text: str) -> list[str]:
    """The words of a text as a reader sees them: markup, note numbers and quote styles aside."""
    text = NOTE_NUMBER.sub(" ", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = text.replace("\\$", "$").replace("**", "").replace("*", "")
    text = re.sub(r"^- ", "", text, flags=re.MULTILINE)
    text = re.sub(r"[“”„]", '"', text)
    text = re.sub(r"[‘’]", "'", text)
    return text.split()
