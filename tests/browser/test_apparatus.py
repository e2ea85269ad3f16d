"""In Chromium: abbreviations expand on hover and on keyboard focus.

An index link lands on its paragraph.
"""

from __future__ import annotations

TOOLTIP = "#glossary-tooltip"


def test_hovering_an_abbreviation_shows_its_expansion(tab, server):
    tab.goto(server + "alliance-adaptation/")
    abbr = tab.locator("#p-3 abbr", has_text="OPCON").first
    abbr.hover()
    tooltip = tab.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == "wartime operational control"
    assert abbr.get_attribute("aria-describedby") == "glossary-tooltip"
    assert abbr.get_attribute("title") is None  # the browser's own tooltip stays closed
    tab.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")
    assert abbr.get_attribute("title") == "wartime operational control"
    assert abbr.get_attribute("aria-describedby") is None


def test_the_pointer_can_move_onto_the_expansion_without_closing_it(tab, server):
    tab.goto(server + "alliance-adaptation/")
    tab.locator("#p-3 abbr", has_text="OPCON").first.hover()
    tooltip = tab.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    box = tooltip.bounding_box()
    # In small steps, across the gap between the abbreviation and its expansion
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=10)
    assert tab.evaluate("document.getElementById('glossary-tooltip').matches(':hover')")
    assert tooltip.is_visible()


def test_focusing_an_abbreviation_by_keyboard_shows_its_expansion(tab, server):
    tab.goto(server + "alliance-adaptation/")
    tab.mouse.move(0, 0)
    # The paragraph's permalink is a tab stop before the paragraph's first new abbreviation.
    tab.focus("#p-3 > .paragraph-link")
    first = tab.locator("#p-3 abbr[tabindex='0']").first
    expansion = first.get_attribute("title")
    assert expansion == "East Asian Strategic Initiative"  # EASI, first used here
    for _ in range(5):  # the keyboard walks forward to the abbreviation
        tab.keyboard.press("Tab")
        if first.evaluate("element => element === document.activeElement"):
            break
    assert first.evaluate("element => element === document.activeElement")
    tooltip = tab.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert first.get_attribute("aria-describedby") == "glossary-tooltip"
    assert tooltip.inner_text().strip() == expansion
    tab.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")
    assert first.evaluate("element => element === document.activeElement")
    assert first.get_attribute("title") == expansion


def test_no_abbreviation_is_set_up_at_load(tab, server):
    tab.goto(server + "alliance-adaptation/")
    tab.wait_for_load_state("load")
    assert tab.locator(".md-typeset abbr[title]").count() >= 50
    assert tab.evaluate("document.getElementById('glossary-tooltip')") is None
    assert tab.locator("abbr[aria-describedby], abbr[data-title]").count() == 0
    features = tab.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    assert "content.tooltips" not in features  # the theme's tooltip for every title


# Mark the abbreviation of the article whose centre is nearest the right edge of the screen
RIGHTMOST_ABBREVIATION = """() => {
  const abbreviations = [...document.querySelectorAll("article abbr[title]")];
  const centre = abbr => {
    const box = abbr.getBoundingClientRect();
    return box.left + box.width / 2;
  };
  abbreviations.reduce((a, b) => (centre(b) > centre(a) ? b : a)).dataset.rightmost = "";
}"""


def test_an_expansion_at_the_edge_of_a_360_px_screen_stays_on_it(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(server + "alliance-adaptation/")
        tab.evaluate(RIGHTMOST_ABBREVIATION)
        abbr = tab.locator("article abbr[data-rightmost]")  # its title moves aside on hover
        abbr.hover()
        tooltip = tab.locator(TOOLTIP)
        tooltip.wait_for(state="visible")
        shown, under = tooltip.bounding_box(), abbr.bounding_box()
        # Centred on the abbreviation, the expansion would run past the right edge.
        assert under["x"] + under["width"] / 2 + shown["width"] / 2 > 360 - 8
        assert 8 <= shown["x"] and shown["x"] + shown["width"] <= 360 - 8
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()


def test_an_index_link_scrolls_to_its_paragraph(tab, server):
    tab.goto(server + "index-of-terms/")
    entry = tab.locator(
        ".index-of-terms li", has=tab.locator(".index-entry", has_text="Camp Humphreys")
    )
    entry.locator("a").first.click()
    tab.wait_for_url("**/alliance-adaptation/#p-15")
    tab.wait_for_function(
        """() => { const box = document.getElementById('p-15').getBoundingClientRect();
                   return box.top >= 0 && box.top < innerHeight }"""
    )
    assert "Camp Humphreys" in tab.locator("#p-15").inner_text()
    assert all(url.startswith(server) for url in tab.requests_made)
