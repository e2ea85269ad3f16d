"""Let a reader report an error: a link that opens a prefilled issue about a paragraph or page.

Every page gets one link for the whole page (edition/theme/partials/report-error.html,
`#report-error`), to a new issue at the tracker the plugin's `report_error_url`
names, its title and body filled in (`page_issue`). Each numbered paragraph of
the paper gets, beside its permalink, a small link of its own: its address,
whose title and body name the section, the paragraph and its address
(`paragraph_issue`), is made in the browser when the reader reaches the link
(docs/assets/report-error.js, from what the page's link names), so that a
section page does not carry a long address per paragraph; without JavaScript
it leads to the page's link. It is only a link: the page fetches nothing from
the tracker. Without `report_error_url` there are no such links.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode, urlsplit

from edition.step import BuildTreeprocessor, Step
from edition.steps.paragraph_ids import is_paper_section, numbered_paragraphs

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def issue_link(issue_url: str, *, title: str, body: str) -> str:
    """The address of a new issue, its title and body filled in (after any query it has)."""
    joined = "&" if urlsplit(issue_url).query else "?"
    return f"{issue_url}{joined}{urlencode({'title': title, 'body': body}, quote_via=quote)}"


def paragraph_issue(issue_url: str, *, section: str, paragraph: int, address: str) -> str:
    """A new issue about one paragraph."""
    body = (
        f"Section: {section}\nParagraph: ¶ {paragraph}\nAddress: {address}\n\n"
        "What is wrong (quote the words, please):\n\n"
        "What the paper's PDF prints, if you have it:\n"
    )
    return issue_link(issue_url, title=f"Error in “{section}”, ¶ {paragraph}", body=body)


def page_issue(issue_url: str, *, page_title: str, address: str) -> str:
    """A new issue about a page as a whole."""
    body = (
        f"Page: {address}\nParagraph or note (the ¶ or note number), if any:\n\n"
        "What is wrong (quote the words, please):\n"
    )
    return issue_link(issue_url, title=f"Error on the page “{page_title}”", body=body)


PAGE_LINK = "report-error"  # the id of the page's own link, where a paragraph's leads


def page_address(page: Page) -> str:
    return page.canonical_url or page.abs_url or page.url  # no host without site_url


class ReportLinks(BuildTreeprocessor):
    """Put a "report an error" link after each numbered paragraph's permalink."""

    def run(self, root: etree.Element) -> None:
        page, issue_url = self.build.page, self.build.options.report_error_url
        if not issue_url or page is None or not is_paper_section(page):
            return
        for paragraph, number in numbered_paragraphs(root):
            link = etree.Element(
                "a",
                {
                    "class": "report-error edition-added",
                    "href": f"#{PAGE_LINK}",
                    "rel": "nofollow",
                    "aria-label": f"Report an error in paragraph {number}",
                },
            )
            first = paragraph[0] if len(paragraph) else None
            at = 1 if first is not None and "paragraph-link" in first.get("class", "") else 0
            if at == 0:
                link.tail, paragraph.text = paragraph.text, None
            else:
                link.tail, first.tail = first.tail, None
            paragraph.insert(at, link)


class ReportError(Step):
    name = "report_error"

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> None:
        # The paragraphs' links lead to the page's, which its template writes.
        if self.build.options.report_error_url and is_paper_section(page):
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.add(PAGE_LINK)
        return None

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        issue_url = self.build.options.report_error_url
        if issue_url and page.file.src_uri != "404.html":
            context["report_error_href"] = page_issue(
                issue_url, page_title=page.title or "", address=page_address(page)
            )
            if is_paper_section(page):  # what the paragraphs' addresses are made of
                context["report_error_paragraphs"] = {
                    "issue-url": issue_url,
                    "section": self.build.chapter_title(page.file.src_uri),
                    "address": page_address(page),
                }
        return context
