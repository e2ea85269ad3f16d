"""Stop the build when a page gives two elements the same id.

A repeated id makes a permalink ambiguous: the browser jumps to the first.
MkDocs does not check it, so this hook does, on the page's converted HTML.
"""
from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page


class IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.extend(value for name, value in attrs if name == "id" and value)


def repeated_ids(html: str) -> list[str]:
    """The ids that occur more than once, in the order they first appear."""
    collector = IdCollector()
    collector.feed(html)
    counts = Counter(collector.ids)
    return [element_id for element_id in dict.fromkeys(collector.ids) if counts[element_id] > 1]


def on_page_content(html: str, *, page: Page, **_: object) -> str | None:
    repeated = repeated_ids(html)
    if repeated:
        raise PluginError(
            f"docs/{page.file.src_uri}: the id '{repeated[0]}' is used more than once; "
            "give each heading and block its own id"
        )
    return None
