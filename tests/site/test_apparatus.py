"""The built Glossary, Index and Timeline, and the abbreviations in the paper's text."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from edition.apparatus import in_source, source_passages
from edition.source import words
from tests.conftest import PAPER_PAGES, ROOT
from tests.support.paper import the_source

GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
INDEX = yaml.safe_load((ROOT / "data" / "index.yml").read_text(encoding="utf-8"))
TIMELINE = yaml.safe_load((ROOT / "data" / "timeline.yml").read_text(encoding="utf-8"))
SOURCE = source_passages(the_source())
EXPANSION = {entry["term"]: entry["expansion"] for entry in GLOSSARY}
TEXT_PAGES = ["index.html", *PAPER_PAGES]  # the title page holds note 1


def article(page, path: str):
    return page(path).select_one("article.md-content__inner")


def target_of(page, from_path: str, href: str):
    """The element a link on `from_path` lands on."""
    url = urlparse(urljoin(f"http://site/{from_path}", href))
    path = url.path.lstrip("/")
    path = path + "index.html" if path.endswith("/") or not path else path
    return page(path).find(id=url.fragment)


def reading(element) -> str:
    """An element's text as a reader sees it, note markers and ¶ aside."""
    element = element.__copy__()
    for added in element.select(
        ".paragraph-link, sup[id^='fnref'], .footnote-backref, .edition-sources"
    ):
        added.decompose()
    return " ".join(element.get_text().split())


# Glossary -------------------------------------------------------------------------------


def test_every_all_caps_term_of_the_paper_is_in_the_glossary():
    text = " ".join(SOURCE[: len(SOURCE)])
    capitals = set(re.findall(r"\b[A-Z]{2,}\b", text))
    cover = {
        "CENTER",
        "FOR",
        "KOREA",
        "POLICY",
        "PROJECT",
        "OF",
        "THE",
        "ASIA",
        "FOUNDATION",
        "FEBRUARY",
    }
    assert capitals - cover - set(EXPANSION) == set()


def test_the_papers_own_wording_of_each_term_is_verbatim():
    printed = [entry for entry in GLOSSARY if entry.get("as_printed")]
    assert len(printed) >= 12
    for entry in printed:
        assert in_source(entry["as_printed"], SOURCE), entry["term"]
        assert entry["as_printed"].startswith(entry["expansion"]) or entry["as_printed"].endswith(
            f"{entry['expansion']} ({entry['term']})"
        )


@pytest.mark.parametrize("path", TEXT_PAGES)
def test_every_occurrence_of_a_term_in_the_text_is_an_expanded_abbreviation(page, path):
    body = article(page, path)
    for abbr in body.find_all("abbr"):
        assert abbr["title"] == EXPANSION[abbr.get_text()]
        assert abbr.get("tabindex") in ("0", None)
    term = re.compile(r"\b(" + "|".join(map(re.escape, EXPANSION)) + r")\b")
    authors_text = body.select("h1, [id^='p-'], .footnote li, .cover")
    assert authors_text
    for text in (text for element in authors_text for text in element.find_all(string=term)):
        parent = text.parent
        assert (
            parent.name == "abbr"
            or parent.find_parent("code")
            or (parent.name == "a" and text.strip().startswith("http"))
        ), f"{path}: '{text.strip()[:60]}' is not expanded"


@pytest.mark.parametrize("path", PAPER_PAGES)
def test_abbreviations_leave_note_markers_and_paragraph_ids_whole(page, path):
    body = article(page, path)
    ids = [element["id"] for element in body.select("[id^='p-']")]
    assert ids == [f"p-{n}" for n in range(1, len(ids) + 1)]
    for marker in body.select("sup[id^='fnref'] a"):
        assert marker.get_text().isdigit() and not marker.find("abbr")
    for link in body.select("a[href]"):
        assert "<abbr" not in link["href"]


def passages_mentioning(page, pattern: re.Pattern[str]) -> set[tuple[str, str]]:
    """(page path, id) of every paragraph and note of the built paper whose text matches."""
    found = set()
    for path in TEXT_PAGES:
        for element in article(page, path).select("[id^='p-'], .footnote li[id^='fn:']"):
            if pattern.search(reading(element)):
                found.add((path, element["id"]))
    return found


def link_targets(page, from_path: str, links) -> set[tuple[str, str]]:
    targets = set()
    for link in links:
        url = urlparse(urljoin(f"http://site/{from_path}", link["href"]))
        targets.add((url.path.lstrip("/") + "index.html", url.fragment))
    return targets


def test_the_glossary_links_each_term_to_every_paragraph_and_note_that_uses_it(page):
    glossary = article(page, "glossary/index.html")
    terms = glossary.select("dl.glossary > dt")
    assert [dt.get_text() for dt in terms] == sorted(EXPANSION, key=str.casefold)
    for dt in terms:
        dd = dt.find_next_sibling("dd")
        assert dd.get_text().strip().startswith(EXPANSION[dt.get_text()])
        links = dd.select(".used-in a")
        for link in links:
            assert target_of(page, "glossary/", link["href"]) is not None, link["href"]
        expected = passages_mentioning(page, re.compile(rf"\b{re.escape(dt.get_text())}\b"))
        assert expected and link_targets(page, "glossary/", links) == expected, dt.get_text()


def test_the_glossary_gives_the_papers_words_where_it_spells_a_term_out(page):
    glossary = article(page, "glossary/index.html")
    opcon = glossary.find("dt", id="opcon").find_next_sibling("dd")
    assert "“wartime operational control (OPCON)”" in opcon.get_text()


# Index ----------------------------------------------------------------------------------


def test_every_index_link_lands_on_a_paragraph_that_mentions_the_entry(page):
    body = article(page, "index-of-terms/index.html")
    entries = {entry["entry"]: entry for entry in INDEX}
    items = body.select(".index-of-terms li")
    assert len(items) == len(INDEX)
    links = 0
    for item in items:
        entry = entries[item.select_one(".index-entry").get_text()]
        for link in item.select("a[href]"):
            target = target_of(page, "index-of-terms/", link["href"])
            assert target is not None and target.name in {"p", "li"}, link["href"]
            text = reading(target)
            for phrase in entry.get("excluding", []):
                text = text.replace(phrase, " ")
            assert any(
                re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text) for v in entry["variants"]
            ), (entry["entry"], link["href"])
            links += 1
        mentioned = passages_mentioning(
            page,
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(v) for v in entry["variants"]) + r")(?!\w)"
            ),
        )
        if not entry.get("excluding"):
            assert link_targets(page, "index-of-terms/", item.select("a[href]")) == mentioned, (
                entry["entry"]
            )
    assert links >= len(INDEX)


def test_the_index_shows_chapter_and_paragraph_for_each_link(page):
    body = article(page, "index-of-terms/index.html")
    yongsan = next(
        li
        for li in body.select(".index-of-terms li")
        if li.select_one(".index-entry").get_text() == "Yongsan"
    )
    assert "Alliance Adaptation Following the End of the Cold War" in yongsan.get_text()
    assert [a.get_text() for a in yongsan.select("a")] == ["¶\u00a03", "¶\u00a04", "¶\u00a015"]


def test_an_ambiguous_variant_does_not_index_another_person(page):
    body = article(page, "index-of-terms/index.html")
    lee = next(
        li
        for li in body.select(".index-of-terms li")
        if li.select_one(".index-entry").get_text() == "Lee Myung-bak"
    )
    for link in lee.select("a"):
        assert "Lee Myung-bak" in reading(
            target_of(page, "index-of-terms/", link["href"])
        ) or re.search(
            r"(?<!Sang-hyun )\bLee\b", reading(target_of(page, "index-of-terms/", link["href"]))
        )


# Timeline -------------------------------------------------------------------------------


def test_every_timeline_quotation_is_the_papers_words_verbatim():
    for event in TIMELINE:
        assert in_source(event["quote"], SOURCE), event["event"]


def test_the_timeline_is_in_chronological_order_from_1954_to_2008(page):
    body = article(page, "timeline/index.html")
    items = body.select("ol.timeline > li")
    assert len(items) == len(TIMELINE)
    by_label = {event["event"]: event for event in TIMELINE}
    shown = [by_label[li.select_one(".timeline-event").get_text()] for li in items]
    assert [event["sort"] for event in shown] == sorted(event["sort"] for event in TIMELINE)
    for event in shown:  # the sort key agrees with the date the reader sees
        assert re.search(r"\d{4}", event["date"]).group()[:3] == event["sort"][:3], event["date"]
    assert shown[0]["date"] == "1954" and shown[-1]["date"].endswith("2008")


def test_each_timeline_entry_links_to_the_paragraph_holding_its_quotation(page):
    body = article(page, "timeline/index.html")
    for item in body.select("ol.timeline > li"):
        quote = item.select_one("q.timeline-quote").get_text()
        link = item.select_one(".timeline-source a")
        target = target_of(page, "timeline/", link["href"])
        assert target is not None and target.get("id", "").startswith(("p-", "fn:"))
        assert " ".join(words(quote)) in " ".join(words(reading(target))), link["href"]
        chapter = link.get_text().rsplit(",", 1)[0]
        assert chapter == " ".join(
            page(
                urlparse(urljoin("http://site/timeline/", link["href"])).path.lstrip("/")
                + "index.html"
            )
            .select_one("article h1")
            .get_text(" ")
            .replace("¶", "")
            .split()
        )


# The pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["glossary/index.html", "index-of-terms/index.html", "timeline/index.html"]
)
def test_the_apparatus_pages_are_in_the_navigation_and_marked_as_the_editions(page, path):
    nav = [a.get("href", "") for a in page("index.html").select("nav.md-nav--primary a")]
    slug = path.split("/")[0] + "/"
    assert any(href.endswith(slug) for href in nav), slug
    generated = article(page, path).select(".glossary, .index-of-terms, .timeline")
    assert generated and all("edition-added" in element["class"] for element in generated)
