"""What a reader meets in Chromium: note previews, permalinks, offline (search: test_search.py)."""

from __future__ import annotations

import re

import pytest

HEADER_HEIGHT = 48  # Material's header, in CSS pixels


ON_SCREEN = """selector => [...document.querySelectorAll(selector)].some(element => {
    const box = element.getBoundingClientRect()
    return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight
})"""


def wait_until_on_screen(tab, selector: str) -> None:
    tab.wait_for_function(ON_SCREEN, arg=selector)


def test_a_note_preview_opens_on_hover_and_on_focus(tab, server):
    tab.goto(server + "alliance-adaptation/")
    marker = tab.locator("a.footnote-ref[href='#fn:14']")
    marker.hover()
    tooltip = tab.locator(".md-tooltip2--active, .md-tooltip2")
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip2')].some(t => "
        "t.textContent.includes('Flanagan') && getComputedStyle(t).visibility !== 'hidden')"
    )
    tab.mouse.move(0, 0)
    tab.goto(server + "alliance-adaptation/")
    tab.locator("a.footnote-ref[href='#fn:14']").focus()
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip2')].some(t => "
        "t.textContent.includes('Flanagan') && getComputedStyle(t).visibility !== 'hidden')"
    )
    assert tooltip.count() >= 1


def test_the_note_preview_shows_the_papers_number(tab, server):
    tab.goto(server + "alliance-adaptation/")
    marker = tab.locator("a.footnote-ref[href='#fn:14']")
    assert marker.inner_text() == "14"
    assert tab.evaluate("document.getElementById('fn:14').value") == 14
    marker.hover()
    preview = tab.locator(".md-tooltip2[role=dialog]", has_text="Flanagan")
    preview.wait_for()
    assert preview.inner_text().startswith("14. Stephen J. Flanagan")


def test_a_paragraph_permalink_loaded_fresh_shows_that_paragraph_at_the_top(tab, server):
    tab.goto(server + "alliance-adaptation/#p-7")
    tab.wait_for_function("() => document.getElementById('p-7').getBoundingClientRect().top < 120")
    top = tab.evaluate("document.getElementById('p-7').getBoundingClientRect().top")
    assert HEADER_HEIGHT <= top < 120
    assert tab.evaluate("document.querySelector(':target').id") == "p-7"
    background = tab.evaluate("getComputedStyle(document.getElementById('p-7')).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"


PILCROW = "getComputedStyle(document.querySelector('#p-2 > a.paragraph-link'), '::before')"


def test_the_permalink_s_pilcrow_shows_on_hover_and_on_focus(tab, server):
    tab.goto(server + "introduction/")
    link = tab.locator("#p-2 > a.paragraph-link")
    assert link.evaluate("a => getComputedStyle(a).opacity") == "1"  # the number: always
    assert tab.evaluate(f"{PILCROW}.content") == '"¶\u00a0"'
    assert tab.evaluate(f"{PILCROW}.opacity") == "0"
    tab.locator("#p-2").hover()
    tab.wait_for_function(f"() => {PILCROW}.opacity === '1'")
    tab.mouse.move(0, 0)
    tab.wait_for_function(f"() => {PILCROW}.opacity === '0'")
    link.focus()
    tab.wait_for_function(f"() => {PILCROW}.opacity === '1'")


# Each paragraph's number as a reader sees it: its link's text, on screen, left of the text
NUMBERS = """() => [...document.querySelectorAll(
    'article :is([id^="p-"], [id*="-p-"]) > a.paragraph-link')].map(link => {
  const paragraph = link.parentElement
  const number = link.getBoundingClientRect()
  const text = paragraph.getBoundingClientRect()
  const style = getComputedStyle(link)
  return {
    id: paragraph.id, text: link.textContent, href: link.getAttribute("href"),
    shown: style.opacity === "1" && style.visibility === "visible" && number.width > 0,
    left: number.left, right: number.right, textLeft: text.left,
    top: number.top, textTop: text.top, viewport: innerWidth,
  }
})"""


@pytest.mark.parametrize(
    "path", ["alliance-adaptation/", "mutually-beneficial-rationale/", "paper/"]
)
def test_each_paragraph_s_number_is_shown_in_the_margin_and_is_its_permalink(tab, server, path):
    tab.goto(server + path)
    numbers = tab.evaluate(NUMBERS)
    assert len(numbers) > 10
    for number in numbers:
        n = re.search(r"p-(\d+)$", number["id"]).group(1)
        assert number["text"] == n, number
        assert number["href"].endswith(f"#p-{n}"), number  # the permalink of ¶ n
        assert number["shown"], number
        assert 0 <= number["left"] and number["right"] <= number["textLeft"], number  # margin
        assert abs(number["top"] - number["textTop"]) < 12, number  # on the first line


def test_on_a_phone_each_number_opens_its_paragraph_on_screen(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(server + "mutually-beneficial-rationale/")
        numbers = tab.evaluate(NUMBERS)
        assert numbers and all(number["shown"] for number in numbers)
        assert all(0 <= number["left"] < number["right"] <= 360 for number in numbers)
    finally:
        context.close()


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
