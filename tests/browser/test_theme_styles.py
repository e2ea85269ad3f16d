"""The theme's style sheets as sent (cut by edition/steps/theme_styles.py) leave out only rules
that no element can match: the browser's own parser reads the theme's whole sheets and the cut
ones, and no selector the cut left out matches an element of any page (the selector stripped of
its pseudo-classes and pseudo-elements, so that what it would match on hover, on focus or when
checked counts too): every page on a laptop in light, a page of each layout on a phone in dark,
and the search results open.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from tests.browser.settled import wait_until_settled
from tests.support.search import ask

THEME_SHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
CUT = re.compile(r"/assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css$")
# The selectors of `whole` that `cut` does not have and that match an element of the page
LEFT_OUT_AND_MATCHING = r"""([whole, cut]) => {
  const selectors = (text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const found = [];
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule.selectorText !== undefined) {
          let depth = 0, start = 0;
          const list = rule.selectorText;
          for (let i = 0; i <= list.length; i++) {
            const c = list[i];
            if (c === '(') depth++;
            else if (c === ')') depth--;
            else if ((c === ',' && depth === 0) || c === undefined) {
              found.push(list.slice(start, i).trim());
              start = i + 1;
            }
          }
        }
        if (rule.cssRules) walk(rule.cssRules);
      }
    };
    walk(sheet.cssRules);
    return found;
  };
  const kept = new Set(selectors(cut));
  const bare = (selector) => {
    let before;
    do {
      before = selector;
      selector = selector.replace(/::?[\w-]+\([^()]*\)/g, '');
    } while (selector !== before);
    selector = selector.replace(/::?[\w-]+/g, '').trim();
    if (/^[>+~]/.test(selector)) selector = '* ' + selector;  // it began with a pseudo-class
    return /(^|[\s>+~])$/.test(selector) ? selector + '*' : selector;
  };
  const left = selectors(whole).filter((selector) => !kept.has(selector));
  return [left.length, left.filter((selector) => {
    try { return document.querySelector(bare(selector)) !== null; } catch { return true; }
  })];
}"""
VIEWS = {
    "laptop, light": ({"width": 1280, "height": 800}, "light"),
    "phone, dark": ({"width": 390, "height": 844}, "dark"),
}


def whole_sheet(kind: str) -> str:
    (sheet,) = THEME_SHEETS.glob(f"{kind}.*.min.css")
    return sheet.read_text(encoding="utf-8")


def left_out_and_matching(browser, site, url: str, view: str, query: str | None = None):
    """(how many selectors the cut left out, those of them that match an element of the page)."""
    viewport, scheme = VIEWS[view]
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    tab = context.new_page()
    try:
        tab.goto(url)
        if query:
            tab.click("input.md-search__input")
            ask(tab, query)
        wait_until_settled(tab)
        counted, matching = 0, []
        for kind in ("main", "palette"):
            (cut,) = (site / "assets" / "stylesheets").glob(f"{kind}.*.min.css")
            found = tab.evaluate(
                LEFT_OUT_AND_MATCHING, [whole_sheet(kind), cut.read_text(encoding="utf-8")]
            )
            counted += found[0]
            matching += found[1]
        return counted, matching
    finally:
        context.close()


def test_the_cut_sheets_leave_out_rules_and_are_what_pages_link(site, page, html_pages):
    folder = site / "assets" / "stylesheets"
    names = sorted(path.name for path in folder.glob("*.css"))
    assert [name.split(".")[0] for name in names] == ["main", "palette"]
    assert not list(folder.glob("*.map"))
    for name in names:
        kind = name.split(".")[0]
        assert len((folder / name).read_text(encoding="utf-8")) < 0.9 * len(whole_sheet(kind))
    for path in html_pages:
        linked = sorted(
            link["href"].rsplit("/", 1)[-1]
            for link in page(path).select("link[rel=stylesheet]")
            if "/stylesheets/" in link["href"]
        )
        assert linked == names, path


# On a phone in the dark, the pages of each layout: the home, a section, the whole paper, the 404
PHONE_PAGES = ["index.html", "alliance-adaptation/index.html", "paper/index.html", "404.html"]


@pytest.mark.parametrize("view", VIEWS)
def test_no_rule_left_out_matches_an_element_of_a_page(browser, server, site, html_pages, view):
    found = {}
    for path in html_pages if view == "laptop, light" else PHONE_PAGES:
        url = server + path.removesuffix("index.html")
        counted, matching = left_out_and_matching(browser, site, url, view)
        assert counted > 500, path  # the cut leaves out most of the theme's rules
        if matching:
            found[path] = matching
    assert found == {}


def test_no_rule_left_out_matches_an_element_of_the_search_results(browser, server, site):
    counted, matching = left_out_and_matching(
        browser, site, server + "introduction/", "laptop, light", query="OPCON"
    )
    assert counted > 500
    assert matching == []


def test_the_check_finds_a_rule_left_out_that_would_match(browser, server, site):
    """An element of a kind no page has (an admonition) is matched by rules the cut left out."""
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(server)
        tab.evaluate(
            "() => document.querySelector('article').insertAdjacentHTML('beforeend', "
            '\'<div class="admonition note"><p class="admonition-title">Note</p></div>\')'
        )
        (cut,) = (site / "assets" / "stylesheets").glob("main.*.min.css")
        _, matching = tab.evaluate(
            LEFT_OUT_AND_MATCHING, [whole_sheet("main"), cut.read_text(encoding="utf-8")]
        )
    finally:
        context.close()
    assert any("admonition" in selector for selector in matching)
