"""The reading pages' header and the notes' heading, on a few lines."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from types import SimpleNamespace

import pytest

from edition.citation import paper_facts
from edition.errors import EditionError
from edition.steps.section_header import section_header
from tests.unit.treeprocessors import convert, paper_build

PAPER = paper_facts(
    {
        "title": "Tides of the Northern Strait",
        "title_sentence_case": "Tides of the northern strait",
        "author": {"family": "Holt", "given": "Maren"},
        "date": "2011-06",
        "center": "Centre",
        "institution": "Institute",
        "bibtex_key": "holt2011",
        "sections": {"one.md": "One", "two.md": "Two", "three.md": "Three"},
    },
    {"version": "2.1.0", "date": "2012-01-09"},
)


def page(meta: dict) -> SimpleNamespace:
    return SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri="two.md"))


def test_a_section_s_header_gives_its_place_in_the_paper_its_author_and_date():
    header = section_header(PAPER, page({"paper_section": 2}))
    assert (header.number, header.count) == (2, 3)
    assert (header.author, header.date, header.iso_date) == ("Maren Holt", "June 2011", "2011-06")
    assert header.paper_title == "Tides of the Northern Strait"


def test_other_pages_have_no_section_header():
    assert section_header(PAPER, page({})) is None


@pytest.mark.parametrize("number", [-1, 4, "two"])
def test_a_section_number_outside_the_paper_is_named(number):
    with pytest.raises(EditionError, match=rf"paper_section is {number!r}; write .* 1 to 3$"):
        section_header(PAPER, page({"paper_section": number}))


def notes_of(text: str, *, src_uri: str = "introduction.md") -> etree.Element:
    build = paper_build()
    build.page.file.src_uri = src_uri
    html = convert(text, ["edition-note-numbers"], build=build, extensions=["footnotes"])
    return etree.fromstring(f"<div>{html}</div>")


def test_the_list_of_notes_is_headed_notes_in_place_of_the_rule():
    root = notes_of("Text.[^2]\n\n[^2]: A note.\n")
    notes = root.find("div[@class='footnote']")
    heading = notes[0]
    assert (heading.tag, heading.get("id"), heading.text) == ("h2", "notes", "Notes")
    assert "edition-added" in heading.get("class")
    assert notes.find("hr") is None


def test_the_whole_papers_list_gets_no_heading_each_part_gives_its_notes_theirs():
    root = notes_of("Text.[^2]\n\n[^2]: A note.\n", src_uri="paper.md")
    assert root.findall(".//h2") == []


def test_a_list_of_notes_that_has_a_heading_already_gets_no_second_one():
    root = notes_of("Text.[^2]\n\n## Notes\n\n///Footnotes Go Here///\n\n[^2]: A note.\n")
    assert len(root.findall(".//h2")) == 1
    assert root.find("div[@class='footnote']/hr") is not None
