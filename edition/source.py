"""The paper as the PDF extraction in source/ gives it, with its page-break artefacts undone.

The extraction interrupts a paragraph wherever a page ends: the notes of that
page stand between its two halves. Joining every block that does not end a
sentence with the next text block gives back the paper's paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "source" / "snyder-2009-strengthening-the-us-rok-alliance.txt"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
NOTE_NUMBER = re.compile(f"[{SUPERSCRIPTS}]+")
NOTE_LINE = re.compile(f"^([{SUPERSCRIPTS}]+) (.*)$", re.DOTALL)
SECTION_TITLES = (
    "Introduction",
    "Alliance Adaptation Following the End of the Cold War",
    "Establishing a Mutually Beneficial Rationale for a 21st Century Alliance",
    'Synchronizing Views of Alliance Cooperation: Reconciling "Inside-Out" and '
    '"Outside-In" Perspectives on a Comprehensive Alliance',
)
SENTENCE_END = re.compile(f"[.?!:;\"”)\\]{SUPERSCRIPTS}]$")


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Paper:
    cover: list[str]
    sections: list[Section]
    notes: dict[int, str]
    joined: list[tuple[str, str]]  # (end of first half, start of second half)


def note_number(superscript: str) -> int:
    return int(superscript.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))


def read_paper(path: Path = SOURCE) -> Paper:
    """Cover lines, sections with whole paragraphs, and notes by number."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
    cover: list[str] = []
    sections: list[Section] = []
    notes: dict[int, str] = {}
    joined: list[tuple[str, str]] = []
    for block in filter(None, blocks):
        note = NOTE_LINE.match(block)
        if note:
            notes[note_number(note.group(1))] = note.group(2)
        elif block in SECTION_TITLES:
            sections.append(Section(block))
        elif not sections:
            cover.append(block)
        elif sections[-1].paragraphs and _is_cut(sections[-1].paragraphs[-1]):
            first = sections[-1].paragraphs.pop()
            joined.append((first[-40:], block[:40]))
            sections[-1].paragraphs.append(first + ("" if first.endswith("-") else " ") + block)
        else:
            sections[-1].paragraphs.append(block)
    return Paper(cover=cover, sections=sections, notes=notes, joined=joined)


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
