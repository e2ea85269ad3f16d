"""Every page passes axe-core (WCAG 2.2 AA) in the light and the dark scheme, and best practice.

The best-practice rules look at structure (landmarks, headings), which is the same in both
schemes: they run in the light scheme only, which keeps the audit of every page quick.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.settled import wait_until_settled
from tests.support.reading import NOTES_SHOWN
from tests.support.search import ask

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Playwright's emulated colour scheme -> the palette Material must pick from mkdocs.yml
SCHEMES = {"light": "default", "dark": "slate"}
TAGS = {"light": [*WCAG_TAGS, "best-practice"], "dark": WCAG_TAGS}
START_AXE = (
    "tags => { window.axeResult = axe.run(document, {runOnly: {type: 'tag', values: tags}}); }"
)


def url(server: str, path: str) -> str:
    return server + path.removesuffix("index.html")


def start_axe(tab, tags: list[str]) -> None:
    """Start axe on the loaded page without waiting for it (tabs audit in parallel).

    Colours caught halfway through a transition are not the page's: axe starts once the
    page has settled.
    """
    wait_until_settled(tab)
    tab.add_script_tag(path=str(AXE))
    tab.evaluate(START_AXE, tags)


def axe_violations(tab) -> list[str]:
    """axe's violations on the page where start_axe ran, one line per element."""
    result = tab.evaluate("() => window.axeResult")
    return [
        f"{violation['id']}: {node['target']} ({violation['help']})"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@pytest.fixture(scope="module")
def audits(browser, server: str, html_pages: list[str]) -> dict[str, dict[str, object]]:
    """For each scheme: the palette Material chose and axe's violations on every page."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make setup` (npm ci)")
    contexts = {
        scheme: browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
        for scheme in SCHEMES
    }
    tabs = {scheme: context.new_page() for scheme, context in contexts.items()}
    audits = {scheme: {"palettes": set(), "violations": {}} for scheme in SCHEMES}
    for path in html_pages:
        for scheme, tab in tabs.items():
            tab.goto(url(server, path))
            tab.wait_for_function(NOTES_SHOWN)  # a section's notes stand in the margin
            audits[scheme]["palettes"].add(tab.get_attribute("body", "data-md-color-scheme"))
            start_axe(tab, TAGS[scheme])
        for scheme, tab in tabs.items():
            if found := axe_violations(tab):
                audits[scheme]["violations"][path] = found
    for context in contexts.values():
        context.close()
    return audits


def test_axe_reports_a_known_violation(tab, server):
    """The audit can fail: an image without a text alternative is reported."""
    tab.goto(server)
    tab.evaluate("document.querySelector('article').append(document.createElement('img'))")
    start_axe(tab, TAGS["light"])
    assert any(line.startswith("image-alt:") for line in axe_violations(tab))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_scheme_is_the_one_audited(audits, scheme):
    assert audits[scheme]["palettes"] == {SCHEMES[scheme]}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_axe_violation(audits, html_pages, scheme):
    assert len(html_pages) >= 7
    assert audits[scheme]["violations"] == {}


def test_notes_and_bibliography_carry_valid_dpub_roles(page, html_pages):
    for path in html_pages:
        soup = page(path)
        for notes in soup.select("div.footnote"):
            assert notes.get("role") == "doc-endnotes", path
            # the whole paper's lists are each a section's: "Notes to Introduction"
            assert notes.get("aria-label", "").startswith("Notes"), path
        for marker in soup.select("a.footnote-ref"):
            assert marker.get("role") == "doc-noteref", path
        for backlink in soup.select("a.footnote-backref"):
            assert backlink.get("role") == "doc-backlink", path
        # DPUB-ARIA 1.1 deprecates these two roles: the list items stay plain list items.
        assert soup.select("[role=doc-biblioentry], [role=doc-endnote]") == [], path
    bibliography = page("bibliography/index.html").select("[role=doc-bibliography]")
    assert len(bibliography) == 1 and bibliography[0].get("aria-label") == "Bibliography"
    assert len(bibliography[0].select("li[id]")) >= 20
    assert page("introduction/index.html").select("div.footnote[role=doc-endnotes] li[id^='fn:']")


def axe_on(tab, selectors: list[str], tags: list[str] = TAGS["light"]) -> list[str]:
    """axe's rule ids violated within the given parts of the page (every WCAG tag, unless
    `tags` says which)."""
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "([include, tags]) => axe.run({include}, {runOnly: {type: 'tag', values: tags}})",
        [[[selector] for selector in selectors], tags],
    )
    return [f"{v['id']}: {n['target']}" for v in result["violations"] for n in v["nodes"]]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_open_note_preview_has_no_axe_violation(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 720, "height": 800})
    tab = context.new_page()
    tab.goto(url(server, "alliance-adaptation/index.html"))
    tab.wait_for_selector("article[data-notes=previews]", state="attached")
    tab.focus("a.footnote-ref[href='#fn:9']")  # a web address, its archived copy, an editor's note
    preview = tab.locator(".note-preview")
    preview.wait_for(state="visible")
    label = preview.get_attribute("aria-label")
    wait_until_settled(tab)  # the preview fades in: audit it once it is fully shown
    opacity = preview.evaluate("element => getComputedStyle(element).opacity")
    violations = axe_on(tab, [".note-preview", "#p-4"])
    context.close()
    assert label == "Preview of note 9"
    assert opacity == "1"
    assert violations == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_notes_in_the_margin_have_no_axe_violation(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(url(server, "alliance-adaptation/index.html"))
    tab.wait_for_selector(".margin-note")
    # One note singled out, as the pointer does (without the theme's hover colour of links)
    tab.dispatch_event("a.footnote-ref[href='#fn:14']", "mouseover")
    tab.wait_for_selector(".margin-note.is-current")
    violations = axe_on(tab, ["article"])
    context.close()
    assert violations == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_paragraph_menu_and_the_reading_place_offer_have_no_axe_violation(
    browser, server, scheme
):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.add_init_script(
        "localStorage.setItem('edition.reading-place:/alliance-adaptation/',"
        " JSON.stringify({paragraph: 12, saved: 0}))"
    )
    tab.goto(url(server, "alliance-adaptation/index.html"))
    tab.wait_for_selector(".reading-place")
    tab.click("#p-3 > a.paragraph-link")
    tab.wait_for_selector("#p-3 .paragraph-cite")
    violations = axe_on(tab, [".reading-place", "#p-3"])
    context.close()
    assert violations == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_an_open_glossary_expansion_has_no_axe_violation(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(url(server, "alliance-adaptation/index.html"))
    tab.focus("#p-3 abbr")
    tab.locator("#glossary-tooltip").wait_for(state="visible")
    wait_until_settled(tab)
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run({include: [['#glossary-tooltip'], ['#p-3']]}, "
        "{runOnly: {type: 'tag', values: tags}})",
        TAGS["light"],
    )
    context.close()
    assert [violation["id"] for violation in result["violations"]] == []


AUDIT_ONE = "(element, tags) => axe.run(element, {runOnly: {type: 'tag', values: tags}})"


def violations_in(result: dict) -> list[str]:
    return [
        f"{violation['id']}: {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("query", ["OPCON", "Lee Myung-bak"])
def test_open_search_results_have_no_axe_violation(browser, server, scheme, query):
    """The results as shown, and each one as it is tinted under the pointer and under focus."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(url(server, "introduction/index.html"))
    tab.click("input.md-search__input")
    answer = ask(tab, query)
    wait_until_settled(tab)  # the search box widens and its results fade in: audit them once still
    tab.add_script_tag(path=str(AXE))
    found = {
        "shown": violations_in(
            tab.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS[scheme]
            )
        )
    }
    links = tab.locator("a.md-search-result__link:visible")  # not those folded under "more"
    # The tint is one rule for every result: the first three hold a page's title and passages
    tinted = range(min(links.count(), 3))
    for index in tinted:
        link = links.nth(index)
        link.hover()
        wait_until_settled(tab)  # the tint fades in
        found[f"result {index + 1} under the pointer"] = violations_in(
            link.evaluate(AUDIT_ONE, WCAG_TAGS)
        )
    tab.mouse.move(0, 0)
    for index in tinted:
        link = links.nth(index)
        link.focus()
        wait_until_settled(tab)
        found[f"result {index + 1} under focus"] = violations_in(
            link.evaluate(AUDIT_ONE, WCAG_TAGS)
        )
    context.close()
    assert answer["first"] is not None and answer["first"]["marks"]
    assert len(tinted) > 1
    assert {state: lines for state, lines in found.items() if lines} == {}
