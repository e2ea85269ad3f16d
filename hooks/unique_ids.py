"""Stop the build when a page gives two elements the same id.

A repeated id makes a permalink ambiguous: the browser jumps to the first.
MkDocs does not check it, so this hook does, on the page's converted HTML.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

# A start tag, and an id inside one. Python-Markdown writes every attribute in double
# quotes and escapes <, > and " inside them, so a tag ends at the first ">".
START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")


def element_ids(html: str) -> list[str]:
    """Every id given in a start tag, in order."""
    return [
        found.group(1) or found.group(2)
        for tag in START_TAG.finditer(html)
        for found in ID.finditer(tag.group(0))
        if found.group(1) or found.group(2)
    ]


def repeated_ids(html: str) -> list[str]:
    """The ids that occur more than once, in the order they first appear."""
    ids = element_ids(html)
    counts = Counter(ids)
    return [element_id for element_id in dict.fromkeys(ids) if counts[element_id] > 1]


def on_page_content(html: str, *, page: Page, **_: object) -> str | None:
    repeated = repeated_ids(html)
    if repeated:
        raise PluginError(
            f"docs/{page.file.src_uri}: the id '{repeated[0]}' is used more than once; "
            "give each heading and block its own id"
        )
    return None
