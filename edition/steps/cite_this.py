"""Offer a "Cite this" block on the home page and on each section of the paper.

The block (edition/theme/partials/cite-this.html, placed after the content) gives
the page's permanent address and its citation in Chicago (note and
bibliography), APA and BibTeX, rendered by edition/citation.py from the
paper's facts; docs/assets/cite.js adds the copy buttons' behaviour and the
¶ menu that copies a paragraph's link or citation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from edition.citation import (
    CitationForm,
    Paper,
    Section,
    chicago_note_base,
    citation_forms,
    read_section,
)
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


class CiteThis(NamedTuple):
    """What the partial shows: the address, the forms, the ¶ citation's stem."""

    url: str
    section_forms: list[CitationForm]
    paper_forms: list[CitationForm]
    paragraph_citation: str


def page_url(page: Page) -> str:
    """The page's canonical address (from `site_url`), else its address on this server."""
    return page.canonical_url or page.abs_url or page.url


def cite_this(paper: Paper, page: Page, *, home_url: str) -> CiteThis | None:
    """The block of a paper page (home or section); None for other pages."""
    url = page_url(page)
    if page.is_homepage:
        return CiteThis(url, [], citation_forms(paper, url, None, prefix="cite-paper"), "")
    if not page.meta.get("paper_section"):
        return None
    section = section_of(paper, page)
    return CiteThis(
        url=url,
        section_forms=citation_forms(paper, url, section, prefix="cite-section"),
        paper_forms=citation_forms(paper, home_url, None, prefix="cite-paper"),
        paragraph_citation=chicago_note_base(paper, section),
    )


def section_of(paper: Paper, page: Page) -> Section:
    return read_section(paper, title=page.title or "", src_uri=page.file.src_uri)


class CiteThisStep(Step):
    name = "cite_this"

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        context["cite_this"] = cite_this(self.build.paper, page, home_url=config.site_url or "/")
        return context
