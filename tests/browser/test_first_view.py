"""A first view of any page stays light, and asks nothing of any other site.

Sizes are gzip bytes of every response of a page load with an empty cache.
Each page must weigh no more than the same page of the same Markdown built
with Material's defaults (tests/support/baseline.py), measured here in the same
way; and no more than its budget, set from the measured figures with about
5% headroom, so that a regression shows before it reaches that ceiling.
"""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT
from tests.support.baseline import make_plain_project
from tests.support.first_view import first_view, served
from tests.support.first_view import first_views as views_of

BUDGETS = {  # page -> gzip bytes; measured 69.9, 76.2, 84.7, 76.9, 72.0, 91.7, 70.2 KB
    "index.html": 71_000,
    "introduction/index.html": 77_000,
    "alliance-adaptation/index.html": 85_500,
    "mutually-beneficial-rationale/index.html": 78_000,
    "synchronizing-views/index.html": 73_000,
    # the whole paper on one page, its editor's notes, each section's citation and notes
    # (measured 91.7 KB); Material's defaults weigh 94.8 KB, which no page may pass
    "paper/index.html": 92_500,
    "bibliography/index.html": 71_000,
}
DEFAULT_BUDGET = 69_500  # the other pages measure 63.5-68.8 KB
SEARCH_FILES = ("search/search_index.json", "/assets/search-worker.js")
MATERIAL_SEARCH_FILES = ("search/search_index.json", "/workers/search.")  # the theme's own worker


def page_url(server: str, path: str) -> str:
    return server + path.removesuffix("index.html")


@pytest.fixture(scope="module")
def first_views(browser, server, html_pages):
    """Every page of the site, each opened once in a fresh context (empty cache)."""
    views = views_of(browser, [page_url(server, path) for path in html_pages])
    return {path: views[page_url(server, path)] for path in html_pages}


def material_default_views(browser, folder, paths, docs=ROOT / "docs") -> dict[str, int]:
    """Each page's first view, in gzip bytes, of `docs` built with Material's defaults."""
    project = make_plain_project(folder / "project", fonts=True, docs=docs)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(folder / "site")],
        cwd=project,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    with served(folder / "site") as base:
        built = [path for path in paths if (folder / "site" / path).is_file()]
        views = views_of(
            browser,
            [page_url(base, path) for path in built],
            # The theme's defaults fetch the search index and start its worker on every page,
            waits_for=MATERIAL_SEARCH_FILES,
            # and ask Google for fonts: the machine is offline, so refuse at once.
            refuse_outside=base,
        )
        return {path: views[page_url(base, path)].gzip_size for path in built}


@pytest.fixture(scope="module")
def material_defaults(browser, html_pages, tmp_path_factory):
    """Each page's first view, in gzip bytes, built with Material's defaults."""
    return material_default_views(browser, tmp_path_factory.mktemp("defaults"), html_pages)


def test_no_page_weighs_more_than_with_material_s_defaults(first_views, material_defaults):
    assert len(material_defaults) >= 11
    heavier = {
        path: (first_views[path].gzip_size, size)
        for path, size in material_defaults.items()
        if first_views[path].gzip_size > size
    }
    assert heavier == {}, (
        f"gzip bytes heavier than Material's defaults (edition, defaults): {heavier}"
    )


def test_every_page_first_view_is_within_its_budget(first_views):
    over = {
        path: (view.gzip_size, BUDGETS.get(path, DEFAULT_BUDGET))
        for path, view in first_views.items()
        if view.gzip_size > BUDGETS.get(path, DEFAULT_BUDGET)
    }
    assert over == {}, f"gzip bytes over budget (measured, budget): {over}"


def test_no_page_requests_anything_outside_the_site(first_views):
    outside = {
        path: [url for url in view.requests if urlsplit(url).hostname != "127.0.0.1"]
        for path, view in first_views.items()
    }
    assert {path: urls for path, urls in outside.items() if urls} == {}


def test_search_index_is_fetched_only_when_search_is_opened(tab, server):
    view = first_view(tab, server + "alliance-adaptation/")
    assert [url for url in view.requests if url.endswith(SEARCH_FILES[0])] == []
    assert [url for url in view.requests if SEARCH_FILES[1] in url] == []
    with tab.expect_response(lambda response: response.url.endswith(SEARCH_FILES[0])):
        tab.click(".md-search__input")
    tab.keyboard.type("OPCON")
    tab.wait_for_selector(".md-search-result__item")


def test_a_shared_search_loads_the_index_at_once(tab, server):
    view = first_view(tab, f"{server}alliance-adaptation/?q=OPCON")
    assert any(url.endswith(SEARCH_FILES[0]) for url in view.requests)
    tab.wait_for_selector(".md-search-result__item")


def test_a_page_opened_from_a_result_is_highlighted_without_the_index(tab, server):
    view = first_view(tab, f"{server}alliance-adaptation/?h=OPCON#p-3")
    tab.wait_for_selector("#p-3 mark[data-md-highlight]")
    assert [url for url in view.requests if url.endswith(SEARCH_FILES[0])] == []
    assert [url for url in view.requests if SEARCH_FILES[1] in url] == []
