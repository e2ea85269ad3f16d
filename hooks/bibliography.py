"""Fill the Bibliography page: every work once, in Chicago style, with its notes.

The page holds mkdocs-bibtex's `\\full_bibliography` command. mkdocs-bibtex
would render it as footnotes whose back-links point nowhere; this hook renders
it first (priority 50) as a list sorted by author, formatting each entry with
mkdocs-bibtex's own pandoc registry and the configured CSL style, and follows
each entry with links to every note that cites it. Pandoc's formatting is kept
in the build cache (edition/build_cache.py) under the bibliography, the style
and pandoc's version, so it runs again only when one of them changes.
`references.bib` itself is published next to the pages.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import pypandoc
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs_bibtex.citation import Citation, CitationBlock

from edition.build_cache import cache_dir, entry_name, store
from edition.notes import read_notes

if TYPE_CHECKING:
    from mkdocs_bibtex.registry import ReferenceRegistry
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

BIB_FILE_NAME = "references.bib"
URL = re.compile(r"<[^>\s]+>|\[https?://[^\]\s]+\]\([^)\s]+\)|\]\([^)\s]+\)")  # left as they are
NOCASE_SPAN = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")
LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)

# key -> [(note label, page src_uri)], read from the Markdown before any page is built
_cited_in: dict[str, list[tuple[str, str]]] = {}
_formatting: Future[None] | None = None


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
    text = "".join(
        part.replace("---", "—").replace("--", "–").replace("\\'", "’") + url
        for part, url in zip(parts, urls)
    )
    return text


def sort_key(reference: str) -> str:
    """Chicago alphabetises by the entry's first words, ignoring an initial article."""
    words = re.sub(r"[*_\"“”‘’\[\]\\]", "", reference).strip()
    return LEADING_ARTICLE.sub("", words).casefold()


def render_entries(references: dict[str, str], link_base: dict[str, str]) -> str:
    """The Markdown list of entries, each with its 'Cited in' links."""
    # Entries are plain list items: DPUB-ARIA 1.1 deprecates doc-biblioentry; HTML rejects it.
    lines = [
        '<div class="bibliography" role="doc-bibliography" aria-label="Bibliography" markdown>',
        "",
    ]
    for key, reference in sorted(references.items(), key=lambda item: sort_key(item[1])):
        notes = ", ".join(
            f"[n.&nbsp;{label}]({link_base[src_uri]}#fn:{label})"
            for label, src_uri in _cited_in.get(key, [])
        )
        cited = f' <span class="cited-in">Cited in {notes}.</span>' if notes else ""
        lines.append(f"- {typeset(reference)}{cited}\n{{ #{key} }}")
    lines += ["", "</div>"]
    return "\n".join(lines)


def format_every_entry(registry: ReferenceRegistry) -> None:
    """Have mkdocs-bibtex format all entries at once (one pandoc run)."""
    keys = list(registry.bib_data.entries)
    registry.validate_citation_blocks([CitationBlock(citations=[Citation(key)]) for key in keys])


def formatting_entry(config: MkDocsConfig) -> Path:
    """Where the cache keeps the formatting of this bibliography in this style."""
    plugin = config.plugins["bibtex"]
    inputs = [
        plugin.registry.bib_data_bibtex,
        Path(plugin.config.csl_file).read_bytes(),
        pypandoc.get_pandoc_version(),
        version("mkdocs-bibtex"),
    ]
    return cache_dir(config) / "bibliography" / f"{entry_name(*inputs)}.json"


# mkdocs-bibtex 4.4.0 keeps pandoc's output in these two dicts of its registry.
REGISTRY_CACHES = ("_reference_cache", "_inline_cache")


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


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _cited_in.clear()
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    # Pandoc runs while the pages are converted; the Bibliography page waits for it.
    global _formatting
    registry = config.plugins["bibtex"].registry
    entry = formatting_entry(config)
    if restore_formatting(registry, entry):
        _formatting = Future()
        _formatting.set_result(None)
        return
    executor = ThreadPoolExecutor(max_workers=1)
    _formatting = executor.submit(format_and_keep, registry, entry)
    executor.shutdown(wait=False)  # the job still runs to its end


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    pages = {file.src_uri: file.content_string for file in files.documentation_pages()}
    _cited_in.update(collect_citations(pages))
    bib_file = Path(config.config_file_path).parent / config.plugins["bibtex"].config.bib_file
    files.append(File.generated(config, BIB_FILE_NAME, abs_src_path=str(bib_file)))
    return files


@event_priority(50)  # before mkdocs-bibtex renders the command as footnotes
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **_: object) -> str | None:
    plugin = config.plugins["bibtex"]
    command = plugin.config.full_bib_command
    if command not in markdown:
        return None
    assert _formatting is not None
    _formatting.result()  # raises what pandoc raised
    registry = plugin.registry
    references = {key: registry.reference_text(Citation(key)) for key in registry.bib_data.entries}
    depth = page.file.src_uri.count("/")
    link_base = {
        src_uri: "../" * depth + src_uri for places in _cited_in.values() for _, src_uri in places
    }
    return markdown.replace(command, render_entries(references, link_base))
