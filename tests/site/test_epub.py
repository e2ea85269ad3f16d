"""The EPUB, read as a reading system reads it: a proper EPUB 3 edition of the paper.

Its title page, its navigation (every section, the Notes, the Bibliography),
the notes numbered as printed and linked both ways with their markers, the
paragraph numbers as on the web, the editor's notes, the accessibility
metadata; epubcheck finds nothing. DAISY Ace runs in tests/browser/test_epub_ace.py,
the characters of its text are compared in tests/site/test_characters.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from edition.bibliography import load_bibliography
from edition.editors_notes import EDITORS_NOTES_FILE, load_editors_notes
from tests.support.epub import Book, classes, read_book, with_class
from tests.support.paper import SECTION_SLUGS, folded, the_source

ROOT = Path(__file__).resolve().parents[2]
EPUB = "strengthening-the-us-rok-alliance.epub"
PAPER = the_source()
EDITORS_NOTES = load_editors_notes(ROOT / EDITORS_NOTES_FILE)
SLUGS = SECTION_SLUGS


@pytest.fixture(scope="module")
def book(site) -> Book:
    return read_book(site / EPUB)


def test_the_home_page_links_the_epub(page, site):
    link = page("index.html").select_one("article a.epub-download")
    assert link["href"] == EPUB and (site / EPUB).is_file()


def test_the_epub_is_an_epub_3_book_with_the_paper_s_facts(site, book):
    with zipfile.ZipFile(site / EPUB) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
    assert book.opf.package["version"] == "3.0"
    assert book.metadata("dc", "title") == ["Strengthening the U.S.-ROK Alliance"]
    assert book.metadata("dc", "creator") == ["Scott Snyder"]
    assert book.metadata("dc", "date") == ["2009-02"]
    assert book.metadata("dc", "publisher") == ["Center for U.S.-Korea Policy, The Asia Foundation"]
    assert book.metadata("dc", "language") == ["en-US"]


def test_the_epub_declares_its_accessibility(book):
    assert book.metadata("schema", "accessMode") == ["textual"]
    assert book.metadata("schema", "accessModeSufficient") == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder"} <= set(
        book.metadata("schema", "accessibilityFeature")
    )
    assert book.metadata("schema", "accessibilityHazard") == ["none"]
    (summary,) = book.metadata("schema", "accessibilitySummary")
    assert "notes" in summary and "table of contents" in summary


def test_the_epub_opens_on_a_title_page_with_author_date_publisher_and_the_edition(book):
    first_path, first = next(iter(book.documents.items()))
    title_page = first.find("section", attrs={"epub:type": "titlepage"})
    assert title_page is not None, first_path
    lines = [folded(p.get_text()) for p in title_page.find_all(["h1", "p"])]
    assert lines[:4] == [
        "Strengthening the U.S.-ROK Alliance",
        "Scott Snyder",
        "Center for U.S.-Korea Policy, The Asia Foundation",
        "February 2009",
    ]
    statement = folded(title_page.find(class_="abstract").get_text())
    assert "paragraph numbers" in statement and f"{len(EDITORS_NOTES)} editor's notes" in statement


def test_the_navigation_lists_every_section_the_notes_and_the_bibliography(book):
    toc = book.nav.find("nav", attrs={"epub:type": "toc"})
    entries = [(folded(a.get_text()), a["href"]) for a in toc.find_all("a")]
    titles = [title for title, _ in entries]
    assert titles == [
        "Strengthening the U.S.-ROK Alliance",
        *(folded(section.title) for section in PAPER.sections),
        "Notes",
        "Bibliography",
    ]
    for _, href in entries:  # each entry opens its heading
        _, target = book.find(href, book.nav_path)
        assert target.find(re.compile("^h[12]$")) is not None


def test_the_22_notes_are_numbered_as_printed_and_linked_both_ways(book):
    markers = book.all("a", attrs={"epub:type": "noteref"})
    assert [marker.get_text() for _, marker in markers] == [str(n) for n in range(1, 23)]
    for path, marker in markers:
        assert marker["role"] == "doc-noteref"
        note_path, note = book.find(marker["href"], path)
        assert note.get("epub:type") == "endnote" and note["id"] == f"note-{marker.get_text()}"
        endnotes = note.find_parent("section")
        assert endnotes.get("epub:type") == "endnotes" and endnotes["role"] == "doc-endnotes"
        back = note.find("a", class_="note-number")
        assert back.get_text() == marker.get_text() and back["role"] == "doc-backlink"
        assert book.find(back["href"], note_path)[1] is marker


def test_the_notes_are_a_part_of_their_own_after_the_paper_then_the_bibliography(book):
    parts = [
        (path, heading.get_text())
        for path, document in book.documents.items()
        for heading in document.find_all("h1")
    ]
    assert [title for _, title in parts][-2:] == ["Notes", "Bibliography"]
    notes_path = parts[-2][0]
    assert [
        n["id"] for n in book.documents[notes_path].find_all(attrs={"epub:type": "endnote"})
    ] == [f"note-{n}" for n in range(1, 23)]


@pytest.mark.parametrize("slug", SLUGS)
def test_each_paragraph_is_numbered_as_on_the_web(book, page, slug):
    on_the_web = [p["id"] for p in page(f"{slug}/index.html").select("article [id^='p-']")]
    numbers = [
        span
        for _, span in book.all("span", class_=with_class("paragraph-number"))
        if span["id"].startswith(f"{slug}-p-")
    ]
    assert [span["id"] for span in numbers] == [f"{slug}-{anchor}" for anchor in on_the_web]
    assert [span.get_text() for span in numbers] == [a.removeprefix("p-") for a in on_the_web]
    assert all("edition-added" in classes(span) for span in numbers)
    assert all(
        span.parent.name in ("p", "li") and span.parent.contents[0] is span for span in numbers
    )


@pytest.mark.parametrize("note", EDITORS_NOTES, ids=lambda note: note.note_id)
def test_each_editor_s_note_is_numbered_marked_and_linked_both_ways(book, note):
    ((path, marker),) = book.all(id=note.marker_id)
    assert "edition-added" in classes(marker) and marker.get_text() == "ed."
    assert marker.previous_sibling is not None
    assert folded(str(marker.previous_sibling)).endswith(folded(note.words))
    aside_path, aside = book.find(marker["href"], path)
    assert {"editor-note", "edition-added"} <= classes(aside) and aside["role"] == "note"
    text = folded(aside.get_text())
    assert text.startswith(f"Editor's note {note.number}.") and folded(note.remark) in text
    assert book.find(aside.find("a", role="doc-backlink")["href"], aside_path)[1] is marker


def test_the_bibliography_has_every_work_each_linked_to_the_notes_citing_it(book):
    entries = book.all("div", class_="bibliography-entry")
    keys = set(load_bibliography(ROOT / "references.bib").entries)
    assert {entry["id"].removeprefix("ref-") for _, entry in entries} == keys
    section = entries[0][1].find_parent("section")
    assert section.get("epub:type") == "bibliography" and section["role"] == "doc-bibliography"
    for path, entry in entries:
        for link in entry.select(".cited-in a"):
            _, note = book.find(link["href"], path)
            assert note.get("epub:type") == "endnote"
            assert link.get_text().removeprefix("n.\u00a0") == note["id"].removeprefix("note-")


def test_the_epub_passes_epubcheck_with_no_error_and_no_warning(site):
    epubcheck = shutil.which("epubcheck")
    if epubcheck is None:
        pytest.fail("epubcheck not found: install it (apt-get install epubcheck); .ci/run does")
    command = (
        ["java", "-jar", epubcheck] if Path(epubcheck).read_bytes()[:2] == b"PK" else [epubcheck]
    )
    result = subprocess.run(
        [*command, str(site / EPUB)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Messages: 0 fatals / 0 errors / 0 warnings", result.stdout), result.stdout
