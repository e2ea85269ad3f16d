"""Find the paragraphs of a chapter the way the edition numbers them.

A paragraph is a blank-line-separated block of the body that is not a heading,
a note definition, HTML, an attribute list, an admonition, a fence, a rule or
a table; each item of a list counts as a paragraph. The paragraph ids hook
numbers them `p-1`, `p-2`, ... in reading order; the glossary, index and
timeline link to the same numbers by reading the Markdown with these helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

NOT_PARAGRAPH = re.compile(r"^(#|\[\^|<|\{|!!!|\?\?\?|\s|```|---|\*\*\*|\||\*\[)")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")
LIST_ITEM_START = re.compile(r"\n(?=(?:[-*+]|\d+\.)\s)")
BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n")


def paragraph_id(number: int) -> str:
    return f"p-{number}"


def split_blocks(markdown: str) -> Iterator[tuple[str, list[str] | None]]:
    """Each block of the Markdown with its paragraphs (None for a block that is not one).

    A paragraph's text excludes the block's trailing whitespace.
    """
    for block in BLOCK_SEPARATOR.split(markdown):
        if NOT_PARAGRAPH.match(block) or not block.strip():
            yield block, None
            continue
        text = block.rstrip()
        yield block, LIST_ITEM_START.split(text) if LIST_ITEM.match(text) else [text]


def number_paragraphs(markdown: str) -> str:
    """Append `{ #p-N }` to each paragraph and list item of the body."""
    number = 0
    numbered = []
    for block, paragraphs in split_blocks(markdown):
        if paragraphs is None:
            numbered.append(block)
            continue
        lines = []
        for paragraph in paragraphs:
            number += 1
            lines.append(f"{paragraph}\n{{ #{paragraph_id(number)} }}")
        numbered.append("\n".join(lines) + block[len(block.rstrip()) :])
    return "\n\n".join(numbered)


def read_paragraphs(markdown: str) -> list[tuple[int, str]]:
    """The numbered paragraphs of a chapter's body: [(number, Markdown text)]."""
    paragraphs = [text for _, texts in split_blocks(markdown) for text in texts or []]
    return list(enumerate(paragraphs, start=1))
