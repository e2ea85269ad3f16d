"""What reference managers read from a page's head: Highwire tags, Dublin Core, JSON-LD."""

import json

from pybtex.database import parse_string

from edition.citation import paper_facts
from tests.unit.steps import load_step
from tests.unit.test_citation import RECORD

page_metadata = load_step("page_metadata")

BIB = parse_string(
    r"""
@incollection{kang, author = {Kang, David and Chamberlin, Paul},
  title = {{A History of U.S.-ROK Relations to 2002}}, booktitle = {{Strategy and Sentiment}},
  publisher = {{Center for Strategic and International Studies}}, year = {2004}, date = {2004-06},
  pages = {11--23}}
@phdthesis{an, author = {An, Kwang-ch'an}, title = {{A Study; Focused}},
  school = {{Dongguk University}}}
@article{lee, author = {Lee, Sang-hyun}, title = {{Toward ``21st Century''}}, journal = {{JEAA}},
  volume = {22}, number = {1}, year = {Spring/Summer 2008}}
@report{osc, title = {{Document}}, number = {KPP2006}, institution = {{Open Source Center}},
  date = {2006-02-14}}
""",
    "bibtex",
)


def test_a_reference_in_google_scholar_syntax():
    assert page_metadata.citation_reference(BIB.entries["kang"]) == (
        "citation_title=A History of U.S.-ROK Relations to 2002; citation_author=Kang, David; "
        "citation_author=Chamberlin, Paul; citation_publication_date=2004/06; "
        "citation_inbook_title=Strategy and Sentiment; "
        "citation_publisher=Center for Strategic and International Studies; "
        "citation_firstpage=11; citation_lastpage=23"
    )


def test_a_semicolon_in_a_title_cannot_split_the_reference():
    reference = page_metadata.citation_reference(BIB.entries["an"])
    assert reference.startswith("citation_title=A Study, Focused; citation_author=An, Kwang-ch'an;")
    assert "citation_dissertation_institution=Dongguk University" in reference


def test_a_year_with_a_season_gives_its_year_and_tex_quotes_become_typographic():
    reference = page_metadata.citation_reference(BIB.entries["lee"])
    assert "citation_title=Toward “21st Century”;" in reference
    assert "citation_publication_date=2008;" in reference
    assert "citation_volume=22; citation_issue=1" in reference


def test_a_report_number_is_a_report_number():
    reference = page_metadata.citation_reference(BIB.entries["osc"])
    assert "citation_technical_report_number=KPP2006" in reference
    assert "citation_issue" not in reference


def test_cited_keys_are_once_each_in_order_of_first_citation():
    markdown = "[^2]: A. [@b; @a]\n\n[^3]: B. [@a]\n\n[^4]: C. [@c]\n"
    assert page_metadata.cited_keys(markdown) == ["b", "a", "c"]


def test_the_paper_is_a_report_and_a_section_a_chapter_of_it():
    paper = paper_facts(RECORD["paper"], RECORD["release"])
    report = page_metadata.json_ld(
        paper, kind="report", title="", url="https://x/", home_url="https://x/"
    )
    assert report["@type"] == "Report" and report["datePublished"] == "2009-02"
    assert report["publisher"] == {
        "@type": "Organization",
        "name": "Center for U.S.-Korea Policy",
        "parentOrganization": {"@type": "Organization", "name": "The Asia Foundation"},
    }
    chapter = page_metadata.json_ld(
        paper,
        kind="chapter",
        title="Introduction",
        url="https://x/introduction/",
        home_url="https://x/",
    )
    assert chapter["@type"] == "Chapter"
    assert chapter["isPartOf"]["@type"] == "Report" and chapter["isPartOf"]["url"] == "https://x/"


def test_without_an_absolute_address_json_ld_names_none():
    paper = paper_facts(RECORD["paper"], RECORD["release"])
    chapter = page_metadata.json_ld(paper, kind="chapter", title="I", url=None, home_url=None)
    assert "url" not in chapter and "url" not in chapter["isPartOf"]


def tag_names(tags):
    return [name for name, _ in tags]


def test_a_report_names_its_institution_and_a_section_its_book():
    paper = paper_facts(RECORD["paper"], RECORD["release"])
    report = page_metadata.Work("report", paper.title, "https://x/", "https://x/", None)
    tags = dict(page_metadata.highwire_tags(paper, report, abstract="A.", references=[]))
    assert tags["citation_technical_report_institution"] == (
        "Center for U.S.-Korea Policy, The Asia Foundation"
    )
    assert "citation_inbook_title" not in tags and tags["citation_abstract"] == "A."
    assert tags["citation_fulltext_html_url"] == "https://x/"
    section = page_metadata.Work("section", "Introduction", None, None, None)
    names = tag_names(page_metadata.highwire_tags(paper, section, abstract=None, references=[]))
    assert names == [
        "citation_title",
        "citation_inbook_title",
        "citation_author",
        "citation_publication_date",
        "citation_publisher",
        "citation_language",
    ]


def test_no_tag_names_a_type_of_report():
    paper = paper_facts(RECORD["paper"], RECORD["release"])
    work = page_metadata.Work("report", paper.title, None, None, None)
    assert "DC.type" not in tag_names(page_metadata.dublin_core(paper, work))


def test_json_in_a_script_element_cannot_close_it():
    text = page_metadata.script_json({"name": "</script><b>"})
    assert "</" not in text
    assert json.loads(text) == {"name": "</script><b>"}
