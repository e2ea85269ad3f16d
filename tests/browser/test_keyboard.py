"""Everything a reader can do with a pointer can be done with the keyboard, with focus in view."""

from __future__ import annotations

import re

import pytest

ARTICLE = "article.md-content__inner"
# Elements the keyboard can reach, when they are rendered
FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, "
    "textarea, summary, [tabindex]:not([tabindex='-1'])"
)

# Describe the focused element once its transitions have finished (a permalink fades in).
DESCRIBE_FOCUS = """window.describeFocus = () => {
  const element = document.activeElement;
  getComputedStyle(element).opacity;  // flush styles so that focus transitions have started
  element.getAnimations().forEach(animation => animation.finish());
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    key: element.dataset.focusKey || null,
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

# Mark every rendered control of the article with a key; return the keys in document order.
MARK_CONTROLS = """([article, focusable]) => {
  const controls = [...document.querySelectorAll(article + ' :is(' + focusable + ')')]
    .filter(element => element.checkVisibility());
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
        for focused in focus_walk(tab, limit=len(controls) + 100):
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


def test_note_preview_opens_on_focus_and_the_note_is_reached_by_enter(keyboard_tab, server, page):
    tab = keyboard_tab
    tab.goto(url(server, "introduction/index.html"))
    marker = press_tab_until(tab, lambda focused: "footnote-ref" in focused["classes"])
    assert has_visible_focus(marker)
    note_id = marker["href"].removeprefix("#")
    note_text = page("introduction/index.html").find(id=note_id).get_text(" ", strip=True)
    preview = tab.locator(".md-tooltip2--active")
    preview.wait_for(state="visible")
    number = note_id.removeprefix("fn:")
    assert preview.inner_text().split()[:6] == [f"{number}."] + note_text.split()[:5]

    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == marker["href"]
    backlink = press_tab_until(tab, lambda focused: "footnote-backref" in focused["classes"])
    assert backlink["href"] == "#fnref:" + note_id.removeprefix("fn:")
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == backlink["href"]


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
