"""Send a long whole paper's later parts when the reader reaches them.

The whole paper on one page of a book-length text is most of a megabyte of
HTML: a phone downloads and parses all of it before it settles. Where the
page's text is longer than `LONG_PAPER` characters, the parts after the first
ones (about `FIRST_VIEW` characters of text: the title page and at least one
section) are written as fragments of their own (`paper/parts/<part>.html`), each
part keeping its heading and a link to its section's page in the page itself.
The page's script (docs/assets/later-parts.js) puts a part in its place when the
reader nears it, every part at once when the reader finds in the page
(Ctrl+F, ⌘F), prints, or follows a link to something not yet there, so that
finding, printing and every paragraph's permalink work as on the page whole.
Without JavaScript each part's heading links to its section. The paper as it
is (about 57,000 characters) is one page, sent whole.

The fragments are cut from the page's finished tree, after every link is
resolved and checked and every id collected (MkDocs' anchors and links are
validated against the whole page), and written as Python-Markdown would write
them (its serializer, then its postprocessors).
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from edition.build_cache import Finished
from edition.step import BuildTreeprocessor, Step
from edition.steps.minify import compact
from edition.templates import fragment
from edition.whole_paper import has_class

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

LONG_PAPER = 120_000  # characters of the whole paper's text: longer, and its later parts wait
FIRST_VIEW = 40_000  # characters of text sent with the page, at least (whole parts)
PARTS_FOLDER = "parts"  # beside the whole paper's page: paper/parts/<part>.html


def text_length(element: etree.Element) -> int:
    return sum(len(text) for text in element.itertext())


def serialized(md, elements: list[etree.Element]) -> str:
    """The elements as Python-Markdown writes a page: serializer, then postprocessors."""
    holder = etree.Element(md.doc_tag)
    holder.extend(elements)
    output = md.serializer(holder)
    start = output.index(f"<{md.doc_tag}>") + len(md.doc_tag) + 2
    output = output[start : output.rindex(f"</{md.doc_tag}>")].strip()
    for postprocessor in md.postprocessors:
        output = postprocessor.run(output)
    return output.strip()


class LaterPartsTree(BuildTreeprocessor):
    """On a long whole paper, each later part's content made a fragment of its own."""

    def run(self, root: etree.Element) -> None:
        build, page = self.build, self.build.page
        if page is None or page.file.src_uri != build.options.whole_paper_page:
            return
        if text_length(root) <= LONG_PAPER:
            return
        titles = {chapter.slug: chapter for chapter in build.chapters}
        sent = 0
        for part in [e for e in root.iter("section") if has_class(e, "paper-part")]:
            name = part.get("data-part", "")
            if sent < FIRST_VIEW or name not in titles:
                sent += text_length(part)
                continue  # the first parts, and the title page and bibliography, stay
            children = list(part)
            heading = children[0] if children and children[0].tag in ("h2", "h3") else None
            rest = children[1:] if heading is not None else children
            for child in rest:
                part.remove(child)
            html = build.later_parts[name] = serialized(self.md, rest)
            # Named by its text too: a browser never takes a part of an older text from its
            # cache, and under `make serve` a new part reloads the page (scripts/livereload.js).
            version = hashlib.sha256(html.encode("utf-8")).hexdigest()[:8]
            part.set("data-later", f"{PARTS_FOLDER}/{name}.html?v={version}")
            # After MkDocs' link resolver: the link is written as it would have made it
            address = get_relative_url(build.chapter_urls[titles[name].src_uri], page.url)
            part.extend(fragment("later-part.html", address=address))


class LaterParts(Step):
    """Write the later parts beside the whole paper's page, once every page is written."""

    name = "later_parts"
    after = {"paper_text": "the chapters, whose pages a later part's link leads to, are read"}

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.build.later_parts = {}
        paper = files.get_file_from_path(self.build.options.whole_paper_page)
        self.folder = Path(paper.dest_uri).parent / PARTS_FOLDER if paper else None
        self.build.chapter_urls = {
            chapter.src_uri: file.url
            for chapter in self.build.chapters
            if (file := files.get_file_from_path(chapter.src_uri)) is not None
        }
        return None

    def post_build(self, config: MkDocsConfig) -> None:
        if not self.build.later_parts or self.folder is None:
            return
        folder = Path(config.site_dir) / self.folder
        folder.mkdir(parents=True, exist_ok=True)
        finished = Finished(config, "later-parts")  # a part as it was is compacted as it was
        for name, html in self.build.later_parts.items():  # compacted as the pages are
            text = finished.finish(html, compact)
            (folder / f"{name}.html").write_text(text + "\n", encoding="utf-8")
