"""Read the paper as passages, for the glossary, the index and the timeline.

A passage is one numbered paragraph (`chapter.md#p-7`) or one note
(`chapter.md#fn:14`) of the paper, with its text as a reader sees it: note
markers, citation blocks, link targets and Markdown punctuation removed. The
apparatus pages find their terms and quotations in these passages at build
time, so their links follow the text when it is corrected or reordered.
The data they look up lives in YAML files in `data/`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from edition.errors import EditionError, yaml_mistake
from edition.notes import NOTE_DEFINITION, NOTE_MARKER, read_notes
from edition.paragraphs import paragraph_id, read_paragraphs
from edition.source import NOTE_NUMBER, Source

# libyaml's loader when PyYAML has it (ten times as fast), else the same in Python
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HOME_PAGE_LABEL = "Title page"  # the home page: the paper's title, and the notes it carries
HEADING = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)
CITATION_BLOCK = re.compile(r"\[@[^\]]*\]")
AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>|<[^>\s@]+@[^>\s]+>")
INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
ATTRIBUTE_LIST = re.compile(r"\{\s*[#.:][^}]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$])")
EMPHASIS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")
LIST_LETTER = re.compile(r"^(?:[-*+]|\d+\.)\s+")
SPACE = re.compile(r"\s+")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Passage:
    """One paragraph or note of the paper."""

    src_uri: str  # the page, e.g. "alliance-adaptation.md"
    chapter: str  # the page's title as the paper prints it
    section: int  # the paper's section number; 0 for the title page
    anchor: str  # "p-7" or "fn:14"
    text: str  # plain text, as read

    @property
    def label(self) -> str:
        """'¶ 7' for a paragraph, 'n. 14' for a note."""
        kind, _, number = self.anchor.partition(":" if self.anchor.startswith("fn:") else "-")
        return f"n.\u00a0{number}" if kind == "fn" else f"¶\u00a0{number}"

    @property
    def full_label(self) -> str:
        """'Introduction, ¶ 7': the link's visible text, with its chapter, for screen readers."""
        return f"{self.chapter}, {self.label}"

    @property
    def order(self) -> tuple[int, int, int]:
        """Paragraphs of a section in reading order, then its notes."""
        is_note = self.anchor.startswith("fn:")
        number = self.anchor.split(":" if is_note else "-")[1]
        return (self.section, int(is_note), int(number) if number.isdigit() else 0)


def plain_text(markdown: str) -> str:
    """The words of a passage as a reader sees them, on one line."""
    text = NOTE_MARKER.sub("", markdown)
    text = CITATION_BLOCK.sub("", text)
    text = AUTOLINK.sub(" ", text)
    text = INLINE_LINK.sub(r"\1", text)
    text = ATTRIBUTE_LIST.sub("", text)
    text = HTML_TAG.sub("", text)
    text = EMPHASIS.sub("", text)
    text = ESCAPE.sub(r"\1", text)
    text = LIST_LETTER.sub("", text.strip())
    return SPACE.sub(" ", text).strip()


def page_title(markdown: str, default: str) -> str:
    heading = HEADING.search(markdown)
    return plain_text(heading.group(1)) if heading else default


def read_passages(src_uri: str, content: str, *, home_page: str = "index.md") -> list[Passage]:
    """The numbered paragraphs and the notes of one page of the paper.

    A page with `paper_section` gives its paragraphs and notes; the title page
    gives its notes (the paper's note 1). Other pages give nothing.
    """
    body, meta = get_data(content)
    section = meta.get("paper_section")
    if not section and src_uri != home_page:
        return []
    chapter = HOME_PAGE_LABEL if src_uri == home_page else page_title(body, src_uri)
    passages = []
    if section:
        text = NOTE_DEFINITION.sub("", body)
        passages += [
            Passage(src_uri, chapter, int(section), paragraph_id(number), plain_text(markdown))
            for number, markdown in read_paragraphs(text)
        ]
    passages += [
        Passage(src_uri, chapter, int(section or 0), f"fn:{note.label}", plain_text(note.text))
        for note in read_notes(body)
    ]
    return passages


def paper_passages(pages: dict[str, str], *, home_page: str = "index.md") -> list[Passage]:
    """Every passage of the paper, in the paper's order: {src_uri: Markdown} in."""
    passages = [
        passage
        for src_uri, content in pages.items()
        for passage in read_passages(src_uri, content, home_page=home_page)
    ]
    return sorted(passages, key=lambda passage: passage.order)


def word_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, longest first, case as written."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(phrase) for phrase in ordered) + r")(?!\w)"
    )


class WordIndex:
    """Which passages hold each word: one pass over the text, for every look-up after it.

    The Index and the Glossary look up hundreds of terms; each is then matched
    only in the passages that hold all its words, so the cost grows with the
    text once, not once per term.
    """

    def __init__(self, passages: Iterable[Passage]) -> None:
        self.passages = list(passages)
        self.holding: dict[str, set[int]] = defaultdict(set)
        for number, passage in enumerate(self.passages):
            for word in set(WORD.findall(passage.text)):
                self.holding[word].add(number)

    def candidates(self, phrases: Iterable[str]) -> list[Passage]:
        """The passages, in order, that hold every word of at least one of the phrases."""
        found: set[int] = set()
        for phrase in phrases:
            words = WORD.findall(phrase)
            if not words:
                return self.passages  # nothing to look up by: every passage is a candidate
            found |= set.intersection(*(self.holding.get(word, set()) for word in words))
        return [self.passages[number] for number in sorted(found)]


def mentions(
    passages: Iterable[Passage] | WordIndex,
    variants: Iterable[str],
    *,
    excluding: Iterable[str] = (),
) -> list[Passage]:
    """The passages in which one of the variants occurs as a whole word or phrase.

    `excluding` names longer phrases that contain a variant but mean something
    else (e.g. "Sang-hyun Lee" for the variant "Lee"); they do not count. Given
    a WordIndex, only the passages that hold a variant's words are read.
    """
    variants = tuple(variants)
    if isinstance(passages, WordIndex):
        passages = passages.candidates(variants)
    found = word_pattern(variants)
    excluded = word_pattern(excluding) if excluding else None
    hits = []
    for passage in passages:
        if not any(variant in passage.text for variant in variants):
            continue  # the quick test: no variant at all, as a word or not
        text = excluded.sub(" ", passage.text) if excluded else passage.text
        if found.search(text):
            hits.append(passage)
    return hits


def normalise(text: str) -> str:
    """Text compared for quotation: one space between words."""
    return SPACE.sub(" ", text).strip()


def source_passages(source: Source) -> list[str]:
    """The paper's paragraphs, notes and cover as source/ gives them, note numbers removed."""
    texts = [text for section in source.sections for text in section.paragraphs]
    texts += list(source.notes.values()) + source.cover
    return [normalise(NOTE_NUMBER.sub("", text)) for text in texts]


def in_source(quote: str, passages: list[str]) -> bool:
    """Whether the words are the paper's, verbatim, within one paragraph or note of source/."""
    wanted = normalise(quote)
    return any(wanted in text for text in passages)


def find_quote(passages: Iterable[Passage], quote: str, *, src_uri: str) -> Passage | None:
    """The passage of `src_uri` that contains the quotation word for word."""
    wanted = normalise(quote)
    for passage in passages:
        if passage.src_uri == src_uri and wanted in passage.text:
            return passage
    return None


def group_by_chapter(passages: Iterable[Passage]) -> list[tuple[str, str, list[Passage]]]:
    """[(chapter title, src_uri, passages)] in the paper's order."""
    groups: dict[str, tuple[str, str, list[Passage]]] = {}
    for passage in sorted(passages, key=lambda passage: passage.order):
        groups.setdefault(passage.src_uri, (passage.chapter, passage.src_uri, []))[2].append(
            passage
        )
    return list(groups.values())


def link_list(passages: Iterable[Passage], *, link_base: str = "") -> str:
    """Markdown links to passages, grouped by chapter: 'Chapter: ¶ 3, n. 8; Other: ¶ 1'."""
    groups = []
    for chapter, src_uri, group in group_by_chapter(passages):
        links = ", ".join(f"[{p.label}]({link_base}{src_uri}#{p.anchor})" for p in group)
        groups.append(f'<span class="apparatus-chapter">{chapter}</span>: {links}')
    return "; ".join(groups)


def read_yaml(path: Path, *, name: str) -> object:
    """What a data file holds, or EditionError naming the file (`name`, as the editor knows it)."""
    try:
        return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=SAFE_LOADER)
    except FileNotFoundError:
        raise EditionError("is missing; create it (a YAML list of entries)", file=name) from None
    except UnicodeDecodeError:
        raise EditionError("is not UTF-8 text; save it as UTF-8", file=name) from None
    except yaml.YAMLError as error:
        problem, line = yaml_mistake(error)
        raise EditionError(
            f"is not valid YAML: {problem}; correct the line", file=name, line=line
        ) from None
    except OSError as error:
        raise EditionError(f"cannot be read: {error.strerror}", file=name) from None


def load_data(path: Path | str, *, fields: dict[str, bool], name: str | None = None) -> list[dict]:
    """A data file's list of entries, each checked for its required fields.

    `fields` maps each known field to whether it is required; `name` is the
    file as the editor knows it (data/glossary.yml).
    """
    path = Path(path)
    name = name or f"data/{path.name}"
    entries = read_yaml(path, name=name)
    if not isinstance(entries, list):
        raise EditionError("must be a YAML list of entries, one '- ' per entry", file=name)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise EditionError(f"entry {number} is not a mapping of fields", file=name)
        unknown = set(entry) - set(fields)
        if unknown:
            raise EditionError(
                f"entry {number} has unknown field(s) {', '.join(sorted(unknown))}; "
                f"the fields are {', '.join(fields)}",
                file=name,
            )
        for field, required in fields.items():
            if required and not entry.get(field):
                raise EditionError(f"entry {number} needs the field '{field}'", file=name)
    return entries
