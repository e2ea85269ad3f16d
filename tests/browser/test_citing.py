"""Citing in Chromium, through the clipboard: Cite this, the ¶ menu, copies and passages.

The site as published names its own address (SITE_URL) in every citation; the
build without it names the address the reader has open. Expected text is read
from source/ and from the page's own citation stem, never pasted.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from edition.source import NOTE_NUMBER
from tests.conftest import SITE_URL
from tests.support.paper import the_source

SECTIONS = ["introduction", "alliance-adaptation", "mutually-beneficial-rationale"]
SECTIONS += ["synchronizing-views"]


def source_paragraph(slug: str, number: int) -> str:
    """A paragraph as source/ prints it, its note numbers superscripts."""
    return the_source().sections[SECTIONS.index(slug)].paragraphs[number - 1]


@pytest.fixture
def clip(browser):
    """A tab allowed to read and write the clipboard, on either build's server."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.set_default_timeout(10_000)
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


def wait_for_status(tab, selector: str) -> None:
    tab.wait_for_function(
        "selector => document.querySelector(selector).textContent.startsWith('Copied')",
        arg=selector,
    )


# -- Cite this and the ¶ menu ------------------------------------------------


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
    assert expected.endswith(f"web edition, version 1.0.0, {SITE_URL}alliance-adaptation/.")


def test_the_bibtex_button_copies_the_entry_line_for_line(clip, server):
    clip.goto(server)
    put_on_clipboard(clip, "nothing yet")
    choose_tab(clip, "cite-paper-bibtex")
    clip.click('button[data-cite-copy="cite-paper-bibtex"]')
    clip.wait_for_function(COPIED, arg="cite-paper-bibtex")
    text = clipboard(clip)
    assert text.startswith("@techreport{snyder2009strengthening,\n  author      = {Snyder, Scott},")
    assert f"\n  url         = {{{SITE_URL}}}\n}}" in text


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
        "Snyder, S. (2009). Strengthening the U.S.-ROK alliance (Web ed., Version 1.0.0). "
        f"Center for U.S.-Korea Policy, The Asia Foundation. {SITE_URL}"
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
    link = f"{SITE_URL}alliance-adaptation/#p-7"
    assert clipboard(clip) == link

    clip.keyboard.press("Tab")
    clip.keyboard.press("Enter")
    clip.wait_for_function("() => navigator.clipboard.readText().then(t => t.endsWith('#p-7.'))")
    stem = clip.get_attribute("section.cite-this", "data-paragraph-citation")
    assert stem.endswith("web edition, version 1.0.0")
    assert clipboard(clip) == f"{stem}, ¶ 7, {link}."

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


def test_without_site_url_citations_name_the_address_the_reader_has_open(clip, bare_server):
    here = bare_server + "introduction/"
    clip.goto(here)
    assert clip.inner_text("#cite-permalink") == here
    put_on_clipboard(clip, "nothing yet")
    clip.click('button[data-cite-copy="cite-section-chicago-note"]')
    clip.wait_for_function(COPIED, arg="cite-section-chicago-note")
    assert clipboard(clip).endswith(f"web edition, version 1.0.0, {here}.")
    choose_tab(clip, "cite-paper-bibtex")
    clip.click('button[data-cite-copy="cite-paper-bibtex"]')
    clip.wait_for_function("() => navigator.clipboard.readText().then(t => t.startsWith('@tech'))")
    assert clipboard(clip).endswith(f"  url         = {{{bare_server}}}\n}}")
    clip.hover("#p-3")
    clip.click("#p-3 > a.paragraph-link")
    clip.locator('#p-3 [role="group"]').wait_for()
    clip.click("#p-3 [role=group] button:text('Copy link')")
    clip.wait_for_function(
        "() => navigator.clipboard.readText().then(t => t.endsWith('#p-3'))", timeout=10_000
    )
    assert clipboard(clip) == here + "#p-3"


# -- Copies of the text -------------------------------------------------------


def select(tab, script: str) -> None:
    """Select the range that `script` (the body of a function) returns, as a reader would."""
    tab.evaluate(
        "() => { const range = (() => {" + script + "})();"
        " const selection = getSelection(); selection.removeAllRanges();"
        " selection.addRange(range); }"
    )


def test_copying_a_paragraph_gives_the_author_s_words_as_printed(clip, server):
    clip.goto(server + "alliance-adaptation/")
    put_on_clipboard(clip, "nothing yet")
    clip.click("#p-2", click_count=3)  # a reader's triple click selects the paragraph
    clip.keyboard.press("Control+c")
    clip.wait_for_function("() => navigator.clipboard.readText().then(t => t !== 'nothing yet')")
    copied = clipboard(clip)
    assert "¶" not in copied and copied == source_paragraph("alliance-adaptation", 2)
    assert copied.endswith("generation.⁷")  # the note's number as the paper prints it


def test_copying_across_paragraphs_keeps_them_apart_and_leaves_the_edition_out(clip, server):
    clip.goto(server + "alliance-adaptation/")
    put_on_clipboard(clip, "nothing yet")
    select(
        clip,
        "const r = document.createRange();"
        " r.setStartBefore(document.getElementById('p-3'));"
        " r.setEndAfter(document.getElementById('p-4')); return r;",
    )
    clip.keyboard.press("Control+c")
    clip.wait_for_function("() => navigator.clipboard.readText().then(t => t !== 'nothing yet')")
    expected = [source_paragraph("alliance-adaptation", n) for n in (3, 4)]
    assert clipboard(clip) == "\n\n".join(expected)


# -- Cite this passage --------------------------------------------------------

SELECT_PASSAGE = """
    const paragraph = document.getElementById(ID);
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode()) && !node.data.includes(START)) {}
    const range = document.createRange();
    const start = node.data.indexOf(START);
    range.setStart(node, start);
    range.setEnd(node, node.data.indexOf(END, start) + END.length);
    return range;
"""


def passage(slug: str, number: int, start: str, end: str) -> str:
    """The words of a paragraph from `start` to `end`, as source/ prints them."""
    text = NOTE_NUMBER.sub("", source_paragraph(slug, number))
    begin = text.index(start)
    return text[begin : text.index(end, begin) + len(end)]


def cite_passage(tab, paragraph_id: str, start: str, end: str) -> str:
    script = SELECT_PASSAGE.replace("ID", repr(paragraph_id)).replace("START", repr(start))
    select(tab, script.replace("END", repr(end)))
    tab.locator(".passage-cite__button").click()  # fetched with the first selection
    wait_for_status(tab, ".passage-cite__status")
    return clipboard(tab)


def test_a_selected_passage_is_copied_with_its_citation_and_a_link_to_it(clip, server):
    clip.goto(server + "alliance-adaptation/")
    start, end = "The incident coincided with", "new threats and new needs,"
    copied = cite_passage(clip, "p-12", start, end)
    quotation, citation = copied.split("\n\n")
    assert quotation == f"“{passage('alliance-adaptation', 12, start, end)}”"
    stem = clip.get_attribute("section.cite-this", "data-paragraph-citation")
    assert citation.startswith(f"{stem}, ¶ 12, {SITE_URL}alliance-adaptation/#p-12:~:text=")
    assert citation.endswith(".")


def test_the_passage_s_link_opens_the_page_at_it_highlighted(clip, bare_server):
    clip.goto(bare_server + "alliance-adaptation/")
    start, end = "The incident coincided with", "new threats and new needs,"
    link = cite_passage(clip, "p-12", start, end).rsplit(", ", 1)[1].removesuffix(".")
    assert link.startswith(bare_server + "alliance-adaptation/#p-12:~:text=")
    first, last = (unquote(term) for term in link.split(":~:text=")[1].split(","))
    quoted = passage("alliance-adaptation", 12, start, end)
    assert quoted.startswith(first) and quoted.endswith(last)

    def paragraph_picture(url: str) -> bytes:
        tab = clip.context.new_page()
        tab.goto(url)
        # Scrolled to the passage: its first words are in view, below the header.
        tab.wait_for_function(
            """start => {
                const walker = document.createTreeWalker(document.getElementById('p-12'),
                    NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode()) && !node.data.includes(start)) {}
                const range = document.createRange();
                range.setStart(node, node.data.indexOf(start));
                range.setEnd(node, node.data.indexOf(start) + start.length);
                const box = range.getBoundingClientRect();
                return box.top > 48 && box.bottom < innerHeight;
            }""",
            arg=start,
        )
        picture = tab.locator("#p-12").screenshot()
        tab.close()
        return picture

    highlighted = paragraph_picture(link)
    plain = paragraph_picture(bare_server + "alliance-adaptation/#p-12")
    assert highlighted != plain  # the same paragraph, the passage marked


def test_a_passage_of_the_whole_paper_is_cited_in_its_section(clip, bare_server):
    clip.goto(bare_server + "paper/")
    start, end = "This paper argues that", "advanced market economies."
    copied = cite_passage(clip, "introduction-p-4", start, end)
    quotation, citation = copied.split("\n\n")
    assert quotation == f"“{passage('introduction', 4, start, end)}”"
    assert "“Introduction,” in Strengthening the U.S.-ROK Alliance" in citation
    assert f", ¶ 4, {bare_server}introduction/#p-4:~:text=" in citation
