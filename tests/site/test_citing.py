"""Citing and capturing on the built site: Cite this, page metadata, archived copies, noopener."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from pybtex.database import parse_file

from edition.notes import read_notes
from tests.conftest import PAPER_PAGES, ROOT, build_site

SITE_URL = "https://us-rok-alliance.example.org/"  # the default of mkdocs.yml's site_url
PAPER_AND_HOME = ["index.html", *PAPER_PAGES]
BIB = parse_file(str(ROOT / "references.bib"), bib_format="bibtex")


def content_pages(html_pages: list[str]) -> list[str]:
    """Every page made from docs/ (404.html is the theme's)."""
    return [path for path in html_pages if path != "404.html"]


def url_of(path: str, base: str = SITE_URL) -> str:
    return base + path.removesuffix("index.html")


def metas(soup, name: str) -> list[str]:
    return [tag["content"] for tag in soup.head.find_all("meta", attrs={"name": name})]


def og(soup, prop: str) -> str:
    (tag,) = soup.head.find_all("meta", attrs={"property": prop})
    return tag["content"]


def json_ld(soup) -> dict:
    (script,) = soup.head.find_all("script", type="application/ld+json")
    return json.loads(script.string)


# -- Cite this ---------------------------------------------------------------


@pytest.mark.parametrize("path", PAPER_AND_HOME)
def test_every_paper_page_ends_with_a_cite_this_block_marked_as_the_editions(page, path):
    soup = page(path)
    block = soup.select_one("article .cite-this")
    assert block is not None and "edition-added" in block["class"]
    assert block.find_previous_sibling() is not None  # after the content, not before it
    assert block.select_one("#cite-permalink")["href"] == url_of(path)
    status = block.select_one('[role="status"]')
    assert status is not None and status.get("aria-live") == "polite"


@pytest.mark.parametrize("path", PAPER_PAGES)
def test_a_section_offers_four_forms_of_itself_and_four_of_the_paper(page, path):
    block = page(path).select_one(".cite-this")
    section_title = (
        page(path).select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
    )
    for form in ("chicago-note", "chicago-bibliography", "apa", "bibtex"):
        section_text = block.select_one(f"#cite-section-{form}").get_text()
        paper_text = block.select_one(f"#cite-paper-{form}").get_text()
        assert url_of(path) in section_text
        assert SITE_URL in paper_text and url_of(path) not in paper_text
        button = block.select_one(f'button[data-cite-copy="cite-section-{form}"]')
        assert button["type"] == "button" and button["aria-label"].startswith("Copy ")
    note = block.select_one("#cite-section-chicago-note").get_text()
    assert note.startswith("Scott Snyder, “")
    first_word = section_title.split()[0]
    assert f"“{first_word}" in note
    assert (
        "in Strengthening the U.S.-ROK Alliance (Center for U.S.-Korea Policy, "
        "The Asia Foundation, February 2009)" in note
    )
    assert block.select_one("#cite-section-bibtex").get_text().startswith("@inbook{")
    stem = block["data-paragraph-citation"]
    assert note.startswith(stem) and not stem.endswith(".")


def test_the_home_page_cites_the_paper_as_a_report(page):
    block = page("index.html").select_one(".cite-this")
    assert block.select_one("#cite-paper-chicago-bibliography").get_text() == (
        "Snyder, Scott. Strengthening the U.S.-ROK Alliance. Center for U.S.-Korea Policy, "
        f"The Asia Foundation, February 2009. {SITE_URL}."
    )
    assert block.select_one("#cite-paper-chicago-bibliography cite").get_text() == (
        "Strengthening the U.S.-ROK Alliance"
    )
    assert (
        block.select_one("#cite-paper-bibtex")
        .get_text()
        .startswith("@techreport{snyder2009strengthening,")
    )
    assert block.select_one("[id^=cite-section-]") is None


def test_pages_outside_the_paper_have_no_cite_this_block(page):
    assert page("bibliography/index.html").select_one(".cite-this") is None


# -- Metadata for Zotero, Scholar and link previews ---------------------------


def test_every_page_describes_the_paper_as_a_report_by_snyder(page, html_pages):
    for path in content_pages(html_pages):
        soup = page(path)
        assert metas(soup, "citation_title") == ["Strengthening the U.S.-ROK Alliance"], path
        assert metas(soup, "citation_author") == ["Snyder, Scott"], path
        assert metas(soup, "citation_publication_date") == ["2009/02"], path
        assert metas(soup, "citation_technical_report_institution") == ["The Asia Foundation"], path
        assert metas(soup, "citation_publisher") == ["The Asia Foundation"], path
        assert metas(soup, "citation_fulltext_html_url") == [url_of(path)], path
        assert metas(soup, "DC.title") == ["Strengthening the U.S.-ROK Alliance"], path
        assert metas(soup, "DC.creator") == ["Snyder, Scott"], path
        assert metas(soup, "DC.date") == ["2009-02"], path
        assert metas(soup, "DC.publisher") == ["The Asia Foundation"], path
        assert metas(soup, "DC.type") == ["report"], path
        assert og(soup, "og:url") == url_of(path), path
        assert og(soup, "og:type") == "article", path  # "website" would make Zotero save a web page
        assert og(soup, "og:site_name") == "Strengthening the U.S.-ROK Alliance", path
        assert og(soup, "og:title") and og(soup, "og:description"), path
        (canonical,) = soup.head.find_all("link", rel="canonical")
        assert canonical["href"] == url_of(path), path


def test_every_page_has_one_json_ld_description_that_parses(page, html_pages):
    for path in content_pages(html_pages):
        data = json_ld(page(path))
        assert data["@context"] == "https://schema.org"
        assert data["url"] == url_of(path)
        assert data["datePublished"] == "2009-02"
        assert data["author"]["name"] == "Scott Snyder"
        assert data["publisher"]["name"] == "The Asia Foundation"


def test_the_home_page_is_the_report_and_each_section_a_chapter_of_it(page):
    assert json_ld(page("index.html"))["@type"] == "Report"
    for path in PAPER_PAGES:
        data = json_ld(page(path))
        assert data["@type"] == "Chapter"
        assert data["isPartOf"]["@type"] == "Report"
        assert data["isPartOf"]["url"] == SITE_URL
        assert (
            data["name"]
            == page(path).select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
        )


@pytest.mark.parametrize("path", PAPER_AND_HOME)
def test_one_citation_reference_per_work_the_pages_notes_cite(page, path):
    source = (
        ROOT / "docs" / ("index.md" if path == "index.html" else path.replace("/index.html", ".md"))
    )
    keys = []
    for note in read_notes(source.read_text(encoding="utf-8")):
        keys += [key for key in note.cited_keys if key not in keys]
    references = metas(page(path), "citation_reference")
    assert len(references) == len(keys)
    for key, reference in zip(keys, references, strict=False):
        title = BIB.entries[key].fields["title"].strip("{}").replace("``", "“").replace("''", "”")
        assert reference.startswith(f"citation_title={title.replace(';', ',')}; "), key
        for person in BIB.entries[key].persons.get("author", []):
            assert f"citation_author={' '.join(person.last_names)}, " in reference, key


def test_the_bibliography_page_lists_every_work_as_a_reference(page):
    assert len(metas(page("bibliography/index.html"), "citation_reference")) == len(BIB.entries)


def test_canonical_links_and_metadata_follow_the_site_url_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://edition.test/us-rok/")
    result = build_site(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(
        (tmp_path / "site" / "alliance-adaptation" / "index.html").read_text(), "lxml"
    )
    expected = "https://edition.test/us-rok/alliance-adaptation/"
    assert soup.head.find("link", rel="canonical")["href"] == expected
    assert metas(soup, "citation_fulltext_html_url") == [expected]
    assert json_ld(soup)["isPartOf"]["url"] == "https://edition.test/us-rok/"
    assert soup.select_one("#cite-permalink")["href"] == expected


# -- Rescued links -------------------------------------------------------------


def expected_archive(url: str, key: str | None) -> str:
    """The rule of the README, computed here from references.bib itself."""
    fields = BIB.entries[key].fields if key else {}
    date = fields.get("urldate") or fields.get("date")
    return f"https://web.archive.org/web/{date.replace('-', '') if date else '*'}/{url}"


def cited_links(container) -> list:
    return [
        a
        for a in container.find_all("a", href=True)
        if a["href"].startswith("http") and not a["href"].startswith("https://web.archive.org/")
    ]


def archived_copy_after(link):
    wrapper = link.find_next_sibling()
    assert wrapper is not None and "archived-copy" in wrapper.get("class", []), link["href"]
    assert "edition-added" in wrapper["class"]
    return wrapper.find("a")


def test_every_address_a_note_cites_is_paired_with_its_archived_copy(page):
    pairs = 0
    for path in PAPER_AND_HOME:
        source = (
            ROOT
            / "docs"
            / ("index.md" if path == "index.html" else path.replace("/index.html", ".md"))
        )
        notes = {note.label: note for note in read_notes(source.read_text(encoding="utf-8"))}
        for item in page(path).select('li[id^="fn:"]'):
            keys = notes[item["id"][3:]].cited_keys
            for link in cited_links(item):
                url = link["href"]
                (key,) = [k for k in keys if BIB.entries[k].fields.get("url") == url] or [None]
                archived = archived_copy_after(link)
                assert archived["href"] == expected_archive(url, key)
                assert url in archived["aria-label"] and archived.get_text() == "archived copy"
                assert "edition-added" in archived["class"] and archived["rel"] == ["noopener"]
                pairs += 1
    urls_in_notes = sum(
        1
        for path in PAPER_AND_HOME
        for source in [
            ROOT
            / "docs"
            / ("index.md" if path == "index.html" else path.replace("/index.html", ".md"))
        ]
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.startswith("[^")
        for _ in range(line.count("<http"))
    )
    assert pairs == urls_in_notes == 8  # notes 3, 4, 6, 9, 16, 17, 19 and 20


def test_every_address_in_the_bibliography_is_paired_with_its_archived_copy(page):
    soup = page("bibliography/index.html")
    with_url = [key for key, entry in BIB.entries.items() if entry.fields.get("url")]
    for key in with_url:
        (link,) = [a for a in cited_links(soup.find(id=key))]
        assert link["href"] == BIB.entries[key].fields["url"]
        assert archived_copy_after(link)["href"] == expected_archive(link["href"], key)


def test_the_dates_asked_of_the_archive_are_the_access_dates_where_the_notes_give_them(page):
    archived = {a["href"] for a in page("bibliography/index.html").select(".archived-copy a")}
    assert (
        "https://web.archive.org/web/20090311/"
        "http://www.globalsecurity.org/wmd/library/news/rok/1992/921008-rok-usia.htm"
    ) in archived
    assert (
        "https://web.archive.org/web/20080421/"
        "http://www.whitehouse.gov/news/releases/2008/04/20080419-1.html"
    ) in archived


# -- noopener ----------------------------------------------------------------


def test_every_link_that_leaves_the_site_has_rel_noopener(page, html_pages):
    checked = 0
    for path in html_pages:
        for link in page(path).find_all("a", href=True):
            if urlsplit(link["href"]).scheme in {"http", "https"} or link["href"].startswith("//"):
                assert "noopener" in link.get("rel", []), f"{path}: {link}"
                checked += 1
    assert checked > 30
