"""The About page, the editor's notes, reporting an error, the one-page paper and the EPUB."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from edition.bibliography import load_bibliography
from edition.editors_notes import EDITORS_NOTES_FILE, load_editors_notes
from edition.source import words
from tests.conftest import ISSUE_URL
from tests.support.paper import the_source

ROOT = Path(__file__).resolve().parents[2]
PAPER = the_source()
EDITORS_NOTES = load_editors_notes(ROOT / EDITORS_NOTES_FILE)
SLUGS = [
    "introduction",
    "alliance-adaptation",
    "mutually-beneficial-rationale",
    "synchronizing-views",
]
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


# Editor's notes


@pytest.mark.parametrize("note", EDITORS_NOTES, ids=lambda note: note.note_id)
def test_each_editor_s_note_stands_beside_its_words(page, note):
    soup = page(built_page(note.page))
    holder = soup.find(id=note.anchor)
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
    assert " ".join(note.remark.split()) in " ".join(aside.get_text().split())
    assert aside.find_parent(id=note.anchor) or aside.find_previous_sibling(id=note.anchor)


def test_editor_s_notes_never_renumber_the_author_s_notes(page):
    for path in ["index.html", *(f"{slug}/index.html" for slug in SLUGS)]:
        soup = page(path)
        assert not soup.select("sup .editor-note-ref, a.footnote-ref.editor-note-ref")
        for item in soup.select("div.footnote li"):
            assert re.fullmatch(r"fn:([1-9]|1\d|2[0-2])", item["id"])
            assert item["value"] == item["id"].removeprefix("fn:")


# Report an error


@pytest.mark.parametrize("slug", SLUGS)
def test_every_paragraph_has_a_link_that_opens_an_issue_naming_it(page, slug):
    soup = page(f"{slug}/index.html")
    title = soup.select_one("article h1").get_text(" ", strip=True).rstrip("¶ ").strip()
    paragraphs = soup.select("article [id^='p-']")
    assert paragraphs
    for paragraph in paragraphs:
        number = paragraph["id"].removeprefix("p-")
        link = paragraph.find("a", class_="report-error", recursive=False)
        url = urlsplit(link["href"])
        assert f"{url.scheme}://{url.netloc}{url.path}" == ISSUE_URL
        query = parse_qs(url.query)
        assert query["title"] == [f"Error in “{title}”, ¶ {number}"]
        assert f"/{slug}/#p-{number}" in query["body"][0]


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
    assert article.select_one("h2#notes") and article.select_one("h2#bibliography")
    keys = set(load_bibliography(ROOT / "references.bib").entries)
    assert {li["id"] for li in article.select(".bibliography li")} == keys


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


# The EPUB


@pytest.fixture(scope="module")
def epub(site) -> zipfile.ZipFile:
    with zipfile.ZipFile(site / EPUB) as book:
        yield book


def test_the_home_page_links_the_epub(page, site):
    link = page("index.html").select_one("article a.epub-download")
    assert link["href"] == EPUB and (site / EPUB).is_file()


def test_the_epub_is_built_as_epub_requires(epub):
    first = epub.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert epub.read("mimetype") == b"application/epub+zip"
    container = BeautifulSoup(epub.read("META-INF/container.xml"), "xml")
    opf_path = container.find("rootfile")["full-path"]
    opf = BeautifulSoup(epub.read(opf_path), "xml")
    assert opf.package["version"] == "3.0"
    metadata = {
        tag.name: tag.get_text() for tag in opf.metadata.find_all(True) if tag.prefix == "dc"
    }
    assert metadata["title"] == "Strengthening the U.S.-ROK Alliance"
    assert metadata["creator"] == "Scott Snyder"
    assert metadata["date"] == "2009-02"
    assert metadata["publisher"] == "Center for U.S.-Korea Policy, The Asia Foundation"
    assert metadata["language"] == "en-US"
    nav = opf.manifest.find("item", properties=re.compile(r"\bnav\b"))
    assert nav and nav["href"] in {Path(name).name for name in epub.namelist()} | {
        str(Path(name).relative_to(Path(opf_path).parent))
        for name in epub.namelist()
        if name.startswith(str(Path(opf_path).parent))
    }


def test_the_epub_passes_epubcheck(site):
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


def epub_text(epub: zipfile.ZipFile) -> BeautifulSoup:
    parts = [
        name for name in sorted(epub.namelist()) if name.endswith(".xhtml") and "nav" not in name
    ]
    with warnings.catch_warnings():  # XHTML read as HTML, for its classes
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup("".join(epub.read(name).decode() for name in parts), "lxml")


def test_the_epub_has_the_22_notes_with_the_paper_s_numbers_and_words(epub):
    text = epub_text(epub)
    markers = [a.get_text() for a in text.select("a.footnote-ref")]
    assert markers == [str(n) for n in range(1, 23)]
    notes = text.select("aside[role='doc-footnote']")
    assert len(notes) == 22
    for marker, note in zip(text.select("a.footnote-ref"), notes, strict=False):
        assert note["id"] == marker["href"].removeprefix("#")
        number = int(marker.get_text())
        kept = copy.copy(note)
        for back in kept.select(".footnote-back"):
            back.decompose()
        assert words(kept.get_text()) == words(PAPER.notes[number]), number


def test_the_epub_has_every_paragraph_of_the_paper_and_the_bibliography(epub):
    text = epub_text(epub)
    body = copy.copy(text)
    for notes in body.select("section.footnotes, #refs, a.footnote-ref"):
        notes.decompose()
    on_page = words(body.get_text(" "))
    expected = [
        w
        for section in PAPER.sections
        for text_ in [section.title, *section.paragraphs]
        for w in words(text_)
    ]
    start = on_page.index(expected[0])
    assert on_page[start : start + len(expected)] == expected
    keys = set(load_bibliography(ROOT / "references.bib").entries)
    assert {div["id"].removeprefix("ref-") for div in text.select("#refs > div")} == keys
