"""Let a browser lay out only what a reader sees of a long page.

A page of book length (the whole paper of a long book, its longest chapters, its
Index) is mostly off screen, yet a browser lays out every line of it before it
settles: on a phone that is seconds of a busy main thread. A page whose text is
longer than `LONG_TEXT` characters gets a short screen style
(edition/theme/partials/long-text.html) that lets the browser skip the layout of
each paragraph and list item until it nears the screen (CSS
`content-visibility: auto`), with room kept for it meanwhile; what a reader
does with the text is unchanged: finding in the page, following a link to a
paragraph and printing (the style is for screens) all see every line. A page
of the paper as it is (the longest, the whole paper, is about 100,000
characters) is short enough to be laid out whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

LONG_TEXT = 115_000  # characters of a page's content, about 15,000 words with its markup


class LongText(Step):
    name = "long_text"

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        context["long_text"] = len(page.content or "") > LONG_TEXT
        return context
