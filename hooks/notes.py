"""Keep the paper's notes as the paper numbers them, and link the works they cite.

Python-Markdown numbers footnotes 1, 2, 3 on every page; the edition shows each
note's own label (the paper's number), so that "n. 14" means the same on the
web as in print. Each note's closing citation block `[@key]` becomes a link to
the work's entry on the Bibliography page, marked as the edition's addition.
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import TYPE_CHECKING

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition.bibliography import site_bibliography, short_label
from edition.notes import CITATION_BLOCK, NOTE_DEFINITION, NoteError, check_notes

if TYPE_CHECKING:
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from pybtex.database import BibliographyData

BIBLIOGRAPHY_PAGE = "bibliography.md"

_bibliography: BibliographyData | None = None


class NoteNumbers(Treeprocessor):
    """Show each footnote's label instead of its position on the page."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            classes = link.get("class", "").split()
            label = link.get("href", "").partition(":")[2]
            if "footnote-ref" in classes:
                link.text = label
                link.set("role", "doc-noteref")
                link.set("aria-label", f"Note {label}")
            elif "footnote-backref" in classes:
                link.attrib.pop("title", None)  # named by aria-label, hinted by CSS
                link.set("role", "doc-backlink")
                link.set("aria-label", f"Back to the text of note {label}")
        for item in root.iter("li"):
            item_id = item.get("id", "")
            if item_id.startswith("fn:") and item_id[3:].isdigit():
                item.set("value", item_id[3:])
        for block in root.iter("div"):
            if "footnote" in block.get("class", "").split():
                block.set("role", "doc-endnotes")  # the notes list, announced as such
                block.set("aria-label", "Notes")


class NoteNumbersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension has built its list (priority 15).
        md.treeprocessors.register(NoteNumbers(md), "edition-note-numbers", 5)


def link_citations(markdown: str, *, bibliography: BibliographyData, link_base: str) -> str:
    """Replace each note's closing `[@key]` block with links to the bibliography."""

    def replace(match):
        label, text = match.group(1), match.group(2)
        block = CITATION_BLOCK.search(text)
        if not block:
            return match.group(0)
        links = []
        for key in block.group(1).replace("@", "").split(";"):
            key = key.strip()
            if key not in bibliography.entries:
                raise NoteError(
                    f"note [^{label}] cites '{key}', which is not in references.bib; "
                    "add the entry or correct the key"
                )
            name = short_label(bibliography.entries[key])
            links.append(f"[{name}]({link_base}#{key})")
        apparatus = f' <span class="edition-sources edition-added">Bibliography: {"; ".join(links)}</span>'
        return f"[^{label}]: {text[: block.start()]}{apparatus}"

    return NOTE_DEFINITION.sub(replace, markdown)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    global _bibliography
    _bibliography = site_bibliography(config)
    config.markdown_extensions.append(NoteNumbersExtension())
    return config


@event_priority(50)  # before mkdocs-bibtex (0), which would turn [@key] into footnotes
def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, **_: object
) -> str | None:
    assert _bibliography is not None
    try:
        notes = check_notes(markdown)
        if not notes:
            return None
        depth = page.file.src_uri.count("/")
        return link_citations(
            markdown, bibliography=_bibliography, link_base="../" * depth + BIBLIOGRAPHY_PAGE
        )
    except NoteError as error:
        source = os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)
        raise PluginError(f"{source}: {error}") from None
