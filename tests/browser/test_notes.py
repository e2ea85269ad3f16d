"""The notes where the reader is, in Chromium: in the margin on a wide screen, in a preview
that opens by pointer, keyboard or touch elsewhere, the list of notes at the end for all."""

from __future__ import annotations

import copy
import re

from tests.conftest import PAPER_PAGES

LAPTOP = {"viewport": {"width": 1280, "height": 800}}
NARROW = {"viewport": {"width": 720, "height": 800}}  # a tablet upright: no room in the margin
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
NOTE_GAP = 12  # px between two notes in the margin (margin-notes.js)

# Where each margin note stands, and where its marker's line is: the top of the text
# just before the marker (the marker itself is raised above the line).
MARGIN_LAYOUT = """() => {
  const glyphTop = (node, offset) => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return range.getBoundingClientRect().top;
  };
  const textBefore = sup => {
    const walker = document.createTreeWalker(sup.parentElement, NodeFilter.SHOW_TEXT);
    let last = null;
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (sup.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) break;
      if (node.textContent.trim() && !sup.contains(node)) last = node;
    }
    return last;
  };
  const firstText = element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (walker.currentNode.textContent.trim()) return walker.currentNode;
    return null;
  };
  const article = document.querySelector('article');
  const markers = [...article.querySelectorAll(':scope > :not(.footnote) a.footnote-ref')];
  const notes = [...document.querySelectorAll('.margin-note')];
  const text = [...article.children].filter(child => !child.matches('.margin-notes'));
  return {
    mode: article.dataset.notes,
    textRight: Math.max(...text.map(child => child.getBoundingClientRect().right)),
    width: document.documentElement.clientWidth,
    markers: markers.map(marker => {
      const before = textBefore(marker.closest('sup'));
      return {
        number: marker.textContent.trim(),
        line: glyphTop(before, before.textContent.trimEnd().length - 1),
      };
    }),
    notes: notes.map(note => {
      const box = note.getBoundingClientRect();
      return {
        number: note.dataset.note, top: box.top, bottom: box.bottom, left: box.left,
        right: box.right, first: glyphTop(firstText(note), 0),
        text: note.textContent.replace(/\\s+/g, ' ').trim(),
        hidden: note.closest('[aria-hidden=true]') !== null,
        tabStops: [...note.querySelectorAll('a, button, [tabindex]')]
          .filter(control => control.tabIndex >= 0).length,
      };
    }),
  };
}"""


def with_notes(page) -> list[str]:
    paths = [path for path in PAPER_PAGES if page(path).select_one("article a.footnote-ref")]
    assert len(paths) >= 3  # one section of the paper has no note
    return paths


def note_words(page, path: str, number: str) -> str:
    """A note's words as the list gives them, without its back-links."""
    note = copy.copy(page(path).find(id=f"fn:{number}"))
    for link in note.select(".footnote-backref, .editor-note-back"):
        link.decompose()
    return " ".join(note.get_text().split())


def test_each_note_stands_in_the_margin_level_with_its_marker_clear_of_the_next(new_tab, page):
    for path in with_notes(page):
        tab = new_tab(LAPTOP, path)
        tab.wait_for_selector("article[data-notes]", state="attached")
        layout = tab.evaluate(MARGIN_LAYOUT)
        assert layout["mode"] == "margin", path
        notes, markers = layout["notes"], layout["markers"]
        assert [note["number"] for note in notes] == [m["number"] for m in markers], path
        for index, (note, marker) in enumerate(zip(notes, markers, strict=True)):
            where = f"{path}: note {note['number']}"
            assert note["left"] >= layout["textRight"] + 16, where  # beside the text, not on it
            assert note["right"] <= layout["width"], where
            if abs(note["first"] - marker["line"]) > 3:  # not level: pushed down, no further
                assert index and abs(note["top"] - notes[index - 1]["bottom"] - NOTE_GAP) <= 1
                assert note["first"] > marker["line"], where
            if index:
                assert note["top"] >= notes[index - 1]["bottom"] + NOTE_GAP - 1, where
            assert note["text"] == f"{note['number']}. " + note_words(page, path, note["number"])
            # the eye's copy: screen readers and the keyboard have the list
            assert note["hidden"] and note["tabStops"] == 0, where


def test_margin_notes_follow_the_text_when_it_reflows(new_tab):
    tab = new_tab(LAPTOP, "alliance-adaptation/")
    tab.wait_for_selector(".margin-note")
    before = tab.evaluate(MARGIN_LAYOUT)
    # The text above the first marker grows (a reader's larger font, a menu opening)
    tab.evaluate("document.getElementById('p-1').style.fontSize = '1.5em'")
    tab.wait_for_function(
        "top => document.querySelector('.margin-note').getBoundingClientRect().top > top + 20",
        arg=before["notes"][0]["top"],
    )
    after = tab.evaluate(MARGIN_LAYOUT)
    assert after["markers"][0]["line"] > before["markers"][0]["line"] + 20
    assert abs(after["notes"][0]["first"] - after["markers"][0]["line"]) <= 3
    # Narrower than the text and its margin need: the notes go back to previews
    tab.set_viewport_size({"width": 720, "height": 800})
    tab.wait_for_selector("article[data-notes=previews]", state="attached")
    assert tab.locator(".margin-notes").count() == 0
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.wait_for_selector(".margin-note")


def test_pointing_at_a_marker_singles_out_its_note_in_the_margin(new_tab):
    tab = new_tab(LAPTOP, "alliance-adaptation/")
    tab.wait_for_selector(".margin-note")
    tab.hover("a.footnote-ref[href='#fn:14']")
    note = tab.locator(".margin-note[data-note='14']")
    tab.wait_for_function(
        "() => document.querySelector(\".margin-note[data-note='14']\")"
        ".classList.contains('is-current')"
    )
    assert tab.locator(".margin-note.is-current").count() == 1
    assert tab.locator(".note-preview").count() == 0  # the note is already beside the text
    tab.mouse.move(0, 0)
    tab.wait_for_function("() => !document.querySelector('.margin-note.is-current')")
    assert note.is_visible()


def test_the_list_of_notes_stays_at_the_end_with_a_heading(new_tab, page):
    for path in with_notes(page):
        soup = page(path)
        notes = soup.select_one("article div.footnote")
        heading = notes.find(["h2"])
        assert heading.get_text(" ", strip=True).rstrip("¶").strip() == "Notes", path
        assert heading.find_previous_sibling() is None, path  # the list's first element
        assert "edition-added" in heading["class"], path
    tab = new_tab(LAPTOP, "alliance-adaptation/")
    tab.wait_for_selector(".margin-note")
    markers = tab.locator("article > p a.footnote-ref").count()
    assert markers == 15 and tab.locator("div.footnote li[id^='fn:']").count() == markers
    assert tab.locator("div.footnote").is_visible()


def test_a_narrower_screen_keeps_the_previews_and_the_pointer_can_cross_onto_one(new_tab):
    tab = new_tab(NARROW, "alliance-adaptation/")
    tab.wait_for_selector("article[data-notes=previews]", state="attached")
    assert tab.locator(".margin-note").count() == 0
    marker = tab.locator("a.footnote-ref[href='#fn:14']")
    marker.hover()
    preview = tab.locator(".note-preview")
    preview.wait_for(state="visible")
    assert preview.inner_text().startswith("14. Stephen J. Flanagan")
    assert preview.get_attribute("role") == "dialog"
    assert preview.get_attribute("aria-label") == "Preview of note 14"
    assert marker.get_attribute("aria-expanded") == "true"
    box = preview.bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=10)
    assert preview.is_visible()
    tab.mouse.move(5, 400)
    preview.wait_for(state="detached")
    assert marker.get_attribute("aria-expanded") == "false"


# A tap is the phone's way: the note opens in place, the page stays where it is.
def test_tapping_a_marker_opens_its_note_in_place_and_a_tap_outside_closes_it(new_tab):
    tab = new_tab(PHONE, "alliance-adaptation/")
    tab.wait_for_selector("article[data-notes=previews]", state="attached")
    marker = tab.locator("a.footnote-ref[href='#fn:8']")
    marker.scroll_into_view_if_needed()
    scrolled = tab.evaluate("scrollY")
    marker.tap()
    preview = tab.locator(".note-preview")
    preview.wait_for(state="visible")
    assert tab.evaluate("location.hash") == ""
    assert tab.evaluate("scrollY") == scrolled
    assert preview.inner_text().startswith("8. An Kwang-ch'an")
    box, under = preview.bounding_box(), marker.bounding_box()
    assert 8 <= box["x"] and box["x"] + box["width"] <= 390 - 8
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844
    assert box["y"] >= under["y"] + under["height"] or box["y"] + box["height"] <= under["y"]
    assert (
        min(
            abs(box["y"] - under["y"] - under["height"]), abs(under["y"] - box["y"] - box["height"])
        )
        < 12
    )
    assert tab.evaluate("document.activeElement.classList.contains('note-preview')")

    tab.touchscreen.tap(195, 830 if box["y"] < 422 else 60)  # outside the preview
    preview.wait_for(state="detached")

    marker.tap()
    preview.wait_for(state="visible")
    tab.locator(".note-preview__close").tap()
    preview.wait_for(state="detached")
    assert tab.evaluate("location.hash") == ""

    marker.tap()
    all_notes = tab.locator(".note-preview__list")
    assert all_notes.get_attribute("href") == "#fn:8"
    all_notes.tap()
    tab.wait_for_function("location.hash === '#fn:8'")
    preview.wait_for(state="detached")


# The 24 x 24 px square centred on the marker's number, at its corners and edges
TAP_TARGETS = """() => [...document.querySelectorAll('article > p a.footnote-ref')].map(marker => {
  const box = marker.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const offsets = [-11.5, 0, 11.5];
  const missed = [];
  for (const dx of offsets) for (const dy of offsets) {
    const hit = document.elementFromPoint(x + dx, y + dy);
    if (!hit || hit.closest('a.footnote-ref') !== marker) missed.push([dx, dy]);
  }
  const paragraph = marker.closest('p');
  const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight);
  const lines = paragraph.getBoundingClientRect().height / lineHeight;
  const sup = parseFloat(getComputedStyle(marker.parentElement).fontSize);
  return {number: marker.textContent, missed, fontSize: getComputedStyle(marker).fontSize,
          theme: 0.75 * sup, weight: getComputedStyle(marker).fontWeight, lines};
})"""


def test_markers_are_tapped_in_a_24_px_square_and_look_no_heavier(new_tab, page):
    for path in with_notes(page):
        tab = new_tab(PHONE, path)
        tab.wait_for_selector("article[data-notes]", state="attached")
        markers = tab.evaluate("() => document.querySelectorAll('article > p a.footnote-ref')")
        assert markers
        for marker in range(tab.locator("article > p a.footnote-ref").count()):
            tab.locator("article > p a.footnote-ref").nth(marker).scroll_into_view_if_needed()
            found = tab.evaluate(TAP_TARGETS)[marker]
            assert found["missed"] == [], (path, found)
            assert abs(float(found["fontSize"][:-2]) - found["theme"]) < 0.01, (path, found)
            assert found["weight"] == "700", (path, found)
            # the marker's line is no taller than the others: the paragraph is whole lines
            assert abs(found["lines"] - round(found["lines"])) < 0.05, (path, found)


def test_every_marker_still_links_to_its_note_in_the_list(page):
    for path in PAPER_PAGES:
        for marker in page(path).select("article a.footnote-ref"):
            assert re.fullmatch(r"#fn:\d+", marker["href"]), path
            assert page(path).find(id=marker["href"][1:]) is not None, path
