"""Python-Markdown's and MkDocs' own work on a page, done in less time, to the same effect.

Each of these gives the same tree, or the same HTML, as the code it stands
in for (tests/unit/test_conversion.py holds them equal on the paper's pages);
each only spares work whose cost grows faster than the text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree

    from markdown import Markdown


def quick_table_test(md: Markdown) -> None:
    """Spare the tables extension (which MkDocs always adds) its reading of every paragraph.

    Each paragraph of a chapter is a block of two lines (its text, then its
    `{ #p-N }`), which the extension takes for a possible table and splits
    into cells. A table's first line holds a `|`; a block whose first line
    holds none is not one, as the extension's own test would find (its border
    and cell count both need a `|`), only sooner.
    """
    if "table" not in md.parser.blockprocessors:
        return
    table = md.parser.blockprocessors["table"]
    full_test = table.test
    table.test = lambda parent, block: "|" in block.split("\n", 1)[0] and full_test(parent, block)


class QuickAbbreviations(AbbrTreeprocessor):
    """Python-Markdown's `abbr` treeprocessor, finding the same terms in the same places, sooner.

    Two of the extension's costs are spared. Its expression, `\\b(?:term|...)\\b`,
    is tried at every character, since one that starts with `\\b` cannot skip
    ahead to a term's first letter; here the terms alone (`candidates`) find
    where one may start, and the whole expression is tried only there, which
    finds the same matches (`terms_in`). And to wrap a term in an element's
    tail, the extension looks for the element among its parent's children
    (`list(parent).index(el)`), for every element with a tail: a time that grows
    with the square of a page's paragraphs. Here each element is handed its
    place as the children are walked (last first, as the extension walks them,
    so that the elements it inserts after a child never move the children still
    to come). The elements made are the extension's own.
    """

    candidates: re.Pattern[str] | None = None

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)  # the extension's order
        alternatives = "|".join(re.escape(term) for term in terms)
        self.RE = re.compile(f"\\b(?:{alternatives})\\b")
        self.candidates = re.compile(f"(?:{alternatives})")
        self.iter_element(root)
        return None

    def terms_in(self, text: str) -> list[re.Match[str]]:
        """`list(self.RE.finditer(text))`: each place a term may start, tried with RE."""
        whole, candidates = self.RE, self.candidates
        assert whole is not None and candidates is not None
        found: list[re.Match[str]] = []
        position = 0
        while (candidate := candidates.search(text, position)) is not None:
            match = whole.match(text, candidate.start())
            if match is None:
                position = candidate.start() + 1
            else:
                found.append(match)
                position = match.end()
        return found

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        self.walk(el, None, 0)

    def walk(self, el: etree.Element, parent: etree.Element | None, place: int) -> None:
        for index in range(len(el) - 1, -1, -1):
            self.walk(el[index], el, index)
        abbrs = self.abbrs
        if (text := el.text) and not isinstance(text, AtomicString):
            for match in reversed(self.terms_in(text)):
                if abbrs[match.group(0)]:
                    term = self.create_element(
                        abbrs[match.group(0)], match.group(0), text[match.end() :]
                    )
                    el.insert(0, term)
                    text = text[: match.start()]
            el.text = text
        if parent is not None and (tail := el.tail) and not isinstance(tail, AtomicString):
            for match in reversed(self.terms_in(tail)):
                if abbrs[match.group(0)]:
                    term = self.create_element(
                        abbrs[match.group(0)], match.group(0), tail[match.end() :]
                    )
                    parent.insert(place + 1, term)
                    tail = tail[: match.start()]
            el.tail = tail


def quick_abbreviations(md: Markdown) -> None:
    """Put QuickAbbreviations in the place of the `abbr` extension's treeprocessor."""
    if "abbr" in md.treeprocessors and type(md.treeprocessors["abbr"]) is AbbrTreeprocessor:
        own = md.treeprocessors["abbr"]
        md.treeprocessors.register(QuickAbbreviations(md, own.abbrs), "abbr", 7)


class LinksResolvedOnce(Treeprocessor):
    """MkDocs' link resolver (`relpath`, at 0), asked once for each address a page links to.

    The Index and the Glossary link to each passage from every entry that
    mentions it (at book length, 2,275 links to 599 addresses on the Index).
    The resolver's answer for an address depends only on the page and the
    site's files, and what it records (the anchors the page links to, the
    warnings of strict mode) is the same for a second link to the same address.
    """

    def run(self, root: etree.Element) -> None:
        resolver = (
            self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors else None
        )
        if resolver is None or "path_to_url" in vars(resolver):
            return
        resolve = type(resolver).path_to_url.__get__(resolver)
        answers: dict[str, str] = {}

        def path_to_url(url: str) -> str:
            if url not in answers:
                answers[url] = resolve(url)
            return answers[url]

        resolver.path_to_url = path_to_url
