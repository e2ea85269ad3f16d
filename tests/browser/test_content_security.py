"""The page is locked down: its Content-Security-Policy lets the edition work and nothing else.

A reader's whole visit is played in Chromium with the policy enforced (`bypass_csp=False`,
where the other tests let their tools in): every page, a search typed and followed, a
shared search, a note preview, the ¶ menu and its copies, a Cite this copy, the colour
toggle, an abbreviation's tooltip. Every `securitypolicyviolation` the page reports is
recorded from before its first script runs, and there must be none. The same recorder,
shown a script and an event handler that did not come from the build, records them
refused: the test can fail.
"""

from __future__ import annotations

import pytest

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    [event.violatedDirective, event.blockedURI, event.sourceFile, event.lineNumber].join(" "));
});
"""


@pytest.fixture
def reader(browser, server):
    """A tab that records every violation of the page's policy, allowed to use the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=False)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.violations = []

    def keep() -> None:  # before the page is left, and at the end
        tab.violations += tab.evaluate("window.__violations.splice(0)")

    tab.keep_violations = keep
    yield tab
    context.close()


def visit(tab, url: str) -> None:
    tab.goto(url)
    tab.wait_for_load_state("load")


def test_a_readers_visit_meets_no_refusal_of_the_pages_policy(reader, server, html_pages):
    for path in html_pages:
        visit(reader, server + path)
        reader.keep_violations()

    # Search: the index and the worker are fetched when it is opened; a result is followed
    visit(reader, server + "introduction/")
    reader.click("input.md-search__input")
    reader.fill("input.md-search__input", "OPCON")
    reader.wait_for_selector(".md-search-result__item")
    reader.keep_violations()
    with reader.expect_navigation():
        reader.keyboard.press("Enter")
    reader.wait_for_selector("article mark")
    reader.keep_violations()
    visit(reader, server + "?q=FOTA")
    reader.wait_for_selector(".md-search-result__item")
    reader.keep_violations()

    # The notes in the margin, a note's preview where they have no room, the ¶ menu and a
    # Cite this copy
    visit(reader, server + "alliance-adaptation/")
    reader.locator("a.footnote-ref[href='#fn:14']").hover()
    reader.wait_for_selector(".margin-note.is-current")
    reader.set_viewport_size({"width": 720, "height": 800})
    reader.wait_for_selector("article[data-notes=previews]", state="attached")
    reader.mouse.move(0, 0)
    reader.locator("a.footnote-ref[href='#fn:14']").hover()
    reader.locator(".note-preview", has_text="Flanagan").wait_for()
    reader.keep_violations()
    reader.set_viewport_size({"width": 1280, "height": 800})
    reader.locator("#p-3 > a.paragraph-link").click()
    reader.locator(".paragraph-cite button", has_text="Copy citation").click()
    reader.wait_for_function(
        "() => document.querySelector('.paragraph-cite__status').textContent.startsWith('Copied')"
    )
    reader.click("label[for='cite-section-apa-tab']")
    reader.click('button[data-cite-copy="cite-section-apa"]')
    reader.wait_for_function(
        "() => document.querySelector(\"[data-cite-copy='cite-section-apa'] + .cite-this__status\")"
        ".textContent.startsWith('Copied')"
    )
    assert reader.evaluate("navigator.clipboard.readText()").startswith("Snyder, S. (2009).")

    # The colour toggle and an abbreviation's tooltip
    scheme = reader.evaluate("document.body.getAttribute('data-md-color-scheme')")
    reader.locator("form[data-edition-palette] label:not([hidden])").click()
    reader.wait_for_function(
        "scheme => document.body.getAttribute('data-md-color-scheme') !== scheme", arg=scheme
    )
    reader.locator("abbr", has_text="OPCON").first.hover()
    reader.wait_for_selector("#glossary-tooltip:not([hidden])")
    reader.keep_violations()

    assert reader.violations == []


def test_what_did_not_come_from_the_build_is_refused(reader, server):
    visit(reader, server + "introduction/")
    reader.evaluate(
        """() => {
        document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.ran = 1">');
        const script = document.createElement("script");
        script.textContent = "window.ran = 2";
        document.body.append(script);
    }"""
    )
    reader.wait_for_function("() => window.__violations.length >= 2")
    directives = sorted(line.split()[0] for line in reader.evaluate("window.__violations"))
    assert directives == ["script-src-attr", "script-src-elem"]
    assert reader.evaluate("window.ran") is None
