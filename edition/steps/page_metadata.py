"""Describe every page for reference managers, search engines and link previews.

Zotero's Embedded Metadata translator, Google Scholar and others read the
page's <head>: Highwire `citation_*` tags (the paper as a report, with one
`citation_reference` per work the page's notes cite), Dublin Core, Open Graph
and schema.org JSON-LD. This step computes them from the paper's facts and
references.bib; the partial
edition/theme/partials/page-metadata.html writes them.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from edition.bibliography import plain
from edition.notes import read_notes
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from pybtex.database import BibliographyData, Entry, Person

    from edition.citation import Paper

YEAR = re.compile(r"\b(\d{4})\b")
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# BibTeX field -> Highwire name inside a citation_reference
REFERENCE_FIELDS = (
    ("journal", "citation_journal_title"),
    ("booktitle", "citation_inbook_title"),
    ("volume", "citation_volume"),
    ("number", "citation_issue"),
    ("publisher", "citation_publisher"),
    ("institution", "citation_technical_report_institution"),
    ("school", "citation_dissertation_institution"),
)


class PageMetadata(NamedTuple):
    """What the partial writes into <head>."""

    meta_names: list[tuple[str, str]]
    meta_properties: list[tuple[str, str]]
    json_ld: str


def person_name(person: Person) -> str:
    """'Kang, David': family name first, as Highwire expects."""
    given = " ".join(person.first_names + person.middle_names)
    family = " ".join(person.prelast_names + person.last_names)
    return plain(f"{family}, {given}" if given else family)


def reference_value(value: str) -> str:
    """A field as plain text that cannot break the `name=value; ...` syntax."""
    return " ".join(plain(value).replace(";", ",").split())


def publication_date(entry: Entry) -> str | None:
    """'2008/01/03', '2008/01' or '2008' from the entry's date, else from its year."""
    date = ISO_DATE.match(entry.fields.get("date", ""))
    if date:
        return "/".join(part for part in date.groups() if part)
    year = YEAR.search(entry.fields.get("year", ""))
    return year.group(1) if year else None


def citation_reference(entry: Entry) -> str:
    """One work as Google Scholar's citation_reference: 'citation_title=...; ...'."""
    parts = [("citation_title", reference_value(entry.fields.get("title", "")))]
    parts += [
        ("citation_author", person_name(person)) for person in entry.persons.get("author", [])
    ]
    date = publication_date(entry)
    if date:
        parts.append(("citation_publication_date", date))
    parts += [
        (name, reference_value(entry.fields[field]))
        for field, name in REFERENCE_FIELDS
        if entry.fields.get(field)
    ]
    if entry.type == "report" and entry.fields.get("number"):
        parts = [(n, v) for n, v in parts if n != "citation_issue"]
        parts.append(("citation_technical_report_number", reference_value(entry.fields["number"])))
    if entry.fields.get("organization") and not entry.fields.get("publisher"):
        parts.append(("citation_publisher", reference_value(entry.fields["organization"])))
    pages = entry.fields.get("pages", "")
    if pages:
        first, _, last = plain(pages).replace("–", "-").partition("-")
        parts.append(("citation_firstpage", first.strip("-")))
        if last.strip("-"):
            parts.append(("citation_lastpage", last.strip("-")))
    if entry.fields.get("url"):
        parts.append(("citation_public_url", entry.fields["url"]))
    return "; ".join(f"{name}={value}" for name, value in parts if value)


def cited_keys(markdown: str) -> list[str]:
    """The works the page's notes cite, once each, in the order first cited."""
    keys: list[str] = []
    for note in read_notes(markdown):
        keys += [key for key in note.cited_keys if key not in keys]
    return keys


def highwire_tags(paper: Paper, url: str, references: list[str]) -> list[tuple[str, str]]:
    return [
        ("citation_title", paper.title),
        ("citation_author", paper.author_inverted),
        ("citation_publication_date", f"{paper.year:04d}/{paper.month:02d}"),
        ("citation_technical_report_institution", paper.institution),
        ("citation_publisher", paper.institution),
        ("citation_language", "en"),
        ("citation_fulltext_html_url", url),
        *[("citation_reference", reference) for reference in references],
    ]


def dublin_core(paper: Paper, url: str) -> list[tuple[str, str]]:
    return [
        ("DC.title", paper.title),
        ("DC.creator", paper.author_inverted),
        ("DC.date", paper.iso_date),
        ("DC.publisher", paper.institution),
        ("DC.type", "report"),  # Zotero reads this as its item type "report"
        ("DC.format", "text/html"),
        ("DC.language", "en"),
        ("DC.identifier", url),
    ]


def open_graph(*, title: str, url: str, site_name: str, description: str) -> list[tuple[str, str]]:
    return [
        ("og:title", title),
        # "article" is only a guess for Zotero, so the Highwire "report" wins; "website" would not.
        ("og:type", "article"),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:description", description),
        ("og:locale", "en_US"),
    ]


def report_json_ld(paper: Paper, url: str) -> dict:
    return {
        "@type": "Report",
        "name": paper.title,
        "author": {
            "@type": "Person",
            "name": paper.author,
            "familyName": paper.family_name,
            "givenName": paper.given_name,
        },
        "datePublished": paper.iso_date,
        "publisher": {"@type": "Organization", "name": paper.institution},
        "sourceOrganization": {"@type": "Organization", "name": paper.center},
        "inLanguage": "en",
        "url": url,
    }


def json_ld(paper: Paper, *, kind: str, title: str, url: str, home_url: str) -> dict:
    """schema.org: the Report (home), a Chapter of it (a section) or a WebPage about it."""
    report = report_json_ld(paper, home_url)
    if kind == "report":
        return {"@context": "https://schema.org", **report}
    node = {
        "@context": "https://schema.org",
        "@type": "Chapter" if kind == "chapter" else "WebPage",
        "name": title,
        "author": report["author"],
        "datePublished": report["datePublished"],
        "publisher": report["publisher"],
        "isPartOf": report,
        "url": url,
    }
    return node


def script_json(data: dict) -> str:
    """JSON safe inside <script>: no '</' can close the element early."""
    return json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")


def page_metadata(
    paper: Paper,
    page: Page,
    *,
    bibliography: BibliographyData,
    site_name: str,
    site_description: str,
    home_url: str,
    bibliography_page: str = "bibliography.md",
) -> PageMetadata:
    url = page.canonical_url or page.abs_url or page.url
    if page.file.src_uri == bibliography_page:
        keys = list(bibliography.entries)
    else:
        keys = cited_keys(page.file.content_string)
    references = [
        citation_reference(bibliography.entries[key]) for key in keys if key in bibliography.entries
    ]
    if page.is_homepage:
        kind, title = "report", paper.title
    else:
        kind = "chapter" if page.meta.get("paper_section") else "page"
        title = page.title or paper.title
    description = page.meta.get("description") or site_description
    og_title = title if page.is_homepage else f"{title} — {paper.title}"
    return PageMetadata(
        meta_names=highwire_tags(paper, url, references) + dublin_core(paper, url),
        meta_properties=open_graph(
            title=og_title, url=url, site_name=site_name, description=" ".join(description.split())
        ),
        json_ld=script_json(json_ld(paper, kind=kind, title=title, url=url, home_url=home_url)),
    )


class PageMetadataStep(Step):
    name = "page_metadata"

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        context["page_metadata"] = page_metadata(
            self.build.paper,
            page,
            bibliography=self.build.bibliography,
            site_name=config.site_name,
            site_description=config.site_description or "",
            home_url=config.site_url or "/",
            bibliography_page=self.build.options.bibliography_page,
        )
        return context
