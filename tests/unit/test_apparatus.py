"""The glossary, index and timeline: strings and small data in, strings out."""
from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest

from edition.apparatus import (
    ApparatusError,
    Passage,
    find_quote,
    in_source,
    load_data,
    mentions,
    plain_text,
    read_paper,
    read_passages,
)
from edition.paragraphs import number_paragraphs, read_paragraphs
from tests.unit.hooks import load_hook

glossary = load_hook("glossary")
index_of_terms = load_hook("index_of_terms")
timeline = load_hook("timeline")
paragraph_ids = load_hook("paragraph_ids")

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
    assert [p.src_uri for p in read_paper(pages)][:1] == ["a.md"]


def test_a_link_target_is_not_read_as_text():
    assert plain_text("[the ROK](https://example.org/USFK) and <https://x.org/DMZ>") == "the ROK and"


def test_mentions_match_whole_words_and_skip_excluded_phrases():
    found = passages()
    assert [p.anchor for p in mentions(found, ["USFK"])] == ["p-2"]  # not in the URL
    assert [p.anchor for p in mentions(found, ["Lee"], excluding=["Sang-hyun Lee"])] == ["p-3"]
    assert [p.anchor for p in mentions(found, ["Lee"])] == ["p-3", "p-4"]
    assert mentions(found, ["EAS"]) == []


def test_a_quotation_is_found_in_its_chapter_only():
    found = passages()
    assert find_quote(found, "USFK left\n  the DMZ", src_uri="alliance-adaptation.md").anchor == "p-2"
    assert find_quote(found, "USFK left the DMZ", src_uri="introduction.md") is None
    assert find_quote(found, "USFK left the DMZ zone", src_uri="alliance-adaptation.md") is None


def test_the_source_check_is_verbatim():
    assert in_source("wartime operational control (OPCON)")
    assert not in_source("wartime operational control (OPCON) arrangements")
    assert in_source("Comments by President Bush in the 2002 State of the Union address")  # across a page break


def test_a_data_file_must_be_a_list_with_its_required_fields(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- term: ROK\n")
    with pytest.raises(ApparatusError, match="data/glossary.yml: entry 1 needs a 'expansion'"):
        load_data(path, fields=glossary.FIELDS)
    path.write_text("- term: ROK\n  expansion: Republic of Korea\n  meaning: x\n")
    with pytest.raises(ApparatusError, match="unknown field"):
        load_data(path, fields=glossary.FIELDS)
    path.write_text("term: ROK\n")
    with pytest.raises(ApparatusError, match="must be a YAML list"):
        load_data(path, fields=glossary.FIELDS)
    with pytest.raises(ApparatusError, match="is missing"):
        load_data(tmp_path / "none.yml", fields=glossary.FIELDS)


def test_the_paper_wording_of_a_term_must_be_the_papers():
    source = ["the authority of wartime operational control (OPCON) and"]
    glossary.check_terms([{"term": "OPCON", "as_printed": "wartime operational control (OPCON)"}], source=source)
    with pytest.raises(ApparatusError, match="not the paper's"):
        glossary.check_terms([{"term": "OPCON", "as_printed": "operational control (OPCON) of war"}], source=source)
    with pytest.raises(ApparatusError, match="listed twice"):
        glossary.check_terms([{"term": "ROK"}, {"term": "ROK"}], source=source)


def render_html(text: str, terms: dict[str, str]) -> str:
    md = markdown.Markdown(
        extensions=["abbr", "footnotes", "attr_list", glossary.FocusableAbbreviationsExtension()],
        extension_configs={"abbr": {"glossary": terms}},
    )
    return md.convert(text)


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
    assert len(focusable) == 2  # the one inside a link is reached through the link
    assert all(a.get("title") == "United States Forces Korea" for a in abbrs)
    assert root.find(".//p[@id='p-1']") is not None
    assert 'href="https://example.org/USFK"' in html
    assert "<code>USFK</code>" in html


def test_the_glossary_lists_terms_with_the_papers_wording_and_every_passage():
    terms = [
        {"term": "USFK", "expansion": "United States Forces Korea",
         "as_printed": "United States Forces Korea (USFK)"},
        {"term": "DMZ", "expansion": "demilitarized zone"},
    ]
    page = glossary.render_glossary(terms, passages())
    assert page.index('id="dmz"') < page.index('id="usfk"')
    assert "The paper: “United States Forces Korea (USFK)”." in page
    assert "[¶\u00a02](alliance-adaptation.md#p-2)" in page
    with pytest.raises(ApparatusError, match="SPI is used nowhere"):
        glossary.render_glossary([{"term": "SPI", "expansion": "Security Policy Initiative"}], passages())


def test_the_index_groups_entries_by_category_and_fails_on_an_entry_found_nowhere():
    entries = [
        {"entry": "Yongsan", "category": "places", "variants": ["Yongsan"]},
        {"entry": "Bush, George W.", "category": "people", "variants": ["Bush"]},
        {"entry": "Lee Myung-bak", "category": "people", "variants": ["Lee"], "excluding": ["Sang-hyun Lee"]},
    ]
    index_of_terms.check_entries(entries)
    page = index_of_terms.render_index(entries, passages())
    assert page.index("## People") < page.index("Bush, George W.") < page.index("Lee Myung-bak")
    assert page.index("Lee Myung-bak") < page.index("## Places and bases") < page.index("Yongsan</span>")
    assert "(alliance-adaptation.md#p-4)" not in page  # Sang-hyun Lee is another Lee
    with pytest.raises(ApparatusError, match="'Carter' is mentioned nowhere"):
        index_of_terms.render_index([{"entry": "Carter", "category": "people", "variants": ["Carter"]}], passages())
    with pytest.raises(ApparatusError, match="use one of people"):
        index_of_terms.check_entries([{"entry": "X", "category": "persons", "variants": ["X"]}])


def test_the_timeline_is_chronological_and_fails_on_a_quotation_the_text_lacks():
    events = [
        {"date": "2008", "sort": "2008", "event": "Later", "quote": "Lee met Bush.",
         "chapter": "alliance-adaptation.md"},
        {"date": "1990", "sort": "1990-05", "event": "Earlier", "quote": "USFK left the DMZ.",
         "chapter": "alliance-adaptation.md"},
    ]
    timeline.check_events(events)
    page = timeline.render_timeline(events, passages())
    assert page.index("Earlier") < page.index("Later")
    assert "(alliance-adaptation.md#p-2)" in page and "(alliance-adaptation.md#p-3)" in page
    events[0]["quote"] = "Lee met Obama."
    with pytest.raises(ApparatusError, match="the quotation for 'Later' is not in docs/alliance-adaptation.md"):
        timeline.render_timeline(events, passages())
    with pytest.raises(ApparatusError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        timeline.check_events([{"sort": "May 1980", "event": "Coup"}])
