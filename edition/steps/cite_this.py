"""Offer "Cite this" wherever the text is read: the home page, each section, the whole paper.

The block (edition/theme/partials/cite-this.html, placed after the content)
gives the page's permanent address and its citation in Chicago (note and
bibliography), APA and BibTeX, rendered by edition/citation.py from the
paper's facts and the edition's release: on the home page and on the whole
paper on one page, the paper's; on a section, the section's and the paper's.
On the whole paper on one page each section also opens with its own
citation (edition/templates/cite-section.html: the Chicago note, and a link
to every form on the section's page, which keeps the long page light), put
in the tree where the section's first paragraph stands. docs/assets/cite.js adds the copy buttons'
behaviour, the ¶ menu that copies a paragraph's link or citation, and the
citation of a selected passage.

With `site_url` every address is absolute. Without it the build cannot know
the host the site will be served from, so the addresses are relative to the
page and cite.js shows the address the reader has open in their place.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any, NamedTuple

from markdown.treeprocessors import Treeprocessor

from edition.citation import (
    Address,
    CitationForm,
    Paper,
    Section,
    chicago_note_base,
    citation_forms,
    read_section,
    site_address,
)
from edition.step import Step
from edition.templates import fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from edition.build import Build
    from edition.whole_paper import Chapter


class CiteThis(NamedTuple):
    """What the partial shows: the address, the forms, the ¶ citation's stem."""

    url: Address
    section_forms: list[CitationForm]
    paper_forms: list[CitationForm]
    paragraph_citation: str


def cite_this(
    paper: Paper, page: Page, *, site_url: str | None, whole_paper_page: str = "paper.md"
) -> CiteThis | None:
    """The block of a page of the paper (home, section, whole paper); None for other pages."""
    url = site_address(site_url, page.url, page.url)
    if page.is_homepage or page.file.src_uri == whole_paper_page:
        return CiteThis(url, [], citation_forms(paper, url, None, prefix="cite-paper"), "")
    if not page.meta.get("paper_section"):
        return None
    section = section_of(paper, page)
    return CiteThis(
        url=url,
        section_forms=citation_forms(paper, url, section, prefix="cite-section"),
        paper_forms=citation_forms(
            paper, site_address(site_url, page.url, ""), None, prefix="cite-paper"
        ),
        paragraph_citation=chicago_note_base(paper, section),
    )


def anchor_ids(block: CiteThis) -> set[str]:
    """The ids the partial gives the block, so that links to them are checked like any."""
    ids = {"cite-this", "cite-permalink"}
    if block.section_forms:
        ids |= {"cite-this-section", "cite-this-paper"}
    for form in block.section_forms + block.paper_forms:
        ids |= {form.id, f"{form.id}-label"}
    return ids


def section_of(paper: Paper, page: Page) -> Section:
    return read_section(paper, title=page.title or "", src_uri=page.file.src_uri)


def section_block(
    paper: Paper, chapter: Chapter, page: Page, *, site_url: str | None, chapter_url: str
) -> list[etree.Element]:
    """The citation that opens a section on the whole paper on one page."""
    section = read_section(paper, title=chapter.title, src_uri=chapter.src_uri)
    target = site_address(site_url, page.url, chapter_url)
    # In the tree, MkDocs resolves and checks a link written to the page's Markdown file.
    url = target if target.is_absolute else Address(target.url, href=f"/{chapter.src_uri}")
    return fragment(
        "cite-section.html",
        slug=chapter.slug,
        title=section.title,
        address=url,
        section_forms=citation_forms(paper, url, section, prefix=f"cite-{chapter.slug}"),
        paragraph_citation=chicago_note_base(paper, section),
        every_form=f"/{chapter.src_uri}#cite-this-section",
    )


def first_paragraph(root: etree.Element, slug: str) -> tuple[etree.Element, etree.Element] | None:
    """The block where a section's text begins on the one page, and its parent."""
    for parent in root.iter():
        for child in parent:
            if child.get("id") == f"{slug}-p-1":
                return child, parent
            if child.tag in ("ul", "ol") and any(item.get("id") == f"{slug}-p-1" for item in child):
                return child, parent
    return None


class SectionCitations(Treeprocessor):
    """On the whole paper on one page, put each section's citation where its text begins."""

    def __init__(self, md, build: Build) -> None:
        super().__init__(md)
        self.build = build

    def run(self, root: etree.Element) -> None:
        page = self.build.page
        if page is None or page.file.src_uri != self.build.options.whole_paper_page:
            return
        for chapter in self.build.chapters:
            found = first_paragraph(root, chapter.slug)
            if found is None:
                continue
            block, parent = found
            at = list(parent).index(block)
            for offset, element in enumerate(
                section_block(
                    self.build.paper,
                    chapter,
                    page,
                    site_url=self.build.config.site_url,
                    chapter_url=self.build.page_url(chapter.src_uri),
                )
            ):
                parent.insert(at + offset, element)


class CiteThisStep(Step):
    name = "cite_this"

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> None:
        # Before MkDocs checks the links to anchors, once every page is converted.
        block = cite_this(
            self.build.paper,
            page,
            site_url=config.site_url,
            whole_paper_page=self.build.options.whole_paper_page,
        )
        if block is not None and page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchor_ids(block)
        return None

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        context["cite_this"] = cite_this(
            self.build.paper,
            page,
            site_url=config.site_url,
            whole_paper_page=self.build.options.whole_paper_page,
        )
        return context
