"""Expand the paper's abbreviations where they occur, and list them on the Glossary page.

The terms and their expansions live in the data file `glossary` names
(data/glossary.yml). They are handed to Python-Markdown's `abbr` extension as
its glossary, so every occurrence in the text becomes `<abbr title="...">`
without a word of the page changing; the extension works on the parsed text,
never on link targets, code or note markers. A term's first `<abbr>` in each
section is made focusable so that the expansion's tooltip
(`docs/assets/previews.js`), which opens on hover and on focus, reaches
keyboard readers too. The Glossary page's
placeholder becomes the list of terms, each with the paper's own wording where
it spells the term out and links to every paragraph and note that uses it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from edition.apparatus import group_by_chapter, in_source, load_data, mentions
from edition.build_cache import Kept
from edition.errors import EditionError
from edition.step import Step
from edition.templates import kept_fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from edition.apparatus import Passage, WordIndex

FIELDS = {"term": True, "expansion": True, "as_printed": False}
WHOLE_WORDS = re.compile(r"^\w(?:.*\w)?$", re.DOTALL)  # how abbr matches a term: \bterm\b
NOT_IN_ID = re.compile(r"[^a-z0-9]+")


def term_id(term: str) -> str:
    """The id of a term's entry on the Glossary page: 'opcon', 'r-d' for R&D."""
    return NOT_IN_ID.sub("-", term.lower()).strip("-")


class FocusableAbbreviations(Treeprocessor):
    """Let keyboard readers reach an abbreviation's expansion at its first use in a section.

    Every occurrence keeps its expansion on hover, but only the first of each
    term in a section is a stop of the Tab key: a long section uses USFK
    dozens of times, and a stop at each would stand between a keyboard reader
    and the notes and links (the Glossary lists every term in full). On a
    page that holds several sections (the whole paper), each section's
    heading starts the count again, and so does the list of notes, where a
    reader arrives from a note's marker. An abbreviation inside a link is never a
    stop: the link is already one.
    """

    def run(self, root: etree.Element) -> None:
        inside_links = {id(abbr) for link in root.iter("a") for abbr in link.iter("abbr")}
        seen: set[str] = set()
        for element in root.iter():
            if element.tag in SECTION_HEADINGS or is_notes_list(element):
                seen.clear()
            elif element.tag == "abbr" and id(element) not in inside_links:
                term = "".join(element.itertext())
                if term not in seen:
                    seen.add(term)
                    element.set("tabindex", "0")


SECTION_HEADINGS = {"h1", "h2"}  # a section page's title; each section's on the whole paper


def is_notes_list(element: etree.Element) -> bool:
    return element.tag == "div" and "footnote" in element.get("class", "").split()


def check_terms(terms: list[dict], *, source: list[str], name: str) -> None:
    """Each term once, and the paper's own wording found in the paper."""
    seen: set[str] = set()
    for number, entry in enumerate(terms, start=1):
        term = str(entry["term"])
        if not WHOLE_WORDS.match(term):
            raise EditionError(
                f"entry {number}: the term '{term}' must begin and end with a letter or a digit, "
                "as the text's abbreviations are marked as whole words; write it as printed, "
                "without quotation marks",
                file=name,
            )
        if term in seen:
            raise EditionError(f"the term {term} is listed twice; keep one", file=name)
        seen.add(term)
        printed = entry.get("as_printed")
        if printed and not in_source(printed, source):
            raise EditionError(
                f"the wording given for {term} ('{printed}') is not the "
                "paper's; copy it from source/ or remove 'as_printed'",
                file=name,
            )
        if printed and term not in printed:
            raise EditionError(
                f"the wording given for {term} ('{printed}') does not contain the term",
                file=name,
            )


def abbreviations(terms: list[dict]) -> dict[str, str]:
    """The glossary as the abbr extension takes it: {term: expansion}."""
    return {str(entry["term"]): str(entry["expansion"]) for entry in terms}


def glossary_entries(
    terms: list[dict], passages: list[Passage] | WordIndex, *, name: str
) -> list[dict]:
    """The Glossary page's entries, alphabetical, each with the passages that use it."""
    entries = []
    for entry in sorted(terms, key=lambda entry: str(entry["term"]).casefold()):
        term = str(entry["term"])
        used = mentions(passages, [term])
        if not used:
            raise EditionError(
                f"the term {term} is used nowhere in the paper; remove it", file=name
            )
        entries.append(
            {
                "id": term_id(term),
                "term": term,
                "expansion": str(entry["expansion"]),
                "as_printed": entry.get("as_printed"),
                "used": group_by_chapter(used),
            }
        )
    return entries


class Glossary(Step):
    name = "glossary"
    after = {"paper_text": "the wordings are checked against the reference text it reads"}

    def config(self, config: MkDocsConfig) -> None:
        self.file = self.build.relative(self.build.options.glossary)
        self.terms = load_data(self.build.options.glossary, fields=FIELDS, name=self.file)
        if "abbr" not in config.markdown_extensions:
            raise EditionError(
                "the glossary needs the 'abbr' entry of markdown_extensions", file="mkdocs.yml"
            )
        abbr_config = config.mdx_configs.setdefault("abbr", {})
        abbr_config["glossary"] = {**abbreviations(self.terms), **abbr_config.get("glossary", {})}
        self.build.fillers["glossary"] = self.render
        # A reader who types the expansion finds the term, and the other way round.
        self.build.spellings += [
            [term, expansion] for term, expansion in abbreviations(self.terms).items()
        ]

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        check_terms(self.terms, source=self.build.source_passages, name=self.file)
        return None

    def render(self, page: Page) -> list[etree.Element]:
        elements = kept_fragment(
            Kept(self.build.config, "apparatus"),
            [self.build.passages_key, repr(self.terms)],
            "glossary.html",
            lambda: {"entries": glossary_entries(self.terms, self.build.words, name=self.file)},
        )
        for term in (dt for element in elements for dt in element.iter("dt")):
            term.text = AtomicString(term.text or "")  # the term itself, not an abbreviation in use
        return elements
