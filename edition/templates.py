"""The edition's markup: Jinja templates in edition/templates/, autoescaped, made into trees.

Every piece of HTML the edition adds to a page is a template here (or an
element built on the tree), rendered with one escaping rule, Jinja's
autoescape, and parsed into elements that a treeprocessor puts in the page's
tree, where MkDocs then resolves and validates their links and ids like any
others. Links are written relative to docs/ (`/introduction.md#p-3`).
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

if TYPE_CHECKING:
    from markdown import Markdown

    from edition.build_cache import Kept

THEME = Path(__file__).parent / "theme"  # partials shared with the theme's blocks


@functools.cache
def environment() -> Environment:
    return Environment(
        loader=ChoiceLoader([PackageLoader("edition", "templates"), FileSystemLoader(THEME)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, **context: Any) -> str:
    """A template of edition/templates/, rendered."""
    return environment().get_template(name).render(**context)


def fragment(name: str, **context: Any) -> list[etree.Element]:
    """A template rendered and parsed: its top-level elements, ready to insert in a tree."""
    return parsed(render(name, **context), name)


def parsed(html: str, name: str) -> list[etree.Element]:
    """A template's output (`name`) as elements, ready to insert in a tree."""
    wrapper = etree.fromstring(f"<fragment>{html}</fragment>")
    elements = list(wrapper)
    if wrapper.text and wrapper.text.strip():
        raise ValueError(f"{name}: text outside an element")
    return elements


def kept_fragment(
    kept: Kept, inputs: list[str], name: str, context: Callable[[], dict[str, Any]]
) -> list[etree.Element]:
    """`fragment(name, **context())`, rendered once for every build with the same `inputs`
    (all that the context is made of: edition/build_cache.py)."""
    html = kept.get([name, *inputs], lambda: render(name, **context()))
    return parsed(str(html), name)


@functools.cache
def markdown_converter() -> Markdown:
    import markdown

    return markdown.Markdown()


@functools.lru_cache(maxsize=1024)
def markdown_html(text: str) -> str:
    """Text formatted in Markdown (pandoc's output for an entry) as HTML, without its <p>.

    One converter serves every entry (made once, reset for each), and each entry's HTML
    is made once for its text: the Bibliography and the EPUB list the same entries.
    """
    html = markdown_converter().reset().convert(text)
    return html.removeprefix("<p>").removesuffix("</p>")
