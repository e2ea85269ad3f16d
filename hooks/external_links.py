"""Give every link that leaves the site rel="noopener".

The notes and the bibliography link to other sites; a link that leaves the
edition must never hand the new page a handle on this one. A Markdown
treeprocessor adds `noopener` to the `rel` of every http(s) link of a page's
content, keeping any rel values it already has; links in the theme's
templates carry it in the template.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig

REL = "noopener"


def is_external(href: str) -> bool:
    return href.lower().startswith(("http://", "https://", "//"))


def with_noopener(rel: str | None) -> str:
    """The rel value with `noopener` added once, other values kept in order."""
    values = (rel or "").split()
    return " ".join(values if REL in values else [*values, REL])


def mark_external_links(root: etree.Element) -> int:
    """Add noopener to every external link under `root`; return how many links."""
    count = 0
    for link in root.iter("a"):
        if is_external(link.get("href", "")):
            link.set("rel", with_noopener(link.get("rel")))
            count += 1
    return count


class ExternalLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        mark_external_links(root)


class ExternalLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Last of the edition's treeprocessors (1), after archived copies (4) are added.
        md.treeprocessors.register(ExternalLinks(md), "edition-external-links", 1)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    config.markdown_extensions.append(ExternalLinksExtension())
    return config
