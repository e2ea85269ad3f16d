"""Let a search land on the paragraph or note where the term occurs.

Material indexes a page by its headings, and the paper's sections have none
below their title: a hit for OPCON would open the top of a 3,000-word
section. After Material has written its index, this step replaces each paper
page's entry with one entry per numbered paragraph (`page/#p-7`) and one per
note (`page/#fn:14`); the page's own entry keeps only its title, and the
entry of its notes' heading goes, the notes having theirs. A passage's
text is the author's: what the edition adds (`edition-added`: permalinks,
editor's notes, archived copies, links to the bibliography) is left out.
"""

from __future__ import annotations

import json
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

INDEX_FILE = Path("search") / "search_index.json"
SKIPPED_CLASSES = {"edition-added", "footnote-backref", "footnote-ref", "headerlink"}


class PassageParser(HTMLParser):
    """Collect the text of each numbered paragraph and each note of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.passages: list[tuple[str, str, str]] = []
        self._stack: list[tuple[str, str | None, bool]] = []  # tag, passage id, skipped
        self._text: list[str] = []
        self._current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        element_id = attributes.get("id") or ""
        classes = set((attributes.get("class") or "").split())
        passage = None
        if self._current is None and (element_id.startswith("p-") or element_id.startswith("fn:")):
            passage = element_id
            self._current = element_id
            self._text = []
        skipped = bool(classes & SKIPPED_CLASSES) or (
            tag == "sup" and element_id.startswith("fnref")
        )
        if tag not in {"br", "img", "hr", "input", "meta", "link"}:
            self._stack.append((tag, passage, skipped))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, passage, _ = self._stack.pop()
            if passage is not None:
                self._finish(passage)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._current is not None and not any(skipped for _, _, skipped in self._stack):
            self._text.append(data)

    def _finish(self, passage: str) -> None:
        text = " ".join("".join(self._text).split())
        if passage.startswith("p-"):
            title = f"¶ {passage[2:]}"
        else:
            title = f"Note {passage[3:]}"
        self.passages.append((passage, title, text))
        self._current = None


def find_passages(html: str) -> list[tuple[str, str, str]]:
    """(anchor, title, plain text) of every numbered paragraph and note."""
    parser = PassageParser()
    parser.feed(html)
    parser.close()
    return parser.passages


def split_index(index: dict, passages: dict[str, tuple[str, list[tuple[str, str, str]]]]) -> dict:
    """Material's index with each paper page split into its passages."""
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        page, _, heading = location.partition("#")
        if heading and page in passages:
            continue  # a heading of a paper page (its notes' "Notes"): its passages hold its text
        if location not in passages:
            docs.append(doc)
            continue
        page_title, page_passages = passages[location]
        docs.append({**doc, "text": ""})
        for anchor, title, text in page_passages:
            docs.append(
                {
                    "location": f"{location}#{anchor}",
                    "title": f"{page_title}, {title}",
                    "text": escape(text, quote=False),
                }
            )
    return {**index, "docs": docs}


class SearchPassages(Step):
    name = "search_passages"

    def config(self, config: MkDocsConfig) -> None:
        # page url -> (page title, [(anchor, entry title, text)])
        self.passages: dict[str, tuple[str, list[tuple[str, str, str]]]] = {}

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if page.meta.get("paper_section"):
            self.passages[page.url] = (page.title or "", find_passages(html))
        return None

    def post_build(self, config: MkDocsConfig) -> None:
        index_path = Path(config.site_dir) / INDEX_FILE
        if not index_path.is_file():
            return
        index = json.loads(index_path.read_text(encoding="utf-8"))
        index_path.write_text(
            json.dumps(
                split_index(index, self.passages), ensure_ascii=False, separators=(",", ":")
            ),
            encoding="utf-8",
        )
