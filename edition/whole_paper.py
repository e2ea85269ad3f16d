"""Put the paper together from its chapter files: for the one-page edition and the EPUB.

The chapters (`docs/*.md` with `paper_section: N` in their front matter) are
the only copy of the text. The one-page edition (here) and the EPUB
(edition/epub_book.py) are assembled from them at build time, with the cover
and its notes from the home page, so that neither can drift from the chapter
pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from edition.errors import EditionError
from edition.notes import NOTE_DEFINITION
from edition.paragraphs import paragraph_id, split_blocks

COVER = re.compile(r'^<div class="cover" markdown>\n.*?\n</div>$', re.MULTILINE | re.DOTALL)
AFFILIATION = re.compile(r'<p class="cover-affiliation" markdown>(.*?)</p>')
AUTHOR = re.compile(r'<p class="cover-author">(.*?)</p>')
HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
TITLE = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)
LIST_MARKER = re.compile(r"^([-*+] )")
TITLE_PAGE_PART = "title-page"  # the part of the one-page edition that holds the cover


@dataclass(frozen=True)
class Chapter:
    section: int
    src_uri: str
    body: str  # the Markdown without its front matter

    @property
    def slug(self) -> str:
        return Path(self.src_uri).stem

    @property
    def title(self) -> str:
        """The section's title, as its heading gives it."""
        heading = TITLE.search(self.body)
        return " ".join(heading.group(1).split()) if heading else self.src_uri


def chapters_of(pages: dict[str, str]) -> list[Chapter]:
    """The paper's sections in the paper's order: {src_uri: Markdown with front matter} in."""
    chapters = []
    for src_uri, content in sorted(pages.items()):
        body, meta = get_data(content)
        if meta.get("paper_section"):
            chapters.append(Chapter(int(meta["paper_section"]), src_uri, body))
    sections = sorted(chapter.section for chapter in chapters)
    if sections != list(range(1, len(sections) + 1)) or not sections:
        raise EditionError(
            f"the chapters' paper_section numbers are {sections}; number them 1, 2, 3, ..."
        )
    return sorted(chapters, key=lambda chapter: chapter.section)


def read_chapters(docs_dir: Path) -> list[Chapter]:
    """The paper's sections in the paper's order, read from their files."""
    pages = {path.name: path.read_text(encoding="utf-8") for path in sorted(docs_dir.glob("*.md"))}
    return chapters_of(pages)


def read_title_page(home_markdown: str) -> tuple[str, str]:
    """The cover block of the home page and the definitions of the notes it holds."""
    body, _ = get_data(home_markdown)
    cover = COVER.search(body)
    if not cover:
        raise EditionError(
            'the home page must hold the cover (<div class="cover" markdown> ... </div>)'
        )
    notes = "\n\n".join(match.group(0) for match in NOTE_DEFINITION.finditer(body))
    return cover.group(0), notes


def demote_headings(markdown: str) -> str:
    """One level down, so the paper's title stays the page's only h1."""
    return HEADING.sub(lambda m: f"#{m.group(1)} ", markdown)


def one_page_id(src_uri: str, anchor: str) -> str:
    """The id on the one-page edition of a paragraph (`p-N`) of a chapter, a note or an entry.

    Paragraphs are numbered within their chapter, so they take its name
    (`introduction-p-3`); notes (`fn:N`) and bibliography entries keep theirs.
    """
    if re.match(r"^p-\d+$", anchor):
        return f"{Path(src_uri).stem}-{anchor}"
    return anchor


def chapter_for_one_page(chapter: Chapter, *, link_to_chapter: bool = True) -> str:
    """A chapter as a part of the one-page edition.

    Its paragraphs get ids distinct from the chapter page's (`introduction-p-3`)
    and a permalink to the paragraph on its own page, the one to cite.
    """
    blocks = []
    number = 0
    for block, paragraphs in split_blocks(demote_headings(chapter.body)):
        if paragraphs is None:
            blocks.append(block)
            continue
        items = []
        for paragraph in paragraphs:
            number += 1
            canonical = f"{chapter.src_uri}#{paragraph_id(number)}"
            permalink = (
                f"[{number}]({canonical}){{ .paragraph-link .edition-added "
                f'aria-label="Paragraph {number} of this section, on its own page" }}'
            )
            marker = LIST_MARKER.match(paragraph)
            head = marker.group(1) if marker else ""
            text = paragraph[len(head) :]
            items.append(f"{head}{permalink}{text}\n{{ #{chapter.slug}-{paragraph_id(number)} }}")
        blocks.append("\n".join(items))
    return part("\n\n".join(blocks), name=chapter.slug)


def part(markdown: str, *, name: str) -> str:
    """A part of the one-page edition (the title page, a section) in its own element.

    Each part's notes follow it there (edition/steps/whole_paper.py), and in
    print each part is a page sequence with its own running head.
    """
    return f'<section class="paper-part" data-part="{name}" markdown>\n\n{markdown}\n\n</section>'


def one_page_markdown(home_markdown: str, chapters: list[Chapter], bibliography: str) -> str:
    """The whole paper on one page: title page, sections, every note, bibliography."""
    cover, title_page_notes = read_title_page(home_markdown)
    # Python-Markdown lists notes in the order they are defined: the title page's first.
    parts = [
        part(f"{cover}\n\n{title_page_notes}", name=TITLE_PAGE_PART),
        *(chapter_for_one_page(c) for c in chapters),
        bibliography,
    ]
    return "\n\n".join(parts) + "\n"
