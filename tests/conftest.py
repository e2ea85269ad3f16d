"""Fixtures shared by every test: one strict build, a server for it, a browser.

The site is built as it is published (SITE_URL and REPORT_ERROR_URL set, as the
Pages workflow sets them) and, for the tests of what a build without them may
name, once more with neither (`bare_site`).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.first_view import served

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SITE_URL = "https://edition.test/"  # .test: a name no real host can have
ISSUE_URL = "https://tracker.test/edition/issues/new"
PUBLISHED = {"SITE_URL": SITE_URL, "REPORT_ERROR_URL": ISSUE_URL}
BARE = {"SITE_URL": None, "REPORT_ERROR_URL": None}
PAPER_PAGES = [
    "introduction/index.html",
    "alliance-adaptation/index.html",
    "mutually-beneficial-rationale/index.html",
    "synchronizing-views/index.html",
]


def environment_with(variables: dict[str, str | None] | None = None) -> dict[str, str]:
    """This process's environment with `variables` set (a value of None: unset)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name, value in (variables or {}).items():
        env.pop(name, None)
        if value is not None:
            env[name] = value
    return env


def build_site(
    site_dir: Path, project: Path = ROOT, environment: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the project's own build command into `site_dir`, with `environment` set in its own."""
    return subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "docs.py"),
            "build",
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        text=True,
        capture_output=True,
        env=environment_with(environment),
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as published, built once per test session with `scripts/docs.py build`."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = build_site(site_dir, environment=PUBLISHED)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built without SITE_URL and REPORT_ERROR_URL, as on a machine that sets neither."""
    site_dir = tmp_path_factory.mktemp("bare") / "site"
    result = build_site(site_dir, environment=BARE)
    assert result.returncode == 0, result.stderr
    return site_dir


BOOK_LENGTH = 4  # the book-length copy: each chapter 4 times as long (tests/support/scaled.py)


@pytest.fixture(scope="session")
def book_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose chapters are each 4 times as long (27,000 words): long
    enough for every page of book length to be so; `make bench` measures x16 too."""
    from tests.support.scaled import LEFT_OUT, scale_project

    folder = tmp_path_factory.mktemp("book")
    return scale_project(ROOT, folder / "project", BOOK_LENGTH, LEFT_OUT)


@pytest.fixture(scope="session")
def book_site(book_project: Path) -> Path:
    """The book-length copy's site, built as published: what the engine does at book length."""
    site_dir = book_project.parent / "site"
    result = build_site(site_dir, project=book_project, environment=PUBLISHED)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def book_server(book_site: Path) -> Iterator[str]:
    with served(book_site) as base:
        yield base


def parser(site: Path):
    @functools.cache
    def parse(path: str) -> BeautifulSoup:
        return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")

    return parse


@pytest.fixture(scope="session")
def page(site: Path):
    """Parse a built page: page('introduction/index.html') -> BeautifulSoup."""
    return parser(site)


@pytest.fixture(scope="session")
def bare_page(bare_site: Path):
    """Parse a page of the build without the site's addresses."""
    return parser(bare_site)


@pytest.fixture(scope="session")
def html_pages(site: Path) -> list[str]:
    """Every HTML page of the site, as paths relative to it."""
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html"))


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site served on a free port of 127.0.0.1; yields its base URL."""
    with served(site) as base:
        yield base


@pytest.fixture(scope="session")
def bare_server(bare_site: Path) -> Iterator[str]:
    """The build without the site's addresses, served on a free port of 127.0.0.1."""
    with served(bare_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium driven by Playwright; fails, never skips, when it is missing."""
    if not CHROMIUM.is_file() and not shutil.which(str(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) "
            "or set CHROMIUM to its path"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield ToolsAllowed(chromium)
        chromium.close()


class ToolsAllowed:
    """Chromium whose tabs let the tests add their tools to a page (axe-core, as a script).

    Each page's Content-Security-Policy refuses a script added to it, as it should; the
    tests of the policy itself (tests/browser/test_content_security.py) open their tabs
    with `bypass_csp=False`, so that it is enforced.
    """

    def __init__(self, browser) -> None:
        self.browser = browser

    def new_context(self, **options):
        options.setdefault("bypass_csp", True)
        return self.browser.new_context(**options)

    def __getattr__(self, name: str):
        return getattr(self.browser, name)


@pytest.fixture
def tab(browser, server: str):
    """A fresh browser tab (1280x800) that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.requests_made = []
    page.on("request", lambda request: page.requests_made.append(request.url))
    yield page
    context.close()
