"""Let a reader report an error in a paragraph: a link that opens a prefilled issue.

Each numbered paragraph of the paper gets, beside its permalink, a link to
the issue tracker named in mkdocs.yml (`extra.report_error_url`) whose title
and body name the section, the paragraph and its address. It is only a link:
the page fetches nothing from the tracker. Pages without numbered paragraphs
get one link for the whole page from the template (partials/report-error.html).
"""
from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

PARAGRAPH_START = re.compile(
    r'(<(?:p|li) id="p-(\d+)">(?:<a class="paragraph-link[^"]*"[^>]*>¶</a>)?)'
)


def issue_link(issue_url: str, *, section: str, paragraph: int, address: str) -> str:
    """The address of a new issue about one paragraph, title and body filled in."""
    title = f"Error in “{section}”, ¶ {paragraph}"
    body = (
        f"Section: {section}\nParagraph: ¶ {paragraph}\nAddress: {address}\n\n"
        "What is wrong (quote the words, please):\n\n"
        "What the paper's PDF prints, if you have it:\n"
    )
    return f"{issue_url}?{urlencode({'title': title, 'body': body}, quote_via=quote)}"


def add_report_links(html: str, *, issue_url: str, section: str, page_address: str) -> str:
    """Put a "report an error" link after each numbered paragraph's permalink."""

    def add(match: re.Match[str]) -> str:
        number = int(match.group(2))
        href = issue_link(
            issue_url, section=section, paragraph=number, address=f"{page_address}#p-{number}"
        )
        return (
            f'{match.group(1)}<a class="report-error edition-added" href="{escape(href)}" '
            f'rel="nofollow" aria-label="Report an error in paragraph {number}"></a>'
        )

    return PARAGRAPH_START.sub(add, html)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    url = config.extra.get("report_error_url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise PluginError(
            "mkdocs.yml: extra.report_error_url must be the address of the page that opens "
            "a new issue, e.g. https://github.com/OWNER/REPO/issues/new"
        )
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: object) -> str | None:
    if not page.meta.get("paper_section"):
        return None
    return add_report_links(
        html, issue_url=config.extra["report_error_url"], section=page.title or "",
        page_address=page.canonical_url or page.url,
    )
