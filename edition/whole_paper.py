"""Put the paper together from its chapter files: for the one-page edition and the EPUB.

The chapters (`docs/*.md` with `paper_section: N` in their front matter) are
the only copy of the text. The one-page edition (here) and the EPUB
(edition/epub_book.py) are assembled from them at build time, with the cover
and its notes from the home page, so that neither can drift from the chapter
pages.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.util import HTML_PLACEHOLDER_RE
from mkdocs.utils.meta import get_data

from edition.errors import EditionError
from edition.front_matter import line_of_key
from edition.notes import NOTE_DEFINITION
from edition.paragraphs import paragraph_id, split_blocks, with_id

if TYPE_CHECKING:
    from markdown import Markdown

COVER = re.compile(r'^<div class="cover" markdown>\n.*?\n</div>$', re.MULTILINE | re.DOTALL)
AFFILIATION = re.compile(r'<p class="cover-affiliation" markdown>(.*?)</p>')
AUTHOR = re.compile(r'<p class="cover-author">(.*?)</p>')
HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
TITLE = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)
LIST_MARKER = re.compile(r"^([-*+] )")
TITLE_PAGE_PART = "title-page"  # the part of the one-page edition that holds the cover
# Python-Markdown's footnotes extension writes the notes where this line stands.
FOOTNOTES_PLACE = "///Footnotes Go Here///"
NOTE_LINK = re.compile(r"^#fn(?:ref\d*)?:(.+)$")  # a note's marker or back link


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


def permalink_attributes(number: int) -> str:
    """attr_list's list of a one-page paragraph's permalink, as it follows the link."""
    return (
        "{ .paragraph-link .edition-added "
        f'aria-label="Paragraph {number} of this section, on its own page" }}'
    )


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
            permalink = f"[{number}]({canonical}){permalink_attributes(number)}"
            marker = LIST_MARKER.match(paragraph)
            head = marker.group(1) if marker else ""
            text = paragraph[len(head) :]
            items.append(
                with_id(f"{head}{permalink}{text}", f"{chapter.slug}-{paragraph_id(number)}")
            )
        blocks.append("\n".join(items))
    return part("\n\n".join(blocks), name=chapter.slug)


@dataclass(frozen=True)
class ConvertedPage:
    """A page's tree as Python-Markdown had it once its text was parsed, and what it refers to.

    Taken after the footnotes extension has made the notes' list and found their
    repeated references (15), before anything else changes the tree: what the
    whole paper would have had, had it converted the same Markdown itself.
    """

    root: etree.Element
    stash: list[str | etree.Element]  # the page's raw HTML, which its text names by placeholder
    note_keys: dict[str, list[str]]  # note label -> the works its [@key] block cites
    # The abbreviations the page defines itself (`*[TERM]: ...`; None: one it undefines)
    abbreviations: dict[str, str | None]


def abbreviations_of(md: Markdown) -> AbbrExtension | None:
    return next((e for e in md.registeredExtensions if isinstance(e, AbbrExtension)), None)


def converted(root: etree.Element, md: Markdown, note_keys: dict) -> ConvertedPage:
    """The page's tree and what it refers to, kept as they are while `md` converts it."""
    own: dict[str, str | None] = {}
    if (abbr := abbreviations_of(md)) is not None:
        own = {term: text for term, text in abbr.abbrs.items() if abbr.glossary.get(term) != text}
        own.update((term, None) for term in abbr.glossary if term not in abbr.abbrs)
    return ConvertedPage(
        copy.deepcopy(root), list(md.htmlStash.rawHtmlBlocks), dict(note_keys), own
    )


def texts(root: etree.Element) -> Iterator[tuple[etree.Element, str]]:
    """(element, "text" or "tail") of every text of the tree that is not empty."""
    for element in root.iter():
        if element.text:
            yield element, "text"
        if element.tail:
            yield element, "tail"


def restash(elements: Sequence[etree.Element], page: ConvertedPage, store) -> None:
    """Point the raw HTML the elements' text names at its copy in this page's stash (`store`)."""
    renumbered: dict[int, str] = {}

    def again(found: re.Match[str]) -> str:
        index = int(found.group(1))
        if index not in renumbered:
            renumbered[index] = store(page.stash[index])
        return renumbered[index]

    for element in elements:
        for node, which in list(texts(element)):
            text = getattr(node, which)
            if "\x02" in text:
                setattr(node, which, HTML_PLACEHOLDER_RE.sub(again, text))


PARAGRAPH_ATTRIBUTES = re.compile(r"\n[ ]*\{[ ]*#p-(\d+)(?=[ \}])")
NUMBERED = ("p", "li")


def last_text(element: etree.Element) -> tuple[etree.Element, str]:
    """Where an element's text ends: its own text, or the tail of its last child."""
    return (element[-1], "tail") if len(element) else (element, "text")


def for_one_page(chapter: Chapter, page: ConvertedPage) -> list[etree.Element]:
    """A chapter's converted tree as a part of the one-page edition (see chapter_for_one_page).

    The same changes, made on the tree: each heading a level down, each
    numbered paragraph's id named by its chapter and opened by a permalink to
    the paragraph on its own page. The chapter's notes are left out; they
    follow, with every other note, in the page's one list.
    """
    root = copy.deepcopy(page.root)
    elements = [element for element in root if not is_notes_list(element)]
    for element in root.iter():
        if element.tag in ("h1", "h2", "h3", "h4", "h5"):
            element.tag = f"h{int(element.tag[1]) + 1}"
    for element in list(root.iter()):
        if element.tag not in NUMBERED:
            continue
        node, which = last_text(element)
        found = PARAGRAPH_ATTRIBUTES.search(getattr(node, which) or "")
        if found is None:
            continue
        number = int(found.group(1))
        text = getattr(node, which)
        at = found.start(1) - len("p-")
        setattr(node, which, f"{text[:at]}{chapter.slug}-{text[at:]}")
        link = etree.Element("a", {"href": f"{chapter.src_uri}#{paragraph_id(number)}"})
        link.text = str(number)
        link.tail = permalink_attributes(number) + (element.text or "")
        element.text = None
        element.insert(0, link)
    return elements


def has_class(element: etree.Element, name: str) -> bool:
    return name in element.get("class", "").split()


def is_notes_list(element: etree.Element) -> bool:
    return element.tag == "div" and has_class(element, "footnote")


def cover_of(page: ConvertedPage) -> etree.Element:
    cover = next((e for e in page.root if e.tag == "div" and has_class(e, "cover")), None)
    if cover is None:
        raise EditionError(
            'the home page must hold the cover (<div class="cover" markdown> ... </div>)'
        )
    return copy.deepcopy(cover)


def fill_parts(
    root: etree.Element,
    home: ConvertedPage | None,
    chapters: Sequence[tuple[Chapter, ConvertedPage]],
    md: Markdown,
) -> dict[str, list[str]]:
    """Give each part's place in the whole paper's tree (`one_page_skeleton`) its page's tree.

    The result is the tree Python-Markdown makes of `one_page_markdown` (a
    unit test holds them equal): the cover, each chapter as `for_one_page`
    changes it, and the notes of every part in one list where the footnotes'
    place holder stands, numbered by their places in it. The raw HTML the
    copies name is stashed again in `md`. Returns the works each note cites.
    """
    places = {e.get("data-part"): e for e in root.iter("section") if has_class(e, "paper-part")}
    note_lists: list[etree.Element] = []
    note_keys: dict[str, list[str]] = {}
    store = md.htmlStash.store
    if home is not None and TITLE_PAGE_PART in places:
        cover = cover_of(home)
        restash([cover], home, store)
        places[TITLE_PAGE_PART].append(cover)
    for page, chapter in [(home, None), *((p, c) for c, p in chapters)]:
        if page is None:
            continue
        notes = [copy.deepcopy(e) for e in page.root if is_notes_list(e)]
        restash(notes, page, store)
        note_lists.extend(notes)
        note_keys.update(page.note_keys)
        if chapter is not None and chapter.slug in places:
            elements = for_one_page(chapter, page)
            restash(elements, page, store)
            places[chapter.slug].extend(elements)
    place_notes(root, note_lists)
    number_notes(root, md)
    if (abbr := abbreviations_of(md)) is not None:
        for _, page in chapters:  # as if the chapters' definitions were the page's own
            for term, text in page.abbreviations.items():
                if text is None:
                    abbr.abbrs.pop(term, None)
                else:
                    abbr.abbrs[term] = text
    return note_keys


def place_notes(root: etree.Element, note_lists: list[etree.Element]) -> None:
    """Every part's notes in one list, where the footnotes extension would have put it."""
    if not note_lists:
        return
    notes = note_lists[0]
    the_list = notes.find("ol")
    for other in note_lists[1:]:
        the_list.extend(list(other.find("ol")))
    for parent in root.iter():
        for index, child in enumerate(parent):
            if child.text and FOOTNOTES_PLACE in child.text:
                parent.remove(child)
                parent.insert(index, notes)
                return
    root.append(notes)


def number_notes(root: etree.Element, md: Markdown) -> None:
    """Each note's marker and back link numbered by the note's place in the page's list, as
    the footnotes extension numbers them (the step `notes` then shows each note's label)."""
    extension = next((e for e in md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
    holder = next((e for e in root.iter("div") if is_notes_list(e)), None)
    if extension is None or holder is None:
        return
    places = {item.get("id", ""): n for n, item in enumerate(holder.find("ol"), start=1)}
    for link in root.iter("a"):
        found = NOTE_LINK.match(link.get("href", ""))
        place = places.get(f"fn:{found.group(1)}") if found else None
        if place is None:
            continue
        if has_class(link, "footnote-ref"):
            link.text = extension.getConfig("SUPERSCRIPT_TEXT").format(place)
        elif has_class(link, "footnote-backref"):
            link.set("title", extension.getConfig("BACKLINK_TITLE").format(place))


def part(markdown: str, *, name: str) -> str:
    """A part of the one-page edition (the title page, a section) in its own element.

    Each part's notes follow it there (edition/steps/whole_paper.py), and in
    print each part is a page sequence with its own running head.
    """
    return f'<section class="paper-part" data-part="{name}" markdown>\n\n{markdown}\n\n</section>'


def one_page_skeleton(chapters: list[Chapter], bibliography: str) -> str:
    """The whole paper on one page: the place of each part, then the notes and bibliography.

    The parts are filled with the trees of their own pages' conversions
    (edition/steps/whole_paper.py `PaperParts`), so no passage is converted twice.
    """
    parts = [
        part("", name=TITLE_PAGE_PART),
        *(part("", name=c.slug) for c in chapters),
        bibliography,
    ]
    return "\n\n".join(parts) + "\n"


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
