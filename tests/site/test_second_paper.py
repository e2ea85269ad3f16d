"""A second paper, built with the same engine: tests/fixtures/second-paper.

The fixture is a small invented paper (two sections, five notes, two works,
one glossary term, one index entry, one timeline event, one editor's note)
with its own mkdocs.yml, data and reference text. It is built here with the
`edition` plugin as installed, unchanged. Every expected value is read from
the fixture's own files (its Markdown, references.bib, data/ and mkdocs.yml)
with the simple rules below, never from the engine or from the built site.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "second-paper"
DOCS = FIXTURE / "docs"

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
HEADING = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)
DEFINITION = re.compile(r"^\[\^(\d+)\]:[ \t]*(.*)$", re.MULTILINE)
MARKER = re.compile(r"\[\^(\d+)\](?!:)")
CITATION_BLOCK = re.compile(r"\s*\[(@[^\]]+)\]\s*$")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
BIB_ENTRY = re.compile(r"^@\w+\{([^,\s]+),", re.MULTILINE)


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


CONFIG = load_yaml(FIXTURE / "mkdocs.yml")
OPTIONS = next(
    plugin["edition"]
    for plugin in CONFIG["plugins"]
    if isinstance(plugin, dict) and "edition" in plugin
)
GLOSSARY = load_yaml(FIXTURE / "data" / "glossary.yml")
INDEX = load_yaml(FIXTURE / "data" / "index.yml")
TIMELINE = load_yaml(FIXTURE / "data" / "timeline.yml")
EDITORS_NOTES = load_yaml(FIXTURE / "data" / "editors_notes.yml")
BIB_KEYS = BIB_ENTRY.findall((FIXTURE / "references.bib").read_text(encoding="utf-8"))


def plain(markdown: str) -> str:
    """A passage's words as a reader sees them: note markers, emphasis and <> of links aside."""
    text = AUTOLINK.sub(r"\1", MARKER.sub("", markdown)).replace("*", "")
    return " ".join(text.split())


@dataclass(frozen=True)
class Page:
    """One page of the fixture as its Markdown gives it."""

    src_uri: str
    meta: dict
    title: str
    paragraphs: list[str]  # the Markdown of each paragraph, in reading order (chapters only)
    markers: list[str]  # the note labels of the text's markers, in reading order
    notes: dict[str, str]  # label -> the note's words, its [@key] block aside
    cited: dict[str, list[str]]  # label -> the keys of its [@key] block

    @property
    def section(self) -> int | None:
        return self.meta.get("paper_section")

    @property
    def url(self) -> str:
        """The page's address in the site, as MkDocs writes it (use_directory_urls)."""
        return "" if self.src_uri == "index.md" else self.src_uri.removesuffix(".md") + "/"

    @property
    def html_path(self) -> str:
        return self.url + "index.html"

    def passages(self) -> list[tuple[str, str]]:
        """(anchor, plain text) of each numbered paragraph, then of each note."""
        return [(f"p-{n}", plain(text)) for n, text in enumerate(self.paragraphs, start=1)] + [
            (f"fn:{label}", plain(text)) for label, text in self.notes.items()
        ]


def read_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    meta = (yaml.safe_load(front.group(1)) or {}) if front else {}
    body = text[front.end() :] if front else text
    notes, cited = {}, {}
    for definition in DEFINITION.finditer(body):
        label, note = definition.groups()
        block = CITATION_BLOCK.search(note)
        notes[label] = note[: block.start()] if block else note
        cited[label] = (
            [key.strip().lstrip("@") for key in block.group(1).split(";")] if block else []
        )
    text_only = DEFINITION.sub("", body)
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", text_only)]
    paragraphs = (
        [block for block in blocks if block and not block.startswith(("#", "<", "{"))]
        if meta.get("paper_section")
        else []
    )
    heading = HEADING.search(body)
    return Page(
        src_uri=path.name,
        meta=meta,
        title=heading.group(1) if heading else meta.get("title", ""),
        paragraphs=paragraphs,
        markers=MARKER.findall(text_only),
        notes=notes,
        cited=cited,
    )


PAGES = {path.name: read_page(path) for path in sorted(DOCS.glob("*.md"))}
HOME = PAGES["index.md"]
CHAPTERS = sorted((page for page in PAGES.values() if page.section), key=lambda page: page.section)
TEXT_PAGES = [HOME, *CHAPTERS]  # the pages that hold the paper's notes
PASSAGES = [  # (src_uri, anchor, text) of every paragraph and note of the paper
    (page.src_uri, anchor, text) for page in TEXT_PAGES for anchor, text in page.passages()
]


def mentioning(phrases: list[str]) -> set[tuple[str, str]]:
    """The (page, anchor) of every passage in which one of the phrases stands as whole words."""
    found = re.compile("|".join(rf"(?<!\w){re.escape(phrase)}(?!\w)" for phrase in phrases))
    return {(src_uri, anchor) for src_uri, anchor, text in PASSAGES if found.search(text)}


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture paper, built strictly with the engine as installed, into a fresh folder."""
    site_dir = tmp_path_factory.mktemp("second-paper") / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(FIXTURE / "mkdocs.yml"),
            "-d",
            str(site_dir),
        ],
        cwd=FIXTURE,
        text=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"the second paper did not build:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="module")
def parsed(second_site: Path):
    """parsed('the-strait/index.html') -> BeautifulSoup of that built page."""

    @functools.cache
    def parse(path: str) -> BeautifulSoup:
        return BeautifulSoup((second_site / path).read_text(encoding="utf-8"), "lxml")

    return parse


def article(parsed, page: Page):
    return parsed(page.html_path).select_one("article.md-content__inner")


def landing(from_page: Page, href: str) -> tuple[str, str]:
    """(src_uri, fragment) of the page and anchor a link of `from_page` leads to."""
    url = urlparse(urljoin(f"http://site/{from_page.url}", href))
    path = url.path.strip("/")
    return (f"{path}.md" if path else "index.md"), url.fragment


def lands_on_an_element(parsed, src_uri: str, anchor: str) -> bool:
    return parsed(PAGES[src_uri].html_path).find(id=anchor) is not None


def reading(element) -> str:
    """An element's text as the author wrote it: what the edition adds and note markers aside."""
    element = element.__copy__()
    for added in element.select(".edition-added, sup[id^='fnref'], .footnote-backref"):
        added.decompose()
    return " ".join(element.get_text().split())


# The fixture is the paper the issue asks for -----------------------------------------------


def test_the_fixture_is_a_small_paper_of_its_own():
    assert len(CHAPTERS) == 2
    assert [page.section for page in CHAPTERS] == [1, 2]
    assert list(HOME.notes) == ["1"], "note 1 belongs to the cover, on the home page"
    labels = [int(label) for page in TEXT_PAGES for label in page.notes]
    assert labels == list(range(1, len(labels) + 1)), "the paper numbers its notes 1, 2, 3, ..."
    assert min(int(label) for label in CHAPTERS[1].notes) > 1, "the second section's notes"
    assert all(page.cited[label] for page in CHAPTERS for label in page.notes)
    assert len(BIB_KEYS) == 2
    assert (len(GLOSSARY), len(INDEX), len(TIMELINE)) == (1, 1, 1)


# Notes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", TEXT_PAGES, ids=lambda page: page.src_uri)
def test_note_markers_and_the_note_list_show_the_papers_numbers(parsed, page):
    content = article(parsed, page)
    markers = content.select("a.footnote-ref")
    assert [marker.get_text() for marker in markers] == page.markers
    assert [marker["href"] for marker in markers] == [f"#fn:{label}" for label in page.markers]
    items = content.select("div.footnote li")
    assert [item["id"] for item in items] == [f"fn:{label}" for label in page.notes]
    assert [item["value"] for item in items] == list(page.notes)
    for item in items:
        assert reading(item) == plain(page.notes[item["id"][3:]])


def test_the_second_sections_notes_keep_their_numbers(parsed):
    second = CHAPTERS[1]
    content = article(parsed, second)
    labels = list(second.notes)  # 4 and 5, as the fixture numbers them
    assert labels[0] != "1"
    assert [marker.get_text() for marker in content.select("a.footnote-ref")] == labels
    assert [item["value"] for item in content.select("div.footnote li")] == labels


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda page: page.src_uri)
def test_each_note_links_to_the_works_it_cites(parsed, page):
    for label, keys in page.cited.items():
        item = article(parsed, page).find("li", id=f"fn:{label}")
        links = item.select("span.edition-sources a")
        assert [landing(page, link["href"]) for link in links] == [
            ("bibliography.md", key) for key in keys
        ]
        assert all(lands_on_an_element(parsed, "bibliography.md", key) for key in keys)


# Bibliography ------------------------------------------------------------------------------


def test_the_bibliography_lists_each_entry_once_with_links_back_to_its_notes(parsed):
    bibliography = PAGES["bibliography.md"]
    entries = article(parsed, bibliography).select("div.bibliography li")
    assert sorted(entry["id"] for entry in entries) == sorted(BIB_KEYS)
    for entry in entries:
        citing = sorted(
            (
                (int(label), page.src_uri)
                for page in TEXT_PAGES
                for label, keys in page.cited.items()
                if entry["id"] in keys
            ),
        )
        assert citing, f"{entry['id']} is cited by no note of the fixture"
        links = entry.select("span.cited-in a")
        assert [landing(bibliography, link["href"]) for link in links] == [
            (src_uri, f"fn:{label}") for label, src_uri in citing
        ]
        assert [link["href"] for link in links] == [
            f"../{PAGES[src_uri].url}#fn:{label}" for label, src_uri in citing
        ]
        assert [link.get_text() for link in links] == [f"n.\u00a0{label}" for label, _ in citing]
        assert all(lands_on_an_element(parsed, src_uri, f"fn:{label}") for label, src_uri in citing)


# Paragraphs --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda page: page.src_uri)
def test_paragraphs_have_ids_in_reading_order_each_with_a_permalink(parsed, page):
    content = article(parsed, page)
    numbered = [element for element in content.find_all(["p", "li"], id=re.compile(r"^p-\d+$"))]
    assert [element["id"] for element in numbered] == [
        f"p-{n}" for n in range(1, len(page.paragraphs) + 1)
    ]
    for element, markdown in zip(numbered, page.paragraphs, strict=False):
        permalink = element.find("a", recursive=False)
        assert "paragraph-link" in permalink["class"]
        number = element["id"].removeprefix("p-")  # the link shows the paragraph's number
        assert (permalink["href"], permalink.get_text()) == (f"#{element['id']}", number)
        assert reading(element) == plain(markdown)


# Glossary, Index, Timeline, editor's notes -------------------------------------------------


def test_the_glossary_links_every_passage_that_uses_each_term(parsed):
    glossary = PAGES["glossary.md"]
    content = article(parsed, glossary)
    assert [term.get_text() for term in content.select("dl.glossary dt")] == [
        entry["term"] for entry in GLOSSARY
    ]
    for entry in GLOSSARY:
        definition = content.find("dt", id=entry["term"].lower()).find_next_sibling("dd")
        assert definition.get_text().startswith(entry["expansion"])
        assert entry["as_printed"] in definition.select_one(".as-printed").get_text()
        links = definition.select(".used-in a")
        assert {landing(glossary, link["href"]) for link in links} == mentioning([entry["term"]])
        assert len(links) == len(mentioning([entry["term"]]))
    for src_uri, anchor in mentioning([entry["term"] for entry in GLOSSARY]):
        assert lands_on_an_element(parsed, src_uri, anchor)


def test_the_text_expands_the_glossarys_terms(parsed):
    for entry in GLOSSARY:
        pages = {src_uri for src_uri, _ in mentioning([entry["term"]])}
        for src_uri in pages:
            abbreviations = article(parsed, PAGES[src_uri]).find_all("abbr", string=entry["term"])
            assert abbreviations and all(
                abbr["title"] == entry["expansion"] for abbr in abbreviations
            )


def test_the_index_links_every_passage_that_mentions_each_entry(parsed):
    index = PAGES["index-of-terms.md"]
    content = article(parsed, index)
    for entry in INDEX:
        heading = content.find("h2", id=entry["category"])
        assert (
            heading.get_text().removesuffix("¶") == OPTIONS["index_categories"][entry["category"]]
        )
        item = next(
            span.parent
            for span in content.select("span.index-entry")
            if span.get_text() == entry["entry"]
        )
        expected = mentioning(entry["variants"])
        links = item.find_all("a")
        assert {landing(index, link["href"]) for link in links} == expected
        assert len(links) == len(expected)
        assert all(lands_on_an_element(parsed, *place) for place in expected)


def test_the_timeline_links_the_paragraph_that_holds_each_quotation(parsed):
    timeline = PAGES["timeline.md"]
    items = article(parsed, timeline).select("ol.timeline > li")
    assert len(items) == len(TIMELINE)
    events = sorted(TIMELINE, key=lambda event: str(event["sort"]))
    for item, event in zip(items, events, strict=False):
        chapter = PAGES[event["chapter"]]
        holding = [anchor for anchor, text in chapter.passages() if event["quote"] in text]
        assert len(holding) == 1, f"the fixture's quotation for {event['event']!r}"
        assert item.select_one(".timeline-date").get_text() == event["date"]
        assert item.select_one(".timeline-quote").get_text() == event["quote"]
        link = item.select_one(".timeline-source a")
        assert landing(timeline, link["href"]) == (chapter.src_uri, holding[0])
        assert link.get_text() == f"{chapter.title}, ¶\u00a0{holding[0][2:]}"
        assert lands_on_an_element(parsed, chapter.src_uri, holding[0])


def test_each_editors_note_stands_after_its_words_and_is_listed_on_the_about_page(parsed):
    for number, note in enumerate(EDITORS_NOTES, start=1):
        page = PAGES[note["page"]]
        container = article(parsed, page).find(id=note["anchor"])
        marker = container.find("a", id=f"ed-ref-{number}")
        assert str(marker.previous_sibling).endswith(note["words"])
        assert article(parsed, page).find(id=f"ed-{number}") is not None
    about = PAGES["about.md"]
    listed = article(parsed, about).select(".editors-notes-list li a")
    assert [landing(about, link["href"]) for link in listed] == [
        (note["page"], f"ed-{number}") for number, note in enumerate(EDITORS_NOTES, start=1)
    ]


# Taken away and searched -------------------------------------------------------------------


def test_the_epub_is_built_under_the_name_its_configuration_gives(second_site):
    book = second_site / OPTIONS["epub"]["file_name"]
    assert book.is_file()
    with zipfile.ZipFile(book) as epub:
        assert epub.namelist()[0] == "mimetype"
        assert epub.read("mimetype") == b"application/epub+zip"
        documents = [
            BeautifulSoup(epub.read(name), "xml")
            for name in epub.namelist()
            if name.startswith("EPUB/text/") and name.endswith(".xhtml")
        ]
    assert documents

    def every(tag: str, **attributes: str) -> list:
        return [
            found for document in documents for found in document.find_all(tag, attrs=attributes)
        ]

    assert OPTIONS["paper"]["title"] in [h1.get_text() for h1 in every("h1")]
    assert [h2.get_text() for h2 in every("h2")][: len(CHAPTERS)] == [
        chapter.title for chapter in CHAPTERS
    ]
    notes = every("div", **{"epub:type": "endnote"})
    for note in notes:  # each note's number, a link back to its marker, is the edition's
        note.find("a", role="doc-backlink").decompose()
    assert [" ".join(note.get_text().split()) for note in notes] == [
        plain(text) for page in TEXT_PAGES for text in page.notes.values()
    ]
    assert len(every("a", **{"epub:type": "noteref"})) == len(notes)


def test_search_has_one_entry_per_paragraph_and_per_note(second_site):
    index = json.loads((second_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    for chapter in CHAPTERS:
        entries = [doc for doc in docs if doc["location"].startswith(chapter.url)]
        assert [doc["location"] for doc in entries] == [chapter.url] + [
            f"{chapter.url}#{anchor}" for anchor, _ in chapter.passages()
        ]
        assert entries[0]["text"] == ""  # the page's own entry keeps only its title
        for doc, (anchor, text) in zip(entries[1:], chapter.passages(), strict=False):
            if anchor.startswith("p-"):  # the section's title, or its first words, and the ¶
                title, _, label = doc["title"].rpartition(", ")
                assert label == f"¶ {anchor[2:]}"
                assert chapter.title.startswith(title.removesuffix(" …")), title
            else:
                assert doc["title"] == f"Note {anchor[3:]}"
            assert doc["kind"] == "paper"
            assert doc["text"] == text  # plain text: the worker escapes what it shows
    excluded = [page for page in PAGES.values() if (page.meta.get("search") or {}).get("exclude")]
    assert excluded
    for page in excluded:
        assert not [doc for doc in docs if doc["location"].startswith(page.url)], page.src_uri


def test_the_pages_cite_the_fixture_paper_and_nothing_of_the_real_one(second_site, parsed):
    paper = OPTIONS["paper"]
    author = f"{paper['author']['given']} {paper['author']['family']}"
    for chapter in CHAPTERS:
        citation = parsed(chapter.html_path).find(id="cite-section-chicago-note").get_text()
        assert author in citation and paper["title"] in citation and chapter.title in citation
    real = real_paper_facts()
    for path in second_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for fact in real:
            assert fact not in text, f"{path.relative_to(second_site)} holds {fact!r}"


def real_paper_facts() -> list[str]:
    """The real paper's title, author and publisher, as the project's mkdocs.yml records them."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    paper = next(
        plugin["edition"]["paper"]
        for plugin in config["plugins"]
        if isinstance(plugin, dict) and "edition" in plugin
    )
    return [paper["title"], paper["author"]["family"], paper["center"], paper["institution"]]
