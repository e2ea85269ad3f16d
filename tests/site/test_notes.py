"""The paper's 22 notes: their numbers, their places, their words, their sources."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from edition.bibliography import load_bibliography
from edition.notes import read_notes
from edition.source import NOTE_NUMBER, note_number, words
from tests.support.paper import the_source

ROOT = Path(__file__).resolve().parents[2]
PAPER = the_source()
PAGES = [
    "index.html",
    "introduction/index.html",
    "alliance-adaptation/index.html",
    "mutually-beneficial-rationale/index.html",
    "synchronizing-views/index.html",
]


def words_before_markers() -> dict[int, list[str]]:
    """For each note, the three words the paper prints just before its number."""
    before = {}
    texts = PAPER.cover + [text for section in PAPER.sections for text in section.paragraphs]
    for text in texts:
        for match in NOTE_NUMBER.finditer(text):
            before[note_number(match.group(0))] = words(text[: match.start()])[-3:]
    return before


def note_items(page):
    return {item["id"]: item for path in PAGES for item in page(path).select("div.footnote li")}


def test_twenty_two_notes_each_shown_with_the_papers_number(page):
    items = note_items(page)
    assert sorted(items) == sorted(f"fn:{n}" for n in range(1, 23))
    for note_id, item in items.items():
        assert item["value"] == note_id[3:]
    markers = [a for path in PAGES for a in page(path).select("a.footnote-ref")]
    assert sorted(int(a.get_text()) for a in markers) == list(range(1, 23))
    assert all(a["href"] == f"#fn:{a.get_text()}" for a in markers)


def test_each_marker_stands_where_the_paper_prints_it(page):
    expected = words_before_markers()
    assert sorted(expected) == list(range(1, 23))
    for path in PAGES:
        for sup in page(path).select("sup[id^='fnref']"):
            number = int(sup.a.get_text())
            container = copy.copy(sup.find_parent(["p", "li"]))
            text = ""
            for element in container.descendants:
                if getattr(element, "name", None) == "sup" and element.get("id") == sup["id"]:
                    break
                if isinstance(element, str) and not element.find_parent(
                    class_=["edition-added", "footnote-ref"]
                ):
                    text += element
            assert words(text)[-3:] == expected[number], number


@pytest.mark.parametrize("number", range(1, 23))
def test_each_note_keeps_the_authors_words(page, number):
    item = copy.copy(note_items(page)[f"fn:{number}"])
    for added in item.select(".edition-added, .footnote-backref"):
        added.decompose()
    assert words(item.get_text()) == words(PAPER.notes[number])


def test_every_cited_key_exists_and_every_entry_is_cited():
    bibliography = load_bibliography(ROOT / "references.bib")
    cited = {
        key
        for path in (ROOT / "docs").glob("*.md")
        for note in read_notes(path.read_text(encoding="utf-8"))
        for key in note.cited_keys
    }
    assert cited == set(bibliography.entries)


def test_notes_six_and_twenty_cite_one_entry_and_thirteen_cites_two(page):
    items = note_items(page)
    sources = {
        n: [a["href"].split("#")[1] for a in items[f"fn:{n}"].select(".edition-sources a")]
        for n in (2, 6, 13, 20)
    }
    assert sources[6] == sources[20] == ["whitehouse2008press"]
    assert sources[13] == ["steinberg2005attitudes", "mitchell2004strategy"]
    assert "mitchell2004strategy" in sources[2]


def test_the_bibliography_links_back_to_every_citing_note(page):
    entry = page("bibliography/index.html").select_one("#mitchell2004strategy")
    assert [a["href"] for a in entry.select(".cited-in a")] == [
        "../introduction/#fn:2",
        "../alliance-adaptation/#fn:13",
    ]
    entries = page("bibliography/index.html").select("[role='doc-bibliography'] li")
    assert len(entries) == len(load_bibliography(ROOT / "references.bib").entries)
    assert all(entry.select(".cited-in a") for entry in entries)


def test_the_bibliography_is_sorted_by_author(page):
    entries = page("bibliography/index.html").select("[role='doc-bibliography'] li")
    firsts = [entry.get_text(" ").strip().lstrip('"“').removeprefix("The ") for entry in entries]
    assert firsts == sorted(firsts, key=str.casefold)


def test_the_bibliography_is_typeset(page):
    text = page("bibliography/index.html").select_one("[role='doc-bibliography']").get_text()
    assert "--" not in text and "{.nocase}" not in text and "\\_" not in text
    assert "Center for Strategic and International Studies" in text
    assert "Anti-Americanism in Korea" in text  # capitals kept
    assert "109–22" in text


def test_references_bib_can_be_downloaded(site):
    assert (site / "references.bib").read_bytes() == (ROOT / "references.bib").read_bytes()
