"""What a reader meets in Chromium: permalinks, offline (search, notes: test_search, test_notes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.first_view import QuietHandler, served

HEADER_HEIGHT = 48  # Material's header, in CSS pixels


ON_SCREEN = """selector => [...document.querySelectorAll(selector)].some(element => {
    const box = element.getBoundingClientRect()
    return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight
})"""


def wait_until_on_screen(tab, selector: str) -> None:
    tab.wait_for_function(ON_SCREEN, arg=selector)


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


# -- Picking up where one left off ------------------------------------------------------

PLACE_KEY = "edition.reading-place:/alliance-adaptation/"


def read_down_to(tab, paragraph: str) -> None:
    """Scroll as a reader does, until the paragraph is the first one below the header."""
    tab.evaluate(
        f"window.scrollBy(0, document.getElementById({paragraph!r}).getBoundingClientRect().top"
        f" - {HEADER_HEIGHT + 10})"
    )


def remembered_paragraph(tab) -> int | None:
    place = tab.evaluate(f"localStorage.getItem({PLACE_KEY!r})")
    return json.loads(place)["paragraph"] if place else None


def test_a_section_remembers_the_paragraph_read_and_offers_it_without_moving(tab, server):
    tab.goto(server + "alliance-adaptation/")
    assert tab.locator(".reading-place").count() == 0  # a first visit: nothing to go back to
    read_down_to(tab, "p-12")
    tab.wait_for_function(
        f"() => JSON.parse(localStorage.getItem({PLACE_KEY!r}))?.paragraph === 12"
    )

    tab.goto(server + "introduction/")
    tab.goto(server + "alliance-adaptation/")
    offer = tab.locator(".reading-place")
    offer.wait_for(state="visible")
    assert offer.get_attribute("role") == "region"
    assert offer.inner_text().startswith("You were reading ¶ 12: “")
    assert tab.evaluate("scrollY") == 0  # never a jump the reader did not ask for
    box = offer.bounding_box()
    assert box["y"] + box["height"] <= 800 and box["x"] >= 0 and box["x"] + box["width"] <= 1280
    assert remembered_paragraph(tab) == 12  # looking is not reading: the place is kept

    tab.click("text=Go to ¶ 12")
    tab.wait_for_function("location.hash === '#p-12'")
    wait_until_on_screen(tab, "#p-12")
    assert HEADER_HEIGHT <= tab.evaluate(
        "document.getElementById('p-12').getBoundingClientRect().top"
    )
    assert offer.count() == 0


def test_the_offer_can_be_declined_and_an_address_with_a_place_gets_none(tab, server):
    tab.add_init_script(
        f"localStorage.setItem({PLACE_KEY!r}, JSON.stringify({{paragraph: 9, saved: 0}}))"
    )
    tab.goto(server + "alliance-adaptation/")
    tab.locator(".reading-place").wait_for(state="visible")
    # Right after the title in the keyboard's order
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")  # the skip link, to the title
    tab.keyboard.press("Tab")  # the title's permalink
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Go to ¶ 9"
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")  # Not now
    tab.locator(".reading-place").wait_for(state="detached")
    assert tab.evaluate("location.hash") == "#alliance-adaptation"

    for address in ["alliance-adaptation/#p-3", "alliance-adaptation/?h=opcon"]:
        tab.goto(server + address)
        tab.wait_for_selector("article[data-notes]", state="attached")
        assert tab.locator(".reading-place").count() == 0, address


def test_the_place_is_kept_in_the_browser_only(tab, server, site):
    sent = []
    tab.on("request", lambda request: sent.append((request.method, request.url)))
    tab.goto(server + "alliance-adaptation/")
    read_down_to(tab, "p-15")
    tab.wait_for_function(
        f"() => JSON.parse(localStorage.getItem({PLACE_KEY!r}))?.paragraph === 15"
    )
    tab.goto(server + "alliance-adaptation/")
    tab.locator(".reading-place").wait_for(state="visible")
    # Only the site's own files were asked for, as they are: nothing carried the place
    for method, url in sent:
        path = url.removeprefix(server).split("#")[0]
        assert method == "GET" and url.startswith(server) and "?" not in url, url
        assert (site / path).is_file() or (site / path / "index.html").is_file(), url


# -- A useful 404 -------------------------------------------------------------------------


# The layout shifts that moved the page's content, added up as the browser reports them from
# the first paint (the header's own, as the theme's script sets it up, are not the page's)
LAYOUT_SHIFTS = """window.layoutShifts = 0;
new PerformanceObserver(list => {
  for (const shift of list.getEntries()) {
    const moved = shift.sources.filter(({node, previousRect: was, currentRect: is}) => node
      && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).closest('article')
      && (was.x !== is.x || was.y !== is.y));
    if (moved.length) window.layoutShifts += shift.value;
  }
}).observe({type: 'layout-shift', buffered: true});"""


class NotFoundHandler(QuietHandler):
    """Serve the site as a host does: its 404.html for any address it does not have."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("address", ["no-such-page/", "a/b/c/no-such-page.html"])
def test_a_missing_address_at_any_depth_gets_a_404_page_that_leads_on(tab, site, address):
    tab.add_init_script(LAYOUT_SHIFTS)
    with served(site, NotFoundHandler) as base:
        response = tab.goto(base + address)
        assert response.status == 404
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
            "sticky",
            "fixed",
        )  # the theme's style sheet, found from the root
        assert tab.inner_text(".not-found__address code") == base + address
        shifts = tab.evaluate("window.layoutShifts")
        assert shifts == 0  # the address is written into the room kept for it
        sections = tab.locator(".not-found__sections a")
        assert sections.count() == 4
        assert tab.locator(".not-found a", has_text="The whole paper").count() == 1
        failed = [url for url in tab.requests_made if "/assets/" in url and url.count("/a/b/")]
        assert failed == []
        sections.nth(1).click()
        tab.wait_for_url(base + "alliance-adaptation/")
        tab.go_back()
        tab.fill("#not-found-query", "OPCON")
        tab.press("#not-found-query", "Enter")
        tab.wait_for_url(base + "?q=OPCON")
        tab.wait_for_selector(".md-search-result__item")
