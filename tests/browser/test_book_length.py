"""Reading a book-length copy (each chapter 4 times as long) whose long pages lay out their
text as it nears the screen: nothing a reader does with the text is lost."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.browser.settled import wait_until_settled
from tests.browser.test_accessibility import AXE, TAGS, axe_on
from tests.browser.test_first_view import material_default_views, page_url
from tests.support.first_view import first_views
from tests.support.reading import NOTES_SHOWN

# axe measures a block whose layout the browser skipped by the box kept for it, and so
# reports colours of what only seems to overlap (axe-core issue 2768): the audit lays out
# every block, as a reader's screen has laid out the part they read.
LAY_OUT_EVERY_BLOCK = """() => {
  const styles = [...document.querySelectorAll("head style[media=screen]")]
    .filter(style => style.textContent.includes("content-visibility"))
  styles.forEach(style => style.remove())
  return styles.length
}"""


@pytest.mark.parametrize("scheme", ["dark"])  # where axe found what only seemed to overlap
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


def last_paragraph(book_site, path: str) -> tuple[str, str]:
    """The id and the closing words of the last paragraph of a page, as the build wrote it:
    on a long whole paper, the last of its later parts (still to be sent)."""
    soup = BeautifulSoup((book_site / path / "index.html").read_text(encoding="utf-8"), "lxml")
    later = soup.select("section.paper-part[data-later]")
    if later:
        address = later[-1]["data-later"].split("?")[0]  # parts/<name>.html?v=<its version>
        soup = BeautifulSoup((book_site / path / address).read_text(), "lxml")
    paragraph = soup.select("[id*='p-']")[-1]
    return paragraph["id"], " ".join(paragraph.get_text(" ").split()[-8:-2])


@pytest.mark.parametrize("path", ["paper/", "alliance-adaptation/"])
def test_the_last_paragraph_is_found_in_the_page(new_tab, book_site, book_server, path):
    _, words = last_paragraph(book_site, path)
    tab = new_tab({"viewport": {"width": 412, "height": 823}}, "")
    tab.goto(book_server + path)
    wait_until_settled(tab)
    tab.keyboard.press("Control+f")  # the reader asks the browser to find in the page
    assert tab.evaluate("words => window.find(words)", words)  # the browser's own search


@pytest.mark.parametrize("path", ["paper/", "alliance-adaptation/"])
def test_the_last_paragraph_s_permalink_lands_on_it(new_tab, book_site, book_server, path):
    paragraph_id, _ = last_paragraph(book_site, path)
    tab = new_tab({"viewport": {"width": 412, "height": 823}}, "")
    tab.goto(f"{book_server}{path}#{paragraph_id}")
    tab.wait_for_function(
        "id => { const p = document.getElementById(id); if (!p) return false;"
        " const r = p.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight }",
        arg=paragraph_id,
    )


def test_the_whole_paper_s_later_parts_come_as_the_reader_nears_them(new_tab, book_server):
    tab = new_tab({"viewport": {"width": 412, "height": 823}}, "")
    tab.goto(book_server + "paper/")
    wait_until_settled(tab)
    waiting = "() => document.querySelectorAll('section[data-later]').length"
    assert tab.evaluate(waiting) >= 2
    # reading on: each part is placed as the reader reaches its heading
    while name := tab.evaluate("() => document.querySelector('section[data-later]')?.dataset.part"):
        part = f"section[data-part='{name}']"
        tab.evaluate("part => document.querySelector(part + ' h2').scrollIntoView()", part)
        tab.wait_for_function(
            "part => !document.querySelector(part).hasAttribute('data-later')", arg=part
        )
    assert tab.locator(".later-part").count() == 0


def test_the_whole_paper_prints_its_later_parts(browser, book_site, book_server):
    _, words = last_paragraph(book_site, "paper/")
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(book_server + "paper/")
    tab.wait_for_load_state("load")
    printed = PdfReader(io.BytesIO(tab.pdf(format="A4")))  # the browser's print, to PDF
    context.close()
    pages = [" ".join(page.extract_text().split()) for page in reversed(printed.pages[-40:])]
    assert any(words in page for page in pages)


LONG_PAGES = ["paper/index.html", "alliance-adaptation/index.html", "index-of-terms/index.html"]


def test_a_long_page_s_first_view_is_no_heavier_than_with_material_s_defaults(
    browser, book_project, book_server, tmp_path
):
    defaults = material_default_views(browser, tmp_path, LONG_PAGES, docs=book_project / "docs")
    measured = first_views(browser, [page_url(book_server, path) for path in LONG_PAGES])
    views = {path: measured[page_url(book_server, path)].gzip_size for path in LONG_PAGES}
    assert set(defaults) == set(LONG_PAGES)
    heavier = {
        path: (views[path], defaults[path]) for path in LONG_PAGES if views[path] > defaults[path]
    }
    assert heavier == {}, f"gzip bytes (edition, Material's defaults): {heavier}"


def test_a_long_page_s_paragraph_numbers_are_shown_in_the_margin(new_tab, book_server):
    """A block laid out as it nears the screen is clipped to its box, but not its number."""
    tab = new_tab({"viewport": {"width": 1280, "height": 800}}, "")
    tab.goto(book_server + "alliance-adaptation/#p-3")
    wait_until_settled(tab)
    tab.hover("[id='p-3']")
    wait_until_settled(tab)
    shown = tab.evaluate(
        """() => {
          const number = document.querySelector("[id='p-3'] > .paragraph-link")
          const box = number.getBoundingClientRect()
          const there = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
          return [box.right <= number.parentElement.getBoundingClientRect().left,
                  number.contains(there)]
        }"""
    )
    assert shown == [True, True]  # in the margin, and what is painted (and hit) there
