"""The permanent links of a build: every address a reader may cite, page and anchor.

A release keeps the list of its own (tests/site/permalinks/VERSION.txt, one
`page#id` a line), and the tests check that every later build still has each
of them. The ids are those of a page's article: headings, paragraphs, notes,
editor's notes, the works of the bibliography and the entries of the
apparatus; of "Cite this" only its headings, the rest being its controls.

    python -m tests.support.permalinks site > tests/site/permalinks/1.0.0.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def page_address(site: Path, path: Path) -> str:
    """'alliance-adaptation/' for alliance-adaptation/index.html, '' for the home page."""
    return str(path.relative_to(site)).removesuffix("index.html")


def permalinks(site: Path) -> list[str]:
    """Every `page#id` of the built site's articles, in a stable order."""
    found = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article")
        for element in article.select("[id]") if article else []:
            if element.find_parent(class_="cite-this") and element.name not in HEADINGS:
                continue
            found.append(f"{page_address(site, path)}#{element['id']}")
    return found


if __name__ == "__main__":
    print("\n".join(permalinks(Path(sys.argv[1]))))
