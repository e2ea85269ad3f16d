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

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

THEME_PAGE = '<input class="md-toggle"'
THEME_SCRIPT = re.compile(
    r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>'
)


def defer_theme_script(html: str) -> str:
    """Add `defer` to the theme's script; ValueError if it is not there once."""
    if THEME_PAGE not in html:
        return html
    deferred, count = THEME_SCRIPT.subn(r'<script src="\1" defer></script>', html)
    if count != 1:
        raise ValueError(f"expected the theme's bundle script once, found it {count} times")
    return deferred


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    try:
        return defer_theme_script(output)
    except ValueError as error:
        raise PluginError(
            f"hooks/deferred_scripts.py, page {page.file.src_uri}: {error}; update "
            "THEME_SCRIPT to the theme's new markup"
        ) from None


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered from the theme's templates without a page: defer it there too.
    try:
        return defer_theme_script(output_content)
    except ValueError as error:
        raise PluginError(
            f"hooks/deferred_scripts.py, template {template_name}: {error}; update "
            "THEME_SCRIPT to the theme's new markup"
        ) from None
