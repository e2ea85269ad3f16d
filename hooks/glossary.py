"""Expand the paper's abbreviations where they occur, and list them on the Glossary page.

The terms and their expansions live in `data/glossary.yml`. They are handed
to Python-Markdown's `abbr` extension as its glossary, so every occurrence in
the text becomes `<abbr title="...">` without a word of the page changing; the
extension works on the parsed text, never on link targets, code or note
markers. Each `<abbr>` is made focusable so that the expansion's tooltip
(`docs/assets/glossary-tooltip.js`), which opens on hover and on focus, reaches
keyboard readers too. The Glossary page's placeholder becomes the list of terms, each
with the paper's own wording where it spells the term out and links to every
paragraph and note that uses it.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path
from typing import TYPE_CHECKING

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError

from edition.apparatus import (
    ApparatusError,
    Passage,
    in_source,
    link_list,
    mentions,
    fill_placeholder,
    load_checked,
    source_passages,
)

if TYPE_CHECKING:
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

DATA_FILE = Path("data") / "glossary.yml"
FIELDS = {"term": True, "expansion": True, "as_printed": False}
PLACEHOLDER = "<!-- edition:glossary -->"

_terms: list[dict] = []


class FocusableAbbreviations(Treeprocessor):
    """Let keyboard readers reach each abbreviation (and so its tooltip).

    An abbreviation inside a link is left out of the tab order: the link is
    already a stop, and a focusable element inside another is one too many.
    """

    def run(self, root: etree.Element) -> None:
        inside_links = {id(abbr) for link in root.iter("a") for abbr in link.iter("abbr")}
        for abbr in root.iter("abbr"):
            if id(abbr) not in inside_links:
                abbr.set("tabindex", "0")


class FocusableAbbreviationsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the abbr extension has wrapped the terms (priority 7).
        md.treeprocessors.register(FocusableAbbreviations(md), "edition-focusable-abbr", 6)


def check_terms(terms: list[dict], *, source: list[str]) -> None:
    """Each term once, and the paper's own wording found in the paper."""
    seen: set[str] = set()
    for entry in terms:
        term = str(entry["term"])
        if term in seen:
            raise ApparatusError(f"data/glossary.yml: the term {term} is listed twice; keep one")
        seen.add(term)
        printed = entry.get("as_printed")
        if printed and not in_source(printed, source):
            raise ApparatusError(
                f"data/glossary.yml: the wording given for {term} ('{printed}') is not the "
                "paper's; copy it from source/ or remove 'as_printed'"
            )
        if printed and term not in printed:
            raise ApparatusError(
                f"data/glossary.yml: the wording given for {term} ('{printed}') does not "
                "contain the term"
            )


def abbreviations(terms: list[dict]) -> dict[str, str]:
    """The glossary as the abbr extension takes it: {term: expansion}."""
    return {str(entry["term"]): str(entry["expansion"]) for entry in terms}


def render_glossary(terms: list[dict], passages: list[Passage], *, link_base: str = "") -> str:
    """The Glossary page's list, alphabetical, as Markdown in HTML."""
    lines = ['<dl class="glossary edition-added" markdown>', ""]
    for entry in sorted(terms, key=lambda entry: str(entry["term"]).casefold()):
        term = str(entry["term"])
        used = mentions(passages, [term])
        if not used:
            raise ApparatusError(
                f"data/glossary.yml: the term {term} is used nowhere in the paper; remove it"
            )
        printed = entry.get("as_printed")
        wording = (
            f' <span class="as-printed">The paper: “{printed}”.</span>'
            if printed
            else ' <span class="as-printed">The paper does not spell it out.</span>'
        )
        where = f"Used in {link_list(used, link_base=link_base)}."
        lines += [
            f'<dt id="{term.lower()}">{term}</dt>',
            '<dd markdown="1">',
            f"{entry['expansion']}.{wording}",
            "",
            f'<span class="used-in">{where}</span>',
            "</dd>",
            "",
        ]
    lines.append("</dl>")
    return "\n".join(lines)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    terms = load_checked(
        config, DATA_FILE, fields=FIELDS, check=lambda terms: check_terms(terms, source=source_passages())
    )
    _terms[:] = terms
    if "abbr" not in config.markdown_extensions:
        raise PluginError("mkdocs.yml: the glossary needs the 'abbr' entry of markdown_extensions")
    abbr_config = config.mdx_configs.setdefault("abbr", {})
    abbr_config["glossary"] = {**abbreviations(terms), **abbr_config.get("glossary", {})}
    config.markdown_extensions.append(FocusableAbbreviationsExtension())
    return config


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **_: object
) -> str | None:
    return fill_placeholder(
        markdown, PLACEHOLDER,
        lambda passages, link_base: render_glossary(_terms, passages, link_base=link_base),
        page=page, config=config, files=files,
    )
