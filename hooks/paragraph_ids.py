"""Give every paragraph of the paper a stable id and a permalink a reader can cite.

Paragraphs are numbered in reading order within their chapter (`#p-1`,
`#p-2`, ...; each item of a list counts as a paragraph), so an id never
changes when a paragraph's wording is corrected. The ids are added in the
Markdown (attr_list), so MkDocs validates links to them like any anchor.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

NOT_PARAGRAPH = re.compile(r"^(#|\[\^|<|\{|!!!|\?\?\?|\s|```|---|\*\*\*|\|)")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")
LIST_ITEM_START = re.compile(r"\n(?=(?:[-*+]|\d+\.)\s)")
PARAGRAPH_TAG = re.compile(r'<(p|li) id="p-(\d+)">')


def paragraph_id(number: int) -> str:
    return f"p-{number}"


def number_paragraphs(markdown: str) -> str:
    """Append `{ #p-N }` to each paragraph and list item of the body."""
    blocks = re.split(r"\n[ \t]*\n", markdown)
    number = 0
    numbered = []
    for block in blocks:
        if NOT_PARAGRAPH.match(block) or not block.strip():
            numbered.append(block)
            continue
        text = block.rstrip()
        lines = []
        items = LIST_ITEM_START.split(text) if LIST_ITEM.match(text) else [text]
        for item in items:
            number += 1
            lines.append(f"{item}\n{{ #{paragraph_id(number)} }}")
        numbered.append("\n".join(lines) + block[len(text):])
    return "\n\n".join(numbered)


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
