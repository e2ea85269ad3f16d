"""Stop the build when a page gives two elements the same id.

A repeated id makes a permalink ambiguous: the browser jumps to the first.
MkDocs does not check it, so this step does, on the page's converted HTML,
once every treeprocessor has added its ids, read with an HTML parser.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from edition.errors import EditionError
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def element_ids(html: str) -> list[str]:
    """Every id given in a start tag, in order."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser.ids


def repeated_ids(html: str) -> list[str]:
    """The ids that occur more than once, in the order they first appear."""
    ids = element_ids(html)
    counts = Counter(ids)
    return [element_id for element_id in dict.fromkeys(ids) if counts[element_id] > 1]


class UniqueIds(Step):
    name = "unique_ids"

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        repeated = repeated_ids(html)
        if repeated:
            raise EditionError(
                f"the id '{repeated[0]}' is used more than once; "
                "give each heading and block its own id",
                file=self.build.source_of(page),
            )
        return None
