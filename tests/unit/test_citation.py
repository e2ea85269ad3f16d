"""The citation forms of the paper, a section and a paragraph, and the record they come from."""

import pytest
import yaml

from edition.citation import (
    Address,
    apa,
    bibtex,
    chicago_bibliography,
    chicago_note,
    citation_forms,
    paper_facts,
    paragraph_citation,
    read_section,
    site_address,
)
from edition.errors import EditionError

RECORD = {
    "paper": {
        "title": "Strengthening the U.S.-ROK Alliance",
        "title_sentence_case": "Strengthening the U.S.-ROK alliance",
        "author": {"family": "Snyder", "given": "Scott"},
        "date": "2009-02",
        "center": "Center for U.S.-Korea Policy",
        "institution": "The Asia Foundation",
        "bibtex_key": "snyder2009strengthening",
        "sections": {
            "alliance-adaptation.md": "Alliance adaptation following the end of the Cold War",
            "views.md": 'Reconciling "inside-out" views',
        },
    },
    "release": {"version": "1.2.3", "date": "2026-12-01", "changelog": "CHANGELOG.md"},
}
URL = "https://example.org/"
SECTION_URL = "https://example.org/alliance-adaptation/"


@pytest.fixture
def paper():
    return paper_facts(RECORD["paper"], RECORD["release"])


@pytest.fixture
def section(paper):
    return read_section(
        paper,
        title="Alliance Adaptation Following the End of the Cold War",
        src_uri="alliance-adaptation.md",
    )


def test_chicago_forms_of_the_paper_name_the_web_edition_and_its_version(paper):
    assert chicago_note(paper, URL) == (
        "Scott Snyder, Strengthening the U.S.-ROK Alliance (Center for U.S.-Korea Policy, "
        "The Asia Foundation, February 2009), web edition, version 1.2.3, https://example.org/."
    )
    assert chicago_bibliography(paper, URL) == (
        "Snyder, Scott. Strengthening the U.S.-ROK Alliance. Center for U.S.-Korea Policy, "
        "The Asia Foundation, February 2009. Web edition, version 1.2.3. https://example.org/."
    )


def test_chicago_forms_of_a_section(paper, section):
    assert chicago_note(paper, SECTION_URL, section) == (
        "Scott Snyder, “Alliance Adaptation Following the End of the Cold War,” in "
        "Strengthening the U.S.-ROK Alliance (Center for U.S.-Korea Policy, The Asia Foundation, "
        "February 2009), web edition, version 1.2.3, https://example.org/alliance-adaptation/."
    )
    assert chicago_bibliography(paper, SECTION_URL, section) == (
        "Snyder, Scott. “Alliance Adaptation Following the End of the Cold War.” In "
        "Strengthening the U.S.-ROK Alliance. Center for U.S.-Korea Policy, The Asia Foundation, "
        "February 2009. Web edition, version 1.2.3. https://example.org/alliance-adaptation/."
    )


def test_apa_uses_sentence_case_and_no_period_after_the_address(paper, section):
    assert apa(paper, URL) == (
        "Snyder, S. (2009). Strengthening the U.S.-ROK alliance (Web ed., Version 1.2.3). "
        "Center for U.S.-Korea Policy, The Asia Foundation. https://example.org/"
    )
    assert apa(paper, SECTION_URL, section) == (
        "Snyder, S. (2009). Alliance adaptation following the end of the Cold War. In "
        "Strengthening the U.S.-ROK alliance (Web ed., Version 1.2.3). Center for U.S.-Korea "
        "Policy, The Asia Foundation. https://example.org/alliance-adaptation/"
    )


def test_html_forms_italicise_the_title_and_link_the_address(paper):
    html = chicago_note(paper, URL, html=True)
    assert "<cite>Strengthening the U.S.-ROK Alliance</cite>" in html
    assert '<a href="https://example.org/" rel="noopener">https://example.org/</a>.' in html


def test_without_an_absolute_address_the_page_shows_the_one_the_reader_has_open(paper):
    assert site_address(None, "glossary/", "") == Address("../")
    assert site_address(None, "introduction/", "introduction/") == Address("./")
    assert site_address("https://x.test/ed/", "glossary/", "introduction/") == Address(
        "https://x.test/ed/introduction/"
    )
    html = chicago_note(paper, Address("../introduction/", href="/introduction.md"), html=True)
    assert html.endswith(
        '<a href="/introduction.md" data-cite-address="../introduction/">../introduction/</a>.'
    )
    entry = bibtex(paper, Address("./"), html=True)
    assert entry.endswith('url         = {<span data-cite-address="./">./</span>}\n}')


def test_bibtex_of_the_paper_is_a_techreport_of_the_web_edition(paper):
    assert bibtex(paper, URL) == "\n".join(
        [
            "@techreport{snyder2009strengthening,",
            "  author      = {Snyder, Scott},",
            "  title       = {{Strengthening the U.S.-ROK Alliance}},",
            "  institution = {{Center for U.S.-Korea Policy, The Asia Foundation}},",
            "  year        = {2009},",
            "  month       = feb,",
            "  note        = {{Web edition, version 1.2.3}},",
            "  version     = {1.2.3},",
            "  url         = {https://example.org/}",
            "}",
        ]
    )


def test_bibtex_of_a_section_is_a_part_with_the_paper_as_its_book(paper, section):
    entry = bibtex(paper, SECTION_URL, section)
    assert entry.startswith("@incollection{snyder2009strengthening-alliance-adaptation,\n")
    assert "  title     = {{Alliance Adaptation Following the End of the Cold War}},\n" in entry
    assert "  booktitle = {{Strengthening the U.S.-ROK Alliance}},\n" in entry


def test_quotation_marks_inside_a_quoted_title_become_single(paper):
    section = read_section(paper, title='Reconciling "Inside-Out" Views', src_uri="views.md")
    assert "“Reconciling ‘Inside-Out’ Views,” in" in chicago_note(paper, URL, section)
    assert "{{Reconciling ``Inside-Out'' Views}}" in bibtex(paper, URL, section)


def test_a_paragraph_is_cited_by_the_section_note_with_its_number_and_link(paper, section):
    assert paragraph_citation(paper, section, 7, SECTION_URL) == (
        "Scott Snyder, “Alliance Adaptation Following the End of the Cold War,” in "
        "Strengthening the U.S.-ROK Alliance (Center for U.S.-Korea Policy, The Asia Foundation, "
        "February 2009), web edition, version 1.2.3, ¶ 7, "
        "https://example.org/alliance-adaptation/#p-7."
    )


def test_forms_have_distinct_ids_and_plain_text_without_markup(paper, section):
    forms = citation_forms(paper, SECTION_URL, section, prefix="cite-section")
    assert [form.id for form in forms] == [
        "cite-section-chicago-note",
        "cite-section-chicago-bibliography",
        "cite-section-apa",
        "cite-section-bibtex",
    ]
    assert all("<" not in form.text for form in forms)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": None}, "Sub-option 'title': Required configuration not provided"),
        ({"date": "February 2009"}, "is not a month; write YYYY-MM"),
        ({"date": "2009-13"}, "is not a month; write YYYY-MM"),
        ({"date": 2009}, 'write the month as "YYYY-MM", quoted'),
        ({"author": {"family": "Snyder"}}, "Sub-option 'given'"),
        ({"abstract": "introduction.md"}, "is not of the form introduction.md#p-4"),
    ],
)
def test_an_incomplete_record_names_what_to_fix(change, message):
    from edition.config import EditionConfig
    from tests.support.paper import SOURCE_FILE

    config = EditionConfig()
    record = {**RECORD["paper"], **change}
    config.load_dict(
        {
            "paper": {key: value for key, value in record.items() if value is not None},
            "release": {**RECORD["release"], "changelog": str(SOURCE_FILE)},
            "source": str(SOURCE_FILE),
            "epub": {"file_name": "a.epub", "description": "d", "rights": "r"},
        }
    )
    failed, _ = config.validate()
    assert failed, change
    assert any(message in str(error) for _, error in failed), failed


def test_a_section_missing_from_the_record_is_named(paper):
    with pytest.raises(EditionError, match="lacks 'bibliography.md'"):
        read_section(paper, title="Bibliography", src_uri="bibliography.md")


def test_the_record_in_mkdocs_yml_names_every_section_of_the_paper():
    from tests.conftest import PAPER_PAGES, ROOT

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    options = next(
        entry["edition"]
        for entry in config["plugins"]
        if isinstance(entry, dict) and "edition" in entry
    )
    paper = paper_facts(options["paper"], options["release"])
    assert sorted(paper.section_titles_sentence_case) == sorted(
        path.replace("/index.html", ".md") for path in PAPER_PAGES
    )
