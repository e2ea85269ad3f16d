"""The reader's queries (tests/data/search-queries.yml) and how to ask them in Chromium.

The tests and the benchmark type each query into the theme's search box and
read what the first result shows; each query names the passage it must land
on, and the words its snippet must mark, as the paper writes them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.apparatus import Passage, paper_passages

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests" / "data" / "search-queries.yml"
DOCS = ROOT / "docs"


@dataclass(frozen=True)
class Query:
    query: str
    kind: str
    lands_on: str  # docs/<file>.md#<id>, as written in the file
    marks: tuple[str, ...]

    @property
    def location(self) -> str:
        """The page and passage the first result must open: 'alliance-adaptation/#p-3'."""
        src_uri, _, anchor = self.lands_on.partition("#")
        page = src_uri.removesuffix(".md")
        return f"{'' if page == 'index' else page + '/'}#{anchor}"

    @property
    def anchor(self) -> str:
        return self.lands_on.partition("#")[2]


@functools.cache
def reader_queries() -> tuple[Query, ...]:
    entries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return tuple(
        Query(
            query=str(entry["query"]),
            kind=entry["kind"],
            lands_on=entry["lands_on"],
            marks=tuple(str(mark) for mark in entry["marks"]),
        )
        for entry in entries
    )


@functools.cache
def the_passages() -> dict[str, Passage]:
    """Every passage of the paper, read from docs/ as the build reads it: {file#id: passage}."""
    pages = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    return {f"{p.src_uri}#{p.anchor}": p for p in paper_passages(pages)}


# A promise, kept by the page, that resolves once the worker has answered `query` and the
# theme has shown its results (the event follows the theme's rendering).
AWAIT_ANSWER = """query => {
  window.searchAnswered = new Promise(resolve => {
    document.addEventListener("edition:search-result", function answered(event) {
      if (event.detail.query !== query) return;
      document.removeEventListener("edition:search-result", answered);
      resolve();
    });
  });
}"""

# What the results show: the heading line, and the first result (the best of the first page).
READ_RESULTS = r"""() => {
  const letter = /[\p{L}\p{N}]/u;
  const wholeWords = (marks) => marks.every((mark) => {
    const before = mark.previousSibling ? mark.previousSibling.textContent.slice(-1) : "";
    const after = mark.nextSibling ? mark.nextSibling.textContent.slice(0, 1) : "";
    return !letter.test(before) && !letter.test(after);
  });
  const groups = [...document.querySelectorAll(".md-search-result__item")];
  const links = groups.length ? [...groups[0].querySelectorAll("a.md-search-result__link")] : [];
  const first = links.find((link) => link.querySelector("article h2")); // not the page's h1
  const describe = (link) => {
    const article = link.querySelector("article");
    const snippet = article.querySelector("p");
    const marks = [...article.querySelectorAll("p mark")];
    const box = marks.length ? marks[0].getBoundingClientRect() : null;
    return {
      href: link.href,
      title: article.querySelector("h2") ? article.querySelector("h2").textContent : "",
      snippet: snippet ? snippet.textContent : "",
      marks: marks.map((mark) => mark.textContent),
      wholeWords: wholeWords(marks),
      firstMark: box && { top: box.top, bottom: box.bottom, height: box.height },
    };
  };
  return {
    summary: document.querySelector(".md-search-result__meta").textContent,
    groups: groups.length,
    headingHref: links.length ? links[0].href : null,
    first: first ? describe(first) : null,
    everyMarkWhole: wholeWords([...document.querySelectorAll(".md-search-result mark")]),
    innerHeight,
  };
}"""


def ask(tab, query: str) -> dict:
    """Type `query` into the open search box; what the results show once they are answered."""
    tab.evaluate(AWAIT_ANSWER, query)
    tab.fill("input.md-search__input", query)
    tab.evaluate("() => window.searchAnswered")
    return tab.evaluate(READ_RESULTS)


def words(text: str) -> str:
    """Text compared as a reader reads it: one space between words, any case."""
    return " ".join(text.split()).casefold()
