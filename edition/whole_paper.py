"""Put the paper together from its chapter files: for the one-page edition and the EPUB.

The chapters (`docs/*.md` with `paper_section: N` in their front matter) are
the only copy of the text. The one-page edition (here) and the EPUB
(edition/epub_book.py) are assembled from them at build time, with the cover
and its notes from the home page, so that neither can drift from the chapter
pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from edition.errors import EditionError
from edition.front_matter import line_of_key
from edition.notes import NOTE_DEFINITION
from edition.paragraphs import paragraph_id, split_blocks, with_id

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


def chapters_of(
    pages: dict[str, str], sections: Sequence[str] = (), *, file_of: Callable[[str], str] = str
) -> list[Chapter]:
    """The paper's sections in the paper's order: {src_uri: Markdown with front matter} in.

    `sections` are the chapters' files in the paper's order, as the plugin's
    `paper.sections` lists them; each must be a page whose `paper_section` is its
    place in that list. `file_of` names a page's file as the editor knows it.
    """
    chapters = []
    for src_uri, content in sorted(pages.items()):
        body, meta = get_data(content)
        if "paper_section" not in meta:
            continue
        number = meta["paper_section"]
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise EditionError(
                f"paper_section is '{number}'; write the section's number in the paper "
                "(1, 2, 3, ...)",
                file=file_of(src_uri),
                line=line_of_key(content, "paper_section"),
            )
        chapters.append(Chapter(number, src_uri, body))
    if sections:
        check_sections(chapters, pages, list(sections), file_of=file_of)
    numbers = sorted(chapter.section for chapter in chapters)
    if numbers != list(range(1, len(numbers) + 1)) or not numbers:
        misplaced = next(
            (
                c
                for i, c in enumerate(sorted(chapters, key=lambda c: c.section), 1)
                if c.section != i
            ),
            None,
        )
        raise EditionError(
            f"the chapters' paper_section numbers are {numbers}; number them 1, 2, 3, ... "
            "in the paper's order",
            file=file_of(misplaced.src_uri) if misplaced else None,
        )
    return sorted(chapters, key=lambda chapter: chapter.section)


def check_sections(
    chapters: list[Chapter], pages: dict[str, str], sections: list[str], *, file_of
) -> None:
    """Each file of `sections` is the chapter of its place in the list, and no other is."""
    by_page = {chapter.src_uri: chapter for chapter in chapters}
    for number, src_uri in enumerate(sections, start=1):
        listed = f"paper.sections in mkdocs.yml lists it as section {number}"
        chapter = by_page.get(src_uri)
        if src_uri not in pages:
            raise EditionError(
                f"is missing, and {listed}; restore the file, or remove it from paper.sections",
                file=file_of(src_uri),
            )
        if chapter is None:
            empty = not get_data(pages[src_uri])[0].strip()
            raise EditionError(
                ("is empty" if empty else "has no paper_section in its front matter")
                + f", and {listed}; give it the section's text, headed by front matter with "
                f"'paper_section: {number}'",
                file=file_of(src_uri),
            )
        if chapter.section != number:
            raise EditionError(
                f"paper_section is {chapter.section}, and {listed}; write paper_section: {number}",
                file=file_of(src_uri),
                line=line_of_key(pages[src_uri], "paper_section"),
            )
    for chapter in chapters:
        if chapter.src_uri not in sections:
            raise EditionError(
                f"paper_section is {chapter.section}, but paper.sections in mkdocs.yml does not "
                f"list {chapter.src_uri}; add it there with its title in sentence case, or remove "
                "paper_section",
                file=file_of(chapter.src_uri),
                line=line_of_key(pages[chapter.src_uri], "paper_section"),
            )


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
            items.append(
                with_id(f"{head}{permalink}{text}", f"{chapter.slug}-{paragraph_id(number)}")
            )
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
