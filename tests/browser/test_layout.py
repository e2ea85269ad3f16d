"""The layout a reader sees, on a laptop, a phone and in the dark, measured in the page.

Each test compares what Chromium laid out (boxes, positions, overlaps, sizes,
colours) with what the reader needs, and saves a screenshot of what it
measured to test-results/screenshots/, for a person to look at; no test
compares pixels, which change with every font and version of the browser.
"""

from __future__ import annotations

import pytest

from tests.conftest import PAPER_PAGES, ROOT
from tests.support.reading import NOTES_SHOWN

SCREENSHOTS = ROOT / "test-results" / "screenshots"
HEADER = 48  # Material's header, in CSS pixels
LAPTOP = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"}
DARK = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
    "color_scheme": "light",
}
SMALL_PHONE = {**PHONE, "viewport": {"width": 360, "height": 740}}
DEVICES = {"laptop": LAPTOP, "phone": PHONE, "dark": DARK}

# Characters per line of the text's paragraphs, the last line of each left out
LINE_LENGTHS = """() => {
  const lengths = [];
  for (const paragraph of document.querySelectorAll("article p[id^='p-']")) {
    const lines = new Map();
    const range = document.createRange();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement.closest('.edition-added, sup')) continue;
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (box) lines.set(Math.round(box.bottom), (lines.get(Math.round(box.bottom)) || 0) + 1);
      }
    }
    lengths.push(...[...lines.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]).slice(0, -1));
  }
  return lengths.sort((a, b) => a - b);
}"""

# Every visible run of text in the notes and in what the edition adds: its size, and its
# contrast with the background it is painted on (WCAG's relative luminance).
TEXT_STYLES = """(selector) => {
  const rgba = value => {
    const [r, g, b, a = 1] = value.match(/[\\d.]+/g).map(Number);
    return {r, g, b, a};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
  });
  const background = element => {
    const layers = [];
    for (let at = element; at; at = at.parentElement) {
      const colour = rgba(getComputedStyle(at).backgroundColor);
      if (colour.a > 0) layers.push(colour);
      if (colour.a === 1) break;
    }
    const white = {r: 255, g: 255, b: 255, a: 1};
    return layers.reverse().reduce((below, layer) => over(layer, below), white);
  };
  const luminance = ({r, g, b}) => {
    const channel = c => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const runs = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, element = node.parentElement;
      if (!node.textContent.trim() || !element.checkVisibility({opacityProperty: true})) continue;
      if (element.closest('sup, .headerlink, .paragraph-link')) continue;  // markers, permalinks
      const style = getComputedStyle(element);
      const ground = background(element);
      const text = over(rgba(style.color), ground);
      const [light, dark] = [luminance(text), luminance(ground)].sort((a, b) => b - a);
      runs.push({text: node.textContent.trim().slice(0, 40), size: parseFloat(style.fontSize),
                 contrast: (light + 0.05) / (dark + 0.05)});
    }
  }
  return runs;
}"""


@pytest.fixture
def open_tab(new_tab):
    """open_tab(options, path): a page of the site, laid out, its notes where they stand."""

    def open_(options: dict, path: str):
        tab = new_tab(options, path)
        tab.wait_for_selector("article")
        tab.wait_for_function(NOTES_SHOWN)
        return tab

    return open_


def screenshot(tab, name: str, **options) -> None:
    """Keep what the test measured, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), **options)


def slug(path: str) -> str:
    return path.removesuffix("/index.html").removesuffix("index.html") or "home"


def test_at_1280_px_the_text_runs_60_to_75_characters_a_line(open_tab):
    for path in PAPER_PAGES:
        tab = open_tab(LAPTOP, path)
        lengths = tab.evaluate(LINE_LENGTHS)
        assert len(lengths) > 40, path
        median = lengths[len(lengths) // 2]
        share_in_range = sum(60 <= n <= 75 for n in lengths) / len(lengths)
        assert 60 <= median <= 75, (path, median)
        assert share_in_range >= 0.85, (path, share_in_range)  # a line with a long word is shorter
        assert lengths[-1] <= 78, (path, lengths[-1])
        screenshot(tab, f"laptop-{slug(path)}")


@pytest.mark.parametrize("device", DEVICES)
def test_a_section_opens_with_its_number_the_author_and_the_date(open_tab, device):
    tab = open_tab(DEVICES[device], "alliance-adaptation/")
    header = tab.locator(".section-header")
    title = tab.locator("article h1")
    box, heading = header.bounding_box(), title.bounding_box()
    assert HEADER <= box["y"] and box["y"] + box["height"] <= heading["y"]  # above the title
    assert heading["y"] + heading["height"] < DEVICES[device]["viewport"]["height"]
    place = " ".join(tab.inner_text(".section-header__place").split())
    assert place.casefold() == "section 2 of 4 of strengthening the u.s.-rok alliance"
    assert tab.inner_text(".section-header__byline") == "Scott Snyder · February 2009"
    screenshot(tab, f"{device}-section-header")


@pytest.mark.parametrize("device", DEVICES)
def test_notes_and_the_edition_s_additions_are_14_px_and_4_5_to_1_at_least(open_tab, device):
    tab = open_tab(DEVICES[device], "alliance-adaptation/")
    if device == "phone":  # a note's preview open
        tab.locator("a.footnote-ref[href='#fn:9']").tap()
        tab.wait_for_selector(".note-preview")
    parts = ".footnote, .margin-notes, .note-preview, .edition-added, .cite-this"
    runs = tab.evaluate(TEXT_STYLES, parts)
    assert len(runs) > 100
    assert [run for run in runs if run["size"] < 14] == []
    assert [run for run in runs if run["contrast"] < 4.5] == []
    if device == "phone":
        screenshot(tab, "phone-note-preview")
    else:
        tab.locator(".margin-note[data-note='14']").scroll_into_view_if_needed()
        screenshot(tab, f"{device}-margin-notes")


# The height of the Cite this block with, in each set of tabs, its tallest form shown
CITE_THIS_HEIGHTS = """() => {
  const block = document.querySelector('.cite-this');
  const sets = [...block.querySelectorAll('.tabbed-set')];
  const heights = [];
  const radios = set => [...set.querySelectorAll(':scope > input')];
  const count = Math.max(...sets.map(set => radios(set).length));
  for (let i = 0; i < count; i++) {
    for (const set of sets) radios(set)[Math.min(i, radios(set).length - 1)].click();
    heights.push(block.getBoundingClientRect().height);
  }
  for (const set of sets) radios(set)[0].click();
  return heights;
}"""


@pytest.mark.parametrize("device", ["laptop", "phone"])
def test_cite_this_takes_one_screen(open_tab, page, device):
    # The paper's block, and a section's with the longest title (its citations the longest)
    longest = max(PAPER_PAGES, key=lambda path: len(page(path).select_one("article h1").text))
    for path in ["index.html", longest]:
        tab = open_tab(DEVICES[device], path)
        heights = tab.evaluate(CITE_THIS_HEIGHTS)
        room = DEVICES[device]["viewport"]["height"] - HEADER
        assert max(heights) <= room, (path, heights)
    tab.locator(".cite-this").scroll_into_view_if_needed()
    tab.evaluate("document.querySelector('.cite-this').scrollIntoView()")
    screenshot(tab, f"{device}-cite-this")


# Boxes of each paragraph's ¶ and ✎ controls
PARAGRAPH_CONTROLS = """() => [...document.querySelectorAll(
    "article :is([id^='p-'], [id*='-p-']) > :is(.paragraph-link, .report-error)")].map(control => {
  const box = control.getBoundingClientRect();
  return {id: control.parentElement.id, kind: control.className, left: box.left,
          right: box.right, width: box.width, height: box.height,
          opacity: getComputedStyle(control).opacity};
})"""

# Whether the open ¶ menu covers any of its paragraph's words
MENU_OVER_TEXT = """(id) => {
  const paragraph = document.getElementById(id);
  const menu = paragraph.querySelector('.paragraph-cite').getBoundingClientRect();
  const range = document.createRange();
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const covered = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('.paragraph-cite') || !node.textContent.trim()) continue;
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (box.right > menu.left && box.left < menu.right && box.bottom > menu.top
          && box.top < menu.bottom) covered.push(node.textContent.slice(0, 30));
    }
  }
  return {menu: {left: menu.left, right: menu.right}, covered};
}"""


def test_the_paragraph_control_and_its_menu_are_wholly_on_a_360_px_screen(open_tab):
    for path in [
        "alliance-adaptation/index.html",
        "mutually-beneficial-rationale/index.html",
        "paper/index.html",  # its ¶ leads to the paragraph on its section's page
    ]:
        tab = open_tab(SMALL_PHONE, path)
        controls = tab.evaluate(PARAGRAPH_CONTROLS)
        assert len(controls) > 20
        for control in controls:
            assert 0 <= control["left"] and control["right"] <= 360, (path, control)
            assert control["width"] >= 24 and control["height"] >= 24, (path, control)
            assert control["opacity"] == "1", (path, control)  # nothing to hover on a phone
        if path == "paper/index.html":
            continue
        # A paragraph, and an item of the lettered list
        for paragraph in ["p-3", tab.evaluate("document.querySelector('article li[id^=p-]')?.id")]:
            if paragraph is None:
                continue
            tab.locator(f"#{paragraph} > a.paragraph-link").tap()
            tab.wait_for_selector(f"#{paragraph} .paragraph-cite")
            found = tab.evaluate(MENU_OVER_TEXT, paragraph)
            assert 0 <= found["menu"]["left"] and found["menu"]["right"] <= 360, (path, found)
            assert found["covered"] == [], (path, found)
            screenshot(tab, f"phone-360-paragraph-menu-{slug(path)}-{paragraph}")
        if path.startswith("mutually"):
            assert tab.locator("article li[id^='p-'] .paragraph-cite").count() == 1


def test_returning_from_a_note_leaves_its_marker_s_line_in_view(open_tab):
    for device in ["laptop", "phone"]:
        tab = open_tab(DEVICES[device], "alliance-adaptation/#fn:14")
        tab.click("#fn\\:14 a.footnote-backref")
        tab.wait_for_function("location.hash === '#fnref:14'")
        line = tab.evaluate(
            """() => {
                const sup = document.getElementById('fnref:14');
                const range = document.createRange();
                range.selectNode(sup.previousSibling);
                const rects = [...range.getClientRects()];
                const last = rects[rects.length - 1];
                return {top: Math.min(last.top, sup.getBoundingClientRect().top),
                        bottom: last.bottom, height: innerHeight};
            }"""
        )
        assert HEADER + 4 <= line["top"] and line["bottom"] <= line["height"], (device, line)
        screenshot(tab, f"{device}-back-from-a-note")
