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
from typing import TYPE_CHECKING

from edition.errors import EditionError
from edition.html import StartTag, rewrite_tags, start_tag
from edition.step import Step
from edition.steps.valid_html import is_theme_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

THEME_BUNDLE = re.compile(r"(^|/)assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


def defer_theme_script(html: str) -> str:
    """Add `defer` to the theme's script; EditionError if it is not there once."""
    if not is_theme_page(html):
        return html
    count = 0

    def edit(tag: StartTag) -> str | None:
        nonlocal count
        if tag.tag == "script" and THEME_BUNDLE.search(tag.get("src") or ""):
            count += 1
            if tag.get("defer") is None:
                return start_tag("script", [*tag.attributes, ("defer", None)])
        return None

    deferred = rewrite_tags(html, edit)
    if count != 1:
        raise EditionError(
            f"expected the theme's bundle script once, found it {count} times; update "
            "THEME_BUNDLE to the theme's new markup",
            file="edition/steps/deferred_scripts.py",
        )
    return deferred


class DeferredScripts(Step):
    name = "deferred_scripts"

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return defer_theme_script(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return defer_theme_script(output)  # 404.html
