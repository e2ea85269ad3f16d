"""The engine at book length: a copy whose chapters are each 4 times as long.

What holds for the paper holds for a 27,000-word book built by the same engine
(the figures are `make bench`'s); here, what a reader of it is sent.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from edition.steps.long_text import LONG_TEXT

LONG_TEXT_STYLE = re.compile(r"content-visibility:\s*auto")


def long_text_style(soup: BeautifulSoup) -> bool:
    return any(LONG_TEXT_STYLE.search(style.string or "") for style in soup.select("head style"))


def test_a_long_page_lays_out_its_text_as_it_nears_the_screen(book_site):
    long_pages = ["paper/index.html", "alliance-adaptation/index.html"]
    for path in long_pages:
        soup = BeautifulSoup((book_site / path).read_text(encoding="utf-8"), "lxml")
        assert long_text_style(soup), path
        (style,) = [s for s in soup.select("head style") if LONG_TEXT_STYLE.search(s.string)]
        assert style["media"] == "screen", path  # print lays out every line
    short = BeautifulSoup((book_site / "about/index.html").read_text(encoding="utf-8"), "lxml")
    assert not long_text_style(short)


def test_no_page_of_the_paper_itself_is_long(page, html_pages):
    for path in html_pages:
        assert not long_text_style(page(path)), path
    article = page("paper/index.html").select_one("article")
    assert len(str(article)) < LONG_TEXT  # the longest, the whole paper, is laid out whole


def test_a_long_whole_paper_sends_its_first_parts_and_the_rest_as_fragments(book_site):
    paper = BeautifulSoup((book_site / "paper/index.html").read_text(encoding="utf-8"), "lxml")
    parts = paper.select("section.paper-part")
    later = [part for part in parts if part.get("data-later")]
    assert [p["data-part"] for p in parts[:2]] == ["title-page", "introduction"]
    assert later and all(not part.select("[id*='-p-']") for part in later)
    for part in later:
        name = part["data-part"]
        address, version = part["data-later"].split("?v=")
        assert address == f"parts/{name}.html" and re.fullmatch("[0-9a-f]{8}", version)
        assert part.select_one("h2")["id"] == name  # its heading stays: the page's contents
        (link,) = part.select(".later-part a")
        assert link["href"] == f"../{name}/"  # without JavaScript: the section's page
        fragment = BeautifulSoup((book_site / "paper" / address).read_text(), "lxml")
        numbers = [int(p["id"].rsplit("-", 1)[1]) for p in fragment.select(f"[id^='{name}-p-']")]
        assert numbers == list(range(1, len(numbers) + 1)) and numbers  # every paragraph
        section = BeautifulSoup((book_site / name / "index.html").read_text(), "lxml")
        assert len(numbers) == len(section.select("article [id^='p-']"))
        assert "\x02" not in str(fragment) and "zz1337820767766393qq" not in str(fragment)
    scripts = [s["src"].rsplit("/", 1)[-1] for s in paper.select("script[src]")]
    assert "later-parts.js" in scripts
