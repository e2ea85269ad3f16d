"""Editor's notes: read from data/, tied to the paper's words, shown beside them."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from markdown.serializers import to_html_string

from edition.bibliography import load_bibliography
from edition.editors_notes import (
    EDITORS_NOTES_FILE,
    EditorNote,
    load_editors_notes,
    parse_editors_notes,
)
from edition.errors import EditionError
from edition.paragraphs import read_paragraphs
from edition.templates import fragment
from edition.whole_paper import read_chapters
from tests.support.paper import the_source
from tests.unit.steps import load_step
from tests.unit.treeprocessors import convert, paper_build, serialized, tree

ROOT = Path(__file__).resolve().parents[2]
NOTES = load_editors_notes(ROOT / EDITORS_NOTES_FILE)
PAPER = the_source()
editors_notes = load_step("editors_notes")


def entry(**fields: str) -> dict[str, str]:
    return {
        "page": "introduction.md",
        "anchor": "p-1",
        "words": "alliance",
        "remark": "A remark.",
        **fields,
    }


def test_entries_are_numbered_in_the_order_of_the_file():
    notes = parse_editors_notes([entry(), entry(anchor="fn:3")])
    assert [(note.number, note.note_id, note.marker_id) for note in notes] == [
        (1, "ed-1", "ed-ref-1"),
        (2, "ed-2", "ed-ref-2"),
    ]
    assert [note.place for note in notes] == ["¶ 1", "note 3"]


@pytest.mark.parametrize(
    "entries, complaint",
    [
        ({"page": "x"}, "must be a list"),
        ([{"page": "introduction.md"}], "exactly the fields"),
        ([entry(words="  ")], "non-empty"),
        ([entry(anchor="#p-1")], "must be a paragraph (p-7), a note (fn:16) or"),
    ],
)
def test_mistakes_in_the_file_are_named(entries, complaint):
    with pytest.raises(EditionError, match=complaint.replace("(", r"\(").replace(")", r"\)")):
        parse_editors_notes(entries)


def marked(html: str, notes: list[EditorNote]) -> str:
    """The HTML of a page's content once `add_editors_notes` has marked it."""
    root = tree(html)
    editors_notes.add_editors_notes(root, notes)
    return serialized(root)


def note_html(note: EditorNote) -> tuple[str, str]:
    """The marker and the aside of a note, as the page's serializer writes them."""
    marker, aside = fragment("editor-note.html", note=note)
    marker.tail = aside.tail = None
    return to_html_string(marker), to_html_string(aside)


def test_the_marker_follows_the_words_and_the_aside_the_paragraph():
    note = EditorNote(1, "introduction.md", "p-2", "sea lanes of cooperation", "A remark & more.")
    html = '<p id="p-1">First.</p><p id="p-2">monitoring sea lanes of cooperation, nuclear</p>'
    result = marked(html, [note])
    marker, aside = note_html(note)
    assert result == (
        '<p id="p-1">First.</p><p id="p-2">monitoring sea lanes of cooperation'
        + marker
        + ", nuclear</p>"
        + aside
    )
    assert "A remark &amp; more." in result


def test_a_note_s_remark_stays_inside_the_note():
    note = EditorNote(1, "alliance-adaptation.md", "fn:16", "October 22, 2005", "Remark.")
    html = '<ol><li id="fn:16" value="16"><p>Communiqué, October 22, 2005, address.</p></li></ol>'
    result = marked(html, [note])
    marker, aside = note_html(note)
    assert result == (
        '<ol><li id="fn:16" value="16"><p>Communiqué, October 22, 2005'
        + marker
        + ", address.</p>"
        + aside
        + "</li></ol>"
    )


@pytest.mark.parametrize(
    "html, complaint",
    [
        ('<p id="p-1">nothing here</p>', "not in p-2"),
        ('<p id="p-2">nothing here</p>', "are not in p-2"),
        ('<p id="p-2">words words</p>', "not once in p-2"),
    ],
)
def test_words_not_on_the_page_stop_the_build(html, complaint):
    note = EditorNote(1, "introduction.md", "p-2", "words", "Remark.")
    with pytest.raises(EditionError, match=complaint if "p-1" not in html else "no paragraph"):
        marked(html, [note])


def test_the_markers_and_asides_are_the_edition_s_and_not_footnotes():
    note = EditorNote(3, "introduction.md", "p-1", "x", "Remark.")
    marker, aside = note_html(note)
    assert marker == (
        '<a aria-label="Editor\'s note 3" class="editor-note-ref edition-added" '
        'href="#ed-3" id="ed-ref-3"></a>'
    )
    assert aside.startswith(
        '<aside aria-label="Editor\'s note 3" class="editor-note edition-added" '
        'id="ed-3" role="note">'
    )
    assert "footnote" not in aside + marker


# The words are looked for in the text a reader sees, across the elements Python-Markdown
# has made of it (abbr runs before the editor's notes, edition/pipeline.py). The old hook
# searched the page's HTML with `str.count`: it found "Republic of Korea" in the `title`
# attribute of the <abbr> and wrote the marker inside the attribute, and it did not find
# "the ROK Army" in `the <abbr title="...">ROK</abbr> Army`, so it stopped the build.

ABBREVIATED = '<p id="p-1">the <abbr title="Republic of Korea">ROK</abbr> Army moved.</p>'


def test_words_only_in_an_attribute_are_not_on_the_page():
    note = EditorNote(1, "introduction.md", "p-1", "Republic of Korea", "Remark.")
    with pytest.raises(EditionError, match="the words 'Republic of Korea' are not in p-1"):
        marked(ABBREVIATED, [note])


def test_words_across_an_abbreviation_get_the_marker_after_their_last_word():
    note = EditorNote(1, "introduction.md", "p-1", "the ROK Army", "Remark.")
    marker, aside = note_html(note)
    assert marked(ABBREVIATED, [note]) == (
        '<p id="p-1">the <abbr title="Republic of Korea">ROK</abbr> Army'
        + marker
        + " moved.</p>"
        + aside
    )


def convert_introduction(markdown: str, notes: list[EditorNote]) -> str:
    """docs/introduction.md converted with abbr and the editor's notes at their priorities."""
    step = SimpleNamespace(notes=notes, file="data/editors_notes.yml")
    return convert(
        markdown,
        ["edition-editors-notes"],
        build=paper_build(),
        steps={"editors_notes": step},
        extensions=["abbr", "attr_list"],
        extension_configs={"abbr": {"glossary": {"ROK": "Republic of Korea"}}},
    )


def test_in_the_build_the_words_are_found_across_the_abbreviations_abbr_has_made():
    note = EditorNote(1, "introduction.md", "p-1", "the ROK Army", "Remark.")
    marker, aside = note_html(note)
    assert convert_introduction("the ROK Army moved.\n{ #p-1 }", [note]) == (
        '<p id="p-1">the <abbr title="Republic of Korea">ROK</abbr> Army'
        + marker
        + " moved.</p>"
        + aside  # the paragraph's line break moves after the aside
    )
    expansion = EditorNote(1, "introduction.md", "p-1", "Republic of Korea", "Remark.")
    with pytest.raises(EditionError) as error:
        convert_introduction("the ROK Army moved.\n{ #p-1 }", [expansion])
    assert str(error.value) == (
        "data/editors_notes.yml: entry 1: the words 'Republic of Korea' are not in p-1; "
        "quote them exactly as the paper prints them (docs/introduction.md)"
    )


# The data file against the paper's own text in source/


def source_paragraph(page: str, anchor: str) -> str:
    """The paragraph `p-N` of a chapter as source/ prints it (list items counted apart)."""
    chapter = next(c for c in read_chapters(ROOT / "docs") if c.src_uri == page)
    section = PAPER.sections[chapter.section - 1]
    paragraphs = [item for text in section.paragraphs for item in text.split("\n- ")]
    number = int(anchor.removeprefix("p-"))
    assert len(paragraphs) == len(read_paragraphs(chapter.body))  # the same numbering
    return paragraphs[number - 1]


PASSAGE_NOTES = [note for note in NOTES if not note.is_on_entry]


@pytest.mark.parametrize("note", PASSAGE_NOTES, ids=lambda note: f"ed-{note.number}")
def test_each_editor_s_note_quotes_words_the_paper_prints_there(note):
    if note.anchor.startswith("fn:"):
        text = PAPER.notes[int(note.anchor.removeprefix("fn:"))]
    else:
        text = source_paragraph(note.page, note.anchor)
    assert note.words in text


def test_the_bibliography_s_departure_from_note_16_is_noted_on_its_entry():
    on_entries = [note for note in NOTES if note.is_on_entry]
    assert [(note.page, note.anchor, note.place) for note in on_entries] == [
        ("bibliography.md", "scm2004communique", "the entry")
    ]
    entry = load_bibliography(ROOT / "references.bib").entries["scm2004communique"]
    assert entry.fields["date"] == "2004-10-22"
    assert on_entries[0].words == "October 22, 2004" not in PAPER.notes[16]
    assert "October 22, 2005" in PAPER.notes[16] and "2005" in on_entries[0].remark


def test_the_known_slips_are_noted():
    places = {(note.page, note.anchor, note.words) for note in NOTES}
    assert ("index.md", "fn:1", "February 17, 2008") in places
    assert ("alliance-adaptation.md", "fn:16", "October 22, 2005") in places
    assert ("alliance-adaptation.md", "fn:9", "(accessed March 11, 2009)") in places
    assert ("introduction.md", "p-6", "sea lanes of cooperation") in places


def test_the_facts_the_remarks_rely_on_are_in_the_source():
    assert PAPER.cover[2] == "FEBRUARY 2009"
    assert "Oct2004/d20041022joint.pdf" in PAPER.notes[16]
    assert PAPER.notes[6] == PAPER.notes[20]
    last = PAPER.sections[1].paragraphs[-1]
    assert "21st century” will mean" in last and "“21st century" not in last
    assert "20" not in PAPER.notes[5].split("Vol.")[1]  # volume, issue, pages; no year
    sentence = next(s for s in PAPER.sections[0].paragraphs[-1].split(". ") if "sea lanes" in s)
    assert sentence.split("sea lanes of cooperation")[0].count("cooperation") == 4
