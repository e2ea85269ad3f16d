"""Printing in Chromium reads like a printed edition: proved on the PDF's text, read with pypdf.

A section and the whole paper are printed to PDF (Chromium's print media,
its CSS page-margin boxes); each page's text is read with where it stands:
the running head at the top, the page number at the foot, the paragraph
numbers in the margin left of the text, the notes after their section with
the editor's notes apart, each web address once and no screen-only control.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from edition.editors_notes import EDITORS_NOTES_FILE, load_editors_notes
from edition.source import decoded
from tests.conftest import ROOT
from tests.support.paper import (
    SECTION_SLUGS,
    expected_paragraphs,
    folded,
    section_notes,
    the_source,
)

PAPER = the_source()
TITLE = "Strengthening the U.S.-ROK Alliance"
EDITORS_NOTES = load_editors_notes(ROOT / EDITORS_NOTES_FILE)
SLUGS = SECTION_SLUGS
SECTION = 1  # Alliance Adaptation: the section with the most notes and editor's notes
URL = re.compile(r"https?://[^\s<>]+[^\s<>.,;)]")
MM = 72 / 25.4  # PDF points in a millimetre
SCREEN_ONLY = [
    "Copy",
    "✎",
    "↩",
    "Report an error",
    "archived copy",
    "Permanent link",
    "Skip to content",
    "Switch to",
    "The whole paper on one page, for reading",
    "Back to",
]


@dataclass
class Fragment:
    x: float
    y: float
    text: str


@dataclass
class PrintedPage:
    number: int
    height: float
    text: str
    fragments: list[Fragment]

    def at_top(self) -> str:
        """The text in the top margin: the running head."""
        return folded(" ".join(f.text for f in self.fragments if f.y > self.height - 22 * MM))

    def at_foot(self) -> str:
        """The text in the bottom margin: the page number."""
        return folded(" ".join(f.text for f in self.fragments if f.y < 20 * MM))

    def body(self) -> list[Fragment]:
        return [f for f in self.fragments if 20 * MM <= f.y <= self.height - 22 * MM]

    def reading_text(self) -> str:
        """The text between the margins in reading order, by where each fragment stands.

        Chromium writes positioned elements (the paragraphs, for their numbers) after the
        others, so the order of the PDF's text is not the order of the page. A line's
        fragments are those within 6 pt of its first (a note marker is raised by 4.5 pt).
        """
        lines: list[list[Fragment]] = []
        for fragment in sorted(self.body(), key=lambda f: -f.y):
            if lines and lines[-1][0].y - fragment.y < 6:
                lines[-1].append(fragment)
            else:
                lines.append([fragment])
        return folded(
            " ".join("".join(f.text for f in sorted(line, key=lambda f: f.x)) for line in lines)
        )


def read_pdf(data: bytes) -> list[PrintedPage]:
    pages = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        fragments: list[Fragment] = []

        def visit(text, cm, tm, font, size, fragments=fragments):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                fragments.append(Fragment(x, y, text))

        text = page.extract_text(visitor_text=visit)
        pages.append(PrintedPage(number, float(page.mediabox.height), text, fragments))
    return pages


def print_to_pdf(browser, server: str, path: str) -> list[PrintedPage]:
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(server + path)
        tab.wait_for_load_state("load")
        return read_pdf(tab.pdf(format="A4"))
    finally:
        context.close()


@pytest.fixture(scope="module")
def section(browser, server) -> list[PrintedPage]:
    return print_to_pdf(browser, server, f"{SLUGS[SECTION]}/")


@pytest.fixture(scope="module")
def whole_paper(browser, server) -> list[PrintedPage]:
    return print_to_pdf(browser, server, "paper/")


def all_text(pages: list[PrintedPage]) -> str:
    """Every page's text between its margins, in reading order."""
    return " ".join(page.reading_text() for page in pages)


def body_left(pages: list[PrintedPage]) -> float:
    """Where the lines of the text begin: the most common left edge."""
    edges = Counter(round(f.x) for page in pages for f in page.body())
    return edges.most_common(1)[0][0]


def margin_numbers(pages: list[PrintedPage]) -> list[tuple[int, int]]:
    """(page, number) of each number printed left of the text, in reading order."""
    left = body_left(pages)
    found = []
    for page in pages:
        lines = {round(f.y) for f in page.body() if f.x >= left - 1}  # lines of text
        for f in sorted(page.body(), key=lambda f: -f.y):
            if f.text.strip().isdigit() and f.x < left - 2:
                # it stands on the first line of its paragraph
                assert any(abs(f.y - y) < 4 for y in lines), (page.number, f)
                found.append((page.number, int(f.text)))
    return found


# A section


def test_every_page_of_a_section_has_the_running_head_and_its_number(section):
    title = folded(PAPER.sections[SECTION].title)
    assert len(section) > 3
    for page in section:
        assert page.at_top() == f"{TITLE} {title}", page.number
        assert page.at_foot() == str(page.number)


def test_the_paragraph_numbers_are_printed_in_the_margin_in_order(section):
    numbers = [number for _, number in margin_numbers(section)]
    assert numbers == list(range(1, len(expected_paragraphs(SECTION)) + 1))


def test_the_section_s_text_then_its_notes_with_the_editor_s_notes_apart(section):
    text = all_text(section)
    last_words = expected_paragraphs(SECTION, markers=False)[-1][-60:]
    notes_at = text.index(" Notes ")
    assert text.index(last_words) < notes_at
    positions = []
    for number in section_notes(SECTION):
        opening = folded(decoded(PAPER.notes[number]))[:40]
        positions.append(text.index(f"{number}. {opening}", notes_at))
    assert positions == sorted(positions)  # every note, in the paper's order
    for note in EDITORS_NOTES:
        if note.page != f"{SLUGS[SECTION]}.md":
            continue
        label = folded(f"Editor’s note {note.number}. {note.remark}")[:66]
        at = text.index(label)
        if note.anchor.startswith("fn:"):  # after the note it is about, before the next
            number = int(note.anchor.removeprefix("fn:"))
            assert positions[section_notes(SECTION).index(number)] < at


def test_each_web_address_is_printed_once_and_no_archived_copy(section):
    joined = "".join(all_text(section).split())
    addresses = {
        url
        for number in section_notes(SECTION)
        for url in URL.findall(decoded(PAPER.notes[number]))
    }
    assert len(addresses) >= 4
    for url in addresses:
        assert joined.count(url) == 1, url
    assert "web.archive.org" not in joined
    assert joined.count(f"{SLUGS[SECTION]}/") == 1  # the address in "Cite this"


def test_no_screen_only_control_is_printed(section, whole_paper):
    for pages in (section, whole_paper):
        text = all_text(pages)
        assert [words for words in SCREEN_ONLY if words in text] == []


# The whole paper


def test_the_whole_paper_prints_from_its_title_page_without_a_running_head(whole_paper):
    first = whole_paper[0]
    assert first.reading_text().startswith(f"{TITLE} Scott Snyder FEBRUARY 2009")
    assert first.at_top() == ""
    assert first.at_foot() == "1"


def test_each_section_starts_a_page_headed_by_its_title_and_its_notes_follow_it(whole_paper):
    text = all_text(whole_paper)
    starts = []
    for index, slug in enumerate(SLUGS):
        title = folded(PAPER.sections[index].title)
        headed = [page for page in whole_paper if page.at_top() == f"{TITLE} {title}"]
        assert headed, slug
        assert folded(headed[0].text).find(title) >= 0  # the section opens its first page
        starts.append(text.index(folded(expected_paragraphs(index, markers=False)[0])[:60]))
    for index, number in enumerate(sorted(PAPER.notes)):
        opening = folded(decoded(PAPER.notes[number]))[:40]
        at = text.index(f"{number}. {opening}")
        section = next(i for i in range(len(SLUGS)) if number in section_notes(i)) if index else -1
        if section >= 0:
            assert starts[section] < at  # after its section's text...
            if section + 1 < len(starts):
                assert at < starts[section + 1]  # ...and before the next section's
    bibliography = [page for page in whole_paper if page.at_top() == f"{TITLE} Bibliography"]
    assert bibliography and bibliography[0].number > max(p.number for p in whole_paper) - 3


def test_the_whole_paper_prints_every_editor_s_note_and_its_pages_are_numbered(whole_paper):
    text = all_text(whole_paper)
    for note in EDITORS_NOTES:
        assert folded(f"Editor’s note {note.number}. {note.remark}")[:66] in text
    assert [page.at_foot() for page in whole_paper] == [
        str(n) for n in range(1, len(whole_paper) + 1)
    ]
    numbers = [number for _, number in margin_numbers(whole_paper)]
    expected = [
        n for index in range(len(SLUGS)) for n in range(1, len(expected_paragraphs(index)) + 1)
    ]
    assert numbers == expected
