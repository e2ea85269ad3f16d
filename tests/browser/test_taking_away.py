"""Reading in Chromium: dark and light schemes and a 360 px screen (printing: test_print.py)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from edition.steps.report_error import paragraph_issue
from tests.conftest import ISSUE_URL, PAPER_PAGES, SITE_URL
from tests.support.paper import SECTION_SLUGS

READING_PAGES = [*PAPER_PAGES, "paper/index.html", "about/index.html", "index.html"]


def scheme(tab) -> str:
    return tab.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_the_scheme_follows_the_system_and_the_toggle_switches_it(browser, server):
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    try:
        tab.goto(server + "introduction/")
        tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        dark_background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
        tab.locator("form[data-edition-palette] label:visible").first.click()
        tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
        assert tab.evaluate("getComputedStyle(document.body).backgroundColor") != dark_background
        tab.locator("form[data-edition-palette] label:visible").first.click()
        tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    finally:
        context.close()


# Records the scheme the body has when the article is first parsed, before any paint
SCHEME_WHEN_ARTICLE_PARSED = """
new MutationObserver((changes, observer) => {
  if (!document.querySelector("article")) return
  window.schemeWhenArticleParsed = document.body.getAttribute("data-md-color-scheme")
  observer.disconnect()
}).observe(document, { childList: true, subtree: true })
"""


def test_a_dark_system_gets_the_dark_scheme_before_the_text_is_painted(browser, server):
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    tab.add_init_script(SCHEME_WHEN_ARTICLE_PARSED)
    try:
        tab.goto(server + "alliance-adaptation/")
        assert tab.evaluate("window.schemeWhenArticleParsed") == "slate"
    finally:
        context.close()


def test_the_readers_choice_is_kept_on_the_next_page(browser, server):
    context = browser.new_context(color_scheme="light")
    tab = context.new_page()
    tab.add_init_script(SCHEME_WHEN_ARTICLE_PARSED)
    try:
        tab.goto(server + "introduction/")
        tab.locator("form[data-edition-palette] label:visible").first.click()
        tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        assert tab.get_attribute("meta[name=color-scheme]", "content") == "dark"
        tab.goto(server + "glossary/")
        assert tab.evaluate("window.schemeWhenArticleParsed") == "slate"
        assert (
            tab.locator("form[data-edition-palette] label:visible").get_attribute("title")
            == "Switch to light mode"
        )
    finally:
        context.close()


def test_a_light_system_gets_the_light_scheme(browser, server):
    context = browser.new_context(color_scheme="light")
    tab = context.new_page()
    try:
        tab.goto(server + "introduction/")
        tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    finally:
        context.close()


@pytest.mark.parametrize("path", READING_PAGES)
def test_a_360_px_screen_never_scrolls_sideways(browser, server, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(server + path)
        tab.wait_for_selector("article")
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    finally:
        context.close()


# Reporting an error in a paragraph: the address is made when the reader reaches the link


@pytest.mark.parametrize("slug", SECTION_SLUGS)
def test_a_paragraph_s_report_link_opens_an_issue_naming_the_paragraph(new_tab, slug):
    tab = new_tab({"viewport": {"width": 1280, "height": 800}}, f"{slug}/")
    tab.wait_for_function("document.readyState === 'complete'")
    page_link = tab.locator("a#report-error")
    section = page_link.get_attribute("data-report-section")
    address = page_link.get_attribute("data-report-address")
    numbers = tab.eval_on_selector_all(
        "article [id^='p-'] > a.report-error",
        "links => links.map(a => a.parentElement.id.slice(2))",
    )
    assert numbers
    for number in [numbers[0], numbers[len(numbers) // 2], numbers[-1]]:
        link = tab.locator(f"[id='p-{number}'] > a.report-error")
        assert link.get_attribute("href") == "#report-error"  # until the reader reaches it
        link.focus()  # by keyboard; by pointer in the next test
        expected = paragraph_issue(
            ISSUE_URL, section=section, paragraph=int(number), address=f"{address}#p-{number}"
        )
        assert link.get_attribute("href") == expected  # the characters Python would write
    assert section and address.startswith(SITE_URL)


def test_a_report_link_pointed_at_is_ready_before_it_is_followed(new_tab):
    tab = new_tab({"viewport": {"width": 1280, "height": 800}}, "introduction/")
    tab.wait_for_function("document.readyState === 'complete'")
    paragraph = tab.locator("[id='p-3']")
    paragraph.hover()  # the link shows on the paragraph's hover
    link = paragraph.locator("> a.report-error")
    link.hover()
    href = link.get_attribute("href")
    query = parse_qs(urlsplit(href).query)
    assert href.startswith(ISSUE_URL + "?")
    assert query["title"] == ["Error in “Introduction”, ¶ 3"]
    assert f"Address: {SITE_URL}introduction/#p-3" in query["body"][0]
