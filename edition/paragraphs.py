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

# attr_list's list on the last line of a block: `{ .class key="value" }` (or `{: ... }`)
ATTRIBUTE_LIST_LINE = re.compile(r"\n[ ]*\{:?[ ]*(?P<attributes>[^\}\n ][^\n]*?)[ ]*\}[ ]*$")
GIVES_ID = re.compile(r"(?:^|\s)(?:#|id\s*=)")
NOT_PARAGRAPH = re.compile(r"^(#|\[\^|<|\{|!!!|\?\?\?|\s|```|---|\*\*\*|\||\*\[)")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")
LIST_ITEM_START = re.compile(r"\n(?=(?:[-*+]|\d+\.)\s)")
BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n")


def paragraph_id(number: int) -> str:
    return f"p-{number}"


def with_id(paragraph: str, element_id: str) -> str:
    """The paragraph with the id `element_id`, joined to the attribute list it ends with, if any.

    attr_list reads only a block's last line as its attribute list: a second
    list after the editor's would leave the editor's as text.
    """
    found = ATTRIBUTE_LIST_LINE.search(paragraph)
    if not found:
        return f"{paragraph}\n{{ #{element_id} }}"
    return f"{paragraph[: found.start()]}\n{{ #{element_id} {found.group('attributes')} }}"


def given_ids(markdown: str) -> list[tuple[int, str]]:
    """(line, attribute list) of each paragraph whose attribute list gives it an id itself."""
    found = []
    line = 1
    for block, separator in zip(
        BLOCK_SEPARATOR.split(markdown), [*BLOCK_SEPARATOR.findall(markdown), ""], strict=True
    ):
        if not NOT_PARAGRAPH.match(block) and block.strip():
            text = block.rstrip()
            for paragraph in LIST_ITEM_START.split(text) if LIST_ITEM.match(text) else [text]:
                attributes = ATTRIBUTE_LIST_LINE.search(paragraph)
                if attributes and GIVES_ID.search(attributes.group("attributes")):
                    at = line + block[: block.index(paragraph)].count("\n")
                    found.append((at + paragraph.count("\n"), attributes.group(0).strip()))
        line += block.count("\n") + separator.count("\n")
    return found


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
            lines.append(with_id(paragraph, paragraph_id(number)))
        numbered.append("\n".join(lines) + block[len(block.rstrip()) :])
    return "\n\n".join(numbered)


def read_paragraphs(markdown: str) -> list[tuple[int, str]]:
    """The numbered paragraphs of a chapter's body: [(number, Markdown text)]."""
    paragraphs = [text for _, texts in split_blocks(markdown) for text in texts or []]
    return list(enumerate(paragraphs, start=1))
