"""Write the search index: one entry per passage, per work and per apparatus entry.

Material indexes a page by its headings, and the paper's sections have none
below their title: a hit for OPCON would open the top of a 3,000-word
section, and the Bibliography would be one entry of 4,000 characters. After
Material has written its index, this step replaces its entries with the units
a reader looks for, each with its place and its kind:

- `paper`: each numbered paragraph (`page/#p-7`) and note (`page/#fn:14`) of
  a section, the title page's notes and its cover; only the author's words
  (what the edition adds, `edition-added`, is left out);
- `bibliography`: each work of the Bibliography (`bibliography/#key`);
- `apparatus`: each entry of the Glossary, the Index and the Timeline;
- `edition`: the edition's other text, one entry per heading.

An entry of the bibliography or the apparatus is an element that a template
marks with `data-search-entry="its title"` (a glossary term's entry runs on
through its description); what an entry or a page marks `data-search-exclude`
(Material's own attribute) is not searched. Material removes every
`data-search-*` attribute from the page once it is read, so no reader is sent
them. Each page keeps one entry of its own with its title and no text: the
heading of its group of results.

The spellings of `data/` are written into the index as groups of synonyms
(`config.synonyms`): each glossary term with its expansion; each index entry's
variants (the forms the paper uses) with its `other_spellings` (forms a reader
may type that the paper does not use). The edition's search worker
(docs/assets/search-worker.js) reads them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from edition.build_cache import Kept
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

INDEX_FILE = Path("search") / "search_index.json"
# Left out of every entry: the theme's permalinks, the notes' markers and back links, the
# archived copies beside a cited address.
ALWAYS_SKIPPED = {"footnote-backref", "footnote-ref", "headerlink", "archived-copy"}
# Left out of the paper's pages: what the edition adds to the author's text.
SKIPPED_ON_PAPER_PAGES = ALWAYS_SKIPPED | {"edition-added"}
EXCLUDE_ATTRIBUTE = "data-search-exclude"  # Material's: what search leaves out
ENTRY_ATTRIBUTE = "data-search-entry"  # the edition's: an entry of the apparatus, and its title
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements whose text is not run on into the next's: "The PDF." and "Its text." are two words.
BLOCKS = HEADINGS | {
    "address",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "li",
    "ol",
    "p",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
SHORT_TITLE_KEPT = 32  # a section's title up to this many characters is shown whole
SHORT_TITLE = 18  # a longer one is cut after the word that reaches this many characters
SHORT_WORDS = {"a", "an", "and", "for", "in", "its", "of", "on", "the", "to"}  # never cut after
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Unit:
    """One entry of the search index: where it is, what it is called, its text and kind."""

    anchor: str  # the id it opens at
    title: str
    text: str
    kind: str  # paper, bibliography, apparatus or edition


def short_title(title: str) -> str:
    """A long section title cut to its first words: 'Alliance Adaptation …'."""
    if len(title) <= SHORT_TITLE_KEPT:
        return title
    kept: list[str] = []
    for word in title.split():
        kept.append(word)
        if len(" ".join(kept)) >= SHORT_TITLE:
            break
    while len(kept) > 1 and kept[-1].casefold() in SHORT_WORDS:
        kept.pop()
    return f"{' '.join(kept).rstrip(',:;')} …"


def passage_title(anchor: str, chapter: str) -> str:
    """'Alliance Adaptation …, ¶ 3' for a paragraph, 'Note 14' for a note."""
    if anchor.startswith("fn:"):
        return f"Note {anchor[3:]}"
    return f"{short_title(chapter)}, ¶ {anchor.removeprefix('p-')}"


class UnitParser(HTMLParser):
    """Split a page's body into its units: passages, entries, and sections by heading.

    `passages` says which ids are the paper's passages on this page: "p-" and
    "fn:" on a section of the paper, "fn:" on the title page, nothing elsewhere.
    """

    def __init__(self, *, passages: tuple[str, ...], paper_page: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.passage_prefixes = passages
        self.skipped_classes = SKIPPED_ON_PAPER_PAGES if paper_page else ALWAYS_SKIPPED
        # Each open element: (tag, the unit it opened or None, whether it is skipped)
        self._stack: list[tuple[str, dict | None, bool]] = []
        self._unit: dict | None = None  # the passage or entry being read
        self._heading: dict | None = None  # the heading being read
        self._section: dict = {"anchor": None, "title": "", "text": [], "level": 0}
        self._pending_entry: dict | None = None  # a glossary term, continued by its dd
        self.sections: list[dict] = []
        self.units: list[dict] = []

    @property
    def _skipping(self) -> bool:
        return any(skipped for _, _, skipped in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.handle_data(" ")
        attributes = dict(attrs)
        element_id = attributes.get("id") or ""
        classes = set((attributes.get("class") or "").split())
        skipped = (
            bool(classes & self.skipped_classes)
            or EXCLUDE_ATTRIBUTE in attributes
            or tag in {"script", "style"}
            or (tag == "sup" and element_id.startswith("fnref"))
        )
        opened = None
        if tag == "dd" and self._pending_entry is not None and self._unit is None:
            opened = self._pending_entry  # a glossary term's description belongs to its entry
            self._unit = opened
        elif self._unit is None and not self._skipping:
            self._pending_entry = None
            if element_id and element_id.startswith(self.passage_prefixes):
                opened = {"anchor": element_id, "title": None, "text": [], "kind": "paper"}
            elif attributes.get(ENTRY_ATTRIBUTE) and element_id:
                opened = {
                    "anchor": element_id,
                    "title": attributes[ENTRY_ATTRIBUTE],
                    "text": [],
                    "kind": "entry",
                }
            if opened is not None:
                self._unit = opened
                self.units.append(opened)
        if tag in HEADINGS and self._unit is None and not skipped and not self._skipping:
            self._heading = {"anchor": element_id or None, "title": [], "level": int(tag[1])}
        if tag not in VOID:
            self._stack.append((tag, opened, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag in BLOCKS:
            self.handle_data(" ")
        while self._stack:
            open_tag, opened, _ = self._stack.pop()
            if opened is not None:
                self._unit = None
                if open_tag == "dt":
                    self._pending_entry = opened
            if open_tag in HEADINGS and self._heading is not None and self._unit is None:
                self._start_section()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._unit is not None:
            self._unit["text"].append(data)
        elif self._heading is not None:
            self._heading["title"].append(data)
        else:
            if data.strip():
                self._pending_entry = None
            self._section["text"].append(data)

    def _start_section(self) -> None:
        heading = self._heading
        self._heading = None
        self.sections.append(self._section)
        self._section = {
            "anchor": heading["anchor"],
            "title": " ".join("".join(heading["title"]).split()),
            "text": [],
            "level": heading["level"],
        }

    def close(self) -> None:
        super().close()
        self.sections.append(self._section)


def one_line(parts: Iterable[str]) -> str:
    return " ".join("".join(parts).split())


def page_units(
    html: str,
    *,
    chapter: str,
    passages: tuple[str, ...] = (),
    entries: str = "apparatus",
    paper_page: bool = False,
) -> list[Unit]:
    """The units of one page, in reading order: its passages and entries, then its sections.

    `entries` is the kind of the page's entries (bibliography or apparatus).
    A page of entries (the Bibliography, the apparatus) gives its entries
    only, not the text that introduces them. On a page of the paper, the
    section of its first heading is the paper's (the title page's cover);
    every other section is the edition's. Text before a page's first heading
    is read with the section that follows.
    """
    parser = UnitParser(passages=passages, paper_page=paper_page)
    parser.feed(html)
    parser.close()
    units = []
    for unit in parser.units:
        text = one_line(unit["text"])
        if not text:
            continue
        if unit["kind"] == "paper":
            units.append(
                Unit(unit["anchor"], passage_title(unit["anchor"], chapter), text, "paper")
            )
        else:
            units.append(Unit(unit["anchor"], unit["title"], text, entries))
    if parser.units and not paper_page:
        return units  # an apparatus page: its entries, not what introduces them
    carried = ""
    for section in parser.sections:
        text = one_line([carried, " ", *section["text"]])
        if section["anchor"] is None:
            carried = text
            continue
        carried = ""
        if text:
            kind = "paper" if paper_page and section["level"] <= 1 else "edition"
            units.append(Unit(section["anchor"], section["title"] or chapter, text, kind))
    return units


def folded(text: str) -> str:
    """A spelling compared without case, accents, spaces or punctuation: 'parkchunghee'."""
    decomposed = unicodedata.normalize("NFD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(WORD.findall(letters)).casefold()


def synonym_groups(groups: Iterable[Iterable[str]]) -> list[list[str]]:
    """The groups of spellings that mean one thing, merged where they share a spelling."""
    merged: list[list[str]] = []
    where: dict[str, int] = {}
    for group in groups:
        forms = [str(form) for form in group if folded(str(form))]
        targets = sorted({where[folded(form)] for form in forms if folded(form) in where})
        if targets:
            into = targets[0]
            for other in targets[1:]:
                merged[into] += merged[other]
                for form in merged[other]:
                    where[folded(form)] = into
                merged[other] = []
        else:
            into = len(merged)
            merged.append([])
        for form in forms:
            if folded(form) not in {folded(known) for known in merged[into]}:
                merged[into].append(form)
            where[folded(form)] = into
    return [group for group in merged if len(group) > 1]


def index_documents(pages: list[tuple[str, str, list[Unit]]]) -> list[dict]:
    """The index's documents: for each page, its own entry, then one per unit."""
    docs = []
    for url, title, units in pages:
        if not units:
            continue
        docs.append({"location": url, "title": title, "text": ""})
        for unit in units:
            docs.append(
                {
                    "location": f"{url}#{unit.anchor}",
                    "title": unit.title,
                    "text": unit.text,
                    "kind": unit.kind,
                }
            )
    return docs


def skip_theme_entries(config: MkDocsConfig) -> None:
    """Spare Material's search its reading of every page: this step writes the entries.

    Material's plugin still writes the index's configuration (language, separator)
    and removes the `data-search-*` attributes from each page; its entries, one per
    heading, would be replaced in `post_build`, so they are not made at all.
    """
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is not None and hasattr(index, "add_entry_from_context"):
        index.add_entry_from_context = lambda page: None


class SearchPassages(Step):
    name = "search_passages"

    def config(self, config: MkDocsConfig) -> None:
        self.pages: list[tuple[str, str, list[Unit]]] = []  # (url, title, units) in build order
        skip_theme_entries(config)

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if (page.meta.get("search") or {}).get("exclude"):
            return None
        options = self.build.options
        src_uri = page.file.src_uri
        section = bool(page.meta.get("paper_section"))
        home = src_uri == options.home_page
        if section:
            passages: tuple[str, ...] = ("p-", "fn:")
        elif home:
            passages = ("fn:",)
        else:
            passages = ()
        entries = "bibliography" if src_uri == options.bibliography_page else "apparatus"
        chapter = page.title or ""

        def make() -> list[list[str]]:
            units = page_units(
                html,
                chapter=chapter,
                passages=passages,
                entries=entries,
                paper_page=section or home,
            )
            return [[unit.anchor, unit.title, unit.text, unit.kind] for unit in units]

        # The units are a function of the page's text: kept from the last build that had it
        made = Kept(config, "search-units").get(
            [html, chapter, " ".join(passages), entries, str(section or home)], make
        )
        self.pages.append((page.url, chapter, [Unit(*unit) for unit in made]))
        return None

    def post_build(self, config: MkDocsConfig) -> None:
        index_path = Path(config.site_dir) / INDEX_FILE
        if not index_path.is_file():
            return
        index = json.loads(index_path.read_text(encoding="utf-8"))
        written = {
            "config": {
                **index.get("config", {}),
                "synonyms": synonym_groups(sorted(self.build.spellings)),
            },
            "docs": index_documents(self.pages),
        }
        index_path.write_text(
            json.dumps(written, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
