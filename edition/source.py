"""The paper as the PDF extraction in source/ gives it, with its page-break artefacts undone.

The extraction interrupts a paragraph wherever a page ends: the notes of that
page stand between its two halves. Joining every block that does not end a
sentence with the next text block gives back the paper's paragraphs; each
join is recorded, so that the edition can list where it departs from the file.

The file is Markdown-flavoured: `*...*` is italics, `**...**` bold,
`<http://...>` a link, `- ` at a line's start a list item and a backslash
escapes the next character. `decoded` gives the characters a reader sees;
each escape is recorded too, since the edition prints the character alone.
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
# What CommonMark (and pandoc) let a backslash escape: ASCII punctuation
ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
STRONG = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
EMPHASIS = re.compile(r"\*(.+?)\*", re.DOTALL)
LIST_MARKER = re.compile(r"^- ", re.MULTILINE)
LIST_ITEM_START = re.compile(r"\n(?=- )")
ESCAPED = 0xE000  # escaped characters stand in the Private Use Area while the rest is decoded


@dataclass(frozen=True)
class Place:
    """Where something stands in source/: a section's paragraph or a note."""

    section: int | None  # index of the section in `Source.sections`; None for a note
    paragraph: int  # index of the paragraph in its section; the note's number for a note

    @property
    def is_note(self) -> bool:
        return self.section is None


@dataclass(frozen=True)
class Join:
    """Two halves of a paragraph that a page break had parted, joined again."""

    place: Place
    end_of_first: str
    start_of_second: str

    @property
    def glue(self) -> str:
        """What joins them: nothing after a hyphen ("counter-" + "terrorism"), else a space."""
        return "" if self.end_of_first.endswith("-") else " "


@dataclass(frozen=True)
class Escape:
    """A backslash escape of source/: the edition prints the character without it."""

    place: Place
    written: str  # the escape with the characters around it, as source/ writes them
    printed: str  # the same, decoded

    @property
    def character(self) -> str:
        return ESCAPE.search(self.written).group(1)  # type: ignore[union-attr]


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Source:
    cover: list[str]
    sections: list[Section]
    notes: dict[int, str]
    joins: list[Join] = field(default_factory=list)
    escapes: list[Escape] = field(default_factory=list)

    @property
    def joined(self) -> list[tuple[str, str]]:
        """(end of first half, start of second half) of each join, in order."""
        return [(join.end_of_first, join.start_of_second) for join in self.joins]

    def text_at(self, place: Place) -> str:
        if place.is_note:
            return self.notes[place.paragraph]
        return self.sections[place.section].paragraphs[place.paragraph]  # type: ignore[index]


def note_number(superscript: str) -> int:
    return int(superscript.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))


def read_source(path: Path, section_titles: Iterable[str]) -> Source:
    """Cover lines, sections with whole paragraphs, notes by number, the joins and escapes.

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
    joins: list[Join] = []
    for block in filter(None, blocks):
        note = NOTE_LINE.match(block)
        if note:
            notes[note_number(note.group(1))] = note.group(2)
        elif block in section_titles:
            sections.append(Section(block))
        elif not sections:
            cover.append(block)
        elif sections[-1].paragraphs and _is_cut(sections[-1].paragraphs[-1]):
            paragraphs = sections[-1].paragraphs
            first = paragraphs.pop()
            place = Place(len(sections) - 1, len(paragraphs))
            joins.append(Join(place, first[-40:], block[:40]))
            paragraphs.append(first + ("" if first.endswith("-") else " ") + block)
        else:
            sections[-1].paragraphs.append(block)
    source = Source(cover=cover, sections=sections, notes=notes, joins=joins)
    source.escapes = find_escapes(source)
    return source


def _is_cut(paragraph: str) -> bool:
    return not paragraph.startswith("- ") and not SENTENCE_END.search(paragraph)


def decoded(markdown: str) -> str:
    """A text of source/ as a reader sees it: emphasis, autolinks, list markers and escapes decoded.

    Note numbers (superscript digits) are kept: they are the paper's characters.
    """
    text = ESCAPE.sub(lambda match: chr(ESCAPED + ord(match.group(1))), markdown)
    text = AUTOLINK.sub(r"\1", text)
    text = STRONG.sub(r"\1", text)
    text = EMPHASIS.sub(r"\1", text)
    text = LIST_MARKER.sub("", text)
    return re.sub("[\ue000-\ue07f]", lambda match: chr(ord(match.group(0)) - ESCAPED), text)


def list_items(paragraph: str) -> list[str]:
    """A paragraph of source/ as the edition numbers it: each item of a list on its own."""
    return LIST_ITEM_START.split(paragraph) if paragraph.startswith("- ") else [paragraph]


def paragraph_number(source: Source, place: Place, position: int = 0) -> int:
    """The edition's number (¶ N) of the paragraph at `place`, at `position` in its text.

    Within its section, every paragraph counts one, and every item of a list one.
    """
    paragraphs = source.sections[place.section].paragraphs  # type: ignore[index]
    before = sum(len(list_items(text)) for text in paragraphs[: place.paragraph])
    text = paragraphs[place.paragraph]
    within = len(list_items(text[:position])) - 1 if text.startswith("- ") else 0
    return before + within + 1


def find_escapes(source: Source) -> list[Escape]:
    """Every backslash escape in the sections and the notes, in reading order."""
    places = [
        Place(index, number)
        for index, section in enumerate(source.sections)
        for number in range(len(section.paragraphs))
    ] + [Place(None, number) for number in sorted(source.notes)]
    found = []
    for place in places:
        text = source.text_at(place)
        for match in ESCAPE.finditer(text):
            start, end = match.start(), match.end()  # the word the escape stands in
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            while end < len(text) and not text[end].isspace():
                end += 1
            written = text[start:end].strip()
            found.append(Escape(place, written, decoded(written)))
    return found


def words(text: str) -> list[str]:
    """The words of a text as a reader sees them: markup, note numbers and quote styles aside."""
    text = NOTE_NUMBER.sub(" ", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = text.replace("\\$", "$").replace("**", "").replace("*", "")
    text = re.sub(r"^- ", "", text, flags=re.MULTILINE)
    text = re.sub(r"[“”„]", '"', text)
    text = re.sub(r"[‘’]", "'", text)
    return text.split()
