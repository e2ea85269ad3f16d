"""Load each of the edition's scripts only on the pages that have work for it.

`extra_javascript` puts every script on every page. A script with nothing to
do on a page still costs a phone its download: the whole paper on one page
has no "Cite this" block, the About page no note and no abbreviation. Each
script below names the element it works on; a page without one is sent
without the script. A script not listed here stays on every page.
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


def is_paragraph(tag: StartTag) -> bool:
    return (tag.get("id") or "").startswith("p-")  # a numbered paragraph: a section's page


# script (as in extra_javascript) -> the elements it works on, each of which the page must hold
USED_BY: dict[str, tuple[Callable[[StartTag], bool], ...]] = {
    "assets/cite.js": (has_class("cite-this"),),  # "Cite this" and the ¶ menu it offers
    # the glossary's expansions and the notes' previews
    "assets/previews.js": (lambda tag: tag.tag == "abbr" or has_class("footnote-ref")(tag),),
    "assets/margin-notes.js": (has_class("footnote-ref"), is_paragraph),  # a section's notes
    "assets/reading-place.js": (is_paragraph,),  # where the reader left off a section
    "assets/not-found.js": (has_class("not-found"),),  # the 404 page
}


def script_of(tag: StartTag) -> str | None:
    """Which of the scripts of USED_BY a <script> tag loads, if any."""
    source = tag.get("src") or ""
    if tag.tag != "script":
        return None
    return next((path for path in USED_BY if source.endswith(path)), None)


def drop_unused_scripts(html: str) -> str:
    """The page without the scripts whose elements it does not contain."""
    found: set[tuple[str, int]] = set()  # (script, which of its elements) found on the page

    def look(tag: StartTag) -> None:
        for path, elements in USED_BY.items():
            found.update((path, index) for index, works_on in enumerate(elements) if works_on(tag))
        return None

    rewrite_tags(html, look)
    unused = {
        path
        for path, elements in USED_BY.items()
        if any((path, index) not in found for index in range(len(elements)))
    }
    if not unused:
        return html
    return rewrite_tags(html, lambda tag: DROP if script_of(tag) in unused else None)


class PageScripts(Step):
    name = "page_scripts"

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return drop_unused_scripts(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return drop_unused_scripts(output)  # 404.html
