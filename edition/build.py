"""The state of one build: made once when the configuration is read, handed to every step.

What several steps need is read here once (the paper's facts, the
bibliography, the reference text) or filled in by the one step that reads it
(the paper's text, by `paper_text`; the page being converted, by `current_page`),
so that no step reads a file another has read, and nothing survives from one
build to the next under `mkdocs serve`.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from edition.apparatus import WordIndex
from edition.citation import Paper

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs_bibtex.plugin import BibTexPlugin
    from pybtex.database import BibliographyData

    from edition.apparatus import Passage
    from edition.config import EditionConfig
    from edition.editors_notes import EditorNote
    from edition.errors import EditionError
    from edition.source import Source
    from edition.whole_paper import Chapter, ConvertedPage


@dataclass
class Build:
    """One build's state: read once, then filled as the build goes."""

    options: EditionConfig
    config: MkDocsConfig
    bibtex: BibTexPlugin
    paper: Paper
    serving: bool = False  # under `make serve`: whole-book outputs may follow the pages
    # Filled by the step `paper_text` when the site's files are gathered:
    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown, as written
    chapters: list[Chapter] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    passages_key: str = ""  # a name for the passages' texts: what is made of them is kept by it
    home_markdown: str = ""
    source: Source | None = None  # the reference text, once the chapters give its headings
    source_passages: list[str] = field(default_factory=list)
    # Read by the step `editors_notes` with the configuration:
    editors_notes: list[EditorNote] = field(default_factory=list)
    # The Bibliography's entries, formatted (the step `bibliography` waits for pandoc):
    bibliography_entries: Callable[[], list[dict]] = list
    # The page whose Markdown is being converted (set by `current_page`), for the treeprocessors:
    page: Page | None = None
    # note label -> the works its [@key] block cites, for the page being converted:
    page_note_keys: dict[str, list[str]] = field(default_factory=dict)
    # Ids a treeprocessor adds after MkDocs' anchor collector (5), for the page being converted:
    late_anchors: set[str] = field(default_factory=set)
    # What the apparatus steps render where a page holds `<!-- edition:NAME -->`:
    fillers: dict[str, Callable[[Page], list[etree.Element]]] = field(default_factory=dict)
    fills: dict[str, list[etree.Element]] = field(default_factory=dict)  # the current page's
    # Each chapter's and the home page's tree as converted, for the whole paper (whole_paper):
    converted: dict[str, ConvertedPage] = field(default_factory=dict)
    # A long whole paper's later parts, sent when the reader reaches them (later_parts):
    later_parts: dict[str, str] = field(default_factory=dict)
    chapter_urls: dict[str, str] = field(default_factory=dict)  # src_uri -> the page's url
    # The theme's style sheets and the names of their cuts (theme_styles), once written:
    theme_sheets: dict[str, str] = field(default_factory=dict)
    # Spellings that mean one thing, for search (the glossary's and the index's, from data/):
    spellings: list[list[str]] = field(default_factory=list)

    @functools.cached_property
    def words(self) -> WordIndex:
        """Which passages hold each word, for the apparatus' look-ups: made when first asked
        (a build whose apparatus is kept from the last one never asks)."""
        return WordIndex(self.passages)

    @property
    def root(self) -> Path:
        """The folder of mkdocs.yml: every path an editor writes is relative to it."""
        return Path(self.config.config_file_path).parent

    @property
    def source_file(self) -> Path:
        return Path(self.options.source)

    @property
    def bibliography(self) -> BibliographyData:
        """The entries of references.bib, as mkdocs-bibtex has read them (strictly checked)."""
        return self.bibtex.registry.bib_data

    def relative(self, path: str | Path) -> str:
        """A path as the editor knows it: relative to the folder of mkdocs.yml."""
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def docs_path(self, src_uri: str) -> str:
        """A page's file as the editor knows it (docs/introduction.md)."""
        return self.relative(Path(self.config.docs_dir) / src_uri)

    def source_of(self, page: Page) -> str:
        """The file of a page, as the editor knows it (docs/introduction.md)."""
        return self.relative(
            page.file.abs_src_path or Path(self.config.docs_dir) / page.file.src_uri
        )

    def page_url(self, src_uri: str) -> str:
        """The address MkDocs gives a page of docs/, relative to the site: 'introduction/'."""
        from mkdocs.structure.files import File

        config = self.config
        return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).url

    def chapter_title(self, src_uri: str) -> str:
        """A section's title as its page's heading gives it."""
        for chapter in self.chapters:
            if chapter.src_uri == src_uri:
                return chapter.title
        return src_uri

    def line_offset(self, page: Page, markdown: str) -> int:
        """How many lines of the page's file stand before `markdown` (its front matter)."""
        content = page.file.content_string
        return (
            content[: len(content) - len(markdown)].count("\n") if content.endswith(markdown) else 0
        )

    def place(self, error: EditionError, page: Page, markdown: str) -> EditionError:
        """A mistake found in a page's Markdown, placed in its file at the file's own line."""
        if error.file is None and error.line:
            error.line += self.line_offset(page, markdown)
        return error.at(self.source_of(page))
