"""Load each of the edition's scripts only on the pages that have work for it.

`extra_javascript` puts every script on every page. A script with nothing to
do on a page still costs a phone its download: the whole paper on one page
has no ¶ menu (its ¶ lead to the sections), the About page no note and no
abbreviation. Each script below names the element it works on; a page
without one is sent without the script. A script not listed here stays on
every page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from edition.html import DROP, StartTag, rewrite_tags
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def has_class(name: str) -> Callable[[StartTag], bool]:
    return lambda tag: name in (tag.get("class") or "").split()


# script (as in extra_javascript) -> the elements it works on
USED_BY: dict[str, Callable[[StartTag], bool]] = {
    "assets/cite.js": has_class("cite-this"),  # "Cite this" and copies of the text
    # The ¶ menu: a section's "Cite this" gives the stem of its paragraphs' citations
    "assets/paragraph-menu.js": lambda tag: tag.tag == "section"
    and bool(tag.get("data-paragraph-citation")),
    "assets/note-preview.js": has_class("footnote-ref"),  # the notes' previews
    "assets/glossary-tooltip.js": lambda tag: tag.tag == "abbr",  # the glossary's expansions
}


def script_of(tag: StartTag) -> str | None:
    """Which of the scripts of USED_BY a <script> tag loads, if any."""
    source = tag.get("src") or ""
    if tag.tag != "script":
        return None
    return next((path for path in USED_BY if source.endswith(path)), None)


def drop_unused_scripts(html: str) -> str:
    """The page without the scripts whose elements it does not contain."""
    used: set[str] = set()

    def look(tag: StartTag) -> None:
        used.update(path for path, works_on in USED_BY.items() if works_on(tag))
        return None

    rewrite_tags(html, look)
    unused = set(USED_BY) - used
    if not unused:
        return html
    return rewrite_tags(html, lambda tag: DROP if script_of(tag) in unused else None)


class PageScripts(Step):
    name = "page_scripts"

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return drop_unused_scripts(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return drop_unused_scripts(output)  # 404.html
