"""What Zotero saves from a page's <head>, by the rules of its Embedded Metadata translator.

Zotero's connector saves a page like this edition's with the translator
"Embedded Metadata.js" (zotero/translators), which hands the Dublin Core and
Open Graph tags to its RDF translator ("RDF.js") and then lets the Highwire
`citation_*` tags override what that gave. This is those rules, as written
there, for the kinds of tag a page can carry; the tests apply it to every
built page. It knows only pages with a Highwire type, as all of the edition's
have, and says so of any other.

- Item type: the Highwire tag that names one, the last in the page winning
  (`init`: journal_title, technical_report_institution, conference(_title),
  (in)book_title, dissertation_institution).
- From Dublin Core and Open Graph (RDF.js `importItem`): the title (dc:title,
  then og:title), creators (dc:creator), the container (dc:source), the
  publisher (dc:publisher), the date (dc:date), the language (dc:language),
  the address (og:url), the abstract (og:description) and, from dc:type, the
  item's "type" fields (reportType, thesisType, ...).
- Then each Highwire tag of HIGHWIRE_MAPPINGS, in that order, the first tag in
  the page whose name ends so (`processFields`), replaces the field; the
  citation_author tags replace the creators; without an address,
  citation_abstract_html_url then citation_fulltext_html_url give one.
- Last (`addLowQualityMetadata`): a missing title is the document's title, a
  missing abstract the page's `description`, a missing address the canonical
  link, else the address the page was opened at.
- Zotero keeps a field only where the item type has it, a field written under
  its base name (publicationTitle, publisher, type) going to the type's own
  (bookTitle, institution, reportType): zotero/zotero-schema. When the item
  is done, a title with a colon gets the words before it as its short title
  (zotero/translate, translate.js).
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup

OPENED_AT = "(the address the page was opened at)"
HIGHWIRE_TYPES = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
HIGHWIRE_MAPPINGS = (  # in the translator's order: a later one overrides an earlier one
    ("citation_title", "title"),
    ("citation_publication_date", "date"),
    ("citation_cover_date", "date"),
    ("citation_date", "date"),
    ("citation_journal_title", "publicationTitle"),
    ("citation_journal_abbrev", "journalAbbreviation"),
    ("citation_inbook_title", "publicationTitle"),
    ("citation_book_title", "bookTitle"),
    ("citation_volume", "volume"),
    ("citation_issue", "issue"),
    ("citation_series_title", "series"),
    ("citation_conference_title", "conferenceName"),
    ("citation_conference", "conferenceName"),
    ("citation_dissertation_institution", "university"),
    ("citation_technical_report_institution", "institution"),
    ("citation_technical_report_number", "number"),
    ("citation_publisher", "publisher"),
    ("citation_isbn", "ISBN"),
    ("citation_abstract", "abstractNote"),
    ("citation_doi", "DOI"),
    ("citation_public_url", "url"),
    ("citation_language", "language"),
)
DC_TYPE_FIELDS = ("reportType", "thesisType", "websiteType", "presentationType", "manuscriptType")
# zotero-schema: the fields of the types the edition's pages make, with their base fields
TYPE_FIELDS = {
    "report": {
        "title": "title",
        "abstractNote": "abstractNote",
        "number": "reportNumber",
        "reportNumber": "reportNumber",
        "type": "reportType",
        "reportType": "reportType",
        "publisher": "institution",
        "institution": "institution",
        "date": "date",
        "url": "url",
        "language": "language",
        "rights": "rights",
        "shortTitle": "shortTitle",
    },
    "bookSection": {
        "title": "title",
        "abstractNote": "abstractNote",
        "publicationTitle": "bookTitle",
        "bookTitle": "bookTitle",
        "publisher": "publisher",
        "date": "date",
        "url": "url",
        "language": "language",
        "rights": "rights",
        "shortTitle": "shortTitle",
    },
}


class UnmodelledPageError(ValueError):
    """A page these rules, as modelled here, do not cover."""


def _metas(head) -> list[tuple[str, str]]:
    """(name or property, content) of every <meta> in document order."""
    found = []
    for meta in head.find_all("meta"):
        name = meta.get("name") or meta.get("property")
        if name and meta.get("content"):
            found.append((name, meta["content"]))
    return found


def _first(metas: list[tuple[str, str]], *names: str) -> str | None:
    for wanted in names:
        for name, content in metas:
            if name.lower() == wanted.lower():
                return content
    return None


def _ending(metas: list[tuple[str, str]], suffix: str) -> str | None:
    """`processFields`: the first tag whose name ends with `suffix` (not strict)."""
    for name, content in metas:
        if name.endswith(suffix) and content.strip():
            return " ".join(content.split())
    return None


def _author(name: str) -> dict[str, str]:
    """`ZU.cleanAuthor(name, "author", true)`: 'Snyder, Scott'."""
    family, _, given = name.partition(",")
    return {"firstName": given.strip(), "lastName": family.strip(), "creatorType": "author"}


def saved_item(html: str) -> dict[str, Any]:
    """The item Zotero would save from a page, by the translator's rules."""
    soup = BeautifulSoup(html, "lxml")
    head = soup.head
    metas = _metas(head)
    item_type = None
    for name, _ in metas:
        short = name[name.rfind("citation_") :] if "citation_" in name else name
        item_type = HIGHWIRE_TYPES.get(short, item_type)
    if item_type not in TYPE_FIELDS:
        raise UnmodelledPageError(f"no Highwire type these rules are modelled for: {item_type}")
    dc_prefix = head.find("link", rel="schema.DC")
    dc = "DC." if dc_prefix and "purl.org/dc/elements/1.1" in dc_prefix.get("href", "") else None
    fields: dict[str, str] = {}
    creators: list[dict[str, str]] = []
    if dc:
        rdf = {
            "title": _first(metas, "DC.title", "og:title"),
            "publicationTitle": _first(metas, "DC.source"),
            "publisher": _first(metas, "DC.publisher"),
            "date": _first(metas, "DC.date"),
            "language": _first(metas, "DC.language"),
            "rights": _first(metas, "DC.rights"),
        }
        creators = [_author(content) for name, content in metas if name == "DC.creator"]
        dc_type = _first(metas, "DC.type")
        if dc_type:
            rdf.update(dict.fromkeys(DC_TYPE_FIELDS, dc_type))
    else:
        rdf = {"title": _first(metas, "og:title")}
    rdf["url"] = _first(metas, "og:url")
    rdf["abstractNote"] = _first(metas, "og:description")
    fields.update({field: value for field, value in rdf.items() if value})
    for tag, field in HIGHWIRE_MAPPINGS:
        value = _ending(metas, tag)
        if value:
            fields[field] = value
    authors = [_author(content) for name, content in metas if name.endswith("citation_author")]
    creators = authors or creators
    if not fields.get("url"):
        url = _first(metas, "citation_abstract_html_url", "citation_fulltext_html_url")
        if url:
            fields["url"] = url
    if not fields.get("title"):
        fields["title"] = soup.title.get_text() if soup.title else ""
    if not fields.get("abstractNote"):
        description = head.find("meta", attrs={"name": "description"})
        if description and description.get("content"):
            fields["abstractNote"] = " ".join(description["content"].split())
    if not fields.get("url"):
        canonical = head.find("link", rel="canonical")
        fields["url"] = canonical["href"] if canonical else OPENED_AT
    fields["shortTitle"] = short_title(fields["title"])
    item: dict[str, Any] = {"itemType": item_type, "creators": creators}
    allowed = TYPE_FIELDS[item_type]
    for field, value in fields.items():
        target = allowed.get(field)
        if target is None:
            continue  # Zotero drops a field the item type does not have
        if target in item and item[target] != value:
            raise UnmodelledPageError(
                f"{field} and another field both give {target}: {item[target]!r}"
            )
        item[target] = value
    return {field: value for field, value in item.items() if value is not None}


def short_title(title: str) -> str | None:
    """The words before the first colon (and up to a question mark), if that shortens it."""
    short = title.split(":", 1)[0]
    mark = short.find("?")
    if mark != -1 and mark + 1 != len(short):
        short = short[: mark + 1]
    return short if short != title else None
