"""Every character of the author's text, in every form: as source/ reads once decoded.

source/ is Markdown-flavoured (emphasis, autolinks, list markers, backslash
escapes); what a reader sees must be its characters once decoded, with only
the edition's declared normalisations (the paragraphs joined across page
breaks, which edition.source makes, and the title page's repeated lines shown
once). Quote styles and white space are folded, nothing else; a note marker
counts as the superscript number the paper prints.
"""

from __future__ import annotations

import html
import json

import pytest

from edition.source import NOTE_NUMBER, decoded
from tests.support.epub import read_book, with_class
from tests.support.paper import (
    NOT_THE_AUTHORS,
    SECTION_SLUGS,
    authors_text,
    expected_note,
    expected_paragraphs,
    first_difference,
    folded,
    section_notes,
    the_source,
)

PAPER = the_source()
SLUGS = SECTION_SLUGS
MARKER = "sup[id^='fnref']"  # Python-Markdown's note marker, holding the note's number


def assert_same(found: list[str], expected: list[str], what: str) -> None:
    assert len(found) == len(expected), f"{what}: {len(found)} passages, source has {len(expected)}"
    for number, (text, wanted) in enumerate(zip(found, expected, strict=True), start=1):
        assert text == wanted, f"{what} {number}: {first_difference(text, wanted)}"


def test_the_source_s_only_escape_is_the_dollar_of_u_s_11_billion():
    assert [(escape.written, escape.printed) for escape in PAPER.escapes] == [
        ("U.S.\\$11", "U.S.$11")
    ]
    assert "U.S.$11 billion" in expected_paragraphs(1)[14]


def test_decoding_reads_emphasis_autolinks_list_markers_and_escapes():
    assert decoded("*Asia Policy*, **CENTER**, <http://x.org/a_b>, U.S.\\$11") == (
        "Asia Policy, CENTER, http://x.org/a_b, U.S.$11"
    )
    assert decoded("- a) one\n- b) *two*") == "a) one\nb) two"


# The section pages


@pytest.mark.parametrize("index", range(len(SLUGS)), ids=SLUGS)
def test_every_character_of_each_section_is_on_its_page(page, index):
    article = page(f"{SLUGS[index]}/index.html").select_one("article")
    assert authors_text(article.h1, marker=MARKER) == folded(PAPER.sections[index].title)
    found = [authors_text(p, marker=MARKER) for p in article.select("[id^='p-']")]
    assert_same(found, expected_paragraphs(index), f"{SLUGS[index]} ¶")


@pytest.mark.parametrize("index", range(len(SLUGS)), ids=SLUGS)
def test_every_character_of_each_note_is_on_its_section_s_page(page, index):
    soup = page(f"{SLUGS[index]}/index.html")
    numbers = section_notes(index)
    found = [authors_text(soup.find(id=f"fn:{n}"), marker=MARKER) for n in numbers]
    assert_same(found, [expected_note(n) for n in numbers], f"{SLUGS[index]} note")


def test_the_title_page_has_the_cover_and_note_1_as_printed(page):
    soup = page("index.html")
    cover = authors_text(soup.select_one(".cover"), marker=MARKER)
    # The cover and the title page after it both print the title and the author: once here.
    lines = [line for n, line in enumerate(PAPER.cover) if line not in PAPER.cover[:n]]
    assert cover == folded(" ".join(decoded(line) for line in lines))
    assert authors_text(soup.find(id="fn:1"), marker=MARKER) == expected_note(1)


# The whole paper on one page


def test_every_character_of_every_section_and_note_is_on_the_one_page_paper(page):
    article = page("paper/index.html").select_one("article")
    for index, slug in enumerate(SLUGS):
        heading = article.find(id=slug)
        assert authors_text(heading, marker=MARKER) == folded(PAPER.sections[index].title)
        found = [authors_text(p, marker=MARKER) for p in article.select(f"[id^='{slug}-p-']")]
        assert_same(found, expected_paragraphs(index), f"paper, {slug} ¶")
    found = [authors_text(article.find(id=f"fn:{n}"), marker=MARKER) for n in sorted(PAPER.notes)]
    assert_same(found, [expected_note(n) for n in sorted(PAPER.notes)], "paper, note")


# The EPUB


def test_every_character_of_every_section_and_note_is_in_the_epub(site):
    book = read_book(site / "strengthening-the-us-rok-alliance.epub")
    marker = "a.noteref"  # the EPUB's note markers, each the note's number
    for index, slug in enumerate(SLUGS):
        ((_, section),) = book.all(id=slug)  # pandoc's section, headed by the section's title
        assert authors_text(section.find("h2"), marker=marker) == folded(
            PAPER.sections[index].title
        )
        numbers = [
            span
            for _, span in book.all("span", class_=with_class("paragraph-number"))
            if span["id"].startswith(f"{slug}-p-")
        ]
        found = [authors_text(span.parent, marker=marker) for span in numbers]
        assert_same(found, expected_paragraphs(index), f"EPUB, {slug} ¶")
    notes = [note for _, note in book.all(attrs={"epub:type": "endnote"})]
    found = [
        authors_text(note, marker=marker, added=f"{NOT_THE_AUTHORS}, .note-number")
        for note in notes
    ]
    assert_same(found, [expected_note(n) for n in sorted(PAPER.notes)], "EPUB, note")


# The search index


def test_every_character_of_every_passage_is_in_the_search_index(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: folded(html.unescape(doc["text"])) for doc in index["docs"]}
    for number, slug in enumerate(SLUGS):
        expected = expected_paragraphs(number, markers=False)
        found = [texts.get(f"{slug}/#p-{n}", "") for n in range(1, len(expected) + 1)]
        assert_same(found, expected, f"search, {slug} ¶")
        notes = section_notes(number)
        found = [texts.get(f"{slug}/#fn:{n}", "") for n in notes]
        assert_same(found, [expected_note(n) for n in notes], f"search, {slug} note")
    assert texts["#fn:1"] == folded(NOTE_NUMBER.sub("", decoded(PAPER.notes[1])))
