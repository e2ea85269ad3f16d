"""Convert a few lines of Markdown with some of the edition's treeprocessors, as the build does.

Each treeprocessor is made by its entry of `edition.pipeline.TREEPROCESSORS`
and registered at that entry's priority, so a test sees it run where the
build runs it among Python-Markdown's own (footnotes, attr_list, abbr...).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

import markdown
from markdown.serializers import to_html_string

from edition.pipeline import TREEPROCESSORS


def priority(name: str) -> float:
    """The priority edition/pipeline.py gives the treeprocessor `name`."""
    return next(tree_step.priority for tree_step in TREEPROCESSORS if tree_step.name == name)


def convert(
    text: str,
    names: Iterable[str],
    *,
    build: Any = None,
    steps: dict[str, Any] | None = None,
    extensions: Iterable[str] = ("attr_list",),
    extension_configs: dict[str, dict] | None = None,
) -> str:
    """`text` as HTML, with the edition's treeprocessors `names` at their priorities."""
    names = set(names)
    md = markdown.Markdown(extensions=list(extensions), extension_configs=extension_configs or {})
    known = {tree_step.name for tree_step in TREEPROCESSORS}
    assert names <= known, names - known
    for tree_step in TREEPROCESSORS:
        if tree_step.name in names:
            md.treeprocessors.register(
                tree_step.make(md, build, steps or {}), tree_step.name, tree_step.priority
            )
    return md.convert(text)


def paper_build(*, report_error_url: str | None = "https://x.org/new", section: int = 1) -> Any:
    """A stand-in for `edition.build.Build` while docs/introduction.md is converted."""
    page = SimpleNamespace(
        meta={"paper_section": section} if section else {},
        file=SimpleNamespace(src_uri="introduction.md"),
        canonical_url="https://site/introduction/",
        url="introduction/",
    )
    return SimpleNamespace(
        page=page,
        options=SimpleNamespace(
            report_error_url=report_error_url,
            home_page="index.md",
            whole_paper_page="paper.md",
            bibliography_page="bibliography.md",
        ),
        chapter_title=lambda src_uri: "S",
        source_of=lambda page: f"docs/{page.file.src_uri}",
    )


def tree(html: str) -> etree.Element:
    """An HTML fragment as an element tree, inside a <div>."""
    return etree.fromstring(f"<div>{html}</div>")


def serialized(root: etree.Element) -> str:
    """What Python-Markdown would write for the content of `root` (the <div> left out)."""
    return to_html_string(root).removeprefix("<div>").removesuffix("</div>")
