"""Fill the Bibliography page: every work once, in Chicago style, with its notes.

The page holds `<!-- edition:bibliography -->`; it becomes a list sorted by
author, each entry formatted by mkdocs-bibtex's own pandoc registry in the
configured CSL style and followed by links to every note that cites it.
Pandoc runs while the pages are converted; its formatting is kept in the
build cache (edition/build_cache.py) under the bibliography, the style and
pandoc's version, so it runs again only when one of them changes.
`references.bib` itself is published next to the pages, with the same works
as RIS (references.ris) and CSL-JSON (references.json), made by
edition/references.py; each entry of the list carries a COinS span, from
which Zotero offers to save the works one by one.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import pypandoc
from mkdocs.structure.files import File
from mkdocs_bibtex.citation import Citation, CitationBlock

from edition.bibliography import short_label
from edition.build_cache import cache_dir, entry_name, store
from edition.notes import read_notes
from edition.references import coins, csl_items, csl_json, ris
from edition.step import Step
from edition.templates import fragment, markdown_html

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs_bibtex.registry import ReferenceRegistry

URL = re.compile(r"<[^>\s]+>|\[https?://[^\]\s]+\]\([^)\s]+\)|\]\([^)\s]+\)")  # left as they are
NOCASE_SPAN = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")
LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
# mkdocs-bibtex 4.4.0 keeps pandoc's output in these two dicts of its registry.
REGISTRY_CACHES = ("_reference_cache", "_inline_cache")


def collect_citations(pages: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Which notes cite which work, in the order of the paper."""
    cited_in: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for src_uri, markdown in pages.items():
        for note in read_notes(markdown):
            for key in note.cited_keys:
                cited_in[key].append((note.label, src_uri))
    for places in cited_in.values():
        places.sort(key=lambda place: int(place[0]) if place[0].isdigit() else 0)
    return dict(cited_in)


def typeset(reference: str) -> str:
    """Undo what pandoc's Markdown writer does to the text of an entry.

    Pandoc writes en and em dashes as `--` and `---` and keeps `{{...}}`
    titles as `[...]{.nocase}` spans.
    """
    reference = NOCASE_SPAN.sub(r"\1", reference)
    parts = URL.split(reference)
    urls = URL.findall(reference) + [""]
    return "".join(
        part.replace("---", "—").replace("--", "–").replace("\\'", "’") + url
        for part, url in zip(parts, urls, strict=False)
    )


def sort_key(reference: str) -> str:
    """Chicago alphabetises by the entry's first words, ignoring an initial article."""
    words = re.sub(r"[*_\"“”‘’\[\]\\]", "", reference).strip()
    return LEADING_ARTICLE.sub("", words).casefold()


def bibliography_entries(
    references: dict[str, str],
    cited_in: dict[str, list[tuple[str, str]]],
    labels: dict[str, str] | None = None,
    context_objects: dict[str, str] | None = None,
) -> list[dict]:
    """The entries in the order of the list, each as Markdown and HTML, with the notes citing it.

    `labels` names each work as the notes' links do ('Kang and Chamberlin 2004');
    `context_objects` gives each work's COinS, for the page that offers them.
    """
    labels = labels or {}
    return [
        {
            "key": key,
            "text": typeset(reference),
            "html": markdown_html(typeset(reference)),
            "cited_in": cited_in.get(key, []),
            "label": labels.get(key, key),
            "coins": (context_objects or {}).get(key),
        }
        for key, reference in sorted(references.items(), key=lambda item: sort_key(item[1]))
    ]


def format_every_entry(registry: ReferenceRegistry) -> None:
    """Have mkdocs-bibtex format all entries at once (one pandoc run)."""
    keys = list(registry.bib_data.entries)
    registry.validate_citation_blocks([CitationBlock(citations=[Citation(key)]) for key in keys])


def restore_formatting(registry: ReferenceRegistry, entry: Path) -> bool:
    """Fill the registry from the cache; False if the entry is not there."""
    if not entry.is_file() or not all(hasattr(registry, name) for name in REGISTRY_CACHES):
        return False
    kept = json.loads(entry.read_text(encoding="utf-8"))
    for name in REGISTRY_CACHES:
        getattr(registry, name).update(kept[name])
    return True


def format_and_keep(registry: ReferenceRegistry, entry: Path) -> None:
    format_every_entry(registry)
    if all(hasattr(registry, name) for name in REGISTRY_CACHES):
        kept = {name: getattr(registry, name) for name in REGISTRY_CACHES}
        store(entry, json.dumps(kept, ensure_ascii=False).encode("utf-8"))


class Bibliography(Step):
    name = "bibliography"
    after = {
        "bibtex_setup": "pandoc must be handed references.bib as written: pybtex's copy "
        "escapes the _ of URLs and loses the dates the archived copies use",
        "paper_text": "the notes that cite each work are read from the text it reads",
    }

    def config(self, config: MkDocsConfig) -> None:
        self.cited_in: dict[str, list[tuple[str, str]]] = {}
        self.context_objects: dict[str, str] = {}
        self.formatting: Future[None] = Future()
        self.build.fillers["bibliography"] = self.render
        self.build.bibliography_entries = self.entries  # the EPUB's too

    def formatting_entry(self, config: MkDocsConfig) -> Path:
        """Where the cache keeps the formatting of this bibliography in this style."""
        plugin = self.build.bibtex
        inputs = [
            plugin.registry.bib_data_bibtex,
            Path(plugin.config.csl_file).read_bytes(),
            pypandoc.get_pandoc_version(),
            version("mkdocs-bibtex"),
        ]
        return cache_dir(config) / "bibliography" / f"{entry_name(*inputs)}.json"

    def pre_build(self, config: MkDocsConfig) -> None:
        # Pandoc runs while the pages are converted; the Bibliography page waits for it.
        registry = self.build.bibtex.registry
        entry = self.formatting_entry(config)
        if restore_formatting(registry, entry):
            self.formatting.set_result(None)
            return
        executor = ThreadPoolExecutor(max_workers=1)
        self.formatting = executor.submit(format_and_keep, registry, entry)
        executor.shutdown(wait=False)  # the job still runs to its end

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.cited_in = collect_citations(self.build.pages)
        bib_file = self.build.root / self.build.bibtex.config.bib_file
        files.append(File.generated(config, bib_file.name, abs_src_path=str(bib_file)))
        items = csl_items(self.build.bibliography)
        self.context_objects = {item["id"]: coins(item) for item in items}
        stem = bib_file.stem
        files.append(File.generated(config, f"{stem}.json", content=csl_json(items)))
        files.append(File.generated(config, f"{stem}.ris", content=ris(items)))
        return files

    def entries(self, context_objects: dict[str, str] | None = None) -> list[dict]:
        """Every entry, formatted, in the list's order: once pandoc has formatted them.

        `context_objects`: each work's COinS, for the page that offers them to Zotero.
        """
        self.formatting.result()  # raises what pandoc raised
        registry = self.build.bibtex.registry
        references = {
            key: registry.reference_text(Citation(key)) for key in registry.bib_data.entries
        }
        labels = {key: short_label(entry) for key, entry in registry.bib_data.entries.items()}
        return bibliography_entries(references, self.cited_in, labels, context_objects)

    def render(self, page: Page) -> list[etree.Element]:
        # Only the Bibliography offers the works to Zotero: elsewhere its COinS would take the
        # place of the page's own item (the paper), as it is tried before Embedded Metadata.
        offered = page.file.src_uri == self.build.options.bibliography_page
        entries = self.entries(self.context_objects if offered else None)
        return fragment("bibliography.html", entries=entries)
