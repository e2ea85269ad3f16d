"""The edition's one bibliography, `references.bib`, read strictly.

Beyond BibTeX's syntax (every entry closed, no key twice, keys of a-z, 0-9, _
and -), each entry must say what the work is, who answers for it and when:
a `title`; an `author` or `editor` (or, for a work no person signs, the
`organization`, `institution`, `school` or `publisher` that issued it, or the
newspaper, its `journal`, that ran it; a web page may be known by its `url`
alone); a `year` or `date`, where
`year = {n.d.}` records that the notes give none. Dates are ISO (`2008-04-15`)
and addresses well-formed http(s) addresses.
"""

from __future__ import annotations

import re
from pathlib import Path

from pybtex.database import BibliographyData, Entry, parse_file
from pybtex.scanner import PybtexError

from edition.config import web_address_problem
from edition.errors import EditionError

KEY = re.compile(r"^[a-z0-9_-]+$")
ISO_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
YEAR = re.compile(r"\b\d{4}\b|^n\.d\.$")
ISSUERS = ("organization", "institution", "school", "publisher", "journal")
NEWSPAPERS = ("newspaper", "magazine")  # an unsigned article is known by the paper it ran in
LATEX_MARKUP = re.compile(r"[{}\\]")


def load_bibliography(path: Path) -> BibliographyData:
    """Parse the file, refusing what pybtex would only warn about."""
    if not path.is_file():
        raise EditionError(f"{path.name}: file not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise EditionError(f"{path.name}:{line}: is not UTF-8 text; save it as UTF-8") from None
    _check_duplicate_keys(text, path)
    _check_entries_are_closed(text, path)
    try:
        data = parse_file(str(path), bib_format="bibtex")
    except PybtexError as error:
        raise EditionError(f"{path.name}: {_one_line(str(error))}") from None
    if not data.entries:
        raise EditionError(f"{path.name}: holds no entry; it must hold every work the notes cite")
    for key, entry in data.entries.items():
        line = _line_of(text, key)
        if not KEY.match(key):
            raise EditionError(
                f"{path.name}:{line}: key '{key}' may use only a-z, 0-9, _ and -; rename it"
            )
        problem = entry_problem(entry)
        if problem:
            raise EditionError(f"{path.name}:{line}: entry '{key}' {problem}")
    return data


def entry_problem(entry: Entry) -> str | None:
    """What an entry lacks or gives wrongly, in the words of the fix; None if nothing."""
    fields = entry.fields
    if not plain(fields.get("title", "")).strip():
        return "has no title; add title = {{...}}"
    people = entry.persons.get("author") or entry.persons.get("editor")
    issuers = ISSUERS if fields.get("entrysubtype") in NEWSPAPERS else ISSUERS[:-1]
    issuer = any(plain(fields.get(name, "")).strip() for name in issuers)
    if not people and not issuer and not (entry.type == "online" and fields.get("url")):
        return (
            "names no author; add author = {Family, Given} (or editor, or the organization "
            "that issued the work)"
        )
    for person in people or []:
        if not plain(" ".join(person.last_names)).strip():
            return f"has a name without a family name ('{person}'); write it 'Family, Given'"
    year, date = fields.get("year", "").strip(), fields.get("date", "").strip()
    if not year and not date:
        return "has no year; add year = {...}, or year = {n.d.} where the notes give none"
    if year and not YEAR.search(year):
        return f"has the year '{year}', which holds no year; write it as four digits (or n.d.)"
    for name in ("date", "urldate"):
        value = fields.get(name, "").strip()
        if value and not ISO_DATE.match(value):
            return f"has the {name} '{value}'; write it YYYY-MM-DD (or YYYY-MM, or YYYY)"
    url = fields.get("url")
    if url is not None:
        problem = web_address_problem(url.strip())
        if problem:
            return f"has the url '{url}', which {problem}; correct it"
    return None


def _check_duplicate_keys(text: str, path: Path) -> None:
    seen: dict[str, int] = {}
    for match in re.finditer(r"^[ \t]*@\w+\s*[{(]\s*([^,\s]+)\s*,", text, re.MULTILINE):
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
    starts = [m for m in re.finditer(r"^[ \t]*@(\w+)\s*\{\s*([^,\s]*)", text, re.MULTILINE)]
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
