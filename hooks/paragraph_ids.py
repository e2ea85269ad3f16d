"""Give every paragraph of the paper a stable id and a permalink a reader can cite.

Paragraphs are numbered in reading order within their chapter (`#p-1`,
`#p-2`, ...; each item of a list counts as a paragraph), so an id never
changes when a paragraph's wording is corrected. The ids are added in the
Markdown (attr_list), so MkDocs validates links to them like any anchor.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from edition.paragraphs import number_paragraphs, paragraph_id  # noqa: F401 (shared)

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

PARAGRAPH_TAG = re.compile(r'<(p|li) id="p-(\d+)">')


def add_permalinks(html: str) -> str:
    """Open each numbered paragraph with a link to itself."""
    return PARAGRAPH_TAG.sub(
        lambda m: (
            f'<{m.group(1)} id="p-{m.group(2)}">'
            f'<a class="paragraph-link edition-added" href="#p-{m.group(2)}" '
            f'aria-label="Permanent link to paragraph {m.group(2)}">¶</a>'
        ),
        html,
    )


def on_page_markdown(markdown: str, *, page: Page, **_: object) -> str | None:
    if not page.meta.get("paper_section"):
        return None
    return number_paragraphs(markdown)


def on_page_content(html: str, *, page: Page, **_: object) -> str | None:
    if not page.meta.get("paper_section"):
        return None
    return add_permalinks(html)
