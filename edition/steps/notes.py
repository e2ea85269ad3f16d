"""Keep the paper's notes as the paper numbers them, and link the works they cite.

Python-Markdown numbers footnotes 1, 2, 3 on every page; the edition shows each
note's own label (the paper's number), so that "n. 14" means the same on the
web as in print. Each note's closing citation block `[@key]` becomes a link to
the work's entry on the Bibliography page, marked as the edition's addition.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.treeprocessors import Treeprocessor

from edition.bibliography import short_label
from edition.errors import EditionError
from edition.notes import CITATION_BLOCK, NOTE_DEFINITION, check_notes
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from pybtex.database import BibliographyData


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
        for parent in list(root.iter()):
            for position, block in enumerate(parent):
                if block.tag == "div" and "footnote" in block.get("class", "").split():
                    block.set("role", "doc-endnotes")  # the notes list, announced as such
                    block.set("aria-label", "Notes")
                    before = parent[position - 1] if position else None
                    if before is None or before.tag not in HEADINGS:
                        give_heading(block)


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def give_heading(notes: etree.Element) -> None:
    """Head the list of notes "Notes", where the theme's rule stood; the toc links to it."""
    heading = etree.Element("h2", {"id": "notes", "class": "notes-heading edition-added"})
    heading.text = "Notes"
    rule = notes.find("hr")
    if rule is not None:
        notes.remove(rule)
    notes.insert(0, heading)


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
                line = markdown.count("\n", 0, match.start()) + 1
                raise EditionError(
                    f"note [^{label}] cites '{key}', which is not in references.bib; "
                    "add the entry or correct the key",
                    line=line,
                )
            name = short_label(bibliography.entries[key])
            links.append(f"[{name}]({link_base}#{key})")
        apparatus = (
            f' <span class="edition-sources edition-added">Bibliography: {"; ".join(links)}</span>'
        )
        return f"[^{label}]: {text[: block.start()]}{apparatus}"

    return NOTE_DEFINITION.sub(replace, markdown)


class Notes(Step):
    name = "notes"

    def page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        try:
            notes = check_notes(markdown)
            self.build.page_note_keys = {note.label: note.cited_keys for note in notes}
            if not notes:
                return None
            return link_citations(
                markdown,
                bibliography=self.build.bibliography,
                link_base=f"/{self.build.options.bibliography_page}",
            )
        except EditionError as error:
            raise self.build.place(error, page, markdown) from None
