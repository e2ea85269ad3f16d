"""The one-page edition and the EPUB's Markdown, put together from the chapter files."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from edition.whole_paper import (
    Chapter,
    WholePaperError,
    chapter_for_one_page,
    epub_markdown,
    escape_lettered_items,
    read_chapters,
    read_cover,
    without_citation_blocks,
)
from tests.unit.hooks import load_hook

ROOT = Path(__file__).resolve().parents[2]
HOME = (
    '---\ntitle: Home\n---\n\n<div class="cover" markdown>\n\n# Title { #title }\n\n'
    '<p class="cover-author">A. Author</p>\n\n'
    '<p class="cover-affiliation" markdown>*Somewhere*[^1]</p>\n\n</div>\n\n'
    "## Contents { #contents }\n\n[^1]: The first note.\n"
)
CHAPTER = Chapter(1, "introduction.md", (
    "# Introduction { #introduction }\n\nFirst.[^2]\n\n- a) one\n- b) two\n\n"
    "[^2]: A note, p. 3. [@key1; @key2]\n"
))
report_error = load_hook("report_error")


def test_the_chapters_are_read_in_the_paper_s_order():
    assert [chapter.src_uri for chapter in read_chapters(ROOT / "docs")] == [
        "introduction.md", "alliance-adaptation.md", "mutually-beneficial-rationale.md",
        "synchronizing-views.md"]


def test_the_cover_and_note_1_come_from_the_home_page():
    cover, note_1 = read_cover(HOME)
    assert cover.startswith('<div class="cover" markdown>') and cover.endswith("</div>")
    assert "Contents" not in cover
    assert note_1 == "[^1]: The first note."
    with pytest.raises(WholePaperError, match="cover"):
        read_cover("# No cover\n")


def test_on_one_page_paragraphs_get_their_own_ids_and_cite_the_chapter_page():
    one_page = chapter_for_one_page(CHAPTER)
    assert one_page.startswith("## Introduction { #introduction }")
    link = '[¶](introduction.md#p-{n}){{ .paragraph-link .edition-added aria-label="Paragraph {n} of this section, on its own page" }}'
    assert f"{link.format(n=1)}First.[^2]\n{{ #introduction-p-1 }}" in one_page
    assert f"- {link.format(n=2)}a) one\n{{ #introduction-p-2 }}\n- {link.format(n=3)}b) two" in one_page
    assert "[^2]: A note, p. 3. [@key1; @key2]" in one_page  # the notes hook links them


def test_the_epub_keeps_the_author_s_notes_and_letters():
    assert without_citation_blocks(CHAPTER.body).endswith("[^2]: A note, p. 3.\n")
    assert escape_lettered_items("- a) one\n- b) two") == "- a\\) one\n- b\\) two"
    book = epub_markdown(HOME, [CHAPTER], title="Title", metadata_yaml="title: Title")
    assert book.startswith("---\ntitle: Title\n---\n\n# Title {#paper}\n\n::: {.author-line}\n"
                           "A. Author\n\n*Somewhere*[^1]\n:::")
    assert "## Introduction { #introduction }" in book
    assert book.index("## Bibliography {#bibliography}\n\n::: {#refs}\n:::") < book.index("[^1]: The first note.")
    assert "@key" not in book


def test_a_report_link_names_the_section_and_the_paragraph():
    link = report_error.issue_link("https://example.org/issues/new", section="Introduction",
                                   paragraph=7, address="https://site/introduction/#p-7")
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://example.org/issues/new"
    assert query["title"] == ["Error in “Introduction”, ¶ 7"]
    assert "Paragraph: ¶ 7\nAddress: https://site/introduction/#p-7\n" in query["body"][0]


def test_each_numbered_paragraph_gets_a_report_link_after_its_permalink():
    html = ('<p id="p-1"><a class="paragraph-link edition-added" href="#p-1">¶</a>Text.</p>'
            '<li id="p-2">Item.</li><p>Not numbered.</p>')
    result = report_error.add_report_links(html, issue_url="https://x.org/new", section="S",
                                           page_address="https://site/s/")
    assert result.count('class="report-error edition-added"') == 2
    assert result.index('class="report-error') > result.index("¶</a>")
    assert 'aria-label="Report an error in paragraph 2"' in result
    assert "&amp;body=" in result
