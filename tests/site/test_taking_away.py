"""The About page, the editor's notes, reporting an error and the one-page paper.

The EPUB is tests/site/test_epub.py's.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from edition.bibliography import load_bibliography
from edition.editors_notes import EDITORS_NOTES_FILE, load_editors_notes
from edition.source import words
from edition.whole_paper import one_page_id
from tests.conftest import ISSUE_URL, SITE_URL
from tests.support.paper import SECTION_SLUGS, the_source

ROOT = Path(__file__).resolve().parents[2]
PAPER = the_source()
EDITORS_NOTES = load_editors_notes(ROOT / EDITORS_NOTES_FILE)
SLUGS = SECTION_SLUGS
EPUB = "strengthening-the-us-rok-alliance.epub"
NOT_THE_AUTHORS = ".edition-added, .headerlink, sup[id^='fnref'], div.footnote"


def built_page(src_uri: str) -> str:
    return "index.html" if src_uri == "index.md" else f"{src_uri.removesuffix('.md')}/index.html"


def authors_words(element) -> list[str]:
    element = copy.copy(element)
    for added in element.select(NOT_THE_AUTHORS):
        added.decompose()
    return words(element.get_text())


# About this edition


def test_the_about_page_is_in_the_navigation(page):
    titles = [
        a.get_text(" ", strip=True) for a in page("index.html").select("nav.md-nav--primary a")
    ]
    assert "About this edition" in titles


def test_the_about_page_says_what_changed_what_never_changes_and_the_rights(page):
    text = page("about/index.html").select_one("article").get_text(" ")
    for words_ in [
        "source/snyder-2009-strengthening-the-us-rok-alliance.txt",
        "ten paragraphs",
        "Internet Archive",
        "Chicago",
        "The author's words",
        "copyright belongs to its author and The Asia Foundation",
    ]:
        assert words_ in " ".join(text.split()), words_


def test_the_about_page_lists_every_editor_s_note_with_a_link_to_it(page):
    items = page("about/index.html").select(".editors-notes-list li")
    assert len(items) == len(EDITORS_NOTES) >= 7
    for item, note in zip(items, EDITORS_NOTES, strict=False):
        assert (
            item.a["href"]
            == f"../{built_page(note.page).removesuffix('index.html')}#{note.note_id}"
        )
        assert note.words in item.get_text()


def test_the_about_page_offers_the_source_text_as_it_is(page, site):
    link = page("about/index.html").select_one(".source-download a[download]")
    published = (site / "about" / link["href"]).resolve()
    assert published.read_bytes() == (ROOT / "source" / published.name).read_bytes()
    assert link.get_text() == f"source/{published.name}"


def test_the_about_page_lists_every_join_and_escape_each_linked_to_its_paragraph(page, site):
    about = page("about/index.html")
    joins = about.select("h3#departures-joins + ol > li")
    escapes = about.select("h3#departures-escapes + ol > li")
    assert len(joins) == len(PAPER.joins) == 10
    assert len(escapes) == len(PAPER.escapes) == 1
    for item, seam in [
        *zip(
            joins,
            [" ".join(words(j.end_of_first + j.glue + j.start_of_second)) for j in PAPER.joins],
            strict=True,
        ),
        *zip(escapes, [escape.printed for escape in PAPER.escapes], strict=True),
    ]:
        href = item.a["href"]
        path, _, anchor = href.partition("#")
        built = (site / "about" / path / "index.html").resolve().relative_to(site.resolve())
        paragraph = page(str(built)).find(id=anchor)
        text = " ".join(authors_words(paragraph)) if " " in seam else paragraph.get_text()
        assert seam.split(" ", 1)[-1] in text, href  # the seam (its first word may be cut)
    glued = [item for item in joins if "joined without a space" in item.get_text()]
    assert [item.a["href"] for item in glued] == ["../alliance-adaptation/#p-19"]
    assert "“…and counter-proliferation and counter-” and “terrorism operations." in (
        glued[0].get_text()
    )
    assert [code.get_text() for code in escapes[0].select("code")] == ["U.S.\\$11", "U.S.$11"]


# Editor's notes


@pytest.mark.parametrize("on_one_page", [False, True], ids=["own-page", "whole-paper"])
@pytest.mark.parametrize("note", EDITORS_NOTES, ids=lambda note: note.note_id)
def test_each_editor_s_note_stands_beside_its_words(page, note, on_one_page):
    soup = page("paper/index.html" if on_one_page else built_page(note.page))
    anchor = one_page_id(note.page, note.anchor) if on_one_page else note.anchor
    holder = soup.find(id=anchor)
    marker = holder.find(id=note.marker_id)
    assert marker.name == "a" and "edition-added" in marker["class"]
    assert marker["href"] == f"#{note.note_id}" and marker.get_text() == ""
    text_before = "".join(
        s
        for s in holder.find_all(string=True)
        if s.find_parent(id=note.marker_id) is None
        and s.find_next(id=note.marker_id) is not None
        and not s.find_parent(class_="edition-added")
    )
    assert text_before.endswith(note.words)
    aside = soup.find(id=note.note_id)
    assert aside.name == "aside" and aside["role"] == "note"
    assert {"editor-note", "edition-added"} <= set(aside["class"])
    assert aside["aria-label"] == f"Editor's note {note.number}"
    assert aside.select_one(".editor-note-label").get_text() == f"Editor’s note {note.number}."
    assert " ".join(note.remark.split()) in " ".join(aside.get_text().split())
    assert aside.find_parent(id=anchor) or aside.find_previous_sibling(id=anchor)


def test_the_bibliography_s_entry_that_departs_from_note_16_carries_the_mark_and_the_reason(page):
    entry = page("bibliography/index.html").find(id="scm2004communique")
    marker = entry.select_one("a.editor-note-ref")
    aside = entry.select_one("aside.editor-note")
    assert marker and aside and "edition-added" in aside["class"]
    reason = " ".join(aside.get_text().split())
    assert "October 22, 2005" in reason and "Oct2004" in reason  # note 16's date, the evidence
    assert "October 22, 2005" in PAPER.notes[16]


def test_editor_s_notes_never_renumber_the_author_s_notes(page):
    for path in ["index.html", *(f"{slug}/index.html" for slug in SLUGS)]:
        soup = page(path)
        assert not soup.select("sup .editor-note-ref, a.footnote-ref.editor-note-ref")
        for item in soup.select("div.footnote li"):
            assert re.fullmatch(r"fn:([1-9]|1\d|2[0-2])", item["id"])
            assert item["value"] == item["id"].removeprefix("fn:")


# Report an error


@pytest.mark.parametrize("slug", SLUGS)
def test_every_paragraph_has_a_report_link_and_the_page_names_what_its_address_is_made_of(
    page, slug
):
    """The address itself is made in the browser (tests/browser/test_taking_away.py)."""
    soup = page(f"{slug}/index.html")
    title = soup.select_one("article h1").get_text(" ", strip=True).rstrip("¶ ").strip()
    paragraphs = soup.select("article [id^='p-']")
    assert paragraphs
    for paragraph in paragraphs:
        number = paragraph["id"].removeprefix("p-")
        link = paragraph.find("a", class_="report-error", recursive=False)
        assert link["href"] == "#report-error"  # without JavaScript: the page's link
        assert link["aria-label"] == f"Report an error in paragraph {number}"
    (page_link,) = soup.select("article .report-error-page a#report-error")
    assert page_link["data-report-issue-url"] == ISSUE_URL
    assert page_link["data-report-section"] == title
    assert page_link["data-report-address"] == f"{SITE_URL}{slug}/"
    assert urlsplit(page_link["href"]).path == urlsplit(ISSUE_URL).path


def test_a_paragraph_s_report_link_is_small(page):
    """Markup repeated per paragraph is made once: the long address is the page's only."""
    for slug in SLUGS:
        soup = page(f"{slug}/index.html")
        for link in soup.select("article [id^='p-'] > a.report-error"):
            assert len(str(link)) < 140, str(link)


def test_every_page_has_a_report_link_and_none_loads_anything_from_the_tracker(page, html_pages):
    host = urlsplit(ISSUE_URL).netloc
    for path in html_pages:
        soup = page(path)
        if path != "404.html":
            assert soup.select_one("article .report-error-page a[href^='https://']"), path
        for element in soup.select("[src], link[href]"):
            assert host not in (element.get("src") or element.get("href")), path


# The whole paper on one page


def test_the_one_page_paper_has_the_cover_the_four_sections_and_the_bibliography(page):
    soup = page("paper/index.html")
    article = soup.select_one("article")
    assert article.select_one("h1#title")
    assert [h["id"] for h in article.select("h2")][:4] == SLUGS
    assert article.select_one("h2#bibliography")
    keys = set(load_bibliography(ROOT / "references.bib").entries)
    assert {li["id"] for li in article.select(".bibliography li")} == keys


def test_on_the_one_page_paper_each_section_s_notes_follow_it(page):
    article = page("paper/index.html").select_one("article")
    parts = article.select("section.paper-part")
    assert [part["data-part"] for part in parts] == ["title-page", *SLUGS, "bibliography"]
    for part in parts:
        markers = [a["href"].removeprefix("#") for a in part.select("a.footnote-ref")]
        notes = [li["id"] for li in part.select("div.footnote li")]
        assert notes == markers, part["data-part"]  # each note after its section, in order
        heading = part.select_one(f"h3#{part['data-part']}-notes")
        assert (heading is not None) == (bool(notes) and part["data-part"] != "title-page")
    assert len(article.select("div.footnote li")) == 22
    assert not article.select(":scope > div.footnote")  # no list left at the end


def test_the_one_page_paper_has_every_word_of_every_section_in_order(page):
    article = page("paper/index.html").select_one("article")
    expected = [
        w
        for section in PAPER.sections
        for text in [section.title, *section.paragraphs]
        for w in words(text)
    ]
    on_page = authors_words(article)
    start = on_page.index(expected[0])
    assert on_page[start : start + len(expected)] == expected


def test_the_one_page_paper_has_the_22_notes_with_the_paper_s_numbers_and_words(page):
    soup = page("paper/index.html")
    items = soup.select("div.footnote li")
    assert [item["id"] for item in items] == [f"fn:{n}" for n in range(1, 23)]
    for item in items:
        number = int(item["value"])
        assert item["id"] == f"fn:{number}"
        kept = copy.copy(item)
        for added in kept.select(".edition-added, .footnote-backref"):
            added.decompose()
        # Joined: an added link may leave a space before the note's closing full stop.
        assert "".join(words(kept.get_text())) == "".join(words(PAPER.notes[number]))
    markers = [a.get_text() for a in soup.select("a.footnote-ref")]
    assert markers == [str(n) for n in range(1, 23)]


def test_the_one_page_paper_s_paragraphs_cite_the_section_pages(page):
    soup = page("paper/index.html")
    for slug in SLUGS:
        chapter_ids = [p["id"] for p in page(f"{slug}/index.html").select("article [id^='p-']")]
        here = soup.select(f"article [id^='{slug}-p-']")
        assert [p["id"] for p in here] == [f"{slug}-{i}" for i in chapter_ids]
        for paragraph in here:
            link = paragraph.find("a", class_="paragraph-link")
            assert link["href"] == f"../{slug}/#{paragraph['id'].removeprefix(slug + '-')}"


def test_the_one_page_paper_is_not_searched_twice(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("paper/")]
