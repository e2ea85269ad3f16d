"""Give every link that leaves the site rel="noopener".

The notes and the bibliography link to other sites; a link that leaves the
edition must never hand the new page a handle on this one. A treeprocessor
adds `noopener` to the `rel` of every http(s) link of a page's content,
keeping any rel values it already has. Links written by templates (the
theme's and the edition's partials) are not Markdown: the whole page is read
with an HTML parser and any of them that lacks it gets the same rel, so the
rule holds site-wide.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from edition.html import StartTag, edit_tags, with_attributes

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


class Noopener:
    """The tag editor: rel="noopener" on each external link that lacks it."""

    def edit(self, tag: StartTag) -> StartTag | None:
        if tag.tag != "a" or not tag.may_have("//"):  # an external address holds "//"
            return None
        if not is_external((tag.get("href") or "").strip()):
            return None
        rel = tag.get("rel")
        if rel is not None and REL in rel.split():
            return None
        if not any(name == "rel" for name, _ in tag.attributes):  # first, as templates write it
            return with_attributes(tag, [("rel", REL), *tag.attributes])
        return with_attributes(
            tag,
            [
                (name, with_noopener(value) if name == "rel" else value)
                for name, value in tag.attributes
            ],
        )

    def finish(self) -> None:
        return None


def mark_external_link_tags(html: str) -> str:
    """The same for the <a> start tags of a whole document (template links)."""
    return edit_tags(html, [Noopener()])


class ExternalLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        mark_external_links(root)
