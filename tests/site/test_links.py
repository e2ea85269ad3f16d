"""Every internal link and anchor of the built site resolves; ids are unique."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.conftest import SITE_URL

BASE = SITE_URL  # the site's own absolute links (canonical, Cite this) are checked too


def target_file(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).removeprefix("/")
    candidate = site / path
    return candidate / "index.html" if path == "" or path.endswith("/") else candidate


def test_every_internal_link_and_anchor_resolves(site, page, html_pages):
    checked = 0
    for path in html_pages:
        page_url = urljoin(BASE, path)
        for link in page(path).select("a[href], link[href]"):
            url = urljoin(page_url, link["href"])
            if not url.startswith(BASE):
                continue
            target = target_file(site, url)
            assert target.is_file(), f"{path}: {link['href']} -> missing {target}"
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html":
                target_page = page(str(target.relative_to(site)))
                assert target_page.find(id=fragment), f"{path}: {link['href']} has no anchor"
            checked += 1
    assert checked > 200


def test_ids_are_unique_on_every_page(page, html_pages):
    for path in html_pages:
        counts = Counter(element["id"] for element in page(path).select("[id]"))
        assert [i for i, n in counts.items() if n > 1] == [], path


def test_every_heading_has_an_explicit_id_and_a_permalink(page, html_pages):
    for path in (path for path in html_pages if path != "404.html"):
        for heading in page(path).select("article h1, article h2, article h3"):
            assert heading.get("id"), path
            link = heading.select_one("a.headerlink")
            assert link and link["href"] == f"#{heading['id']}", (path, heading.get_text())


def test_headings_in_the_markdown_give_their_ids():
    docs = Path(__file__).resolve().parents[2] / "docs"
    for path in docs.rglob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^#{1,6} ", line):
                assert re.search(r"\{ ?#[a-z0-9-]+ ?\}$", line), f"{path.name}: {line}"


def test_sections_link_to_the_previous_and_the_next_in_the_papers_order(page):
    order = [
        "",
        "introduction/",
        "alliance-adaptation/",
        "mutually-beneficial-rationale/",
        "synchronizing-views/",
    ]
    for before, this, after in zip(order, order[1:], order[2:] + ["paper/"], strict=False):
        footer = page(f"{this}index.html")
        previous = footer.select_one("a.md-footer__link--prev")["href"]
        following = footer.select_one("a.md-footer__link--next")["href"]
        assert urljoin(BASE + this, previous) == BASE + before
        assert urljoin(BASE + this, following) == BASE + after
