"""Give every link that leaves the site rel="noopener".

The notes and the bibliography link to other sites; a link that leaves the
edition must never hand the new page a handle on this one. A Markdown
treeprocessor adds `noopener` to the `rel` of every http(s) link of a page's
content, keeping any rel values it already has. Links written by templates
(the theme's and the edition's partials) are not Markdown: `on_post_page`
gives any of them that lacks it the same rel, so the rule holds site-wide.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig

REL = "noopener"
LINK_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
EXTERNAL_HREF = re.compile(r"""\shref\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
REL_ATTRIBUTE = re.compile(r"""(\srel\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


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


def mark_external_link_tags(html: str) -> str:
    """The same for the <a> start tags of a whole document (template links)."""

    def mark(match: re.Match[str]) -> str:
        tag = match.group(0)
        if not EXTERNAL_HREF.search(tag):
            return tag
        rel = REL_ATTRIBUTE.search(tag)
        if rel is None:
            return f'{tag[:2]} rel="{REL}"{tag[2:]}'
        if REL in rel.group(3).split():
            return tag
        value = with_noopener(rel.group(3))
        return f"{tag[: rel.start()]}{rel.group(1)}{rel.group(2)}{value}{rel.group(2)}{tag[rel.end():]}"

    return LINK_TAG.sub(mark, html)


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


def on_post_page(output: str, **_: object) -> str | None:
    return mark_external_link_tags(output)
