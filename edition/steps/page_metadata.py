"""Describe every page for reference managers, search engines and link previews.

Zotero's Embedded Metadata translator, Google Scholar and others read the
page's <head>. What they save is what a careful researcher would file:

- the home page and the whole paper on one page: the paper, a report by
  Snyder, Scott, 2009/02, whose institution is the Center for U.S.-Korea Policy,
  The Asia Foundation (Highwire `citation_technical_report_institution`, which
  makes Zotero's item a report and is Google Scholar's tag for one);
- each section: the section as a part of the paper (`citation_inbook_title`,
  which makes Zotero's item a book section): its own title, the paper's title
  as its container, the same author, date and publisher;
- the apparatus pages (Bibliography, Glossary, Index, Timeline, About,
  Changes): the paper, with the paper's address (`citation_public_url`) when
  the build knows it.

The home page (the paper's landing page) and the Bibliography give one
`citation_reference` per work the paper cites, a section one per work its
notes cite (the whole paper on one page repeats none: its first view stays
within its budget); every page also gives Dublin Core, Open Graph and
schema.org JSON-LD. The abstract is the paragraph in which
the author says what the paper does (the `paper.abstract` option), never the
page's description, which the translator would otherwise save in its place.
Nothing names a type of report ("report" would become Zotero's report type).
An address the build cannot make absolute (no `site_url`) is left out: Zotero
then saves the address the page was opened at.
This step computes the tags from the paper's facts and references.bib; the
partial edition/theme/partials/page-metadata.html writes them.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from edition.bibliography import plain
from edition.errors import EditionError
from edition.notes import read_notes
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from pybtex.database import BibliographyData, Entry, Person

    from edition.apparatus import Passage
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


class Work(NamedTuple):
    """What a page describes: the paper, or one of its sections."""

    kind: str  # "report" (the paper) or "section"
    title: str
    url: str | None  # the work's absolute address, if the build knows one
    page_url: str | None  # the page's own absolute address, if the build knows one
    public_url: str | None  # the paper's address, given on the apparatus pages


def highwire_tags(
    paper: Paper, work: Work, *, abstract: str | None, references: list[str]
) -> list[tuple[str, str]]:
    """Google Scholar's tags, in the order Zotero's translator reads them."""
    tags = [("citation_title", work.title)]
    if work.kind == "section":
        tags.append(("citation_inbook_title", paper.title))
    tags += [
        ("citation_author", paper.author_inverted),
        ("citation_publication_date", f"{paper.year:04d}/{paper.month:02d}"),
    ]
    if work.kind == "report":
        tags.append(("citation_technical_report_institution", paper.publisher))
    tags.append(("citation_publisher", paper.publisher))
    if abstract:
        tags.append(("citation_abstract", abstract))
    tags.append(("citation_language", "en"))
    if work.public_url:
        tags.append(("citation_public_url", work.public_url))
    elif work.page_url:
        tags.append(("citation_fulltext_html_url", work.page_url))
    tags += [("citation_reference", reference) for reference in references]
    return tags


def dublin_core(paper: Paper, work: Work) -> list[tuple[str, str]]:
    tags = [
        ("DC.title", work.title),
        ("DC.creator", paper.author_inverted),
        ("DC.date", paper.iso_date),
        ("DC.publisher", paper.publisher),
        ("DC.format", "text/html"),
        ("DC.language", "en"),
    ]
    if work.url:
        tags.append(("DC.identifier", work.url))
    return tags


def open_graph(
    *, title: str, url: str | None, site_name: str, description: str
) -> list[tuple[str, str]]:
    tags = [
        ("og:title", title),
        # "article" is only a guess for Zotero, so the Highwire type wins; "website" would not.
        ("og:type", "article"),
    ]
    if url:
        tags.append(("og:url", url))
    return [
        *tags,
        ("og:site_name", site_name),
        ("og:description", description),
        ("og:locale", "en_US"),
    ]


def without_none(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None}


def report_json_ld(paper: Paper, url: str | None, abstract: str | None) -> dict:
    return without_none(
        {
            "@type": "Report",
            "name": paper.title,
            "author": {
                "@type": "Person",
                "name": paper.author,
                "familyName": paper.family_name,
                "givenName": paper.given_name,
            },
            "datePublished": paper.iso_date,
            "publisher": {
                "@type": "Organization",
                "name": paper.center,
                "parentOrganization": {"@type": "Organization", "name": paper.institution},
            },
            "abstract": abstract,
            "inLanguage": "en",
            "url": url,
        }
    )


def json_ld(
    paper: Paper,
    *,
    kind: str,
    title: str,
    url: str | None,
    home_url: str | None,
    abstract: str | None = None,
) -> dict:
    """schema.org: the Report (home), a Chapter of it (a section) or a WebPage about it."""
    report = report_json_ld(paper, home_url, abstract)
    if kind == "report":
        return {"@context": "https://schema.org", **report_json_ld(paper, url, abstract)}
    return without_none(
        {
            "@context": "https://schema.org",
            "@type": "Chapter" if kind == "chapter" else "WebPage",
            "name": title,
            "author": report["author"],
            "datePublished": report["datePublished"],
            "publisher": report["publisher"],
            "isPartOf": report,
            "url": url,
        }
    )


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
    site_url: str | None,
    abstract: str | None = None,
    home_page: str = "index.md",
    whole_paper_page: str = "paper.md",
    bibliography_page: str = "bibliography.md",
) -> PageMetadata:
    own_url = page.canonical_url  # None without site_url: the build cannot know the host
    home_url = site_url or None
    src_uri = page.file.src_uri
    if src_uri in (home_page, bibliography_page):
        keys = list(bibliography.entries)  # the paper's landing page, and its bibliography
    elif src_uri == whole_paper_page:
        keys = []  # the landing page gives them for the same paper
    else:
        keys = cited_keys(page.file.content_string)
    references = [
        citation_reference(bibliography.entries[key]) for key in keys if key in bibliography.entries
    ]
    page_title = page.title or paper.title
    if src_uri in (home_page, whole_paper_page):
        kind = "report"
        work = Work("report", paper.title, own_url, own_url, None)
    elif page.meta.get("paper_section"):
        kind = "chapter"
        work = Work("section", page_title, own_url, own_url, None)
    else:
        kind = "page"
        work = Work("report", paper.title, home_url, own_url, home_url)
    description = page.meta.get("description") or site_description
    og_title = paper.title if page.is_homepage else f"{page_title} — {paper.title}"
    return PageMetadata(
        meta_names=highwire_tags(paper, work, abstract=abstract, references=references)
        + dublin_core(paper, work),
        meta_properties=open_graph(
            title=og_title,
            url=own_url,
            site_name=site_name,
            description=" ".join(description.split()),
        ),
        json_ld=script_json(
            json_ld(
                paper,
                kind=kind,
                title=page_title if kind != "report" else paper.title,
                url=own_url,
                home_url=home_url,
                abstract=abstract,
            )
        ),
    )


def abstract_text(paper: Paper, passages: list[Passage]) -> str | None:
    """The words of the paragraph `paper.abstract` names ("introduction.md#p-4")."""
    if not paper.abstract:
        return None
    src_uri, _, anchor = paper.abstract.partition("#")
    for passage in passages:
        if (passage.src_uri, passage.anchor) == (src_uri, anchor):
            return passage.text
    raise EditionError(
        f"the edition plugin's paper.abstract names '{paper.abstract}', which is no paragraph "
        "of the paper; name the section's file and the paragraph, e.g. introduction.md#p-4",
        file="mkdocs.yml",
    )


class PageMetadataStep(Step):
    name = "page_metadata"
    after = {"paper_text": "the abstract is a paragraph of the text it reads"}

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.abstract = abstract_text(self.build.paper, self.build.passages)
        return None

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        options = self.build.options
        context["page_metadata"] = page_metadata(
            self.build.paper,
            page,
            bibliography=self.build.bibliography,
            site_name=config.site_name,
            site_description=config.site_description or "",
            site_url=config.site_url,
            abstract=self.abstract,
            home_page=options.home_page,
            whole_paper_page=options.whole_paper_page,
            bibliography_page=options.bibliography_page,
        )
        return context
