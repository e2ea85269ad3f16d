"""Measure the edition against plain Material for MkDocs and print a Markdown table.

    python scripts/bench.py [--rounds 5] [--lighthouse-rounds 3] [--no-lighthouse]
    python scripts/bench.py --search-only [--rounds 5]

In one run, alternating the two sides in every round: the strict build (with its
cache, and with the cache emptied) against a plain Material build of the same
Markdown; the rebuild after a chapter changes under the edition's server
(`scripts/docs.py serve`) and under `mkdocs serve`; the gzip bytes of a first view
of every page, in Chromium, against the same page built with Material's defaults;
Lighthouse for every page; the time from typing a query into the search box to
results on screen; and the search engines on the reader's queries
(tests/data/search-queries.yml): how often the first result is the passage, the
bytes a reader downloads, the time to set up and to answer. Lighthouse 12.2.3 is
installed into .bench/ with npm on first use, with the axe-core version it names
(not the newest), which it must then report having audited with; MiniSearch 7.2.0
beside it, and Pagefind 1.5.2 (its Python API and binary) into .bench/pagefind with pip.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import io
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.baseline import make_plain_project  # noqa: E402
from tests.support.first_view import QuietHandler, first_view, gzip_size, served  # noqa: E402
from tests.support.scaled import LEFT_OUT, scale_project, word_count  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu"]
LIGHTHOUSE_VERSION = "12.2.3"
# Lighthouse 12.2.3 asks for axe-core ^4.10.2, and npm gives it the newest 4.x, whose
# rules are not the ones Lighthouse 12.2.3 scores with (4.14.1 leaves an inline Copy
# button out of target-size): install the version it names beside it.
AXE_VERSION = "4.10.2"
LIGHTHOUSE_PACKAGES = {"lighthouse": LIGHTHOUSE_VERSION, "axe-core": AXE_VERSION}
LIGHTHOUSE_DIR = ROOT / ".bench"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = [
    "",
    "introduction/",
    "alliance-adaptation/",
    "mutually-beneficial-rationale/",
    "synchronizing-views/",
    "paper/",
    "bibliography/",
    "about/",
    "glossary/",
    "index-of-terms/",
    "timeline/",
]
CHANGED_CHAPTER = Path("docs") / "introduction.md"
QUERY = "OPCON"
NOT_COPIED = LEFT_OUT  # what a copy of the project leaves out
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# --- the two sites ---------------------------------------------------------------------


def edition_build(project: Path, site_dir: Path, *, cold: bool = False) -> float:
    """Seconds taken by the project's own strict build; `cold`: with its cache emptied."""
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "scripts/docs.py", "build", "--site-dir", str(site_dir)],
        cwd=project,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def plain_build(project: Path, site_dir: Path) -> float:
    """Seconds taken by a plain `mkdocs build` of `project`."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)],
        cwd=project,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def build_rounds(
    project: Path, plain: Path, site: Path, plain_site: Path, rounds: int
) -> dict[str, list[float]]:
    """Each round: the edition's build with its cache emptied, with it, then plain Material's."""
    builds: dict[str, list[float]] = {"edition": [], "cold": [], "plain": []}
    for _ in range(rounds):
        builds["cold"].append(edition_build(project, site, cold=True))
        builds["edition"].append(edition_build(project, site))
        builds["plain"].append(plain_build(plain, plain_site))
    return builds


def rebuild_rounds(project: Path, plain: Path, rounds: int) -> dict[str, list[float]]:
    """Each round: a chapter saved under the edition's server, then under `mkdocs serve`.

    For the edition, also the time until the whole site is served again (the whole paper
    showing the save): the saved page is shown before it (edition/serve_first.py).
    """
    rebuilds: dict[str, list[float]] = {"edition": [], "whole": [], "plain": []}
    with (
        mkdocs_serve(project, edition=True) as edition_base,
        mkdocs_serve(plain, edition=False) as plain_base,
    ):
        for number in range(rounds):
            page, whole = rebuild_time(edition_base, project, number, whole_page="paper/")
            rebuilds["edition"].append(page)
            rebuilds["whole"].append(whole)
            rebuilds["plain"].append(rebuild_time(plain_base, plain, number)[0])
    return rebuilds


# --- serving ---------------------------------------------------------------------------


class GzipHandler(QuietHandler):
    """Serve files as a production host does: text compressed with gzip."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        route = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.is_dir() and route.endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.name.endswith(self.COMPRESSED)):
            return super().send_head()  # also redirects a folder to its slash
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8", "replace")


@contextmanager
def mkdocs_serve(project: Path, edition: bool) -> Iterator[str]:
    """`mkdocs serve` of `project` on a free port; yield its base URL once it answers.

    The edition is served by its own command, `scripts/docs.py serve`.
    """
    port = free_port()
    if edition:
        args = [sys.executable, "scripts/docs.py", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    else:
        args = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--livereload",
        ]
    process = subprocess.Popen(
        args, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: fetch(base), timeout=60)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until(condition: Callable[[], object], timeout: float, interval: float = 0.01):
    deadline = time.perf_counter() + timeout
    while True:
        try:
            result = condition()
            if result:
                return result
        except OSError:
            pass
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(interval)


def rebuild_time(
    base: str, project: Path, round_number: int, whole_page: str | None = None
) -> tuple[float, float]:
    """Seconds from saving a chapter to the served page showing the change, and to
    `whole_page` (a page made of every chapter) showing it too."""
    chapter = project / CHANGED_CHAPTER
    marker = f"bench-change-{round_number}-{time.time_ns()}"
    started = time.perf_counter()
    with chapter.open("a", encoding="utf-8") as text:
        text.write(f"\n<!-- {marker} -->\n")
    wait_until(lambda: marker in fetch(base + "introduction/"), timeout=30)
    page = time.perf_counter() - started
    if whole_page is not None:
        wait_until(lambda: marker in fetch(base + whole_page), timeout=30)
    return page, time.perf_counter() - started


# --- in the browser --------------------------------------------------------------------

TYPE_AND_WAIT = """async (query) => {
  const input = document.querySelector(".md-search__input")
  const list = document.querySelector(".md-search-result__list")
  const started = performance.now()
  input.value = query
  input.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1), bubbles: true }))
  await new Promise(resolve => {
    const check = () => list.querySelector(".md-search-result__item") && resolve()
    new MutationObserver(check).observe(list, { childList: true, subtree: true })
    check()
  })
  return performance.now() - started
}"""


def search_time(browser, url: str, ready_first: bool) -> float:
    """Milliseconds from typing QUERY into the search box to the first result on screen."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
    tab.goto(url, wait_until="networkidle")
    tab.click(".md-search__input")
    if ready_first:  # the index is loaded and the worker has answered
        tab.wait_for_function(  # a function: the page's policy refuses a string to evaluate
            "() => !/Initializing/.test(document.querySelector('.md-search-result__meta')"
            ".textContent)"
        )
    elapsed = tab.evaluate(TYPE_AND_WAIT, QUERY)
    context.close()
    return elapsed


def page_bytes(browser, url: str) -> tuple[int, int]:
    """Gzip bytes of a first view (requests outside 127.0.0.1 blocked), and their count."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    outside: list[str] = []

    def block(route) -> None:
        outside.append(route.request.url)
        route.abort()

    tab.route(lambda url: not url.startswith("http://127.0.0.1"), block)
    view = first_view(tab, url)
    context.close()
    return view.gzip_size, len(outside)


# --- Lighthouse ------------------------------------------------------------------------


def installed_version(package: str) -> str | None:
    """The version of `package` in .bench/node_modules, or None."""
    manifest = LIGHTHOUSE_DIR / "node_modules" / package / "package.json"
    return json.loads(manifest.read_text())["version"] if manifest.is_file() else None


def npm_install(packages: list[str]) -> str | None:
    """Install the pinned npm `packages` into .bench/; return why they could not be, or None."""
    LIGHTHOUSE_DIR.mkdir(exist_ok=True)
    result = subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(LIGHTHOUSE_DIR),
            "--no-audit",
            "--no-fund",
            "--no-save",
            *packages,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return f"npm could not install {' '.join(packages)}: " + result.stderr.strip()[-200:]
    return None


def install_lighthouse() -> str | None:
    """Install Lighthouse into .bench/ unless it is there; return why it cannot run, or None."""
    if shutil.which("npm") is None:
        return "npm is not installed"
    wanted = [f"{name}@{version}" for name, version in LIGHTHOUSE_PACKAGES.items()]
    if LIGHTHOUSE.exists() and all(
        installed_version(name) == version for name, version in LIGHTHOUSE_PACKAGES.items()
    ):
        return None
    return npm_install(wanted)


def lighthouse(url: str) -> dict[str, float]:
    """Lighthouse scores of `url` (mobile), one run; RuntimeError if it ran another axe-core."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            capture_output=True,
        )
        result = json.loads(report.read_text())
    axe = result["environment"]["credits"].get("axe-core")
    if axe != AXE_VERSION:
        raise RuntimeError(f"Lighthouse audited with axe-core {axe}, not {AXE_VERSION}")
    return {name: result["categories"][name]["score"] for name in CATEGORIES}


# --- the table -------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def kb(size: float) -> str:
    return f"{size / 1000:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--lighthouse-rounds", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--scales",
        default="1,4,16",
        help="the lengths of the book-length cases, as multiples of the paper (none: '')",
    )
    parser.add_argument(
        "--scaled-only", action="store_true", help="only measure the book-length cases"
    )
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="only compare the search engines on the reader's queries",
    )
    arguments = parser.parse_args(argv)
    if arguments.search_only:
        return search_only(arguments.rounds)
    scales = [int(factor) for factor in arguments.scales.split(",") if factor.strip()]
    if arguments.scaled_only:
        print(scaled_cases(scales, arguments.rounds, arguments))
        return 0
    rounds = arguments.rounds
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        plain = make_plain_project(work / "plain", fonts=False)
        defaults = make_plain_project(work / "defaults", fonts=True)
        edition_site, plain_site, defaults_site = (
            work / "site",
            work / "plain-site",
            work / "defaults-site",
        )
        project = work / "project"
        shutil.copytree(ROOT, project, ignore=NOT_COPIED)
        print(f"Builds: {rounds} rounds...", file=sys.stderr)
        builds = build_rounds(project, plain, edition_site, plain_site, rounds)
        plain_build(defaults, defaults_site)
        engines = compare_search_engines(edition_site, rounds)
        on_demand = sum(
            gzip_size(path.read_bytes())
            for path in [
                edition_site / "search" / "search_index.json",
                *(edition_site / "assets" / "javascripts" / "workers").glob("search.*.min.js"),
            ]
        )

        print(f"Rebuilds under mkdocs serve: {rounds} rounds...", file=sys.stderr)
        rebuilds = rebuild_rounds(project, plain, rounds)

        print("First views and search in Chromium...", file=sys.stderr)
        weights: dict[str, dict[str, list[int]]] = {
            page: {"edition": [], "plain": []} for page in PAGES
        }
        outside = {"edition": 0, "plain": 0}
        searches: dict[str, list[float]] = {"cold": [], "ready": [], "plain": []}
        with (
            sync_playwright() as playwright,
            served(edition_site, GzipHandler) as edition_url,
            served(defaults_site, GzipHandler) as defaults_url,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for _ in range(rounds):
                for page in PAGES:
                    for side, base in (("edition", edition_url), ("plain", defaults_url)):
                        size, requests_outside = page_bytes(browser, base + page)
                        weights[page][side].append(size)
                        outside[side] = max(outside[side], requests_outside)
                searches["cold"].append(
                    search_time(browser, edition_url + "alliance-adaptation/", False)
                )
                searches["ready"].append(
                    search_time(browser, edition_url + "alliance-adaptation/", True)
                )
                searches["plain"].append(
                    search_time(browser, defaults_url + "alliance-adaptation/", True)
                )
            browser.close()

            scores: dict[str, dict[str, list[float]]] = {}
            why_not = (
                "skipped (--no-lighthouse)" if arguments.no_lighthouse else install_lighthouse()
            )
            if why_not is None:
                print("Lighthouse...", file=sys.stderr)
                for _ in range(arguments.lighthouse_rounds):
                    for page in PAGES:
                        try:
                            result = lighthouse(edition_url + page)
                        except subprocess.CalledProcessError as error:
                            why_not = f"lighthouse failed: {error.stderr.decode()[-200:]}"
                            break
                        except RuntimeError as error:
                            why_not = str(error)
                            break
                        for name, score in result.items():
                            scores.setdefault(page, {}).setdefault(name, []).append(score)
                    if why_not:
                        break

    print(
        table(
            rounds,
            builds,
            rebuilds,
            weights,
            outside,
            searches,
            scores,
            why_not,
            arguments.lighthouse_rounds,
            on_demand,
        )
    )
    print(search_engine_table(engines, rounds))
    if scales:
        print()
        print(scaled_cases(scales, rounds, arguments))
    return 0


# --- the engine at book length ---------------------------------------------------------

# The pages that grow with the text: the longest section, the whole paper, the apparatus
SCALED_PAGES = ["alliance-adaptation/", "paper/", "index-of-terms/", "glossary/"]


def scaled_figures(work: Path, factor: int, rounds: int, lighthouse_runs: int) -> dict:
    """The figures of a copy whose chapters are `factor` times as long, beside plain Material."""
    folder = work / f"x{factor}"
    project = scale_project(ROOT, folder / "project", factor, NOT_COPIED)
    plain = make_plain_project(folder / "plain", fonts=False, docs=project / "docs")
    defaults = make_plain_project(folder / "defaults", fonts=True, docs=project / "docs")
    site, plain_site, defaults_site = (folder / name for name in ("site", "psite", "dsite"))
    figures: dict = {"words": word_count(project / "docs")}
    builds = build_rounds(project, plain, site, plain_site, rounds)
    plain_build(defaults, defaults_site)
    figures["builds"] = {side: median(times) for side, times in builds.items()}
    rebuilds = rebuild_rounds(project, plain, rounds)
    figures["rebuilds"] = {side: median(times) for side, times in rebuilds.items()}
    from playwright.sync_api import sync_playwright

    weights: dict[str, dict[str, int]] = {}
    scores: dict[str, dict[str, float]] = {}
    with (
        sync_playwright() as playwright,
        served(site, GzipHandler) as edition_url,
        served(defaults_site, GzipHandler) as defaults_url,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for page in SCALED_PAGES:
            weights[page] = {
                "edition": page_bytes(browser, edition_url + page)[0],
                "plain": page_bytes(browser, defaults_url + page)[0],
            }
            html = (site / page / "index.html").read_bytes()
            weights[page]["html"] = gzip_size(html)
        browser.close()
        if lighthouse_runs:
            for page in SCALED_PAGES:
                for side, base in (("edition", edition_url), ("plain", defaults_url)):
                    runs = [lighthouse(base + page) for _ in range(lighthouse_runs)]
                    scores.setdefault(page, {})[side] = {
                        name: median([run[name] for run in runs]) for name in CATEGORIES
                    }
    figures["weights"], figures["scores"] = weights, scores
    return figures


def scaled_cases(scales: list[int], rounds: int, arguments) -> str:
    """Measure each scale and print the table, with each figure's growth from the first."""
    why_not = None if arguments.no_lighthouse else install_lighthouse()
    lighthouse_runs = 0 if (arguments.no_lighthouse or why_not) else 1
    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-scaled-") as folder:
        for factor in scales:
            print(f"Book length x{factor}...", file=sys.stderr)
            figures[factor] = scaled_figures(Path(folder), factor, rounds, lighthouse_runs)
    return scaled_table(figures, rounds, why_not if not arguments.no_lighthouse else "skipped")


def scaled_table(figures: dict[int, dict], rounds: int, why_not: str | None) -> str:
    scales = list(figures)
    first = scales[0]
    head = " | ".join(f"x{factor} ({figures[factor]['words']:,} words)" for factor in scales)
    lines = [
        "The engine at book length: the paper's chapters each repeated x1, x4, x16 times (a "
        "repeated paragraph without its note markers), beside plain Material of the same "
        f"Markdown; medians of {rounds} rounds, the sides alternating.",
        "",
        f"| Measure | {head} | Target at x16 |",
        "|---|" + "---:|" * len(scales) + "---|",
    ]

    def row(name: str, cell, target: str = "") -> None:
        lines.append(
            f"| {name} | " + " | ".join(cell(figures[f]) for f in scales) + f" | {target} |"
        )

    def pair(edition: float, plain: float, unit: str = "s") -> str:
        return f"{edition:.2f} {unit} / {plain:.2f} {unit} = {edition / plain:.2f}x"

    row(
        "Strict build, edition / plain",
        lambda f: pair(f["builds"]["edition"], f["builds"]["plain"]),
        "at most 1.5x",
    )
    row(
        "First build with the cache empty (a fresh clone's) / plain",
        lambda f: pair(f["builds"]["cold"], f["builds"]["plain"]),
    )
    row(
        "Rebuild after saving a chapter (`make serve` / `mkdocs serve`)",
        lambda f: pair(f["rebuilds"]["edition"], f["rebuilds"]["plain"]),
        "under 1 s",
    )
    row(
        "The whole site served again (the whole paper showing it) / `mkdocs serve`",
        lambda f: pair(f["rebuilds"]["whole"], f["rebuilds"]["plain"]),
    )
    for page in SCALED_PAGES:
        name = page.rstrip("/")
        row(
            f"First view of `{name}`, gzip, edition / Material's defaults",
            lambda f, page=page: f"{kb(f['weights'][page]['edition'])} / "
            f"{kb(f['weights'][page]['plain'])}",
            "at most 1.0x",
        )
        row(f"`{name}` HTML alone, gzip", lambda f, page=page: kb(f["weights"][page]["html"]))
    for page in SCALED_PAGES:
        name = page.rstrip("/")
        if all(page in f["scores"] for f in figures.values()):
            row(
                f"Lighthouse mobile, `{name}`: performance, edition / plain",
                lambda f, page=page: f"{f['scores'][page]['edition']['performance']:.2f} / "
                f"{f['scores'][page]['plain']['performance']:.2f}",
                "at least 0.98",
            )
            row(
                f"Lighthouse mobile, `{name}`: accessibility, best practices, SEO",
                lambda f, page=page: " / ".join(
                    f"{f['scores'][page]['edition'][name]:.2f}" for name in CATEGORIES[1:]
                ),
                "1.00",
            )
    if why_not:
        lines.append(f"\nLighthouse did not run: {why_not}")

    def growth(value) -> str:
        return " → ".join(f"{value(figures[f]) / value(figures[first]):.1f}x" for f in scales)

    lines += [
        "",
        f"Growth from x{first} (cost grows no faster than the text if it keeps under the words'):",
        "",
        f"- words: {growth(lambda f: f['words'])}",
        f"- strict build, edition: {growth(lambda f: f['builds']['edition'])}; plain: "
        f"{growth(lambda f: f['builds']['plain'])}",
        f"- rebuild under serve, edition: {growth(lambda f: f['rebuilds']['edition'])}; the "
        f"whole site: {growth(lambda f: f['rebuilds']['whole'])}",
        f"- whole paper's HTML (gzip): {growth(lambda f: f['weights']['paper/']['html'])}",
    ]
    return "\n".join(lines)


def table(
    rounds,
    builds,
    rebuilds,
    weights,
    outside,
    searches,
    scores,
    why_not,
    lighthouse_rounds,
    on_demand,
) -> str:
    lines = [
        f"Medians of {rounds} rounds, the two sides alternating in each round.",
        "",
        "| Measure | Edition | Plain Material | Ratio | Target |",
        "|---|---:|---:|---:|---|",
    ]
    build, plain = median(builds["edition"]), median(builds["plain"])
    lines.append(
        f"| Build (`scripts/docs.py build`, strict) | {build:.2f} s | {plain:.2f} s "
        f"| {build / plain:.2f}x | at most 1.5x |"
    )
    cold = median(builds["cold"])
    lines.append(
        f"| Build with the cache empty (a fresh clone's first build) | {cold:.2f} s "
        f"| {plain:.2f} s | {cold / plain:.2f}x | |"
    )
    rebuild, plain = median(rebuilds["edition"]), median(rebuilds["plain"])
    lines.append(
        f"| Rebuild after a chapter changes (`make serve`; `mkdocs serve`) | {rebuild:.2f} s "
        f"| {plain:.2f} s | {rebuild / plain:.2f}x | under 1 s |"
    )
    whole = median(rebuilds["whole"])
    lines.append(
        f"| The whole site served again (the whole paper showing the change) | {whole:.2f} s "
        f"| {plain:.2f} s | {whole / plain:.2f}x | |"
    )
    for page in PAGES:
        edition, plain = median(weights[page]["edition"]), median(weights[page]["plain"])
        name = page.rstrip("/") or "home"
        lines.append(
            f"| First view, `{name}` (gzip) | {kb(edition)} | {kb(plain)} "
            f"| {edition / plain:.2f}x | at most 1.0x |"
        )
    lines.append(
        f"| Requests outside the site, any page | {outside['edition']} | {outside['plain']} | | 0 |"
    )
    cold, ready, plain = (median(searches[key]) for key in ("cold", "ready", "plain"))
    lines.append(
        f"| Search `{QUERY}`: typing to results, index ready | {ready:.0f} ms "
        f"| {plain:.0f} ms | {ready / plain:.2f}x | |"
    )
    lines.append(
        f"| Search `{QUERY}`: first search, index fetched on opening | {cold:.0f} ms | | | |"
    )
    lines.append(
        f"| Left out of every first view: search index and worker, fetched when "
        f"search is opened | {kb(on_demand)} | | | |"
    )
    lines += [
        "",
        f"Lighthouse {LIGHTHOUSE_VERSION} (axe-core {AXE_VERSION}), mobile, served with "
        f"gzip (median of {lighthouse_rounds} run(s) per page):",
        "",
    ]
    if why_not:
        lines.append(f"Lighthouse did not run: {why_not}")
    else:
        lines.append("| Page | " + " | ".join(CATEGORIES) + " |")
        lines.append("|---|" + "---:|" * len(CATEGORIES))
        for page, results in scores.items():
            cells = " | ".join(f"{median(results[name]):.2f}" for name in CATEGORIES)
            lines.append(f"| `{page.rstrip('/') or 'home'}` | {cells} |")
        lines.append("| Target | 0.98 | 1.00 | 1.00 | 1.00 |")
    return "\n".join(lines)


# --- the search engines on the reader's queries ----------------------------------------

MINISEARCH_VERSION = "7.2.0"
MINISEARCH = LIGHTHOUSE_DIR / "node_modules" / "minisearch" / "dist" / "es" / "index.js"
MINISEARCH_NAME = f"MiniSearch {MINISEARCH_VERSION}, the same entries"
PAGEFIND_VERSION = "1.5.2"
PAGEFIND_DIR = LIGHTHOUSE_DIR / "pagefind"
PAGEFIND_NAME = f"Pagefind {PAGEFIND_VERSION}, the same entries"
ENGINES_SCRIPT = ROOT / "scripts" / "search_engines.mjs"
SNIPPET_MOST = 240  # characters, as tests/browser/test_search.py allows

# In the page that serves Pagefind's bundle: set Pagefind up as its documentation does, ask
# each query in turn and read the first result's data; print what search_engines.mjs prints.
# Pagefind starts every result's URL with its base URL, "/": the site's index does not.
PAGEFIND_QUERIES = """async (queries) => {
  let started = performance.now()
  const pagefind = await import("/pagefind/pagefind.js")
  await pagefind.init()
  const setup = performance.now() - started
  const results = []
  for (const query of queries) {
    started = performance.now()
    const found = await pagefind.search(query)
    const best = found.results.length ? await found.results[0].data() : null
    results.push({
      query,
      ms: performance.now() - started,
      first: best && { location: best.url.replace(/^\\//, ""), text: best.excerpt },
    })
  }
  return { setup, results }
}"""


def install_minisearch() -> str | None:
    """Install MiniSearch into .bench/ unless it is there; return why it cannot run, or None."""
    if shutil.which("npm") is None:
        return "npm is not installed"
    package = LIGHTHOUSE_DIR / "node_modules" / "minisearch" / "package.json"
    if package.exists() and json.loads(package.read_text())["version"] == MINISEARCH_VERSION:
        return None
    return npm_install([f"minisearch@{MINISEARCH_VERSION}"])


def install_pagefind() -> str | None:
    """Install Pagefind into .bench/pagefind unless it is there; return why it cannot run, or None.

    The `pagefind` package is its Python API; its `bin` extra, the `pagefind-bin` wheel, the
    indexing binary. Pagefind's search is a browser module with WebAssembly: Chromium runs it.
    """
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM}"
    wanted = f"pagefind[bin]=={PAGEFIND_VERSION}"
    installed = [
        PAGEFIND_DIR / f"{package}-{PAGEFIND_VERSION}.dist-info"
        for package in ("pagefind", "pagefind_bin")
    ]
    if all(path.is_dir() for path in installed):
        return None
    shutil.rmtree(PAGEFIND_DIR, ignore_errors=True)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(PAGEFIND_DIR),
            wanted,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return f"pip could not install {wanted}: " + result.stderr.strip().rpartition("\n")[2]
    return None


def search_engines(site: Path) -> tuple[dict[str, tuple[str, Path, list[Path]]], dict[str, str]]:
    """The engines search_engines.mjs runs in Node: how it runs each, its script and what a
    reader downloads; and the engines that cannot run here, with the reason."""
    theme_worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    index = site / "search" / "search_index.json"
    engines = {
        "The edition's worker": (
            "worker",
            site / "assets" / "search-worker.js",
            [index, site / "assets" / "search-worker.js"],
        ),
        "Material's lunr worker, the same entries": (
            "theme-worker",
            theme_worker,
            [index, theme_worker],
        ),
    }
    skipped = {}
    why_not = install_minisearch()
    if why_not is None:
        engines[MINISEARCH_NAME] = ("minisearch", MINISEARCH, [index, MINISEARCH])
    else:
        skipped[MINISEARCH_NAME] = why_not
    return engines, skipped


def shipped_size(path: Path) -> int:
    """Gzip bytes of a file as the site would send it: a script minified as the edition's are,
    a file already gzip-compressed (Pagefind's index chunks and WebAssembly) as it is."""
    import rjsmin

    body = path.read_bytes()
    if body.startswith(b"\x1f\x8b"):
        return len(body)
    if path.suffix == ".js":
        body = rjsmin.jsmin(body.decode("utf-8")).encode("utf-8")
    return gzip_size(body)


def pagefind_bundle(site: Path, folder: Path) -> None:
    """Index each entry of the site's search index as a Pagefind custom record, written as
    Pagefind's bundle into folder/pagefind/, beside an empty English page to search from.

    Pagefind's own crawl of the built pages would find pages and their headings: its records
    are the entries the other engines get (the passages, notes, works and apparatus entries,
    their text searched, their title shown), with no boost by kind, which records cannot have.
    """
    sys.path.insert(0, str(PAGEFIND_DIR))
    from pagefind.index import PagefindIndex

    entries = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))

    async def index_entries() -> None:  # the index writes its bundle as its context closes
        async with PagefindIndex(config={"output_path": str(folder / "pagefind")}) as index:
            await asyncio.gather(
                *(
                    index.add_custom_record(
                        url=entry["location"],
                        content=entry["text"],
                        language="en",
                        meta={"title": entry["title"]},
                    )
                    for entry in entries["docs"]
                    if "#" in entry["location"]
                )
            )

    asyncio.run(index_entries())
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Pagefind</title></html>', encoding="utf-8"
    )


def pagefind_runs(folder: Path, queries, rounds: int) -> tuple[list[dict], list[Path]]:
    """Pagefind's search over `queries` in headless Chromium, `rounds` times, each in a new
    context (an empty cache), `folder` served with gzip on 127.0.0.1: the runs, as
    search_engines.mjs prints them, and the files of the bundle the browser fetched."""
    from playwright.sync_api import sync_playwright

    runs, fetched = [], set()

    def note(response) -> None:
        path = urlsplit(response.url).path
        if response.ok and path.startswith("/pagefind/"):
            fetched.add(path)

    with sync_playwright() as playwright, served(folder, GzipHandler) as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for _ in range(rounds):
            context = browser.new_context()
            context.on("response", note)
            tab = context.new_page()
            tab.goto(url)
            runs.append(tab.evaluate(PAGEFIND_QUERIES, [query.query for query in queries]))
            context.close()
        browser.close()
    return runs, sorted(folder / path.lstrip("/") for path in fetched)


def lands(first: dict | None, query) -> bool:
    """Whether a first result opens the query's passage."""
    if not first:
        return False
    page, _, anchor = first["location"].partition("#")
    return f"{page.split('?')[0]}#{anchor}" == query.location


def shows(first: dict | None, query) -> bool:
    """Whether a first result's snippet is short and marks the words the query must find."""
    from html.parser import HTMLParser

    class Marks(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.text, self.marked, self.inside = [], [], False

        def handle_starttag(self, tag, attrs):
            self.inside = self.inside or tag == "mark"

        def handle_endtag(self, tag):
            self.inside = self.inside and tag != "mark"

        def handle_data(self, data):
            self.text.append(data)
            if self.inside:
                self.marked.append(data)

    if not first:
        return False
    snippet = Marks()
    snippet.feed(first["text"])
    marked = " ".join(" ".join(snippet.marked).split()).casefold()
    short = len("".join(snippet.text).strip()) <= SNIPPET_MOST
    return short and all(" ".join(mark.split()).casefold() in marked for mark in query.marks)


def engine_figures(runs: list[dict], queries, downloads: list[Path]) -> dict:
    """An engine's figures from its runs over `queries`: quality, bytes, set-up and query times."""
    firsts = [found["first"] for found in runs[0]["results"]]
    return {
        "lands": sum(lands(first, query) for first, query in zip(firsts, queries, strict=True)),
        "shows": sum(shows(first, query) for first, query in zip(firsts, queries, strict=True)),
        "queries": len(queries),
        "bytes": sum(shipped_size(path) for path in downloads),
        "setup": median([run["setup"] for run in runs]),
        "first": median([run["setup"] + run["results"][0]["ms"] for run in runs]),
        "query": median([median([found["ms"] for found in run["results"]]) for run in runs]),
        "missed": [
            query.query
            for first, query in zip(firsts, queries, strict=True)
            if not lands(first, query)
        ],
    }


def compare_search_engines(site: Path, rounds: int) -> dict[str, dict]:
    """Each engine over tests/data/search-queries.yml: quality, bytes, set-up and query times;
    an engine that cannot run here has only the reason, as `skipped`."""
    from tests.support.search import reader_queries

    queries = reader_queries()
    print(f"Search engines on {len(queries)} reader's queries: {rounds} rounds...", file=sys.stderr)
    engines, skipped = search_engines(site)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        listed = Path(folder) / "queries.json"
        listed.write_text(json.dumps([{"query": query.query} for query in queries]))
        for name, (engine, script, downloads) in engines.items():
            runs = []
            for _ in range(rounds):
                result = subprocess.run(
                    [
                        "node",
                        str(ENGINES_SCRIPT),
                        engine,
                        str(script),
                        str(site / "search" / "search_index.json"),
                        str(listed),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs.append(json.loads(result.stdout))
            figures[name] = engine_figures(runs, queries, downloads)
        why_not = install_pagefind()
        if why_not is None:
            bundle = Path(folder) / "pagefind-site"
            pagefind_bundle(site, bundle)
            runs, fetched = pagefind_runs(bundle, queries, rounds)
            figures[PAGEFIND_NAME] = engine_figures(runs, queries, fetched)
            figures[PAGEFIND_NAME]["fetched"] = [
                str(path.relative_to(bundle / "pagefind")) for path in fetched
            ]
        else:
            skipped[PAGEFIND_NAME] = why_not
    return figures | {name: {"skipped": why} for name, why in skipped.items()}


def search_engine_table(figures: dict[str, dict], rounds: int) -> str:
    ran = {name: found for name, found in figures.items() if "skipped" not in found}
    browser = " (Pagefind in headless Chromium)" if PAGEFIND_NAME in ran else ""
    lines = [
        "",
        f"Search engines on the reader's queries (tests/data/search-queries.yml), in Node"
        f"{browser}, medians of {rounds} rounds:",
        "",
        "| Engine | First result is the passage | Its snippet is short and marks the words "
        "| Index and engine (gzip) | Set-up | Set-up and first query | A query |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, found in ran.items():
        lines.append(
            f"| {name} | {found['lands']}/{found['queries']} | {found['shows']}/{found['queries']} "
            f"| {kb(found['bytes'])} | {found['setup']:.0f} ms | {found['first']:.0f} ms "
            f"| {found['query']:.1f} ms |"
        )
    for name, found in figures.items():
        if "skipped" in found:
            lines.append(f"\n{name} was skipped: {found['skipped']}.")
    for name, found in ran.items():
        if found["missed"]:
            lines.append(f"\n{name} misses: {', '.join(found['missed'])}.")
    if PAGEFIND_NAME in ran:
        fetched = ran[PAGEFIND_NAME]["fetched"]
        fragments = [path for path in fetched if path.startswith("fragment/")]
        others = ", ".join(path for path in fetched if not path.startswith("fragment/"))
        lines.append(
            f"\n{PAGEFIND_NAME}: its bytes are the files of its bundle fetched for the "
            f"queries: {others} and {len(fragments)} fragments (one per first result read); "
            f"its set-up is the import of pagefind.js and its init(), which returns before "
            f"its WebAssembly is loaded: the first query waits for it and fetches its index."
        )
    return "\n".join(lines)


def search_only(rounds: int) -> int:
    """Build the site once and compare the search engines on it."""
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        site = Path(folder) / "site"
        edition_build(ROOT, site)
        print(search_engine_table(compare_search_engines(site, rounds), rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
