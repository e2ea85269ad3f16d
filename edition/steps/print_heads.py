"""Give every printed page a running head: the paper's title and the section.

Chromium prints CSS page-margin boxes (`@page { @top-left { content: ... } }`)
but no running strings (`string-set`), so each page carries its own heads: a
short print style in its head with the paper's title and the page's title.
On the whole paper's page each part (a section, with its notes) is a named
page with its own head, and the title page has none. The rest of the print
layout (margins, page numbers, what is left out) is in docs/assets/edition.css.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from edition.step import Step
from edition.steps.whole_paper import BIBLIOGRAPHY_PART, BIBLIOGRAPHY_TITLE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

IDENT_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")  # a part's name, made a page name (a CSS ident)
CSS_ESCAPES = {"\\": "\\\\", '"': '\\"', "<": "\\3c ", ">": "\\3e ", "&": "\\26 "}


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that cannot leave its string, nor the style element."""
    text = " ".join(text.split())
    return '"' + "".join(CSS_ESCAPES.get(character, character) for character in text) + '"'


def heads(left: str, right: str | None) -> str:
    """The margin boxes of a page: the paper's title on the left, the section on the right."""
    boxes = f"@top-left{{content:{css_string(left)}}}"
    return boxes + (f"@top-right{{content:{css_string(right)}}}" if right else "")


def print_style(
    paper_title: str,
    page_title: str | None,
    *,
    parts: list[tuple[str, str]] | None = None,
    title_page: bool = False,
) -> str:
    """The page's print style: its running heads, and on the whole paper one per part.

    `parts` are the whole paper's (`data-part` name, section title); a title page
    (the home page, the whole paper's first) prints without heads.
    """
    right = None if parts is not None or page_title == paper_title else page_title
    rules = [f"@page{{{heads(paper_title, right)}}}"]
    for name, title in parts or []:  # a named page has the title of every page, and its own
        page_name = "p-" + IDENT_UNSAFE.sub("-", name)
        rules.append(f"@page {page_name}{{@top-right{{content:{css_string(title)}}}}}")
        rules.append(f"[data-part={css_string(name)}]{{page:{page_name}}}")
    if title_page:
        rules.append("@page:first{@top-left{content:none}@top-right{content:none}}")
    return "".join(rules)


class PrintHeads(Step):
    name = "print_heads"

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        build = self.build
        src_uri = page.file.src_uri
        parts = None
        if src_uri == build.options.whole_paper_page:
            parts = [(chapter.slug, chapter.title) for chapter in build.chapters]
            parts.append((BIBLIOGRAPHY_PART, BIBLIOGRAPHY_TITLE))
        context["print_style"] = print_style(
            build.paper.title,
            page.title,
            parts=parts,
            title_page=src_uri in (build.options.home_page, build.options.whole_paper_page),
        )
        return context
