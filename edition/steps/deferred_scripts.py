"""Load the theme's script after the page is parsed, so the text is painted first.

Material for MkDocs ends every page with `<script src=".../bundle.<hash>.min.js">`,
a script that stops the parser until it has been fetched and run. A phone on a
slow network then waits for 35 KB of script before it is shown a word, and
Lighthouse counts it as blocking the first paint. With `defer` the browser
parses and paints the page, then runs the script, before DOMContentLoaded, as
the theme expects. The edition's own scripts are deferred in mkdocs.yml
(`defer: true`), so that they still run after the theme's, in order.

If a new theme version writes its script differently, the build stops and
says so, rather than leaving the theme's script to run after the edition's.
"""

from __future__ import annotations

import re

from edition.errors import EditionError
from edition.html import StartTag, edit_tags, with_attributes
from edition.steps.valid_html import is_theme_page

THEME_BUNDLE = re.compile(r"(^|/)assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


class DeferTheme:
    """The tag editor: `defer` on the theme's script, found once on a page of the theme."""

    def __init__(self, html: str) -> None:
        self.active = is_theme_page(html)
        self.count = 0

    def edit(self, tag: StartTag) -> StartTag | None:
        if not self.active or tag.tag != "script" or not THEME_BUNDLE.search(tag.get("src") or ""):
            return None
        self.count += 1
        if tag.get("defer") is not None or any(name == "defer" for name, _ in tag.attributes):
            return None
        return with_attributes(tag, [*tag.attributes, ("defer", None)])

    def finish(self) -> None:
        if self.active and self.count != 1:
            raise EditionError(
                f"expected the theme's bundle script once, found it {self.count} times; update "
                "THEME_BUNDLE to the theme's new markup",
                file="edition/steps/deferred_scripts.py",
            )


def defer_theme_script(html: str) -> str:
    """Add `defer` to the theme's script; EditionError if it is not there once."""
    return edit_tags(html, [DeferTheme(html)])
