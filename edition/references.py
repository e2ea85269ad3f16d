"""The works the paper cites, for reference managers: CSL-JSON, RIS and COinS, from references.bib.

Each entry becomes one CSL-JSON item (the record every other form is made
from), written as it stands in references.bib: its braces and TeX quotes
undone, nothing else changed. From the items come the two downloads beside
references.bib (references.json, references.ris) and, on the Bibliography
page, one COinS span per work, which Zotero's COinS translator offers to save
one by one. The forms follow what Zotero's own translators read (RIS.js,
CSL JSON.js, and `parseContextObject` of its utilities for COinS).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from edition.bibliography import plain

if TYPE_CHECKING:
    from pybtex.database import BibliographyData, Entry, Person

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
YEAR = re.compile(r"^\d{4}$")
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
CSL_TYPES = {
    "article": "article-journal",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "report": "report",
    "techreport": "report",
    "online": "webpage",
}
ARTICLE_SUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine"}
THESIS_GENRES = {"phdthesis": "Ph.D. dissertation", "mastersthesis": "Master's thesis"}
RIS_TYPES = {
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "report": "RPRT",
    "webpage": "ELEC",
    "document": "GEN",
}
ZOTERO_TYPES = {  # CSL type -> Zotero item type, for a COinS in Dublin Core
    "article-newspaper": "newspaperArticle",
    "article-magazine": "magazineArticle",
    "webpage": "webpage",
    "document": "document",
}


def name(person: Person) -> dict[str, str]:
    """A CSL name: family (with its particles) and given names."""
    given = " ".join(person.first_names + person.middle_names)
    family = " ".join(person.prelast_names + person.last_names)
    return {"family": plain(family), **({"given": plain(given)} if given else {})}


def csl_date(entry: Entry, field: str) -> dict[str, Any] | None:
    """`date`/`urldate` as CSL date parts; else `year` (and `month`), or its words as written."""
    found = ISO_DATE.match(entry.fields.get(field, ""))
    if found:
        return {"date-parts": [[int(part) for part in found.groups() if part]]}
    if field != "date":
        return None
    year = plain(entry.fields.get("year", "")).strip()
    if not year or year.replace(" ", "").lower() == "n.d.":
        return None  # no date: "n.d." says the notes give none, which is no date to save
    if not YEAR.match(year):
        return {"literal": year}  # "Spring/Summer 2008", as the note gives it
    month = entry.fields.get("month", "").lower()[:3]
    parts = [int(year)] + ([BIBTEX_MONTHS.index(month) + 1] if month in BIBTEX_MONTHS else [])
    return {"date-parts": [parts]}


def csl_type(entry: Entry) -> str:
    if entry.type == "article":
        return ARTICLE_SUBTYPES.get(entry.fields.get("entrysubtype", ""), "article-journal")
    return CSL_TYPES.get(entry.type, "document")


def csl_item(key: str, entry: Entry) -> dict[str, Any]:
    """One entry of references.bib as a CSL-JSON item."""
    fields = {field.lower(): plain(value) for field, value in entry.fields.items()}
    item: dict[str, Any] = {"id": key, "type": csl_type(entry), "title": fields.get("title", "")}
    for role in ("author", "editor"):
        if entry.persons.get(role):
            item[role] = [name(person) for person in entry.persons[role]]
    optional = {
        "container-title": fields.get("journal") or fields.get("booktitle"),
        "publisher": fields.get("publisher")
        or fields.get("institution")
        or fields.get("school")
        or fields.get("organization"),
        "publisher-place": fields.get("address") or fields.get("location"),
        "event-place": fields.get("venue"),
        "volume": fields.get("volume"),
        "issue": fields.get("number") if item["type"].startswith("article") else None,
        "number": fields.get("number") if item["type"] == "report" else None,
        "page": fields.get("pages", "").replace("--", "-").replace("–", "-") or None,
        "genre": fields.get("type") or THESIS_GENRES.get(entry.type),
        "issued": csl_date(entry, "date"),
        "accessed": csl_date(entry, "urldate"),
        "URL": entry.fields.get("url"),
    }
    item.update({field: value for field, value in optional.items() if value})
    return item


def csl_items(bibliography: BibliographyData) -> list[dict[str, Any]]:
    """Every entry, in the order of references.bib."""
    return [csl_item(key, entry) for key, entry in bibliography.entries.items()]


def csl_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def person(csl_name: dict[str, str]) -> str:
    """'Kang, David', as RIS writes a name."""
    return ", ".join(part for part in (csl_name["family"], csl_name.get("given")) if part)


def ris_date(date: dict[str, Any]) -> str:
    """RIS's YYYY/MM/DD/other: '2008/05/28/'; a date in words as written (Zotero keeps it)."""
    if "date-parts" in date:
        parts = [
            f"{part:02d}" if index else str(part)
            for index, part in enumerate(date["date-parts"][0])
        ]
        return "/".join(parts + [""] * (3 - len(parts))) + "/"
    return date["literal"]


def ris_record(item: dict[str, Any]) -> list[tuple[str, str]]:
    """One item as RIS tags, in the order of the RIS specification."""
    kind = RIS_TYPES[item["type"]]
    tags = [("TY", kind), ("ID", item["id"])]
    tags += [("AU", person(author)) for author in item.get("author", [])]
    editor_tag = "A2" if kind == "CHAP" else "ED"  # A2 is a book's series editor to Zotero
    tags += [(editor_tag, person(editor)) for editor in item.get("editor", [])]
    tags.append(("TI", item["title"]))
    # A web page's site: its container, else who published it (Zotero keeps no publisher there).
    container = item.get("container-title") or (kind == "ELEC" and item.get("publisher"))
    if container:
        tags.append(("T2", container))
    if item.get("issued"):
        date = ris_date(item["issued"])
        year = re.search(r"\d{4}", date)
        tags += [("PY", year.group(0) if year else ""), ("DA", date)]
    # A thesis's pages are where a note cites it: to Zotero, SP would be its number of pages.
    page = "" if kind == "THES" else item.get("page", "")
    first, _, last = page.partition("-")
    simple = {
        "VL": item.get("volume"),
        "IS": item.get("issue"),
        "SP": first,
        "EP": last,
        "SN": item.get("number"),  # a report's number
        "PB": item.get("publisher"),
        "CY": item.get("publisher-place"),
        "M3": item.get("genre"),
        "UR": item.get("URL"),
        "Y2": ris_date(item["accessed"]).rstrip("/") if item.get("accessed") else None,
    }
    tags += [(tag, value) for tag, value in simple.items() if value]
    return tags + [("ER", "")]


def ris(items: list[dict[str, Any]]) -> str:
    """Every item as RIS, one record after another (lines end CRLF, as the format asks)."""
    lines = [f"{tag}  - {value}".rstrip() for item in items for tag, value in ris_record(item)]
    return "\r\n".join(lines) + "\r\n"


def coins(item: dict[str, Any]) -> str:
    """The item as an OpenURL ContextObject (Z39.88-2004, KEV), for a COinS span's title."""
    kind = item["type"]
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004")]
    if item.get("URL"):
        pairs.append(("rft_id", item["URL"]))
    creators = "rft.au"
    if kind == "article-journal":
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"), ("rft.genre", "article")]
        pairs += [("rft.atitle", item["title"]), ("rft.jtitle", item.get("container-title", ""))]
        pairs += [("rft.volume", item.get("volume", "")), ("rft.issue", item.get("issue", ""))]
    elif kind in ("book", "chapter", "report"):
        genre = {"book": "book", "chapter": "bookitem", "report": "report"}[kind]
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"), ("rft.genre", genre)]
        if kind == "chapter":
            pairs += [
                ("rft.atitle", item["title"]),
                ("rft.btitle", item.get("container-title", "")),
            ]
        else:
            pairs.append(("rft.btitle", item["title"]))
        pairs += [
            ("rft.pub", item.get("publisher", "")),
            ("rft.place", item.get("publisher-place", "")),
        ]
    elif kind == "thesis":
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dissertation"),
            ("rft.title", item["title"]),
        ]
        pairs += [("rft.inst", item.get("publisher", "")), ("rft.degree", item.get("genre", ""))]
    else:  # newspaper and magazine articles, web pages: Dublin Core, with Zotero's type
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rft.type", ZOTERO_TYPES.get(kind, "document")),
        ]
        pairs += [("rft.title", item["title"])]
        pairs.append(("rft.source", item.get("container-title") or item.get("publisher", "")))
        creators = "rft.creator"
    if item.get("issued"):
        date = item["issued"]
        pairs.append(
            (
                "rft.date",
                "-".join(
                    f"{part:02d}" if index else str(part)
                    for index, part in enumerate(date["date-parts"][0])
                )
                if "date-parts" in date
                else date["literal"],
            )
        )
    if item.get("page") and kind in ("article-journal", "chapter"):
        first, _, last = item["page"].partition("-")
        pairs += [("rft.spage", first), ("rft.epage", last), ("rft.pages", item["page"])]
    pairs += [(creators, person(author)) for author in item.get("author", [])]
    # COinS has no editors: an edited book's or a chapter's editors are its contributors.
    pairs += [("rft.contributor", person(editor)) for editor in item.get("editor", [])]
    return "&".join(f"{key}={quote(value, safe='')}" for key, value in pairs if value)
