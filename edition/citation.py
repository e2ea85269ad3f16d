"""The paper's citation in every form the edition offers, from one record.

The record is the edition plugin's `paper` option in mkdocs.yml: the paper's title, author, date and
publisher, and for each section the title in sentence case that APA asks for;
with it, the plugin's `release` option: the web edition's version, which every
form names, since what is cited is this edition of the paper. Chicago (note
and bibliography), APA and BibTeX forms of the paper and of each section, the
citation of a single paragraph ("¶ 7") and the page metadata are all rendered
from it, so a correction is made once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from mkdocs.utils import get_relative_url

from edition.errors import EditionError

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
STRAIGHT_QUOTED = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class WebEdition:
    """This edition of the paper: its release, as the plugin's `release` option gives it."""

    version: str
    date: str  # YYYY-MM-DD

    @property
    def readable_date(self) -> str:
        """'1 December 2026'."""
        year, month, day = (int(part) for part in self.date.split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"

    @property
    def phrase(self) -> str:
        """How the citation forms name it: 'web edition, version 1.0.0'."""
        return f"web edition, version {self.version}"


@dataclass(frozen=True)
class Paper:
    """The paper as a whole: what every citation form is made of."""

    title: str
    title_sentence_case: str
    family_name: str
    given_name: str
    year: int
    month: int
    center: str
    institution: str
    bibtex_key: str
    edition: WebEdition
    section_titles_sentence_case: dict[str, str] = field(default_factory=dict)
    abstract: str | None = None  # "introduction.md#p-4": where the author's summary is

    @property
    def author_inverted(self) -> str:
        return f"{self.family_name}, {self.given_name}"

    @property
    def author(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def month_name(self) -> str:
        return MONTHS[self.month - 1]

    @property
    def publisher(self) -> str:
        """As the title page gives it: the Center, then the Foundation it belongs to."""
        return f"{self.center}, {self.institution}"

    @property
    def iso_date(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Section:
    """One section of the paper, as its page gives it."""

    title: str
    title_sentence_case: str
    slug: str


@dataclass(frozen=True)
class Address:
    """Where a citation points: absolute (`site_url` is set), else relative to the page it is on.

    A relative address is shown by docs/assets/cite.js as the address the reader has
    open; `href` is the link's own target when MkDocs must resolve it (`/introduction.md`).
    """

    url: str
    href: str | None = None

    @property
    def is_absolute(self) -> bool:
        return self.url.startswith(("http://", "https://"))


@dataclass(frozen=True)
class CitationForm:
    """One way of citing a work: a label, the text as HTML and as plain text."""

    id: str
    label: str
    html: str
    text: str


def paper_facts(record: Mapping[str, Any], release: Mapping[str, Any]) -> Paper:
    """The paper's facts and this edition's release, from the plugin's `paper` and `release`."""
    author = record["author"]
    year, month = str(record["date"]).split("-")
    return Paper(
        title=record["title"],
        title_sentence_case=record["title_sentence_case"],
        family_name=author["family"],
        given_name=author["given"],
        year=int(year),
        month=int(month),
        center=record["center"],
        institution=record["institution"],
        bibtex_key=record["bibtex_key"],
        edition=WebEdition(version=str(release["version"]), date=str(release["date"])),
        section_titles_sentence_case=dict(record.get("sections") or {}),
        abstract=record.get("abstract"),
    )


def read_section(paper: Paper, *, title: str, src_uri: str) -> Section:
    """The section whose page is `src_uri`; its APA title must be in the record."""
    sentence_case = paper.section_titles_sentence_case.get(src_uri)
    if not sentence_case:
        raise EditionError(
            f"the edition plugin's paper.sections lacks '{src_uri}': "
            "add its title in sentence case",
            file="mkdocs.yml",
        )
    return Section(title=title, title_sentence_case=sentence_case, slug=src_uri.removesuffix(".md"))


def _nested(title: str) -> str:
    """A title put inside double quotation marks: its own double quotes become single."""
    return STRAIGHT_QUOTED.sub("‘\\1’", title)


def _title(text: str, html: bool) -> str:
    """An italic title in HTML, plain in text."""
    return f"<cite>{escape(text)}</cite>" if html else text


def _text(text: str, html: bool) -> str:
    return escape(text) if html else text


def site_address(site_url: str | None, page_url: str, target_url: str) -> Address:
    """A page's address (`target_url` as MkDocs writes it: 'introduction/', '' for home).

    Under `site_url` when it is set; else relative to the page at `page_url`, the
    only address the build can know without the host.
    """
    if site_url:
        return Address(site_url.rstrip("/") + "/" + target_url)
    relative = get_relative_url(target_url or ".", page_url or ".")
    if not target_url or target_url.endswith("/"):
        relative = relative.rstrip("/") + "/"
    return Address(relative)


def address(url: str | Address) -> Address:
    return url if isinstance(url, Address) else Address(url)


def _url(url: str | Address, html: bool, *, tag: str = "a") -> str:
    """The address; in HTML a link (or, in BibTeX's <code>, a span).

    A relative address is one the build could not make absolute (no `site_url`):
    docs/assets/cite.js shows in its place the address the reader has open.
    """
    where = address(url)
    if not html:
        return where.url
    shown, href = escape(where.url), escape(where.href or where.url)
    if where.is_absolute:
        return f'<a href="{href}" rel="noopener">{shown}</a>' if tag == "a" else shown
    if tag == "a":
        return f'<a href="{href}" data-cite-address="{shown}">{shown}</a>'
    return f'<span data-cite-address="{shown}">{shown}</span>'


def chicago_note_base(paper: Paper, section: Section | None = None, *, html: bool = False) -> str:
    """The Chicago note up to its locator: what a URL or a paragraph number follows."""
    facts = _text(
        f"({paper.publisher}, {paper.month_name} {paper.year}), {paper.edition.phrase}", html
    )
    if section is None:
        return f"{_text(paper.author, html)}, {_title(paper.title, html)} {facts}"
    return (
        f"{_text(paper.author, html)}, {_text(f'“{_nested(section.title)},”', html)} in "
        f"{_title(paper.title, html)} {facts}"
    )


def chicago_note(
    paper: Paper, url: str | Address, section: Section | None = None, *, html: bool = False
) -> str:
    """Chicago note: Given Family, “Section,” in *Title* (Publisher, Month Year), web ed., URL."""
    return f"{chicago_note_base(paper, section, html=html)}, {_url(url, html)}."


def chicago_bibliography(
    paper: Paper, url: str | Address, section: Section | None = None, *, html: bool = False
) -> str:
    """Chicago bibliography: Family, Given. *Title*. Publisher, Month Year. Web edition. URL."""
    facts = _text(
        f"{paper.publisher}, {paper.month_name} {paper.year}. {paper.edition.phrase.capitalize()}.",
        html,
    )
    author = _text(f"{paper.author_inverted}.", html)
    if section is None:
        work = f"{_title(paper.title, html)}."
    else:
        work = f"{_text(f'“{_nested(section.title)}.”', html)} In {_title(paper.title, html)}."
    return f"{author} {work} {facts} {_url(url, html)}."


def apa(
    paper: Paper, url: str | Address, section: Section | None = None, *, html: bool = False
) -> str:
    """APA (7th ed.): Family, G. (Year). *Title in sentence case* (Web ed., Version X.Y.Z). ..."""
    author = _text(f"{paper.family_name}, {paper.given_name[0]}. ({paper.year}).", html)
    version = _text(f" (Web ed., Version {paper.edition.version}).", html)
    if section is None:
        work = f"{_title(paper.title_sentence_case, html)}{version}"
    else:
        work = (
            f"{_text(section.title_sentence_case + '.', html)} In "
            f"{_title(paper.title_sentence_case, html)}{version}"
        )
    return f"{author} {work} {_text(paper.publisher + '.', html)} {_url(url, html)}"


def _bibtex_text(text: str) -> str:
    """Straight double quotes become TeX quotes; the whole is braced to keep its case."""
    return "{" + STRAIGHT_QUOTED.sub("``\\1''", text) + "}"


def bibtex(
    paper: Paper, url: str | Address, section: Section | None = None, *, html: bool = False
) -> str:
    """A BibTeX entry: @techreport for the paper, @incollection for a section (as Zotero has it)."""
    fields: list[tuple[str, str]] = [("author", f"{paper.author_inverted}")]
    if section is None:
        kind, key = "techreport", paper.bibtex_key
        fields += [
            ("title", _bibtex_text(paper.title)),
            ("institution", _bibtex_text(paper.publisher)),
        ]
    else:
        kind, key = "incollection", f"{paper.bibtex_key}-{section.slug}"
        fields += [
            ("title", _bibtex_text(section.title)),
            ("booktitle", _bibtex_text(paper.title)),
            ("publisher", _bibtex_text(paper.publisher)),
        ]
    fields += [
        ("year", str(paper.year)),
        ("month", BIBTEX_MONTHS[paper.month - 1]),
        ("note", _bibtex_text(paper.edition.phrase.capitalize())),
        ("version", paper.edition.version),
    ]
    width = max(len(name) for name, _ in [*fields, ("url", "")])
    lines = [
        _text(f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'},", html)
        for name, value in fields
    ]
    lines.append(_text(f"  {'url'.ljust(width)} = {{", html) + _url(url, html, tag="span") + "}")
    return "\n".join([_text(f"@{kind}{{{key},", html), *lines, "}"])


def paragraph_citation(paper: Paper, section: Section, paragraph: int, url: str) -> str:
    """Chicago note form of one paragraph: ..., ¶ 7, URL#p-7."""
    return f"{chicago_note_base(paper, section)}, ¶ {paragraph}, {url}#p-{paragraph}."


def citation_forms(
    paper: Paper, url: str | Address, section: Section | None, *, prefix: str
) -> list[CitationForm]:
    """Every form of the paper (section None) or of a section, with ids `prefix-...`."""
    forms = [
        ("chicago-note", "Chicago note", chicago_note),
        ("chicago-bibliography", "Chicago bibliography", chicago_bibliography),
        ("apa", "APA", apa),
    ]
    result = [
        CitationForm(
            id=f"{prefix}-{name}",
            label=label,
            html=render(paper, url, section, html=True),
            text=render(paper, url, section),
        )
        for name, label, render in forms
    ]
    result.append(
        CitationForm(
            id=f"{prefix}-bibtex",
            label="BibTeX",
            html=bibtex(paper, url, section, html=True),
            text=bibtex(paper, url, section),
        )
    )
    return result
