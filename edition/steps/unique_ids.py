"""Stop the build when a page gives two elements the same id.

A repeated id makes a permalink ambiguous: the browser jumps to the first, and
a script that looks the id up finds the wrong element. MkDocs does not check
it, so this step does, with an HTML parser: on the page's converted HTML, once
every treeprocessor has added its ids, and on the whole page, where an id of
the text (a heading's, written or made from its words) must not be one the
templates give ("Cite this" and its forms, the theme's controls). Each is
reported at the line of the page that gives the id.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

from edition.errors import EditionError
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


# A start tag, or what holds none (a comment, a script's or a style's text, up to its end tag)
TAG = re.compile(
    r"<!--.*?-->|<(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>|<[a-zA-Z][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def element_ids(html: str) -> list[str]:
    """Every id given in a start tag, in order."""
    ids = []
    for found in TAG.finditer(html):
        tag = found.group(0)
        if tag.startswith("<!--"):
            continue
        if found.group("raw"):
            tag = tag[: tag.index(">") + 1]  # the script's or style's own start tag
        given = ID.search(tag)
        if given:
            value = unescape(next(part for part in given.groups() if part is not None))
            if value:
                ids.append(value)
    return ids


def repeated_ids(html: str) -> list[str]:
    """The ids that occur more than once, in the order they first appear."""
    ids = element_ids(html)
    counts = Counter(ids)
    return [element_id for element_id in dict.fromkeys(ids) if counts[element_id] > 1]


HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s*\{[^}]*\})?\s*#*\s*$")


def line_giving(markdown: str, element_id: str) -> int | None:
    """The line of the Markdown that gives `element_id`: written, or made from a heading."""
    written = re.compile(
        rf"""(?:\{{[^}}\n]*#{re.escape(element_id)}[\s}}]|id=["']{re.escape(element_id)}["'])"""
    )
    lines = markdown.splitlines()
    for number, line in enumerate(lines, start=1):
        if written.search(line):
            return number
    for number, line in enumerate(lines, start=1):
        heading = HEADING.match(line)
        if heading and slugify(heading.group("text"), "-") == element_id:
            return number
    return None


class UniqueIds(Step):
    name = "unique_ids"

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        repeated = repeated_ids(html)
        if repeated:
            raise EditionError(
                f"the id '{repeated[0]}' is used more than once; "
                "give each heading and block its own id",
                file=self.build.source_of(page),
                line=line_giving(page.file.content_string, repeated[0]),
            )
        return None

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        repeated = repeated_ids(output)
        if repeated:
            raise EditionError(
                f"the id '{repeated[0]}' is also one the page's template gives (to the "
                "edition's or the theme's own blocks); give the heading or block its own id, "
                f"such as {{ #{repeated[0]}-1 }}",
                file=self.build.source_of(page),
                line=line_giving(page.file.content_string, repeated[0]),
            )
        return None
