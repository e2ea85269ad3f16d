"""Measure the edition against plain Material for MkDocs and print a Markdown table.

    python scripts/bench.py [--rounds 5] [--lighthouse-rounds 3] [--no-lighthouse]

In one run, alternating the two sides in every round: the strict build (with its
cache, and with the cache emptied) against a plain Material build of the same
Markdown; the rebuild after a chapter changes under the edition's server
(`scripts/docs.py serve`) and under `mkdocs serve`; the gzip bytes of a first view of
every page, in Chromium, against the same page built with Material's defaults; Lighthouse
for every page; the time from typing a query into the search box to results on screen.
Lighthouse 12.2.3 is installed into .bench/ with npm on first use, with the axe-core
version it names (not the newest), which it must then report having audited with.
"""

from __future__ import annotations

import argparse
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.baseline import make_plain_project  # noqa: E402
from tests.support.first_view import QuietHandler, first_view, gzip_size, served  # noqa: E402

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
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".bench",
    "node_modules",
    "site",
    ".site-*",
    "__pycache__",
    ".pytest_cache",
    "*.egg-info",
    "tests",
    ".cache",
)
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


def rebuild_time(base: str, project: Path, round_number: int) -> float:
    """Seconds from saving a chapter to the served page showing the change."""
    chapter = project / CHANGED_CHAPTER
    marker = f"bench-change-{round_number}-{time.time_ns()}"
    started = time.perf_counter()
    with chapter.open("a", encoding="utf-8") as text:
        text.write(f"\n<!-- {marker} -->\n")
    wait_until(lambda: marker in fetch(base + "introduction/"), timeout=30)
    return time.perf_counter() - started


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
        tab.wait_for_function(
            "!/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)"
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


def install_lighthouse() -> str | None:
    """Install Lighthouse into .bench/ unless it is there; return why it cannot run, or None."""
    if shutil.which("npm") is None:
        return "npm is not installed"
    wanted = [f"{name}@{version}" for name, version in LIGHTHOUSE_PACKAGES.items()]
    if LIGHTHOUSE.exists() and all(
        installed_version(name) == version for name, version in LIGHTHOUSE_PACKAGES.items()
    ):
        return None
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
            *wanted,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return f"npm could not install {' '.join(wanted)}: " + result.stderr.strip()[-200:]
    return None


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
    arguments = parser.parse_args(argv)
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
        builds: dict[str, list[float]] = {"edition": [], "cold": [], "plain": []}
        for _ in range(rounds):
            builds["cold"].append(edition_build(project, edition_site, cold=True))
            builds["edition"].append(edition_build(project, edition_site))
            builds["plain"].append(plain_build(plain, plain_site))
        plain_build(defaults, defaults_site)
        on_demand = sum(
            gzip_size(path.read_bytes())
            for path in [
                edition_site / "search" / "search_index.json",
                *(edition_site / "assets" / "javascripts" / "workers").glob("search.*.min.js"),
            ]
        )

        print(f"Rebuilds under mkdocs serve: {rounds} rounds...", file=sys.stderr)
        rebuilds: dict[str, list[float]] = {"edition": [], "plain": []}
        with (
            mkdocs_serve(project, edition=True) as edition_base,
            mkdocs_serve(plain, edition=False) as plain_base,
        ):
            for number in range(rounds):
                rebuilds["edition"].append(rebuild_time(edition_base, project, number))
                rebuilds["plain"].append(rebuild_time(plain_base, plain, number))

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
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
