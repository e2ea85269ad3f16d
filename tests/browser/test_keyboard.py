"""Everything a reader can do with a pointer can be done with the keyboard, with focus in view."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PAPER_PAGES

ARTICLE = "article.md-content__inner"
# Elements the keyboard can reach, when they are rendered
FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, "
    "textarea, summary, [tabindex]:not([tabindex='-1'])"
)

# Describe the focused element once its transitions have finished (a permalink fades in).
# A content tab's radio button is hidden; its row of tabs is what shows the focus.
DESCRIBE_FOCUS = """window.describeFocus = () => {
  const element = document.activeElement;
  const shown = element.matches('.tabbed-set > input')
    ? element.parentElement.querySelector(':scope > .tabbed-labels') : element;
  getComputedStyle(shown).opacity;  // flush styles so that focus transitions have started
  shown.getAnimations().forEach(animation => animation.finish());
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    key: element.dataset.focusKey || null,
    id: element.id || null,
    tag: element.tagName.toLowerCase(),
    classes: [...element.classList],
    href: element.getAttribute('href'),
    inArticle: element.closest('ARTICLE_SELECTOR') !== null,
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== 'none',
    opacity: parseFloat(style.opacity),
    visible: box.width > 0 && box.height > 0,
  };
};""".replace("ARTICLE_SELECTOR", ARTICLE)
FOCUSED = "() => describeFocus()"
# Record every element that takes focus, so that many presses of Tab need one round trip.
RECORD_FOCUS = """() => {
  window.focusLog = [];
  document.addEventListener('focusin', () => window.focusLog.push(describeFocus()));
}"""
TAB_BATCH = 25
FIRST_MARKER_WITHIN = 10  # presses of Tab after the skip link (measured: 4 to 8)

# Mark every rendered control of the article with a key; return the keys in document order.
# Of a group of radio buttons (content tabs), Tab reaches the one checked; arrows the others.
MARK_CONTROLS = """([article, focusable]) => {
  const controls = [...document.querySelectorAll(article + ' :is(' + focusable + ')')]
    .filter(element => element.checkVisibility())
    .filter(element => element.getAttribute('tabindex') !== '-1')  // reached some other way
    .filter(element => element.type !== 'radio' || element.checked);
  controls.forEach((element, index) => { element.dataset.focusKey = String(index); });
  return controls.map(element => element.outerHTML.slice(0, 120));
}"""


def url(server: str, path: str) -> str:
    return server + path.removesuffix("index.html")


@pytest.fixture
def keyboard_tab(tab):
    """A tab that can describe its focused element."""
    tab.add_init_script(script=DESCRIBE_FOCUS)
    return tab


def press_tab_until(tab, condition, limit: int = 400) -> dict:
    """Press Tab until the focused element meets `condition`; return its description."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if condition(focused):
            return focused
    pytest.fail(f"no element met the condition within {limit} presses of Tab")


def has_visible_focus(focused: dict) -> bool:
    return focused["ring"] and focused["opacity"] == 1 and focused["visible"]


def test_skip_link_comes_first_and_takes_focus_to_the_content(
    keyboard_tab, server, html_pages, page
):
    tab = keyboard_tab
    pages_with_skip = [path for path in html_pages if page(path).select_one("a.md-skip")]
    assert set(pages_with_skip) >= {"introduction/index.html", "bibliography/index.html"}
    for path in pages_with_skip:
        tab.goto(url(server, path))
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        assert "md-skip" in focused["classes"], path
        assert has_visible_focus(focused), path
        tab.keyboard.press("Enter")
        assert tab.evaluate("location.hash") == focused["href"], path
        focused = press_tab_until(tab, lambda focused: True, limit=1)
        assert focused["inArticle"], f"{path}: Tab after the skip link left the content"


def focus_walk(tab, limit: int) -> list[dict]:
    """Press Tab until focus has been through the article and left it; what took focus."""
    tab.evaluate(RECORD_FOCUS)
    log: list[dict] = []
    for _ in range(0, limit, TAB_BATCH):
        for _ in range(TAB_BATCH):
            tab.keyboard.press("Tab")
        log = tab.evaluate("() => focusLog")
        entered = [i for i, focused in enumerate(log) if focused["inArticle"]]
        if entered and any(not focused["inArticle"] for focused in log[entered[0] :]):
            break
    return log


def test_every_control_of_every_page_is_reached_by_tab_with_a_focus_ring(
    keyboard_tab, server, html_pages, page
):
    tab = keyboard_tab
    unreached, without_ring = {}, {}
    for path in html_pages:
        tab.goto(url(server, path))
        controls = tab.evaluate(MARK_CONTROLS, [ARTICLE, FOCUSABLE])
        permalinks = page(path).select(f"{ARTICLE} :is(a.paragraph-link, a.footnote-ref)")
        assert len(controls) >= len(permalinks), path
        reached = set()
        # Each note's preview opens on focus and adds its links to the walk.
        for focused in focus_walk(tab, limit=2 * len(controls) + 100):
            if focused["key"] is None or not focused["inArticle"]:
                continue  # outside the article, or a note preview's copy of a control
            reached.add(focused["key"])
            if not has_visible_focus(focused):
                without_ring.setdefault(path, []).append(controls[int(focused["key"])])
        missed = [html for key, html in enumerate(controls) if str(key) not in reached]
        if missed:
            unreached[path] = missed
    assert unreached == {}
    assert without_ring == {}


@pytest.fixture
def narrow_tab(browser, server):
    """A tab too narrow for notes in the margin (720 px): notes open in previews."""
    context = browser.new_context(viewport={"width": 720, "height": 800})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.add_init_script(script=DESCRIBE_FOCUS)
    yield tab
    context.close()


def test_note_preview_opens_on_focus_and_the_note_is_reached_by_enter(narrow_tab, server, page):
    tab = narrow_tab
    tab.goto(url(server, "introduction/index.html"))
    marker = press_tab_until(tab, lambda focused: "footnote-ref" in focused["classes"])
    assert has_visible_focus(marker)
    note_id = marker["href"].removeprefix("#")
    note_text = page("introduction/index.html").find(id=note_id).get_text(" ", strip=True)
    preview = tab.locator(".note-preview")
    preview.wait_for(state="visible")
    number = note_id.removeprefix("fn:")
    assert preview.inner_text().split()[:6] == [f"{number}."] + note_text.split()[:5]

    tab.keyboard.press("Shift+Tab")  # away and back: Enter follows the marker to the list
    preview.wait_for(state="detached")
    tab.keyboard.press("Tab")
    preview.wait_for(state="visible")
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == marker["href"]
    backlink = press_tab_until(tab, lambda focused: "footnote-backref" in focused["classes"])
    assert backlink["href"] == "#fnref:" + note_id.removeprefix("fn:")
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == backlink["href"]


def test_a_preview_s_links_are_reached_by_tab_and_escape_gives_focus_back_to_the_marker(
    narrow_tab, server
):
    tab = narrow_tab
    tab.goto(url(server, "alliance-adaptation/index.html"))
    tab.keyboard.press("Tab")  # the skip link
    tab.keyboard.press("Enter")
    press_tab_until(tab, lambda focused: focused["href"] == "#fn:9")  # a note with a web address
    preview = tab.locator(".note-preview")
    preview.wait_for(state="visible")
    reached = []
    for _ in range(12):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if not tab.evaluate("document.activeElement.closest('.note-preview') !== null"):
            break
        assert has_visible_focus(focused), focused
        reached.append(tab.evaluate("document.activeElement.textContent.trim()"))
    # The note's own link and the edition's: archived copy, editor's note, bibliography entry;
    # then the list of notes, and the close button
    assert reached[0].startswith("http://www.globalsecurity.org/")
    assert reached[1] == "archived copy"
    assert reached[-3:] == ["U.S.-ROK Security Meeting Joint Communique 1992", "All notes", "Close"]
    preview.wait_for(state="detached")  # Tab past the preview closes it

    tab.keyboard.press("Shift+Tab")  # back onto the marker: its preview opens again
    assert tab.evaluate("document.activeElement.getAttribute('href')") == "#fn:9"
    preview.wait_for(state="visible")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('.note-preview') !== null")
    tab.keyboard.press("Escape")
    preview.wait_for(state="detached")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == "#fn:9"
    assert tab.get_attribute("a[href='#fn:9']", "aria-expanded") == "false"


def test_the_first_note_marker_is_a_few_presses_after_the_skip_link(keyboard_tab, server, page):
    tab = keyboard_tab
    with_notes = [path for path in PAPER_PAGES if page(path).select_one("article a.footnote-ref")]
    assert len(with_notes) >= 3  # one section of the paper has no note
    for path in with_notes:
        tab.goto(url(server, path))
        tab.keyboard.press("Tab")  # the skip link
        tab.keyboard.press("Enter")
        presses = 0
        while "footnote-ref" not in tab.evaluate(FOCUSED)["classes"]:
            tab.keyboard.press("Tab")
            presses += 1
            assert presses <= FIRST_MARKER_WITHIN, (
                f"{path}: no note marker within {presses} presses"
            )


def test_the_citation_forms_are_tabs_the_arrow_keys_switch(keyboard_tab, server):
    tab = keyboard_tab
    tab.goto(url(server, "introduction/index.html"))
    chicago = press_tab_until(tab, lambda focused: (focused["id"] or "").endswith("-tab"))
    assert has_visible_focus(chicago)
    assert tab.evaluate("document.activeElement.id") == "cite-section-chicago-note-tab"
    assert tab.locator("#cite-section-chicago-note").is_visible()
    assert not tab.locator("#cite-section-apa").is_visible()
    tab.keyboard.press("ArrowRight")
    tab.keyboard.press("ArrowRight")
    assert tab.evaluate("document.activeElement.id") == "cite-section-apa-tab"
    assert has_visible_focus(tab.evaluate(FOCUSED))
    tab.locator("#cite-section-apa").wait_for(state="visible")
    assert not tab.locator("#cite-section-chicago-note").is_visible()
    copy = press_tab_until(tab, lambda focused: "cite-this__copy" in focused["classes"], limit=3)
    assert has_visible_focus(copy)
    assert tab.evaluate("document.activeElement.dataset.citeCopy") == "cite-section-apa"


@pytest.mark.parametrize("kind", ["paragraph-link", "headerlink"])
def test_permalinks_are_shown_on_focus_and_followed_by_enter(keyboard_tab, server, kind):
    tab = keyboard_tab
    tab.goto(url(server, "alliance-adaptation/index.html"))
    tab.keyboard.press("Tab")  # the skip link
    tab.keyboard.press("Enter")
    permalink = press_tab_until(tab, lambda focused: kind in focused["classes"])
    assert has_visible_focus(permalink)
    assert re.fullmatch(r"#[\w:-]+", permalink["href"])
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == permalink["href"]
    assert tab.evaluate("document.querySelector(':target').id") == permalink["href"][1:]


def test_the_colour_scheme_toggle_is_reached_by_tab_and_switched_by_enter(keyboard_tab, server):
    tab = keyboard_tab
    tab.emulate_media(color_scheme="light")
    tab.goto(url(server, "introduction/index.html"))
    toggle = press_tab_until(tab, lambda focused: "md-option" in focused["classes"], limit=20)
    assert toggle["tag"] == "input"
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert "md-option" in tab.evaluate(FOCUSED)["classes"]  # focus stays on the toggle


@pytest.mark.parametrize("kind", ["report-error", "footnote-backref"])
def test_an_icon_link_shows_its_name_when_focused(keyboard_tab, server, kind):
    tab = keyboard_tab
    tab.goto(url(server, "alliance-adaptation/index.html"))
    press_tab_until(tab, lambda focused: kind in focused["classes"])
    name = tab.evaluate("document.activeElement.getAttribute('aria-label')")
    shown = tab.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert name and shown == f'"{name}"'
