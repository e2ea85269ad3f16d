"""Search as a reader meets it in Chromium: the first result is the passage, and following it
shows the words found, highlighted, on screen; the same on a phone and with the keyboard.

Every query of tests/data/search-queries.yml is typed into the theme's search box once
(the `answers` fixture); each test then reads what its first result shows, and follows it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.support.search import ask, reader_queries, the_passages, words

QUERIES = reader_queries()
SNIPPET_MOST = 240  # characters: about 200 round the match, whole words, the ellipses
PHONE = {"width": 390, "height": 844}

# Whether a mark inside the element with `id` (or, without one, any mark) is on screen,
# below the theme's header, and whether every mark of the article is a whole word.
MARK_ON_SCREEN = r"""([id, wanted]) => {
  const root = id ? document.getElementById(id) : document.querySelector("article");
  if (!root) return false;
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const marks = [...root.querySelectorAll("mark[data-md-highlight]")];
  const seen = marks.filter((mark) => {
    const box = mark.getBoundingClientRect();
    return box.height > 0 && box.top >= header && box.bottom <= innerHeight;
  });
  const text = (marks) => marks.map((mark) => mark.textContent).join(" ").toLowerCase()
    .replace(/\s+/g, " ");
  return seen.length > 0 && wanted.every((words) => text(marks).includes(words));
}"""
EVERY_PAGE_MARK_WHOLE = r"""() => {
  const letter = /[\p{L}\p{N}]/u;
  return [...document.querySelectorAll("article mark[data-md-highlight]")].every((mark) => {
    const before = mark.previousSibling ? mark.previousSibling.textContent.slice(-1) : "";
    const after = mark.nextSibling ? mark.nextSibling.textContent.slice(0, 1) : "";
    return !letter.test(before) && !letter.test(after);
  });
}"""


def open_search(tab, server: str, page: str = "introduction/") -> None:
    tab.goto(server + page)
    tab.click("input.md-search__input")


@pytest.fixture(scope="module")
def reader(browser, server):
    """One tab for the whole query set (1280x800)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(scope="module")
def answers(reader, server) -> dict[str, dict]:
    """What each query's results show, every query typed once into the same search box."""
    open_search(reader, server)
    return {query.query: ask(reader, query.query) for query in QUERIES}


def test_the_query_set_is_a_reader_s(answers):
    kinds = {query.kind for query in QUERIES}
    assert len(QUERIES) >= 20
    for needed in ("quoted phrase", "year", "misspelt surname", "author cited only in the notes"):
        assert needed in kinds
    assert any("romanization" in kind for kind in kinds)
    assert any("hyphenates differently" in kind for kind in kinds)
    assert any("expansion" in kind for kind in kinds)


@pytest.mark.parametrize("query", QUERIES, ids=[query.query for query in QUERIES])
def test_the_first_result_is_the_passage_with_its_match_in_a_short_snippet(answers, query):
    answer = answers[query.query]
    first = answer["first"]
    assert first is not None, answer["summary"]
    href = urlsplit(first["href"])
    assert f"{href.path.lstrip('/')}#{href.fragment}" == query.location, first
    assert len(first["snippet"]) <= SNIPPET_MOST, first["snippet"]
    marked = words(" ".join(first["marks"]))
    for mark in query.marks:
        assert words(mark) in marked, (mark, first["marks"])
    assert first["wholeWords"] and answer["everyMarkWhole"]
    # The group's heading opens the same passage, not the top of the page.
    assert answer["headingHref"] == first["href"]


@pytest.mark.parametrize("query", QUERIES, ids=[query.query for query in QUERIES])
def test_following_the_first_result_shows_the_words_highlighted_on_screen(answers, reader, query):
    reader.goto(answers[query.query]["first"]["href"])
    wanted = [words(mark) for mark in query.marks]
    reader.wait_for_function(MARK_ON_SCREEN, arg=[query.anchor, wanted])
    assert reader.evaluate(EVERY_PAGE_MARK_WHOLE)


def test_results_are_counted_in_passages_and_sections(tab, server):
    open_search(tab, server)
    answer = ask(tab, "Camp David")
    holding = [p for p in the_passages().values() if "Camp David" in p.text]
    sections = {p.src_uri for p in holding}
    assert (len(holding), len(sections)) == (3, 2)
    assert answer["summary"].startswith("3 passages in 2 sections, ")
    assert re.fullmatch(
        r"3 passages in 2 sections(, \d+ (entry|entries|works?|passages?) in [\w ]+)*",
        answer["summary"],
    ), answer["summary"]


def test_a_quoted_phrase_matches_only_those_words_in_that_order(tab, server):
    open_search(tab, server)
    reversed_phrase = ask(tab, '"control operational wartime"')
    assert reversed_phrase["groups"] == 0
    assert reversed_phrase["summary"].startswith("Nothing found")
    in_order = ask(tab, '"wartime operational control"')
    assert urlsplit(in_order["first"]["href"]).fragment == "p-3"


def test_a_word_one_letter_wrong_is_read_as_the_word_it_meant(tab, server):
    open_search(tab, server)
    answer = ask(tab, "Cheny")
    assert "for “Cheney”" in answer["summary"] and "“Cheny”" in answer["summary"]
    assert "Cheney" in answer["first"]["marks"]


def test_a_page_highlights_whole_words_only(tab, server):
    tab.goto(server + "about/?h=sea#editors-notes")
    tab.wait_for_function(MARK_ON_SCREEN, arg=[None, ["sea"]])  # after the heading opened
    assert tab.evaluate(EVERY_PAGE_MARK_WHOLE)
    searched = tab.evaluate(
        "() => [...document.querySelectorAll('article mark')].map((mark) => mark.textContent)"
    )
    assert searched and set(searched) == {"sea"}  # "searched", on the same page, is no match


@pytest.mark.parametrize("query", ["Lee Myung-bak", "Kang Chamberlin", "middle power"])
def test_on_a_phone_the_first_result_s_match_is_on_the_first_screen(browser, server, query):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto(server + "introduction/")
    tab.click("label.md-header__button[for=__search]")
    answer = ask(tab, query)
    mark = answer["first"]["firstMark"]
    scrolled = tab.evaluate("document.querySelector('.md-search__scrollwrap').scrollTop")
    context.close()
    assert mark is not None and mark["height"] > 0
    assert scrolled == 0 and 0 < mark["top"] and mark["bottom"] <= answer["innerHeight"]


def test_the_keyboard_works_as_in_the_theme(tab, server):
    open_search(tab, server)
    ask(tab, "FOTA")
    tab.keyboard.press("ArrowDown")  # the first group's heading
    tab.keyboard.press("ArrowDown")  # its best passage
    focused = tab.evaluate("document.activeElement.href")
    assert urlsplit(focused).fragment == "p-13"
    tab.keyboard.press("Escape")
    tab.wait_for_function("!document.getElementById('__search').checked")
    tab.click("input.md-search__input")
    ask(tab, "Rumsfeld")
    tab.keyboard.press("Enter")  # the best result
    tab.wait_for_function("location.hash === '#p-12'")
    tab.wait_for_function(MARK_ON_SCREEN, arg=["p-12", ["rumsfeld"]])


def test_a_search_can_be_shared_as_a_link(tab, server):
    tab.goto(server + "?q=OPCON")
    tab.wait_for_selector(".md-search-result__item")
    assert tab.input_value("input.md-search__input") == "OPCON"
