"""The glossary, index and timeline: strings and small data in, strings out."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest

from edition.apparatus import (
    Passage,
    WordIndex,
    find_quote,
    in_source,
    load_data,
    mentions,
    paper_passages,
    plain_text,
    read_passages,
    source_passages,
)
from edition.errors import EditionError
from edition.paragraphs import number_paragraphs, read_paragraphs
from edition.templates import render
from tests.support.paper import the_source
from tests.unit.steps import load_step
from tests.unit.treeprocessors import convert

glossary = load_step("glossary")
index_of_terms = load_step("index_of_terms")
timeline = load_step("timeline")
paragraph_ids = load_step("paragraph_ids")

CHAPTER = """---
paper_section: 2
---

# Alliance Adaptation { #alliance-adaptation }

The EASI plan moved Yongsan.[^8] See <http://example.org/ROK/USFK>.

- a) USFK left the DMZ.
- b) Lee met Bush.

Sang-hyun Lee wrote of it, and U.S.\\$11 billion was pledged.

[^8]: An Kwang-ch'an, "A Study," cited in *Open Source*. [@an2006military]
"""


def passages() -> list[Passage]:
    return read_passages("alliance-adaptation.md", CHAPTER)


def test_the_apparatus_counts_paragraphs_as_the_paragraph_ids_hook_numbers_them():
    body = CHAPTER.split("---\n", 2)[2]
    numbered = number_paragraphs(body)
    for number, text in read_paragraphs(body):
        assert f"{text}\n{{ #p-{number} }}" in numbered
    assert paragraph_ids.number_paragraphs is number_paragraphs  # one implementation, shared


def test_abbreviation_definitions_are_not_numbered_as_a_paragraph():
    assert "{ #p-" not in number_paragraphs("*[ROK]: Republic of Korea")


def test_passages_are_paragraphs_then_notes_with_plain_text():
    found = passages()
    assert [p.anchor for p in found] == ["p-1", "p-2", "p-3", "p-4", "fn:8"]
    assert found[0].text == "The EASI plan moved Yongsan. See ."
    assert found[1].text == "a) USFK left the DMZ."
    assert found[3].text == "Sang-hyun Lee wrote of it, and U.S.$11 billion was pledged."
    assert found[4].text == 'An Kwang-ch\'an, "A Study," cited in Open Source.'
    assert found[0].chapter == "Alliance Adaptation"
    assert (found[0].label, found[4].label) == ("¶\u00a01", "n.\u00a08")


def test_pages_outside_the_paper_give_no_passages_but_the_title_page_gives_its_notes():
    assert read_passages("bibliography.md", "# Bibliography\n\nText.\n") == []
    home = read_passages("index.md", "# Title\n\nCover.[^1]\n\n[^1]: A note on CSIS.\n")
    assert [(p.anchor, p.chapter) for p in home] == [("fn:1", "Title page")]


def test_the_paper_is_read_in_section_order():
    later = CHAPTER.replace("paper_section: 2", "paper_section: 3")
    pages = {"b.md": later, "a.md": CHAPTER}
    assert [p.src_uri for p in paper_passages(pages)][:1] == ["a.md"]


def test_a_link_target_is_not_read_as_text():
    assert (
        plain_text("[the ROK](https://example.org/USFK) and <https://x.org/DMZ>") == "the ROK and"
    )


def test_mentions_match_whole_words_and_skip_excluded_phrases():
    found = passages()
    assert [p.anchor for p in mentions(found, ["USFK"])] == ["p-2"]  # not in the URL
    assert [p.anchor for p in mentions(found, ["Lee"], excluding=["Sang-hyun Lee"])] == ["p-3"]
    assert [p.anchor for p in mentions(found, ["Lee"])] == ["p-3", "p-4"]
    assert mentions(found, ["EAS"]) == []


@pytest.mark.parametrize(
    "variants, excluding",
    [
        (["USFK"], []),
        (["Lee"], ["Sang-hyun Lee"]),
        (["Lee"], []),
        (["EAS"], []),
        (["Lee met Bush", "Yongsan"], []),
        (["U.S."], []),
    ],
)
def test_the_word_index_finds_what_reading_every_passage_finds(variants, excluding):
    found = passages()
    index = WordIndex(found)
    assert mentions(index, variants, excluding=excluding) == mentions(
        found, variants, excluding=excluding
    )


def test_the_word_index_reads_only_the_passages_that_hold_every_word():
    index = WordIndex(passages())
    assert [p.anchor for p in index.candidates(["Lee met"])] == ["p-3"]  # "- b) Lee met Bush."
    assert index.candidates(["Nowhere"]) == []


def test_a_quotation_is_found_in_its_chapter_only():
    found = passages()
    assert (
        find_quote(found, "USFK left\n  the DMZ", src_uri="alliance-adaptation.md").anchor == "p-2"
    )
    assert find_quote(found, "USFK left the DMZ", src_uri="introduction.md") is None
    assert find_quote(found, "USFK left the DMZ zone", src_uri="alliance-adaptation.md") is None


def test_the_source_check_is_verbatim():
    source = source_passages(the_source())
    assert in_source("wartime operational control (OPCON)", source)
    assert not in_source("wartime operational control (OPCON) arrangements", source)
    assert in_source(  # across a page break
        "Comments by President Bush in the 2002 State of the Union address", source
    )


def test_a_data_file_must_be_a_list_with_its_required_fields(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- term: ROK\n")
    with pytest.raises(EditionError, match="glossary.yml: entry 1 needs the field 'expansion'"):
        load_data(path, fields=glossary.FIELDS)
    path.write_text("- term: ROK\n  expansion: Republic of Korea\n  meaning: x\n")
    with pytest.raises(EditionError, match="unknown field"):
        load_data(path, fields=glossary.FIELDS)
    path.write_text("term: ROK\n")
    with pytest.raises(EditionError, match="must be a YAML list"):
        load_data(path, fields=glossary.FIELDS)
    with pytest.raises(EditionError, match="is missing"):
        load_data(tmp_path / "none.yml", fields=glossary.FIELDS)


GLOSSARY = "data/glossary.yml"
INDEX = "data/index.yml"
TIMELINE = "data/timeline.yml"
CATEGORIES = {
    "people": "People",
    "places": "Places and bases",
    "bodies": "Agreements, bodies and policies",
    "events": "Events",
    "ideas": "Ideas and phrases",
}


def test_the_paper_wording_of_a_term_must_be_the_papers():
    source = ["the authority of wartime operational control (OPCON) and"]
    glossary.check_terms(
        [{"term": "OPCON", "as_printed": "wartime operational control (OPCON)"}],
        source=source,
        name=GLOSSARY,
    )
    with pytest.raises(EditionError, match="not the paper's") as error:
        glossary.check_terms(
            [{"term": "OPCON", "as_printed": "operational control (OPCON) of war"}],
            source=source,
            name=GLOSSARY,
        )
    assert str(error.value).startswith("data/glossary.yml: ")
    with pytest.raises(EditionError, match="listed twice"):
        glossary.check_terms([{"term": "ROK"}, {"term": "ROK"}], source=source, name=GLOSSARY)


def render_html(text: str, terms: dict[str, str]) -> str:
    return convert(
        text,
        ["edition-focusable-abbr"],
        extensions=["abbr", "footnotes", "attr_list"],
        extension_configs={"abbr": {"glossary": terms}},
    )


def test_abbreviations_are_wrapped_and_focusable_but_not_in_links_code_or_note_markers():
    html = render_html(
        "USFK moved.[^1] `USFK` [USFK](https://example.org/USFK) <https://example.org/USFK>\n"
        "{ #p-1 }\n\n[^1]: By USFK.",
        {"USFK": "United States Forces Korea"},
    )
    root = etree.fromstring(f"<div>{html}</div>")
    abbrs = list(root.iter("abbr"))
    assert len(abbrs) == 3  # the text, the link's text and the note; not the code or the URL
    focusable = [a for a in abbrs if a.get("tabindex") == "0"]
    # the text's and the note list's first use; the one inside a link is reached through the link
    assert len(focusable) == 2
    assert all(a.get("title") == "United States Forces Korea" for a in abbrs)
    assert root.find(".//p[@id='p-1']") is not None
    assert 'href="https://example.org/USFK"' in html
    assert "<code>USFK</code>" in html


def test_only_a_terms_first_use_in_each_section_is_a_stop_of_the_tab_key():
    html = render_html(
        "# One\n\nUSFK and ROK.\n\nUSFK again, ROK again.\n\n## Two\n\nUSFK once more.\n",
        {"USFK": "United States Forces Korea", "ROK": "Republic of Korea"},
    )
    root = etree.fromstring(f"<div>{html}</div>")
    stops = [
        (number, abbr.text)
        for number, paragraph in enumerate(root.iter("p"), start=1)
        for abbr in paragraph.iter("abbr")
        if abbr.get("tabindex") == "0"
    ]
    assert stops == [(1, "USFK"), (1, "ROK"), (3, "USFK")]
    assert len(list(root.iter("abbr"))) == 5
    assert all(abbr.get("title") for abbr in root.iter("abbr"))


def test_the_glossary_lists_terms_with_the_papers_wording_and_every_passage():
    terms = [
        {
            "term": "USFK",
            "expansion": "United States Forces Korea",
            "as_printed": "United States Forces Korea (USFK)",
        },
        {"term": "DMZ", "expansion": "demilitarized zone"},
    ]
    entries = glossary.glossary_entries(terms, passages(), name=GLOSSARY)
    assert [(entry["id"], entry["term"]) for entry in entries] == [("dmz", "DMZ"), ("usfk", "USFK")]
    usfk = entries[1]
    assert usfk["as_printed"] == "United States Forces Korea (USFK)"
    assert [
        (chapter, src_uri, [p.anchor for p in found]) for chapter, src_uri, found in usfk["used"]
    ] == [("Alliance Adaptation", "alliance-adaptation.md", ["p-2"])]
    page = render("glossary.html", entries=entries)
    assert page.index('<dt id="dmz" data-search-entry="DMZ">DMZ</dt>') < page.index(
        '<dt id="usfk" data-search-entry="USFK">USFK</dt>'
    )
    assert "The paper: “United States Forces Korea (USFK)”." in page
    assert "The paper does not spell it out." in page  # DMZ has no 'as_printed'
    assert (
        '<span class="apparatus-chapter">Alliance Adaptation</span>: '
        '<a href="/alliance-adaptation.md#p-2">¶\u00a02</a>'
    ) in page
    with pytest.raises(EditionError, match="SPI is used nowhere") as error:
        glossary.glossary_entries(
            [{"term": "SPI", "expansion": "Security Policy Initiative"}], passages(), name=GLOSSARY
        )
    assert error.value.file == GLOSSARY


def index_page(listed: dict[str, list[tuple[dict, list[Passage]]]]) -> str:
    """The Index page's HTML for `index_entries`' result, as the step renders it."""
    return render(
        "index-of-terms.html", categories=index_of_terms.page_categories(listed, CATEGORIES)
    )


def test_the_index_groups_entries_by_category_and_fails_on_an_entry_found_nowhere():
    entries = [
        {"entry": "Yongsan", "category": "places", "variants": ["Yongsan"]},
        {"entry": "Bush, George W.", "category": "people", "variants": ["Bush"]},
        {
            "entry": "Lee Myung-bak",
            "category": "people",
            "variants": ["Lee"],
            "excluding": ["Sang-hyun Lee"],
        },
    ]
    index_of_terms.check_entries(entries, CATEGORIES, name=INDEX)
    listed = index_of_terms.index_entries(entries, passages(), CATEGORIES, name=INDEX)
    assert list(listed) == list(CATEGORIES)  # the categories in the order the page shows them
    assert [(entry["entry"], [p.anchor for p in found]) for entry, found in listed["people"]] == [
        ("Bush, George W.", ["p-3"]),
        ("Lee Myung-bak", ["p-3"]),
    ]  # not p-4: Sang-hyun Lee is another Lee
    assert [entry["entry"] for entry, _ in listed["places"]] == ["Yongsan"]
    page = index_page(listed)
    assert (
        page.index('<h2 id="people">People</h2>')
        < page.index("Bush, George W.")
        < page.index("Lee Myung-bak")
    )
    assert (
        page.index("Lee Myung-bak")
        < page.index('<h2 id="places">Places and bases</h2>')
        < page.index('<span class="index-entry">Yongsan</span>')
    )
    assert 'id="events"' not in page  # a category without entries has no heading
    assert "/alliance-adaptation.md#p-4" not in page
    assert '<a href="/alliance-adaptation.md#p-1">¶\u00a01</a>' in page  # Yongsan
    with pytest.raises(EditionError, match="'Carter' is mentioned nowhere"):
        index_of_terms.index_entries(
            [{"entry": "Carter", "category": "people", "variants": ["Carter"]}],
            passages(),
            CATEGORIES,
            name=INDEX,
        )
    with pytest.raises(EditionError, match="use one of people"):
        index_of_terms.check_entries(
            [{"entry": "X", "category": "persons", "variants": ["X"]}], CATEGORIES, name=INDEX
        )


def timeline_page(placed: list[tuple[dict, Passage]]) -> str:
    """The Timeline page's HTML for `place_events`' result, as the step renders it."""
    return render("timeline.html", events=timeline.page_events(placed))


def test_the_timeline_is_chronological_and_fails_on_a_quotation_the_text_lacks():
    events = [
        {
            "date": "2008",
            "sort": "2008",
            "event": "Later",
            "quote": "Lee met Bush.",
            "chapter": "alliance-adaptation.md",
        },
        {
            "date": "1990",
            "sort": "1990-05",
            "event": "Earlier",
            "quote": "USFK left the DMZ.",
            "chapter": "alliance-adaptation.md",
        },
    ]
    timeline.check_events(events, name=TIMELINE)
    placed = timeline.place_events(events, passages(), name=TIMELINE)
    assert [(event["event"], passage.anchor) for event, passage in placed] == [
        ("Earlier", "p-2"),
        ("Later", "p-3"),
    ]
    page = timeline_page(placed)
    assert page.index("Earlier") < page.index("Later")
    assert '<a href="/alliance-adaptation.md#p-2">Alliance Adaptation, ¶\u00a02</a>' in page
    assert '<a href="/alliance-adaptation.md#p-3">Alliance Adaptation, ¶\u00a03</a>' in page
    assert '<q class="timeline-quote">USFK left the DMZ.</q>' in page
    events[0]["quote"] = "Lee met Obama."
    with pytest.raises(
        EditionError, match="the quotation for 'Later' is not in docs/alliance-adaptation.md"
    ):
        timeline.place_events(events, passages(), name=TIMELINE)
    with pytest.raises(EditionError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        timeline.check_events([{"sort": "May 1980", "event": "Coup"}], name=TIMELINE)
