"""Reading a book-length copy (each chapter 16 times as long) whose long pages lay out their
text as it nears the screen: nothing a reader does with the text is lost."""

from __future__ import annotations

import pytest

from tests.browser.settled import wait_until_settled
from tests.browser.test_accessibility import AXE, SCHEMES, TAGS, axe_on
from tests.support.reading import NOTES_SHOWN

LAST_WORDS = "() => [...document.querySelectorAll(\"article [id*='p-']\")].at(-1).textContent"


# axe measures a block whose layout the browser skipped by the box kept for it, and so
# reports colours of what only seems to overlap (axe-core issue 2768): the audit lays out
# every block, as a reader's screen has laid out the part they read.
LAY_OUT_EVERY_BLOCK = """() => {
  const styles = [...document.querySelectorAll("head style[media=screen]")]
    .filter(style => style.textContent.includes("content-visibility"))
  styles.forEach(style => style.remove())
  return styles.length
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_long_page_has_no_axe_violation(browser, book_server, scheme):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make setup` (npm ci)")
    context = browser.new_context(color_scheme=scheme, viewport={"width": 412, "height": 823})
    tab = context.new_page()
    # The longest section, its notes and editor's notes: the rest of each page is as short
    # as the paper's, which tests/browser/test_accessibility.py audits whole.
    tab.goto(book_server + "alliance-adaptation/")
    tab.wait_for_function(NOTES_SHOWN)
    assert tab.evaluate(LAY_OUT_EVERY_BLOCK) == 1
    violations = axe_on(tab, ["article"], TAGS[scheme])
    context.close()
    assert violations == []


@pytest.mark.parametrize("path", ["paper/", "alliance-adaptation/"])
def test_the_last_paragraph_is_found_in_the_page_and_reached_by_its_permalink(
    new_tab, book_server, path
):
    tab = new_tab({"viewport": {"width": 412, "height": 823}}, "")
    tab.goto(book_server + path)
    wait_until_settled(tab)
    last = tab.evaluate(LAST_WORDS)
    words = " ".join(last.split()[-8:-2])
    # Find in page (the browser's own search), which reads text not yet laid out
    assert tab.evaluate("words => window.find(words)", words)
    paragraph_id = tab.evaluate(
        "() => [...document.querySelectorAll(\"article [id*='p-']\")].at(-1).id"
    )
    tab.goto(f"{book_server}{path}#{paragraph_id}")
    target = tab.locator(f"[id='{paragraph_id}']")
    tab.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight }",
        arg=paragraph_id,
    )
    assert target.is_visible()
