"""Load each of the edition's scripts only on the pages that have work for it.

`extra_javascript` puts every script on every page. A script with nothing to
do on a page still costs a phone its download: the whole paper on one page
has no "Cite this" block, the About page no note and no abbreviation. Each
script below names the markup it works on; a page without that markup is sent
without the script. A script not listed here stays on every page.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# script (as in extra_javascript) -> markup it works on
USED_BY = {
    "assets/cite.js": 'class="cite-this',  # "Cite this" and the ¶ menu it offers
    "assets/note-preview.js": 'class="footnote-ref"',  # the notes' previews
    "assets/glossary-tooltip.js": "<abbr ",  # the glossary's expansions
}


def script_tag(path: str) -> re.Pattern[str]:
    return re.compile(r'\s*<script src="[^"]*' + re.escape(path) + r'"[^>]*></script>')


TAGS = {path: script_tag(path) for path in USED_BY}


def drop_unused_scripts(html: str) -> str:
    """The page without the scripts whose markup it does not contain."""
    for path, markup in USED_BY.items():
        if markup not in html:
            html = TAGS[path].sub("", html)
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return drop_unused_scripts(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return drop_unused_scripts(output_content)  # 404.html
