"""Open each section of the paper with where it stands: its number, the author, the date.

A reader who lands on a section from a search or a citation meets its title
alone; the header above the title (edition/theme/partials/section-header.html)
says which section of which paper it is, who wrote it and when, from the
paper's facts and the page's `paper_section`. The section pages leave out the
theme's table of contents, which is empty there (the title is their only
heading besides the notes'), so that the notes can stand in the margin beside
the text (docs/assets/margin-notes.js).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from edition.errors import EditionError
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from edition.citation import Paper


class SectionHeader(NamedTuple):
    """What the partial shows above a section's title."""

    number: int
    count: int
    paper_title: str
    author: str
    date: str  # as the title page prints it: February 2009
    iso_date: str  # 2009-02


def section_header(paper: Paper, page: Page) -> SectionHeader | None:
    """The header of a section page; None for every other page."""
    number = page.meta.get("paper_section")
    if not number:
        return None
    count = len(paper.section_titles_sentence_case)
    if not isinstance(number, int) or not 1 <= number <= count:
        raise EditionError(
            f"paper_section is {number!r}; write the section's number in the paper, 1 to {count}"
        )
    return SectionHeader(
        number=number,
        count=count,
        paper_title=paper.title,
        author=paper.author,
        date=f"{paper.month_name} {paper.year}",
        iso_date=paper.iso_date,
    )


class SectionHeaderStep(Step):
    name = "section_header"

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        try:
            header = section_header(self.build.paper, page)
        except EditionError as error:
            raise error.at(self.build.source_of(page)) from None
        context["section_header"] = header
        if header is not None:
            hidden = page.meta.get("hide") or []
            page.meta["hide"] = [*hidden, "toc"] if "toc" not in hidden else hidden
        return context
