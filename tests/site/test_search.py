"""The search index of the built site: the units a reader looks for, the spellings of data/.

The index (search/search_index.json) is read as the edition's search worker reads it;
what a reader meets in the results is tested in Chromium (tests/browser/test_search.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from edition.steps.search_passages import folded
from tests.support.search import reader_queries, the_passages, words

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs(index) -> dict[str, dict]:
    return {doc["location"]: doc for doc in index["docs"]}


@pytest.mark.parametrize("query", reader_queries(), ids=lambda query: query.query)
def test_each_query_names_a_passage_of_the_text_that_holds_its_marks(query, page, docs):
    passage = the_passages().get(query.lands_on)
    assert passage is not None, f"{query.lands_on} is no paragraph or note of docs/"
    for mark in query.marks:
        assert re.search(rf"(?<!\w){re.escape(mark)}(?!\w)", passage.text), (mark, passage.text)
    src_uri, anchor = query.lands_on.split("#")
    built = page(src_uri.replace(".md", "/index.html").replace("index/index", "index"))
    assert built.find(id=anchor) is not None
    assert docs[query.location]["kind"] == "paper"


def test_every_passage_of_the_paper_is_an_entry_of_its_own(docs):
    for key in the_passages():
        src_uri, anchor = key.split("#")
        page = "" if src_uri == "index.md" else src_uri.removesuffix(".md") + "/"
        doc = docs[f"{page}#{anchor}"]
        assert doc["kind"] == "paper" and doc["text"], key


def test_the_bibliography_is_searched_work_by_work(page, docs):
    works = page("bibliography/index.html").select("div.bibliography li[id]")
    assert len(works) >= 20
    for work in works:
        doc = docs[f"bibliography/#{work['id']}"]
        assert doc["kind"] == "bibliography" and doc["title"], work["id"]
        shown = BeautifulSoup(str(work), "lxml")
        for edition_s in shown.select(".archived-copy, .cited-in"):  # not the work's own words
            edition_s.decompose()
        assert words(doc["text"]) == words(shown.get_text()), work["id"]
    assert docs["bibliography/"]["text"] == ""  # the page itself is only the group's heading
    assert len([doc for doc in docs if doc.startswith("bibliography/")]) == len(works) + 1


# Each page of the apparatus: its entries, and what each entry's title is on the page
APPARATUS = {
    "glossary/": ("dl.glossary dt[id]", lambda entry: entry.get_text()),
    "index-of-terms/": (
        ".index-of-terms li[id]",
        lambda entry: entry.find(class_="index-entry").get_text(),
    ),
    "timeline/": (
        "ol.timeline li[id]",
        lambda entry: entry.find(class_="timeline-date").get_text()
        + ": "
        + entry.find(class_="timeline-event").get_text(),
    ),
}


@pytest.mark.parametrize("path", APPARATUS)
def test_each_apparatus_entry_is_an_entry_of_its_own_after_the_text(page, docs, path):
    selector, title = APPARATUS[path]
    entries = page(path + "index.html").select(selector)
    assert len(entries) >= 15
    for entry in entries:
        doc = docs[f"{path}#{entry['id']}"]
        assert doc["kind"] == "apparatus" and doc["title"] == title(entry)
        assert "Used in" not in doc["text"] and "¶" not in doc["text"]
    assert len([doc for doc in docs if doc.startswith(path)]) == len(entries) + 1


def test_the_edition_s_own_pages_are_searched_by_heading(page, docs):
    headings = page("about/index.html").select("article h1[id], article h2[id], article h3[id]")
    assert [doc["kind"] for location, doc in docs.items() if location.startswith("about/#")] == [
        "edition"
    ] * len(headings)


def test_the_spellings_of_data_are_the_index_s_synonyms(index):
    groups = [{folded(form) for form in group} for group in index["config"]["synonyms"]]

    def together(*forms: str) -> bool:  # as the worker compares them: spaces, case, accents
        return any({folded(form) for form in forms} <= group for group in groups)

    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    for entry in glossary:
        assert together(entry["term"], entry["expansion"]), entry["term"]
    entries = yaml.safe_load((ROOT / "data" / "index.yml").read_text(encoding="utf-8"))
    spelled = [entry for entry in entries if entry.get("other_spellings")]
    assert len(spelled) >= 5
    for entry in spelled:
        assert together(*entry["variants"], *entry["other_spellings"]), entry["entry"]


def test_the_theme_asks_the_edition_s_search_worker(site, page, html_pages):
    for path in html_pages:
        config = json.loads(page(path).find("script", id="__config").string)
        worker = (site / path).parent / config["search"]
        if config["search"].startswith("/"):  # 404.html: any address of the site
            worker = site / config["search"].lstrip("/")
        assert config["search"].endswith("assets/search-worker.js"), path
        assert worker.resolve() == (site / "assets" / "search-worker.js").resolve(), path
    written = (ROOT / "docs" / "assets" / "search-worker.js").stat().st_size
    assert (site / "assets" / "search-worker.js").stat().st_size < written * 0.8  # minified
