"""Give every paragraph of the paper a stable id and a permalink a reader can cite.

Paragraphs are numbered in reading order within their chapter (`#p-1`,
`#p-2`, ...; each item of a list counts as a paragraph), so an id never
changes when a paragraph's wording is corrected. The ids are added in the
Markdown (attr_list), so MkDocs validates links to them like any anchor; the
permalink that opens each paragraph, its number shown in the margin (and in
print, and in the EPUB), is added to the tree once attr_list has given the
paragraph its id.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from edition.paragraphs import number_paragraphs
from edition.step import BuildTreeprocessor, Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


PARAGRAPH_ID = re.compile(r"^p-(\d+)$")


def numbered_paragraphs(root: etree.Element) -> list[tuple[etree.Element, int]]:
    """The paper's numbered paragraphs and list items, with their numbers, in reading order."""
    found = []
    for element in root.iter():
        number = PARAGRAPH_ID.match(element.get("id", "")) if element.tag in ("p", "li") else None
        if number:
            found.append((element, int(number.group(1))))
    return found


def is_paper_section(page: Page | None) -> bool:
    return bool(page is not None and page.meta.get("paper_section"))


def add_permalink(paragraph: etree.Element, number: int) -> etree.Element:
    """Open the paragraph with a link to itself: its number, shown in the margin."""
    link = etree.Element(
        "a",
        {
            "class": "paragraph-link edition-added",
            "href": f"#p-{number}",
            "aria-label": f"Permanent link to paragraph {number}",
        },
    )
    link.text = str(number)
    link.tail, paragraph.text = paragraph.text, None
    paragraph.insert(0, link)
    return link


class Permalinks(BuildTreeprocessor):
    def run(self, root: etree.Element) -> None:
        if not is_paper_section(self.build.page):
            return
        for paragraph, number in numbered_paragraphs(root):
            add_permalink(paragraph, number)


class ParagraphIds(Step):
    name = "paragraph_ids"

    def page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not is_paper_section(page):
            return None
        return number_paragraphs(markdown)
