"""In Chromium: abbreviations expand on hover and on keyboard focus; an index link lands on its paragraph."""
from __future__ import annotations

TOOLTIP = ".md-tooltip2--active[role='tooltip']"


def test_hovering_an_abbreviation_shows_its_expansion(tab, server):
    tab.goto(server + "alliance-adaptation/")
    abbr = tab.locator("#p-3 abbr", has_text="OPCON").first
    abbr.hover()
    tooltip = tab.locator(TOOLTIP)
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == "wartime operational control"
    assert abbr.get_attribute("aria-describedby") == tooltip.get_attribute("id")


def test_focusing_an_abbreviation_by_keyboard_shows_its_expansion(tab, server):
    tab.goto(server + "alliance-adaptation/")
    tab.mouse.move(0, 0)
    # The paragraph's permalink is the tab stop before the first abbreviation of the paragraph.
    tab.focus("#p-7 > .paragraph-link")
    first = tab.locator("#p-7 abbr").first
    for _ in range(5):  # the keyboard walks forward to the abbreviation
        tab.keyboard.press("Tab")
        if first.evaluate("element => element === document.activeElement"):
            break
    assert first.evaluate("element => element === document.activeElement")
    tooltip = tab.locator(TOOLTIP)
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == first.evaluate(
        "element => element.getAttribute('aria-describedby') && "
        "document.getElementById(element.getAttribute('aria-describedby')).innerText"
    ).strip()
    assert tooltip.inner_text().strip() == "United States Forces Korea"


def test_an_index_link_scrolls_to_its_paragraph(tab, server):
    tab.goto(server + "index-of-terms/")
    entry = tab.locator(".index-of-terms li", has=tab.locator(".index-entry", has_text="Camp Humphreys"))
    entry.locator("a").first.click()
    tab.wait_for_url("**/alliance-adaptation/#p-15")
    tab.wait_for_function(
        """() => { const box = document.getElementById('p-15').getBoundingClientRect();
                   return box.top >= 0 && box.top < innerHeight }"""
    )
    assert "Camp Humphreys" in tab.locator("#p-15").inner_text()
    assert all(url.startswith(server) for url in tab.requests_made)
