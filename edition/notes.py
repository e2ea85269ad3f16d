"""Read the paper's notes out of a chapter's Markdown.

A note is a Markdown footnote labelled with the paper's own number
(`[^14]`). The works it cites are named at its end by a citation block in
pandoc syntax, `[@key]` or `[@key1; @key2]`, which the edition turns into
links to the bibliography; the author's words before it are left as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from edition.errors import EditionError

NOTE_MARKER = re.compile(r"\[\^([^\]\s]+)\](?!:)")
NOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$", re.MULTILINE)
CITATION_BLOCK = re.compile(r"[ \t]*\[(@[^\]]*)\][ \t]*$")
CITATION_KEY = re.compile(r"^@([a-z0-9_-]+)$")
PAPER_NUMBER = re.compile(r"^[1-9][0-9]*$")


@dataclass
class Note:
    """One note as the Markdown gives it."""

    label: str
    text: str
    cited_keys: list[str] = field(default_factory=list)
    line: int = 0


def parse_citation_block(block: str, *, label: str) -> list[str]:
    """Return the keys of a `@key1; @key2` block, in order."""
    keys = []
    for part in block.split(";"):
        match = CITATION_KEY.match(part.strip())
        if not match:
            lower = part.strip().lower()
            hint = (
                f"write it in lower case, as references.bib's keys are: [{lower}]"
                if CITATION_KEY.match(lower)
                else "write [@key] or [@key1; @key2] with keys of a-z, 0-9, _ and -"
            )
            raise EditionError(f"note [^{label}]: '{part.strip()}' is not a citation key; {hint}")
        keys.append(match.group(1))
    return keys


def read_notes(markdown: str) -> list[Note]:
    """All note definitions of a page, in the order they are written."""
    notes = []
    for match in NOTE_DEFINITION.finditer(markdown):
        label, text = match.group(1), match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        block = CITATION_BLOCK.search(text)
        try:
            keys = parse_citation_block(block.group(1), label=label) if block else []
        except EditionError as error:
            error.line = error.line or line
            raise
        notes.append(Note(label=label, text=text, cited_keys=keys, line=line))
    return notes


def check_label(note: Note, paper_numbers: set[int]) -> None:
    """A note is labelled with the paper's number for it: one of the notes the paper has."""
    if not PAPER_NUMBER.match(note.label):
        raise EditionError(
            f"note [^{note.label}] is not labelled with a number; label it (and its marker) "
            "with the paper's number for it, as in [^7]",
            line=note.line,
        )
    if paper_numbers and int(note.label) not in paper_numbers:
        raise EditionError(
            f"note [^{note.label}]: the paper has no note {note.label} (its notes are "
            f"{min(paper_numbers)} to {max(paper_numbers)}); label it with the paper's number",
            line=note.line,
        )


def read_markers(markdown: str) -> list[str]:
    """The labels of the note markers in the text, in reading order."""
    body = NOTE_DEFINITION.sub("", markdown)
    return [match.group(1) for match in NOTE_MARKER.finditer(body)]


def check_notes(markdown: str, *, line_offset: int = 0) -> list[Note]:
    """Return the page's notes, or raise EditionError naming the first mistake.

    `line_offset` is how many lines of the file stand before `markdown`, for the
    line a message names.
    """
    notes = read_notes(markdown)
    markers = read_markers(markdown)
    defined: dict[str, Note] = {}
    for note in notes:
        if note.label in defined:
            raise EditionError(
                f"note [^{note.label}] is defined twice "
                f"(first on line {defined[note.label].line + line_offset}); keep one definition",
                line=note.line,
            )
        defined[note.label] = note
    for label in markers:
        if label not in defined:
            raise EditionError(
                f"note marker [^{label}] has no definition; add a line '[^{label}]: ...' "
                "or remove the marker"
            )
    for note in notes:
        if note.label not in markers:
            raise EditionError(
                f"note [^{note.label}] is defined but never referenced; "
                f"add the marker [^{note.label}] to the text or remove the definition",
                line=note.line,
            )
    return notes
