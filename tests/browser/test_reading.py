"""What a reader of the paper meets in Chromium: search, permalinks, offline (notes: test_notes)."""

from __future__ import annotations

import re

import pytest

HEADER_HEIGHT = 48  # Material's header, in CSS pixels


def search(tab, server: str, query: str):
    tab.goto(server + "introduction/")
    tab.click("input.md-search__input")
    tab.fill("input.md-search__input", query)
    tab.wait_for_selector(".md-search-result__item")
    return tab.locator(".md-search-result__item a")


ON_SCREEN = """selector => [...document.querySelectorAll(selector)].some(element => {
    const box = element.getBoundingClientRect()
    return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight
})"""


def wait_until_on_screen(tab, selector: str) -> None:
    tab.wait_for_function(ON_SCREEN, arg=selector)


@pytest.mark.parametrize("term", ["OPCON", "FOTA"])
def test_following_the_first_result_leaves_the_term_on_screen(tab, server, term):
    results = search(tab, server, term)
    assert re.search(r"\?h=\w+#(p-\d+|fn:\d+)$", results.first.get_attribute("href"))
    results.first.click()
    wait_until_on_screen(tab, "article mark")
    assert any(
        term.casefold() in text.casefold() for text in tab.locator("article mark").all_inner_texts()
    )


def test_a_paragraph_result_opens_its_paragraph(tab, server):
    results = search(tab, server, "OPCON")
    paragraph = results.filter(has_text="¶").first
    href = paragraph.get_attribute("href")
    assert re.search(r"\?h=opcon#p-\d+$", href)
    paragraph.click()
    anchor = href.split("#")[1]
    tab.wait_for_function(f"() => location.hash === '#{anchor}'")
    wait_until_on_screen(tab, f"[id='{anchor}'] mark")


@pytest.mark.parametrize(
    "query",
    [
        "OPCON",
        "FOTA",
        "EASI",
        "USFK",
        "SOFA",
        "Lee Myung-bak",
        "Roh Moo-hyun",
        "U.S.-ROK",
        "386",
        "Myung-bak",
    ],
)
def test_acronyms_names_and_numbers_are_found(tab, server, query):
    results = search(tab, server, query)
    words = query.replace("-", " ").split()
    texts = results.all_inner_texts()
    assert texts
    assert any(
        all(word.rstrip(".").casefold() in text.casefold() for word in words) for text in texts
    )


def test_a_search_can_be_shared_as_a_link(tab, server):
    tab.goto(server + "?q=OPCON")
    tab.wait_for_selector(".md-search-result__item")
    assert tab.input_value("input.md-search__input") == "OPCON"


def test_a_paragraph_permalink_loaded_fresh_shows_that_paragraph_at_the_top(tab, server):
    tab.goto(server + "alliance-adaptation/#p-7")
    tab.wait_for_function("() => document.getElementById('p-7').getBoundingClientRect().top < 120")
    top = tab.evaluate("document.getElementById('p-7').getBoundingClientRect().top")
    assert HEADER_HEIGHT <= top < 120
    assert tab.evaluate("document.querySelector(':target').id") == "p-7"
    background = tab.evaluate("getComputedStyle(document.getElementById('p-7')).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"


def test_the_permalink_control_shows_on_hover_and_on_focus(tab, server):
    tab.goto(server + "introduction/")
    link = tab.locator("#p-2 > a.paragraph-link")
    assert link.evaluate("a => getComputedStyle(a).opacity") == "0"
    tab.locator("#p-2").hover()
    tab.wait_for_function(
        "() => getComputedStyle(document.querySelector('#p-2 > a.paragraph-link')).opacity === '1'"
    )
    tab.mouse.move(0, 0)
    link.focus()
    tab.wait_for_function(
        "() => getComputedStyle(document.querySelector('#p-2 > a.paragraph-link')).opacity === '1'"
    )


def test_every_page_loads_without_a_request_outside_the_site(tab, server, html_pages):
    for path in html_pages:
        tab.goto(server + path)
        tab.wait_for_load_state("load")
    outside = [
        url
        for url in tab.requests_made
        if not url.startswith(server) and not url.startswith(("data:", "blob:"))
    ]
    assert outside == []
    assert len(tab.requests_made) > len(html_pages)
