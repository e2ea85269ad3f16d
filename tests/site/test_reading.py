"""Reading at length, on the built site: the section's header, the margin made free for the
notes, the notes' heading, Cite this as content tabs, the keyboard's stops at abbreviations,
and a 404 page that leads on from any depth."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from edition.citation import paper_facts
from tests.conftest import PAPER_PAGES, ROOT

OPTIONS = load_config(str(ROOT / "mkdocs.yml")).plugins["edition"].config
PAPER = paper_facts(OPTIONS.paper, OPTIONS.release)


def front_matter(path: str) -> dict:
    """The front matter of the page's Markdown, docs/<slug>.md."""
    text = (ROOT / "docs" / f"{path.removesuffix('/index.html')}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def words(element) -> str:
    return " ".join(element.get_text().split())


@pytest.mark.parametrize("path", PAPER_PAGES)
def test_each_section_opens_with_its_number_the_author_and_the_date(page, path):
    article = page(path).select_one("article")
    header = article.select_one(".section-header")
    assert "edition-added" in header["class"]
    assert header.find_next_sibling() is article.select_one("h1")
    number = front_matter(path)["paper_section"]
    count = len(PAPER.section_titles_sentence_case)
    assert count == len(PAPER_PAGES)
    place = header.select_one(".section-header__place")
    assert words(place) == f"Section {number} of {count} of {PAPER.title}"
    assert place.select_one("a")["href"] == ".."  # the paper's home page
    byline = header.select_one(".section-header__byline")
    assert words(byline) == f"{PAPER.given_name} {PAPER.family_name} · February {PAPER.year}"
    assert byline.select_one("time")["datetime"] == f"{PAPER.year}-{PAPER.month:02d}"


def test_no_other_page_has_a_section_header(page, html_pages):
    others = [path for path in html_pages if path not in PAPER_PAGES]
    assert len(others) >= 7
    for path in others:
        assert page(path).select_one(".section-header") is None, path


def test_a_section_leaves_its_margin_to_the_notes_not_to_an_empty_contents(page, html_pages):
    for path in html_pages:
        contents = page(path).select_one(".md-sidebar--secondary")
        if path in PAPER_PAGES:
            assert contents.has_attr("hidden"), path
        elif path == "paper/index.html":
            assert not contents.has_attr("hidden")  # the whole paper keeps its contents


@pytest.mark.parametrize("path", ["index.html", *PAPER_PAGES])
def test_the_citation_forms_are_content_tabs_each_with_its_copy_button(page, path):
    block = page(path).select_one(".cite-this")
    sets = block.select(".tabbed-set.tabbed-alternate")
    assert len(sets) == (1 if path == "index.html" else 2)
    for tabs in sets:
        radios = tabs.find_all("input", recursive=False)
        labels = tabs.select(":scope > .tabbed-labels > label")
        blocks = tabs.select(":scope > .tabbed-content > .tabbed-block")
        assert len(radios) == len(labels) == len(blocks) == 4
        assert {radio["type"] for radio in radios} == {"radio"}
        assert len({radio["name"] for radio in radios}) == 1
        assert radios[0]["name"].startswith("__tabbed_")  # a link to a tab opens it
        assert [radio.has_attr("checked") for radio in radios] == [True, False, False, False]
        assert [label["for"] for label in labels] == [radio["id"] for radio in radios]
        assert [words(label) for label in labels] == [
            "Chicago note",
            "Chicago bibliography",
            "APA",
            "BibTeX",
        ]
        for radio, shown in zip(radios, blocks, strict=True):
            form = radio["id"].removesuffix("-tab")
            assert shown.select_one(f"#{form}") is not None
            button = shown.select_one(f"button[data-cite-copy='{form}']")
            status = button.find_next_sibling()
            assert "cite-this__status" in status["class"] and status["role"] == "status"


def abbreviation_stops(part) -> tuple[list[str], list[str]]:
    """The terms used in part of a page, in order of first use, and those a Tab stop."""
    first_uses = list(
        dict.fromkeys(
            abbr.get_text() for abbr in part.find_all("abbr") if not abbr.find_parent("a")
        )
    )
    stops = [abbr.get_text() for abbr in part.find_all("abbr") if abbr.get("tabindex") == "0"]
    return first_uses, stops


@pytest.mark.parametrize("path", PAPER_PAGES)
def test_a_term_is_a_stop_of_the_tab_key_at_its_first_use_only(page, path):
    article = page(path).select_one("article")
    notes = article.select_one("div.footnote")
    text = [element for element in article.find_all(recursive=False) if element is not notes]
    terms, stops = [], []
    for element in text:
        first, stopped = abbreviation_stops(element)
        terms += [term for term in first if term not in terms]
        stops += stopped
    assert stops == terms and len(stops) >= 1
    if notes is not None:
        first, stopped = abbreviation_stops(notes)
        assert stopped == first


def test_most_uses_of_a_term_are_no_stop_of_the_tab_key(page):
    uses = sum(len(page(path).select("article abbr")) for path in PAPER_PAGES)
    stops = sum(len(page(path).select("article abbr[tabindex='0']")) for path in PAPER_PAGES)
    assert uses > 3 * stops  # measured: 85 uses, 21 stops


def test_on_the_whole_paper_each_section_starts_its_own_stops(page):
    """Each part (the title page, a section, the Bibliography) makes its first ROK a stop,
    and at most one more, in its notes."""
    parts = page("paper/index.html").select("article section.paper-part")
    uses = {part["data-part"]: part.select("abbr") for part in parts}
    uses = {name: [a for a in abbrs if a.get_text() == "ROK"] for name, abbrs in uses.items()}
    assert len([name for name, roks in uses.items() if roks]) >= 5
    for name, roks in uses.items():
        stops = [abbr for abbr in roks if abbr.get("tabindex") == "0"]
        assert not roks or (roks[0] in stops and len(stops) <= 2), name


def test_the_404_page_leads_on_from_the_root_of_the_site(site, page):
    soup = page("404.html")
    found = soup.select_one("article .not-found")
    address = found.select_one(".not-found__address")
    assert words(address) == "There is no page at this address:"  # the browser writes it in
    assert address.select_one("code").get_text() == ""
    search = found.select_one("form[role=search]")
    assert search["action"] == "/" and search["method"] == "get"
    assert search.select_one("input[name=q]")["type"] == "search"
    assert search.select_one("label")["for"] == search.select_one("input")["id"]
    sections = [a["href"] for a in found.select(".not-found__sections a")]
    assert sections == [f"/{path.removesuffix('index.html')}" for path in PAPER_PAGES]
    links = [a["href"] for a in found.select("a")]
    assert "/paper/" in links and "/" in links
    for link in links:
        assert link.startswith("/"), link  # any depth: never relative to where the reader is
        assert (Path(site) / link.lstrip("/") / "index.html").is_file(), link
    for asset in soup.select("link[rel=stylesheet], script[src]"):
        assert (asset.get("href") or asset["src"]).startswith("/")
