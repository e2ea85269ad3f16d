"""The edition's one bibliography, `references.bib`, read strictly."""

from __future__ import annotations

import re
from pathlib import Path

from pybtex.database import BibliographyData, Entry, parse_file
from pybtex.scanner import PybtexError

from edition.errors import EditionError

KEY = re.compile(r"^[a-z0-9_-]+$")
LATEX_MARKUP = re.compile(r"[{}\\]")


def load_bibliography(path: Path) -> BibliographyData:
    """Parse the file, refusing what pybtex would only warn about."""
    if not path.is_file():
        raise EditionError(f"{path.name}: file not found")
    text = path.read_text(encoding="utf-8")
    _check_duplicate_keys(text, path)
    _check_entries_are_closed(text, path)
    try:
        data = parse_file(str(path), bib_format="bibtex")
    except PybtexError as error:
        raise EditionError(f"{path.name}: {_one_line(str(error))}") from None
    for key in data.entries:
        if not KEY.match(key):
            line = _line_of(text, key)
            raise EditionError(
                f"{path.name}:{line}: key '{key}' may use only a-z, 0-9, _ and -; rename it"
            )
    return data


def _check_duplicate_keys(text: str, path: Path) -> None:
    seen: dict[str, int] = {}
    for match in re.finditer(r"^\s*@\w+\s*[{(]\s*([^,\s]+)\s*,", text, re.MULTILINE):
        key = match.group(1)
        line = text.count("\n", 0, match.start()) + 1
        if key.lower() in seen:
            raise EditionError(
                f"{path.name}:{line}: entry '{key}' repeats the entry on line "
                f"{seen[key.lower()]}; keep one"
            )
        seen[key.lower()] = line


def _check_entries_are_closed(text: str, path: Path) -> None:
    """Each entry's braces balance before the next entry starts."""
    starts = [m for m in re.finditer(r"^\s*@(\w+)\s*\{\s*([^,\s]*)", text, re.MULTILINE)]
    for start, end in zip(starts, starts[1:] + [None], strict=False):
        body = text[start.start() : end.start() if end else len(text)]
        body = re.sub(r"\\[{}]", "", body)
        if body.count("{") != body.count("}"):
            line = text.count("\n", 0, start.start()) + 1
            name = start.group(2) or f"@{start.group(1)}"
            raise EditionError(
                f"{path.name}:{line}: entry '{name}' has unbalanced braces; "
                "close every '{' with '}' before the next entry"
            )


def _line_of(text: str, key: str) -> int:
    index = text.find(key)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _one_line(message: str) -> str:
    return " ".join(message.split())


def plain(value: str) -> str:
    """A BibTeX field without its braces and LaTeX escapes."""
    return LATEX_MARKUP.sub("", value).replace("``", "“").replace("''", "”")


def short_label(entry: Entry) -> str:
    """'Kang and Chamberlin 2004': how the edition names a work in a note."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if people:
        names = [plain(" ".join(person.last_names)) for person in people]
        who = (
            names[0]
            if len(names) == 1
            else (f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al.")
        )
    else:
        fields = entry.fields
        who = plain(
            fields.get("organization")
            or fields.get("institution")
            or fields.get("journal")
            or fields.get("title", "")
        )
    year = re.search(r"\d{4}", entry.fields.get("year", ""))  # "Spring/Summer 2008" -> 2008
    return f"{who} {year.group(0) if year else ''}".strip()
