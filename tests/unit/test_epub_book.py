"""The EPUB's pandoc Markdown: notes linked both ways, numbered paragraphs, the apparatus."""

from __future__ import annotations

import pytest

from edition.editors_notes import EditorNote
from edition.epub_book import BookEntry, book_markdown, chapter_part, plain
from edition.errors import EditionError
from edition.whole_paper import Chapter
from tests.unit.pages import HOME

CHAPTER = Chapter(
    1,
    "introduction.md",
    (
        "# Introduction { #introduction }\n\nFirst, U.S.\\$11.[^2]\n\n- a) one\n- b) two\n\n"
        "[^2]: A note, p. 3. [@key1; @key2]\n"
    ),
)
ENTRY = BookEntry("key1", 'Author. "A Work." October 22, 2004.', ["2"])


def remark(number: int, page: str, anchor: str, words: str) -> EditorNote:
    return EditorNote(number, page, anchor, words, "A *remark* on [it].")


def book(*notes: EditorNote, entries: list[BookEntry] | None = None) -> str:
    return book_markdown(
        HOME,
        [CHAPTER],
        title="Title",
        metadata_yaml="title: Title",
        home_page="index.md",
        home_file="docs/index.md",
        bibliography_page="bibliography.md",
        editors_notes=list(notes),
        entries=[ENTRY] if entries is None else entries,
    )


def test_each_paragraph_opens_with_its_number_and_the_section_is_one_level_down():
    part = chapter_part(CHAPTER, [])
    assert part.startswith("## Introduction { #introduction }")
    assert "[1]{#introduction-p-1 .paragraph-number .edition-added} First, U.S.\\$11." in part
    assert "- [2]{#introduction-p-2 .paragraph-number .edition-added} a) one" in part
    assert "- [3]{#introduction-p-3 .paragraph-number .edition-added} b) two" in part


def test_a_note_s_marker_and_the_note_link_to_each_other_with_the_paper_s_number():
    text = book()
    assert (
        "[2](#note-2){#note-ref-2 .noteref "
        'epub:type="noteref" role="doc-noteref" aria-label="Note 2"}' in text
    )
    assert '::: {#note-2 .endnote epub:type="endnote"}\n[2](#note-ref-2){.note-number' in text
    assert "A note, p. 3.\n:::" in text and "@key" not in text  # the author's words only
    assert text.index("# Notes {#notes") < text.index("#note-1 ") < text.index("#note-2 ")
    assert 'epub:type="endnotes" role="doc-endnotes"' in text


def test_the_paper_s_head_carries_note_1_and_the_bibliography_follows_the_notes():
    text = book()
    assert text.startswith("---\ntitle: Title\n---\n\n# Title {#paper}\n\n::: {.author-line}\n")
    assert "*Somewhere*[1](#note-1){#note-ref-1" in text
    assert text.index("# Notes") < text.index("# Bibliography {#bibliography")
    assert '::: {#ref-key1 .bibliography-entry}\nAuthor. "A Work."' in text
    assert "[Cited in [n.\u00a02](#note-2).]{.cited-in .edition-added}" in text


def test_an_editor_s_note_follows_its_paragraph_note_or_entry_with_its_marker_after_the_words():
    on_paragraph = remark(1, "introduction.md", "p-1", "U.S.\\$11")
    on_note = remark(2, "introduction.md", "fn:2", "p. 3")
    on_entry = remark(3, "bibliography.md", "key1", "October 22, 2004")
    text = book(on_paragraph, on_note, on_entry)
    marker = '[ed.](#ed-1){#ed-ref-1 .editor-note-ref .edition-added aria-label="Editor\'s note 1"}'
    assert f"First, U.S.\\$11{marker}." in text
    assert (
        text.index(marker)
        < text.index("::: {#ed-1 .editor-note .edition-added")
        < text.index("- [2]{#introduction-p-2")
    )
    assert "p. 3[ed.](#ed-2)" in text
    assert (
        text.index("#note-2 .endnote")
        < text.index("{#ed-2 .editor-note")
        < text.index("# Bibliography")
    )
    assert "October 22, 2004[ed.](#ed-3)" in text
    assert "*Editor's note 1.* A \\*remark\\* on \\[it\\]." in text  # the remark as plain text
    assert '[↩](#ed-ref-1){.editor-note-back role="doc-backlink"' in text


@pytest.mark.parametrize(
    "note, complaint",
    [
        (EditorNote(1, "introduction.md", "p-1", "nowhere", "R."), "'nowhere' are not in"),
        (EditorNote(1, "introduction.md", "p-9", "First", "R."), "has no p-9"),
        (EditorNote(1, "introduction.md", "fn:7", "note", "R."), "has no fn:7"),
        (EditorNote(1, "bibliography.md", "nokey", "2004", "R."), "no bibliography entry 'nokey'"),
    ],
)
def test_an_editor_s_note_the_book_cannot_place_stops_the_build(note, complaint):
    with pytest.raises(EditionError, match=complaint):
        book(note)


def test_a_cover_without_its_author_line_is_named_in_the_home_page():
    with pytest.raises(EditionError) as error:
        book_markdown(
            HOME.replace("cover-author", "author"),
            [CHAPTER],
            title="T",
            metadata_yaml="title: T",
            home_page="index.md",
            home_file="docs/index.md",
            bibliography_page="bibliography.md",
            editors_notes=[],
            entries=[],
        )
    assert str(error.value).startswith("docs/index.md: the cover needs")


def test_plain_text_is_never_read_as_markup():
    assert plain("a *b* _c_ [d] <e> #f $g @h") == r"a \*b\* \_c\_ \[d\] \<e\> \#f \$g \@h"
