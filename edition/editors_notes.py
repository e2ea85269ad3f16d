"""Read the editor's notes: the edition's remarks on apparent slips in the paper.

They live in `data/editors_notes.yml`, one entry per remark, in reading order.
Each names a page, the paragraph (`p-N`) or note (`fn:N`) it is about, or on
the Bibliography page the entry (its key) that departs from a note, the exact
words it concerns as the page prints them, and the remark. They are numbered
1, 2, 3 in the order of the file, apart from the paper's own notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edition.apparatus import read_yaml
from edition.errors import EditionError

EDITORS_NOTES_FILE = Path("data") / "editors_notes.yml"
ANCHOR = re.compile(r"^(?:p-\d+|fn:\d+|[a-z0-9_-]+)$")  # a paragraph, a note, an entry's key
PASSAGE = re.compile(r"^(?:p-\d+|fn:\d+)$")
FIELDS = ("page", "anchor", "words", "remark")


@dataclass(frozen=True)
class EditorNote:
    number: int
    page: str
    anchor: str
    words: str
    remark: str

    @property
    def note_id(self) -> str:
        """The id of the remark on its page."""
        return f"ed-{self.number}"

    @property
    def marker_id(self) -> str:
        """The id of the marker beside the words the remark is about."""
        return f"ed-ref-{self.number}"

    @property
    def is_on_entry(self) -> bool:
        """Whether the remark is about a bibliography entry (its anchor is the entry's key)."""
        return not PASSAGE.match(self.anchor)

    @property
    def place(self) -> str:
        """Where the remark stands, in the reader's words: '¶ 19', 'note 16' or 'the entry'."""
        if self.is_on_entry:
            return "the entry"
        kind, _, number = self.anchor.partition("-" if self.anchor.startswith("p-") else ":")
        return f"¶ {number}" if kind == "p" else f"note {number}"


def parse_editors_notes(entries: object) -> list[EditorNote]:
    """Check the YAML's entries and number them in order."""
    if not isinstance(entries, list):
        raise EditionError("the file must be a list of entries (- page: ...)")
    notes = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            raise EditionError(f"entry {number} must have exactly the fields {', '.join(FIELDS)}")
        if not all(isinstance(entry[name], str) and entry[name].strip() for name in FIELDS):
            raise EditionError(f"entry {number}: every field must be non-empty text")
        if not ANCHOR.match(entry["anchor"]):
            raise EditionError(
                f"entry {number}: anchor '{entry['anchor']}' must be a paragraph (p-7), "
                "a note (fn:16) or, on the Bibliography page, an entry's key"
            )
        notes.append(EditorNote(number=number, **{name: entry[name].strip() for name in FIELDS}))
    return notes


def load_editors_notes(
    path: Path | str, *, name: str = str(EDITORS_NOTES_FILE)
) -> list[EditorNote]:
    """The editor's notes of `path`, or EditionError naming the first mistake.

    `name` is the file as the editor knows it (data/editors_notes.yml).
    """
    entries = read_yaml(Path(path), name=name)
    try:
        return parse_editors_notes(entries)
    except EditionError as error:
        raise error.at(name) from None
