"""Every word of the paper is on the site, in order, and the page breaks are gone."""

from __future__ import annotations

import copy

import pytest
from bs4 import BeautifulSoup

from edition.source import words
from tests.support.paper import the_source

PAPER = the_source()
CHAPTERS = dict(
    zip(
        [section.title for section in PAPER.sections],
        [
            "introduction",
            "alliance-adaptation",
            "mutually-beneficial-rationale",
            "synchronizing-views",
        ],
        strict=False,
    )
)
NOT_THE_AUTHORS = ".edition-added, .headerlink, sup[id^='fnref'], div.footnote"


def authors_words(element) -> list[str]:
    """The words of an element, without what the edition adds."""
    element = copy.copy(element)
    for added in element.select(NOT_THE_AUTHORS):
        added.decompose()
    return words(element.get_text())


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def test_the_source_has_four_sections_and_twenty_two_notes():
    assert [section.title for section in PAPER.sections] == list(CHAPTERS)
    assert sorted(PAPER.notes) == list(range(1, 23))


@pytest.mark.parametrize("title", list(CHAPTERS))
def test_every_word_of_the_section_is_on_its_page_in_order(page, title):
    section = next(section for section in PAPER.sections if section.title == title)
    expected = words(title) + [word for text in section.paragraphs for word in words(text)]
    assert authors_words(article(page(f"{CHAPTERS[title]}/index.html"))) == expected


def test_the_cover_is_on_the_home_page_in_order(page):
    on_page = iter(word.casefold() for word in authors_words(article(page("index.html"))))
    cover = [word.casefold() for line in PAPER.cover[:5] for word in words(line)]
    assert all(word in on_page for word in cover)  # a subsequence: in order


def test_the_ten_paragraphs_cut_by_page_breaks_are_whole(page):
    assert len(PAPER.joined) == 10
    for end_of_first, start_of_second in PAPER.joined:
        glue = "" if end_of_first.endswith("-") else " "
        seam = " ".join(words(end_of_first)[-3:]) + glue + " ".join(words(start_of_second)[:3])
        holders = [
            paragraph
            for slug in CHAPTERS.values()
            for paragraph in page(f"{slug}/index.html").select("[id^='p-']")
            if seam in " ".join(authors_words(paragraph))
        ]
        assert len(holders) == 1, seam


def test_paragraphs_are_the_papers_paragraphs(page):
    for section in PAPER.sections:
        paragraphs = page(f"{CHAPTERS[section.title]}/index.html").select("article [id^='p-']")
        expected = sum(
            text.count("\n- ") + 1 if text.startswith("- ") else 1 for text in section.paragraphs
        )
        assert [p["id"] for p in paragraphs] == [f"p-{n}" for n in range(1, expected + 1)]


def test_the_lettered_principles_are_a_list(page):
    items = page("mutually-beneficial-rationale/index.html").select("article ul > li[id^='p-']")
    # each opens with its number, the edition's permalink, then the paper's letter
    assert [" ".join(item.get_text(" ").split())[:5] for item in items] == [
        "7 a) ",
        "8 b) ",
        "9 c) ",
        "10 d)",
        "11 e)",
    ]


def test_italics_are_kept(page):
    emphasised = [
        em.get_text()
        for em in page("mutually-beneficial-rationale/index.html").select("article [id^='p-'] em")
    ]
    assert emphasised.count("raison d'être") == 2
