"""Copying citations in Chromium: the Cite this buttons and the ¶ menu."""

from __future__ import annotations

import pytest

SITE_URL = "https://us-rok-alliance.example.org/"  # the default of mkdocs.yml's site_url


@pytest.fixture
def clip(browser, server):
    """A tab allowed to read and write the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    tab = context.new_page()
    yield tab
    context.close()


# The confirmation beside a copy button: the status that follows it
COPIED = (
    "button => document.querySelector(`[data-cite-copy='${button}'] + .cite-this__status`)"
    ".textContent.startsWith('Copied')"
)


def choose_tab(tab, form: str) -> None:
    """Show a citation form: its content tab's label, as a reader clicks it."""
    tab.click(f"label[for='{form}-tab']")
    tab.locator(f"#{form}").wait_for(state="visible")


def clipboard(tab) -> str:
    return tab.evaluate("() => navigator.clipboard.readText()")


def put_on_clipboard(tab, text: str) -> None:
    tab.evaluate("text => navigator.clipboard.writeText(text)", text)


def test_a_copy_button_puts_that_citation_on_the_clipboard_and_says_so(clip, server):
    clip.goto(server + "alliance-adaptation/")
    put_on_clipboard(clip, "nothing yet")
    expected = clip.inner_text("#cite-section-chicago-note").strip()
    clip.click('button[data-cite-copy="cite-section-chicago-note"]')
    clip.wait_for_function(COPIED, arg="cite-section-chicago-note")
    assert clipboard(clip) == expected
    assert expected.startswith(
        "Scott Snyder, “Alliance Adaptation Following the End of the Cold War,” in"
    )
    assert expected.endswith(f"{SITE_URL}alliance-adaptation/.")


def test_the_bibtex_button_copies_the_entry_line_for_line(clip, server):
    clip.goto(server)
    put_on_clipboard(clip, "nothing yet")
    choose_tab(clip, "cite-paper-bibtex")
    clip.click('button[data-cite-copy="cite-paper-bibtex"]')
    clip.wait_for_function(COPIED, arg="cite-paper-bibtex")
    text = clipboard(clip)
    assert text.startswith("@techreport{snyder2009strengthening,\n  author      = {Snyder, Scott},")
    assert text.endswith("\n}")


def test_a_copy_button_works_from_the_keyboard(clip, server):
    clip.goto(server + "introduction/")
    put_on_clipboard(clip, "nothing yet")
    clip.focus("#cite-paper-chicago-note-tab")  # the tabs are radio buttons: arrows choose
    for _ in range(2):
        clip.keyboard.press("ArrowRight")
    clip.locator("#cite-paper-apa").wait_for(state="visible")
    for _ in range(2):  # past the address in the citation, to its copy button
        clip.keyboard.press("Tab")
    assert clip.evaluate("document.activeElement.dataset.citeCopy") == "cite-paper-apa"
    clip.keyboard.press("Enter")
    clip.wait_for_function(COPIED, arg="cite-paper-apa")
    assert clipboard(clip) == (
        "Snyder, S. (2009). Strengthening the U.S.-ROK alliance. Center for U.S.-Korea Policy, "
        f"The Asia Foundation. {SITE_URL}"
    )


def test_without_the_clipboard_api_the_fallback_still_copies(clip, server):
    clip.add_init_script("Object.defineProperty(window, 'isSecureContext', {value: false})")
    clip.goto(server + "introduction/")
    put_on_clipboard(clip, "nothing yet")
    clip.click('button[data-cite-copy="cite-permalink"]')
    status = "[data-cite-copy='cite-permalink'] + .cite-this__status"
    clip.wait_for_function(f"() => document.querySelector({status!r}).textContent !== ''")
    assert clip.inner_text(status).startswith("Copied")
    assert clipboard(clip) == f"{SITE_URL}introduction/"


def test_the_paragraph_mark_still_goes_to_the_paragraph_and_offers_its_link_and_citation(
    clip, server
):
    clip.goto(server + "alliance-adaptation/")
    put_on_clipboard(clip, "nothing yet")
    clip.hover("#p-7")
    clip.click("#p-7 > a.paragraph-link")
    clip.wait_for_function("() => location.hash === '#p-7'")
    menu = clip.locator('#p-7 [role="group"]')
    menu.wait_for()
    assert menu.get_attribute("aria-label") == "Cite paragraph 7"
    assert "edition-added" in menu.get_attribute("class")
    assert clip.get_attribute("#p-7 > a.paragraph-link", "aria-expanded") == "true"
    clip.wait_for_function("() => document.activeElement.textContent === 'Copy link'")

    clip.keyboard.press("Enter")
    clip.wait_for_function(
        "() => document.querySelector('#p-7 [role=status]').textContent.startsWith('Copied')"
    )
    assert clipboard(clip) == f"{SITE_URL}alliance-adaptation/#p-7"

    clip.keyboard.press("Tab")
    clip.keyboard.press("Enter")
    clip.wait_for_function("() => navigator.clipboard.readText().then(t => t.endsWith('¶ 7.'))")
    assert clipboard(clip) == (
        "Scott Snyder, “Alliance Adaptation Following the End of the Cold War,” in Strengthening "
        "the U.S.-ROK Alliance (Center for U.S.-Korea Policy, The Asia Foundation, "
        "February 2009), ¶ 7."
    )

    clip.keyboard.press("Escape")
    menu.wait_for(state="detached")
    assert clip.evaluate("() => document.activeElement.getAttribute('href')") == "#p-7"
    assert clip.get_attribute("#p-7 > a.paragraph-link", "aria-expanded") == "false"


def test_the_paragraph_menu_opens_from_the_keyboard(clip, server):
    clip.goto(server + "introduction/")
    clip.focus("#p-3 > a.paragraph-link")
    clip.keyboard.press("Enter")
    clip.wait_for_function("() => location.hash === '#p-3'")
    clip.locator('#p-3 [role="group"]').wait_for()
    clip.wait_for_function("() => document.activeElement.closest('#p-3 [role=group]') !== null")


def test_a_modified_click_leaves_the_paragraph_mark_a_plain_link(clip, server):
    clip.goto(server + "introduction/")
    clip.hover("#p-2")
    clip.click("#p-2 > a.paragraph-link", modifiers=["Shift"])
    assert clip.locator('[role="group"].paragraph-cite').count() == 0


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]
)
def test_copied_shows_beside_the_button_pressed_and_only_there(browser, server, viewport):
    context = browser.new_context(viewport=viewport)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    tab = context.new_page()
    try:
        tab.goto(server + "alliance-adaptation/")
        for form in ("cite-permalink", "cite-section-apa", "cite-paper-bibtex"):
            if form != "cite-permalink":
                choose_tab(tab, form)
            button = tab.locator(f"button[data-cite-copy='{form}']")
            button.click()
            tab.wait_for_function(COPIED, arg=form)
            status = tab.locator(f"[data-cite-copy='{form}'] + .cite-this__status")
            pressed, said = button.bounding_box(), status.bounding_box()
            assert status.is_visible()
            # on the button's line, right after it, on screen
            assert abs(said["y"] + said["height"] / 2 - pressed["y"] - pressed["height"] / 2) < 8
            assert 0 <= said["x"] - pressed["x"] - pressed["width"] < 20
            assert said["x"] + said["width"] <= viewport["width"]
            others = tab.locator(".cite-this__status").all_inner_texts()
            assert [text for text in others if text] == [status.inner_text()]
    finally:
        context.close()
