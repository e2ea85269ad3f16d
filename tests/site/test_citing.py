"""Citing and capturing on the built site: Cite this, what Zotero saves, the site's own addresses.

The site is built as published (SITE_URL, REPORT_ERROR_URL) and without
either; what Zotero saves from a page is worked out from its <head> by the
rules of Zotero's Embedded Metadata translator (tests/support/embedded_metadata.py).
Every expected value is read from mkdocs.yml, CHANGELOG.md, references.bib,
docs/ or source/.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from pybtex.database import parse_file

from edition.apparatus import normalise
from edition.notes import read_notes
from edition.source import NOTE_NUMBER
from tests.conftest import ISSUE_URL, PAPER_PAGES, ROOT, SITE_URL
from tests.support.embedded_metadata import OPENED_AT, saved_item
from tests.support.paper import the_source

BIB = parse_file(str(ROOT / "references.bib"), bib_format="bibtex")
HOME, WHOLE, BIBLIOGRAPHY = "index.html", "paper/index.html", "bibliography/index.html"
PAPER_AND_HOME = [HOME, *PAPER_PAGES]
APPARATUS = [
    "bibliography/index.html",
    "glossary/index.html",
    "index-of-terms/index.html",
    "timeline/index.html",
    "about/index.html",
    "changes/index.html",
]


def edition_options() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return next(
        entry["edition"]
        for entry in config["plugins"]
        if isinstance(entry, dict) and "edition" in entry
    )


OPTIONS = edition_options()
PAPER = OPTIONS["paper"]
RELEASE = OPTIONS["release"]
PUBLISHER = f"{PAPER['center']}, {PAPER['institution']}"
WEB_EDITION = f"web edition, version {RELEASE['version']}"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS += ["September", "October", "November", "December"]
YEAR, MONTH = (int(part) for part in PAPER["date"].split("-"))


def content_pages(html_pages: list[str]) -> list[str]:
    """Every page made from docs/ (404.html is the theme's)."""
    return [path for path in html_pages if path != "404.html"]


def url_of(path: str, base: str = SITE_URL) -> str:
    return base + path.removesuffix("index.html")


def metas(soup, name: str) -> list[str]:
    return [tag["content"] for tag in soup.head.find_all("meta", attrs={"name": name})]


def og(soup, prop: str) -> list[str]:
    return [tag["content"] for tag in soup.head.find_all("meta", attrs={"property": prop})]


def json_ld(soup) -> dict:
    (script,) = soup.head.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def heading(soup) -> str:
    return soup.select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()


def author_summary() -> str:
    """The paragraph `paper.abstract` names, as source/ prints it, note numbers aside."""
    src_uri, _, anchor = PAPER["abstract"].partition("#")
    files = [path.replace("/index.html", ".md") for path in PAPER_PAGES]
    section = the_source().sections[files.index(src_uri)]
    return normalise(NOTE_NUMBER.sub("", section.paragraphs[int(anchor.removeprefix("p-")) - 1]))


def bibtex_fields(entry: str) -> dict[str, str]:
    """A BibTeX entry's fields, their outer braces removed and TeX's quotes straight again."""
    return {
        name: value.strip("{}").replace("``", '"').replace("''", '"')
        for name, value in re.findall(r"^\s+(\w+)\s+= (\{.*?\}|\w+),?$", entry, re.MULTILINE)
    }


# -- Cite this ---------------------------------------------------------------


@pytest.mark.parametrize("path", [*PAPER_AND_HOME, WHOLE])
def test_every_page_of_the_paper_ends_with_a_cite_this_block_marked_as_the_editions(page, path):
    soup = page(path)
    block = soup.select_one("article section.cite-this")
    assert block is not None and "edition-added" in block["class"]
    assert block.find_previous_sibling() is not None  # after the content, not before it
    assert block.select_one("#cite-permalink")["href"] == url_of(path)
    status = block.select_one('[role="status"]')
    assert status is not None and status.get("aria-live") == "polite"


@pytest.mark.parametrize("path", PAPER_PAGES)
def test_a_section_offers_four_forms_of_itself_and_four_of_the_paper(page, path):
    block = page(path).select_one(".cite-this")
    for form in ("chicago-note", "chicago-bibliography", "apa", "bibtex"):
        section_text = block.select_one(f"#cite-section-{form}").get_text()
        paper_text = block.select_one(f"#cite-paper-{form}").get_text()
        assert url_of(path) in section_text
        assert SITE_URL in paper_text and url_of(path) not in paper_text
        button = block.select_one(f'button[data-cite-copy="cite-section-{form}"]')
        assert button["type"] == "button" and button["aria-label"].startswith("Copy ")
    note = block.select_one("#cite-section-chicago-note").get_text()
    title = heading(page(path)).replace('"', "‘", 1).replace('"', "’", 1)
    title = title.replace('"', "‘", 1).replace('"', "’", 1)
    assert note == (
        f"{PAPER['author']['given']} {PAPER['author']['family']}, “{title},” in {PAPER['title']} "
        f"({PUBLISHER}, {MONTHS[MONTH - 1]} {YEAR}), {WEB_EDITION}, {url_of(path)}."
    )
    entry = bibtex_fields(block.select_one("#cite-section-bibtex").get_text())
    assert block.select_one("#cite-section-bibtex").get_text().startswith("@incollection{")
    assert entry["booktitle"] == PAPER["title"] and entry["publisher"] == PUBLISHER
    stem = block["data-paragraph-citation"]
    assert note.startswith(stem) and not stem.endswith(".")


def test_the_home_page_cites_the_paper_as_a_report_of_this_web_edition(page):
    block = page(HOME).select_one(".cite-this")
    assert block.select_one("#cite-paper-chicago-bibliography").get_text() == (
        f"{PAPER['author']['family']}, {PAPER['author']['given']}. {PAPER['title']}. "
        f"{PUBLISHER}, {MONTHS[MONTH - 1]} {YEAR}. {WEB_EDITION.capitalize()}. {SITE_URL}."
    )
    assert block.select_one("#cite-paper-chicago-bibliography cite").get_text() == PAPER["title"]
    entry = block.select_one("#cite-paper-bibtex").get_text()
    assert entry.startswith(f"@techreport{{{PAPER['bibtex_key']},")
    assert bibtex_fields(entry)["version"] == RELEASE["version"]
    assert block.select_one("[id^=cite-section-]") is None


@pytest.mark.parametrize("path", [*PAPER_AND_HOME, WHOLE])
def test_every_citation_form_names_the_web_edition_and_its_version(page, path):
    block = page(path).select_one("section.cite-this")
    forms = block.select(".cite-this__text, .cite-this__bibtex")
    assert len(forms) in (4, 8)
    for form in forms:
        text = form.get_text()
        assert (
            WEB_EDITION in text
            or WEB_EDITION.capitalize() in text
            or f"(Web ed., Version {RELEASE['version']})" in text
        ), text
    assert WEB_EDITION in (block.get("data-paragraph-citation") or WEB_EDITION)


def test_the_whole_paper_offers_the_papers_citation_and_each_sections_where_it_begins(page):
    soup = page(WHOLE)
    paper_block = soup.select_one("section.cite-this")
    assert (
        paper_block.select_one("#cite-paper-chicago-note")
        .get_text()
        .endswith(f"{WEB_EDITION}, {url_of(WHOLE)}.")
    )
    for path in PAPER_PAGES:
        slug = path.removesuffix("/index.html")
        block = soup.select_one(f'details.cite-this[data-cite-section="{slug}"]')
        assert "edition-added" in block["class"]
        # Right after the section's heading, before its first paragraph.
        assert block.find_previous_sibling(["h2"])["id"] == slug
        assert block.find_next_sibling().get("id") in (f"{slug}-p-1", None)
        on_section_page = page(path).select_one("#cite-section-chicago-note").get_text()
        assert block.select_one(f"#cite-{slug}-chicago-note").get_text() == on_section_page
        assert block.select_one(f'a[href$="{slug}/#cite-this-section"]')
        assert (
            block["data-paragraph-citation"]
            == page(path).select_one(".cite-this")["data-paragraph-citation"]
        )
        assert block["data-section-address"] == url_of(path)


def test_pages_outside_the_paper_have_no_cite_this_block(page):
    for path in APPARATUS:
        assert page(path).select_one(".cite-this") is None, path


# -- What Zotero saves --------------------------------------------------------


def item_of(page, path: str) -> dict:
    return saved_item(str(page(path)))


@pytest.mark.parametrize("path", [HOME, WHOLE])
def test_zotero_saves_the_home_page_and_the_whole_paper_as_the_report(page, path):
    item = item_of(page, path)
    assert item == {
        "itemType": "report",
        "creators": [
            {
                "firstName": PAPER["author"]["given"],
                "lastName": PAPER["author"]["family"],
                "creatorType": "author",
            }
        ],
        "title": PAPER["title"],
        "institution": PUBLISHER,
        "date": PAPER["date"].replace("-", "/"),
        "abstractNote": author_summary(),
        "language": "en",
        "url": url_of(path),
    }


@pytest.mark.parametrize("path", PAPER_PAGES)
def test_zotero_saves_a_section_as_a_part_of_the_paper(page, path):
    item = item_of(page, path)
    title = heading(page(path))
    assert item["itemType"] == "bookSection"
    assert item["title"] == title and item["bookTitle"] == PAPER["title"]
    assert item["creators"] == item_of(page, HOME)["creators"]
    assert (item["date"], item["publisher"]) == (PAPER["date"].replace("-", "/"), PUBLISHER)
    assert item["abstractNote"] == author_summary() and item["url"] == url_of(path)
    assert "reportType" not in item and "institution" not in item


@pytest.mark.parametrize("path", APPARATUS)
def test_zotero_saves_the_paper_from_an_apparatus_page(page, path):
    assert item_of(page, path) == item_of(page, HOME)  # the paper, at the paper's address


def test_what_zotero_saves_is_what_cite_this_cites(page):
    for path in PAPER_PAGES:
        item = item_of(page, path)
        entry = bibtex_fields(page(path).select_one("#cite-section-bibtex").get_text())
        assert (entry["title"], entry["booktitle"], entry["publisher"]) == (
            item["title"],
            item["bookTitle"],
            item["publisher"],
        )
        month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov"]
        month += ["dec"]
        assert f"{entry['year']}/{month.index(entry['month']) + 1:02d}" == item["date"]
    item = item_of(page, HOME)
    entry = bibtex_fields(page(HOME).select_one("#cite-paper-bibtex").get_text())
    assert (entry["title"], entry["institution"]) == (item["title"], item["institution"])


def test_no_abstract_is_a_description_of_a_web_page(page, html_pages):
    for path in content_pages(html_pages):
        descriptions = metas(page(path), "description") + og(page(path), "og:description")
        assert item_of(page, path)["abstractNote"] not in descriptions, path


def test_google_scholar_s_tags_for_a_report_stay_valid(page):
    for path in [HOME, WHOLE, *APPARATUS]:
        soup = page(path)
        for name in ("citation_title", "citation_author", "citation_publication_date"):
            assert len(metas(soup, name)) == 1, (path, name)
        assert metas(soup, "citation_technical_report_institution") == [PUBLISHER], path
        assert re.fullmatch(r"\d{4}/\d{2}", metas(soup, "citation_publication_date")[0])
        assert not metas(soup, "citation_journal_title") and not metas(soup, "DC.type"), path
    for path in PAPER_PAGES:
        assert not metas(page(path), "citation_technical_report_institution"), path


def test_every_page_has_one_json_ld_description_that_parses(page, html_pages):
    for path in content_pages(html_pages):
        data = json_ld(page(path))
        assert data["@context"] == "https://schema.org"
        assert data["url"] == url_of(path)
        assert data["datePublished"] == PAPER["date"]
        assert data["author"]["name"] == f"{PAPER['author']['given']} {PAPER['author']['family']}"
        assert data["publisher"]["name"] == PAPER["center"]
        assert data["publisher"]["parentOrganization"]["name"] == PAPER["institution"]


def test_the_home_page_is_the_report_and_each_section_a_chapter_of_it(page):
    assert json_ld(page(HOME))["@type"] == "Report"
    for path in PAPER_PAGES:
        data = json_ld(page(path))
        assert data["@type"] == "Chapter" and data["name"] == heading(page(path))
        assert data["isPartOf"]["@type"] == "Report" and data["isPartOf"]["url"] == SITE_URL


@pytest.mark.parametrize("path", PAPER_PAGES)
def test_one_citation_reference_per_work_the_sections_notes_cite(page, path):
    source = ROOT / "docs" / path.replace("/index.html", ".md")
    keys = []
    for note in read_notes(source.read_text(encoding="utf-8")):
        keys += [key for key in note.cited_keys if key not in keys]
    references = metas(page(path), "citation_reference")
    assert len(references) == len(keys)
    for key, reference in zip(keys, references, strict=True):
        title = BIB.entries[key].fields["title"].strip("{}").replace("``", "“").replace("''", "”")
        assert reference.startswith(f"citation_title={title.replace(';', ',')}; "), key
        for person in BIB.entries[key].persons.get("author", []):
            assert f"citation_author={' '.join(person.last_names)}, " in reference, key


def test_the_landing_page_and_the_bibliography_list_every_work_as_a_reference(page):
    for path in (HOME, BIBLIOGRAPHY):
        assert len(metas(page(path), "citation_reference")) == len(BIB.entries), path


# -- No address that is not the site's -----------------------------------------


def cited_addresses() -> set[str]:
    """Every address a note or references.bib cites."""
    found = {entry.fields["url"] for entry in BIB.entries.values() if entry.fields.get("url")}
    for path in (ROOT / "docs").glob("*.md"):
        found |= set(re.findall(r"<(https?://[^>\s]+)>", path.read_text(encoding="utf-8")))
    return found


CITED = cited_addresses()
OTHERS = (  # addresses a page may name that are neither the site's nor cited
    "https://web.archive.org/web/",  # the archived copies of the cited addresses
    "https://schema.org",  # JSON-LD's vocabulary
    "http://purl.org/dc/elements/1.1/",  # Dublin Core's, in <link rel="schema.DC">
    "http://www.w3.org/2000/svg",  # the namespace of the theme's icons
    "https://squidfunk.github.io/mkdocs-material/",  # the theme's credit in the footer
)


def absolute_addresses(soup) -> list[str]:
    """Every http(s) address in an attribute, in the JSON-LD, or in the text of a page."""
    found = []
    for element in soup.find_all(True):
        for value in element.attrs.values():
            values = value if isinstance(value, list) else [value]
            found += [v for v in values if re.match(r"https?://", v)]
    for script in soup.find_all("script", type="application/ld+json"):
        found += re.findall(r'"(https?://[^"]+)"', script.string)
    # (a host's first character is no dot: About shows the form "<http://...>" as such)
    found += re.findall(r"https?://[^\s\"'<>)\].][^\s\"'<>)\]]*", soup.get_text(" "))
    return [address.rstrip(".,;") for address in found]


def foreign(addresses: list[str], own: tuple[str, ...]) -> set[str]:
    def allowed(address: str) -> bool:
        return (
            address in CITED
            or address.startswith(OTHERS)
            or any(address.startswith(prefix) for prefix in own)
            or any(address.startswith(cited) for cited in CITED)
        )

    return {address for address in addresses if not allowed(address)}


def test_without_site_url_no_page_names_a_host(bare_page, bare_site):
    for path in sorted(str(p.relative_to(bare_site)) for p in bare_site.rglob("*.html")):
        assert foreign(absolute_addresses(bare_page(path)), ()) == set(), path
    assert not (bare_site / "sitemap.xml").exists()
    assert not (bare_site / "sitemap.xml.gz").exists()


def test_with_site_url_every_address_of_the_site_is_under_it(page, html_pages, site):
    for path in html_pages:
        assert foreign(absolute_addresses(page(path)), (SITE_URL, ISSUE_URL)) == set(), path
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text())
    assert sorted(locations) == sorted(url_of(path) for path in content_pages(html_pages))


def test_no_file_of_either_build_names_an_example_host(site, bare_site):
    for folder in (site, bare_site):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".xml", ".json", ".ris", ".bib", ".js"}:
                assert "example.org" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("path", [*PAPER_AND_HOME, WHOLE])
def test_with_site_url_the_metadata_names_the_page_s_address(page, path):
    soup = page(path)
    (canonical,) = soup.head.find_all("link", rel="canonical")
    assert canonical["href"] == url_of(path)
    assert og(soup, "og:url") == [url_of(path)]
    assert metas(soup, "citation_fulltext_html_url") == [url_of(path)]
    assert metas(soup, "DC.identifier") == [url_of(path)]


@pytest.mark.parametrize("path", [*PAPER_AND_HOME, WHOLE, *APPARATUS])
def test_without_site_url_what_needs_an_absolute_address_is_left_out(bare_page, path):
    soup = bare_page(path)
    assert not soup.head.find_all("link", rel="canonical")
    for name in ("citation_fulltext_html_url", "citation_public_url", "DC.identifier"):
        assert not metas(soup, name), (path, name)
    assert not og(soup, "og:url")
    assert "url" not in json_ld(soup)
    assert saved_item(str(soup))["url"] == OPENED_AT  # Zotero saves where the reader is


@pytest.mark.parametrize("path", [*PAPER_AND_HOME, WHOLE])
def test_without_site_url_citations_name_the_page_relative_to_itself(bare_page, path):
    soup = bare_page(path)
    permalink = soup.select_one("#cite-permalink")
    assert permalink["href"] == "./" == permalink["data-cite-address"]
    for form in soup.select("section.cite-this .cite-this__text, section.cite-this code"):
        (address,) = form.select("[data-cite-address]")
        assert address.get_text() == address["data-cite-address"]
        assert not re.search(r"https?://", form.get_text())


def test_report_links_appear_only_where_a_tracker_is_named(page, bare_page, bare_site):
    assert page("introduction/index.html").select("a.report-error")
    for path in bare_site.rglob("*.html"):
        soup = bare_page(str(path.relative_to(bare_site)))
        assert not soup.select(".report-error, .report-error-page"), path


def test_the_report_names_the_paragraph_s_address_under_the_site_url(page):
    link = page("alliance-adaptation/index.html").select_one("a#report-error")
    assert link["data-report-address"] == url_of("alliance-adaptation/index.html")


def test_the_pages_workflow_sets_both_addresses_from_the_repository():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    (build,) = [
        step for step in workflow["jobs"]["build"]["steps"] if step.get("run") == "make build"
    ]
    assert set(build["env"]) == {"SITE_URL", "REPORT_ERROR_URL"}
    assert "github.repository" in build["env"]["REPORT_ERROR_URL"]


# -- The works the paper cites, for reference managers ------------------------


def context_object(span) -> dict[str, list[str]]:
    return parse_qs(span["title"], keep_blank_values=False)


# parseContextObject (zotero/utilities, openurl.js): the item type of each format and genre
FORMATS = {
    "info:ofi/fmt:kev:mtx:journal": lambda genre: "journalArticle",
    "info:ofi/fmt:kev:mtx:book": lambda genre: {
        "bookitem": "bookSection",
        "report": "report",
        "conference": "conferencePaper",
        "proceeding": "conferencePaper",
    }.get(genre, "book"),
    "info:ofi/fmt:kev:mtx:dissertation": lambda genre: "thesis",
    "info:ofi/fmt:kev:mtx:dc": lambda genre: "webpage",
}
BIBTEX_TO_ZOTERO = {
    "article": "journalArticle",
    "book": "book",
    "incollection": "bookSection",
    "phdthesis": "thesis",
    "report": "report",
    "online": "webpage",
}


def test_zotero_offers_each_work_from_the_bibliography(page):
    soup = page(BIBLIOGRAPHY)
    spans = soup.select("span.Z3988[title]")
    assert len(spans) == len(BIB.entries) == 21
    for span in spans:
        key = span.find_parent("li")["id"]
        entry = BIB.entries[key]
        co = context_object(span)
        item_type = FORMATS[co["rft_val_fmt"][0]](co.get("rft.genre", [""])[0])
        if co["rft_val_fmt"][0].endswith(":dc"):
            item_type = co["rft.type"][0]  # a Zotero type, which parseContextObject takes
        expected = BIBTEX_TO_ZOTERO[entry.type]
        if entry.fields.get("entrysubtype") == "newspaper":
            expected = "newspaperArticle"
        assert item_type == expected, key
        titles = co.get("rft.atitle") or co.get("rft.btitle") or co.get("rft.title")
        assert titles == [entry.fields["title"].strip("{}").replace("``", "“").replace("''", "”")]
        if entry.fields.get("url"):
            assert co["rft_id"] == [entry.fields["url"]], key
        for person in entry.persons.get("author", []):
            names = co.get("rft.au", []) + co.get("rft.creator", [])
            assert any(name.startswith(" ".join(person.last_names) + ", ") for name in names), key


def test_no_other_page_offers_the_works_in_place_of_its_own_item(page, html_pages):
    for path in html_pages:
        if path != BIBLIOGRAPHY:
            assert not page(path).select(".Z3988"), path


def test_the_works_download_as_bibtex_ris_and_csl_json(page, site):
    links = {a["href"] for a in page(BIBLIOGRAPHY).select("article a[href]")}
    assert {"../references.bib", "../references.ris", "../references.json"} <= links
    items = json.loads((site / "references.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == list(BIB.entries)
    ris = (site / "references.ris").read_bytes().decode("utf-8").split("\r\n")
    assert [line[6:] for line in ris if line.startswith("ID  - ")] == list(BIB.entries)
    assert sum(line.startswith("TY  - ") for line in ris) == sum(line == "ER  -" for line in ris)
    assert (site / "references.bib").read_bytes() == (ROOT / "references.bib").read_bytes()


# -- Archived copies -------------------------------------------------------------


def expected_archive(url: str, key: str | None) -> str:
    """The rule of the README, computed here from references.bib itself."""
    fields = BIB.entries[key].fields if key else {}
    date = fields.get("urldate") or fields.get("date")
    return f"https://web.archive.org/web/{date.replace('-', '') if date else '*'}/{url}"


def cited_links(container) -> list:
    return [
        a
        for a in container.find_all("a", href=True)
        if a["href"].startswith("http")
        and not a["href"].startswith(("https://web.archive.org/", SITE_URL, ISSUE_URL))
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
            ROOT / "docs" / ("index.md" if path == HOME else path.replace("/index.html", ".md"))
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
        line.count("<http")
        for path in PAPER_AND_HOME
        for line in (
            ROOT / "docs" / ("index.md" if path == HOME else path.replace("/index.html", ".md"))
        )
        .read_text(encoding="utf-8")
        .splitlines()
        if line.startswith("[^")
    )
    assert pairs == urls_in_notes == 8  # notes 3, 4, 6, 9, 16, 17, 19 and 20


def test_every_address_in_the_bibliography_is_paired_with_its_archived_copy(page):
    soup = page(BIBLIOGRAPHY)
    for key in [key for key, entry in BIB.entries.items() if entry.fields.get("url")]:
        (link,) = cited_links(soup.find(id=key))
        assert link["href"] == BIB.entries[key].fields["url"]
        assert archived_copy_after(link)["href"] == expected_archive(link["href"], key)


def test_each_cited_address_and_its_copy_carry_the_robust_links_attributes(page, html_pages):
    checked = 0
    for path in html_pages:
        for link in page(path).select(".footnote a[href^='http'], .bibliography a[href^='http']"):
            if link["href"] not in CITED:
                continue
            copy = archived_copy_after(link)
            timestamp = urlsplit(copy["href"]).path.split("/")[2]
            date = link["data-versiondate"]
            assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", date) and date.replace("-", "") == timestamp
            assert link["data-versionurl"] == copy["href"]
            assert copy["data-originalurl"] == link["href"]
            assert copy["data-versiondate"] == date
            checked += 1
    assert checked >= 8 + 13  # the notes' addresses and the bibliography's


def test_the_dates_asked_of_the_archive_are_the_access_dates_where_the_notes_give_them(page):
    archived = {a["href"] for a in page(BIBLIOGRAPHY).select(".archived-copy a")}
    assert (
        "https://web.archive.org/web/20090311/"
        "http://www.globalsecurity.org/wmd/library/news/rok/1992/921008-rok-usia.htm"
    ) in archived
    assert (
        "https://web.archive.org/web/20080421/"
        "http://www.whitehouse.gov/news/releases/2008/04/20080419-1.html"
    ) in archived


# -- The edition's releases ----------------------------------------------------------


def releases() -> list[tuple[str, str]]:
    changelog = (ROOT / RELEASE["changelog"]).read_text(encoding="utf-8")
    return re.findall(r"^## (\S+) \((\S+)\)$", changelog, re.MULTILINE)


def test_every_page_shows_the_release_in_its_colophon(page, html_pages):
    assert releases()[0] == (RELEASE["version"], RELEASE["date"])
    for path in html_pages:
        colophon = page(path).select_one("footer .colophon")
        assert colophon is not None and "edition-added" in colophon["class"], path
        assert f"version {RELEASE['version']}" in colophon.get_text(), path
        assert colophon.find("time")["datetime"] == RELEASE["date"], path
        changes = colophon.find("a")
        assert changes.get_text() == "Changes", path


def test_the_changes_page_lists_every_release_with_a_permalink(page):
    soup = page("changes/index.html")
    for version, date in releases():
        heading = soup.find(id=f"version-{version.replace('.', '-')}")
        assert heading.name == "h2" and heading.get_text(" ", strip=True).startswith(
            f"{version} ({date})"
        )
        assert heading.find_next_sibling().name in ("p", "ul")


def test_the_changelog_s_words_are_on_the_changes_page(page):
    changelog = (ROOT / RELEASE["changelog"]).read_text(encoding="utf-8")
    first_item = re.search(r"^- \*\*(.+?)\*\*", changelog, re.MULTILINE).group(1)
    assert first_item in page("changes/index.html").select_one("article").get_text()


# -- noopener ----------------------------------------------------------------


def test_every_link_that_leaves_the_site_has_rel_noopener(page, html_pages):
    checked = 0
    for path in html_pages:
        for link in page(path).find_all("a", href=True):
            if urlsplit(link["href"]).scheme in {"http", "https"} or link["href"].startswith("//"):
                assert "noopener" in link.get("rel", []), f"{path}: {link}"
                checked += 1
    assert checked > 30
