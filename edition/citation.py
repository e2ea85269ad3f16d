"""The paper's citation in every form the edition offers, from one record.

The record is the edition plugin's `paper` option in mkdocs.yml: the paper's title, author, date and
publisher, and for each section the title in sentence case that APA asks for.
Chicago (note and bibliography), APA and BibTeX forms of the paper and of each
section, the citation of a single paragraph ("¶ 7") and the page metadata are
all rendered from it, so a correction is made once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

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
    section_titles_sentence_case: dict[str, str] = field(default_factory=dict)

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
class CitationForm:
    """One way of citing a work: a label, the text as HTML and as plain text."""

    id: str
    label: str
    html: str
    text: str


def paper_facts(record: Mapping[str, Any]) -> Paper:
    """The paper's facts, from the plugin's `paper` option (validated by MkDocs)."""
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
        section_titles_sentence_case=dict(record.get("sections") or {}),
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


def _url(url: str, html: bool) -> str:
    if not html:
        return url
    return f'<a href="{escape(url)}" rel="noopener">{escape(url)}</a>'


def chicago_note_base(paper: Paper, section: Section | None = None, *, html: bool = False) -> str:
    """The Chicago note up to its locator: what a URL or a paragraph number follows."""
    facts = _text(f"({paper.publisher}, {paper.month_name} {paper.year})", html)
    if section is None:
        return f"{_text(paper.author, html)}, {_title(paper.title, html)} {facts}"
    return (
        f"{_text(paper.author, html)}, {_text(f'“{_nested(section.title)},”', html)} in "
        f"{_title(paper.title, html)} {facts}"
    )


def chicago_note(
    paper: Paper, url: str, section: Section | None = None, *, html: bool = False
) -> str:
    """Chicago note form: Given Family, “Section,” in *Title* (Publisher, Month Year), URL."""
    return f"{chicago_note_base(paper, section, html=html)}, {_url(url, html)}."


def chicago_bibliography(
    paper: Paper, url: str, section: Section | None = None, *, html: bool = False
) -> str:
    """Chicago bibliography form: Family, Given. *Title*. Publisher, Month Year. URL."""
    facts = _text(f"{paper.publisher}, {paper.month_name} {paper.year}.", html)
    author = _text(f"{paper.author_inverted}.", html)
    if section is None:
        work = f"{_title(paper.title, html)}."
    else:
        work = f"{_text(f'“{_nested(section.title)}.”', html)} In {_title(paper.title, html)}."
    return f"{author} {work} {facts} {_url(url, html)}."


def apa(paper: Paper, url: str, section: Section | None = None, *, html: bool = False) -> str:
    """APA (7th ed.) form: Family, G. (Year). *Title in sentence case*. Publisher. URL"""
    author = _text(f"{paper.family_name}, {paper.given_name[0]}. ({paper.year}).", html)
    if section is None:
        work = f"{_title(paper.title_sentence_case, html)}."
    else:
        work = (
            f"{_text(section.title_sentence_case + '.', html)} In "
            f"{_title(paper.title_sentence_case, html)}."
        )
    return f"{author} {work} {_text(paper.publisher + '.', html)} {_url(url, html)}"


def _bibtex_text(text: str) -> str:
    """Straight double quotes become TeX quotes; the whole is braced to keep its case."""
    return "{" + STRAIGHT_QUOTED.sub("``\\1''", text) + "}"


def bibtex(paper: Paper, url: str, section: Section | None = None) -> str:
    """A BibTeX entry: @techreport for the paper, @inbook for a section."""
    fields: list[tuple[str, str]] = [("author", f"{paper.author_inverted}")]
    if section is None:
        kind, key = "techreport", paper.bibtex_key
        fields += [
            ("title", _bibtex_text(paper.title)),
            ("institution", _bibtex_text(paper.publisher)),
        ]
    else:
        kind, key = "inbook", f"{paper.bibtex_key}-{section.slug}"
        fields += [
            ("title", _bibtex_text(paper.title)),
            ("chapter", _bibtex_text(section.title)),
            ("publisher", _bibtex_text(paper.publisher)),
        ]
    fields += [("year", str(paper.year)), ("month", BIBTEX_MONTHS[paper.month - 1]), ("url", url)]
    width = max(len(name) for name, _ in fields)
    lines = [
        f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'},"
        for name, value in fields
    ]
    return "\n".join([f"@{kind}{{{key},", *lines, "}"])


def paragraph_citation(paper: Paper, section: Section, paragraph: int) -> str:
    """Chicago note form of one paragraph: ..., ¶ 7."""
    return f"{chicago_note_base(paper, section)}, ¶ {paragraph}."


def citation_forms(
    paper: Paper, url: str, section: Section | None, *, prefix: str
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
    entry = bibtex(paper, url, section)
    result.append(
        CitationForm(id=f"{prefix}-bibtex", label="BibTeX", html=escape(entry), text=entry)
    )
    return result
