"""`scripts/docs.py serve` serves what the code now says, not what it said when it started.

MkDocs imports the edition's plugin once and Python keeps the modules it imported, so a rebuild
alone would run the old code: the server must restart on a change to the edition's
Python, and import the project's own `edition`, not an installed copy of it.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT
from tests.support.copies import left_out

LEFT_OUT = left_out(".cache")
TIMEOUT = 60  # seconds for the server to start or to show a change; a build takes about one
PAGE = "introduction/"
# The live-reload script the server adds to every page (scripts/livereload.js), on its tag the
# site's epoch, the page's request id and a digest of the page's bytes.
LIVERELOAD_TAG = re.compile(
    r'<script data-livereload-epoch="(\d+)" data-livereload-request="(\d+)" '
    r'data-livereload-digest="[0-9a-f]+">.*?</script>',
    re.DOTALL,
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """The body at `url`, or "" while the server is not answering (starting, restarting)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (OSError, http.client.HTTPException):
        return ""


def wait_until(condition: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(
                f"{what} after {TIMEOUT} s; the server said:\n"
                + log.read_text(encoding="utf-8", errors="replace")[-4000:]
            )
        time.sleep(0.05)


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}: point the test at the code that writes it now"
    file.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=LEFT_OUT)
    return copy


@pytest.fixture
def served(project: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`scripts/docs.py serve` of the copy on a free port; yields its base URL and its log.

    It runs in its own process group, stopped at the end as Ctrl-C stops it, and it must
    leave no process and no temporary file behind.
    """
    port = free_port()
    log = tmp_path / "serve.log"
    temporary = tmp_path / "tmp"  # where MkDocs puts the site it serves, among others
    temporary.mkdir()
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "scripts/docs.py", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
        )
    try:
        yield f"http://127.0.0.1:{port}/", log
    finally:
        said_before_stop = len(log.read_text(encoding="utf-8", errors="replace"))
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            pytest.fail("the server did not stop on Ctrl-C")
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # nothing is left of the process group
    # Ctrl-C stops a book still being made (pandoc, in the same group) without a word of error
    stopping = log.read_text(encoding="utf-8", errors="replace")[said_before_stop:]
    assert "ERROR" not in stopping, stopping
    assert not list(temporary.iterdir()), "temporary files were left behind"


def test_serve_restarts_on_a_python_change_and_serves_the_new_output(project, served):
    base, log = served
    url = base + PAGE
    wait_until(
        lambda: 'aria-label="Permanent link to paragraph 1"' in fetch(url),
        "the page was not served",
        log,
    )
    served_page = fetch(url)
    epoch, request_id = LIVERELOAD_TAG.search(served_page).groups()
    # The page's Content-Security-Policy runs the live-reload script the server added to it.
    soup = BeautifulSoup(served_page, "lxml")
    reload_script = soup.select_one("script[data-livereload-epoch]").string
    digest = base64.b64encode(hashlib.sha256(reload_script.encode("utf-8")).digest()).decode()
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert f"'sha256-{digest}'" in policy.split("script-src", 1)[1].split(";")[0]

    # The step that writes the paragraph permalinks, imported with the plugin.
    step = project / "edition" / "steps" / "paragraph_ids.py"
    edit(step, "Permanent link to paragraph ", "Edited link to paragraph ")
    wait_until(
        lambda: 'aria-label="Edited link to paragraph 1"' in fetch(url),
        "the page does not show the edited step's output",
        log,
    )

    # A page the browser opened before the change reloads when its livereload poll, sent
    # again once the server is back, answers a newer epoch than the page's.
    with urllib.request.urlopen(f"{base}livereload/{epoch}/{request_id}", timeout=5) as answer:
        assert int(answer.read()) > int(epoch)

    # The copy's own `edition` package, not the one installed (editable) from elsewhere.
    edit(project / "edition" / "citation.py", '"Chicago note",', '"Edited Chicago note",')
    wait_until(
        lambda: "Edited Chicago note" in fetch(url),
        "the page does not show the edited edition module's output",
        log,
    )

    # Code that no longer builds stops the server, which starts again once it is fixed.
    fixed = step.read_text(encoding="utf-8").replace("Edited link", "Fixed link")
    step.write_text(fixed + "\nraise RuntimeError('a step that does not load')\n", encoding="utf-8")
    wait_until(
        lambda: "The server will start again" in log.read_text(encoding="utf-8"),
        "the server did not wait for the code to be fixed",
        log,
    )
    step.write_text(fixed, encoding="utf-8")
    wait_until(
        lambda: 'aria-label="Fixed link to paragraph 1"' in fetch(url),
        "the page does not show the fixed step's output",
        log,
    )


BOOK = "strengthening-the-us-rok-alliance.epub"


def fetch_bytes(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except (OSError, http.client.HTTPException):
        return b""


def book_texts(book: bytes) -> dict[str, bytes]:
    """The text of an EPUB: its pages and navigation (pandoc names each book by a new id)."""
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.endswith(".xhtml")}


def without_reload_script(page: str) -> str:
    return LIVERELOAD_TAG.sub("", page)


def test_under_serve_the_saved_page_comes_first_then_the_site_then_the_book(
    project, served, tmp_path, browser
):
    """A saved chapter is shown before the whole site is built again: the page shown first is
    the whole build's, byte for byte. Each open page reloads once if the save changed it
    and not at all if not; the book comes last, the same book `make build` makes."""
    base, log = served
    url = base + PAGE
    wait_until(lambda: "Permanent link to paragraph 1" in fetch(url), "no page was served", log)
    context = browser.new_context(bypass_csp=False)  # the pages' own policy runs the script
    tabs, loads, polls = {}, {}, {}
    for name in ("introduction", "paper", "about"):
        tab = tabs[name] = context.new_page()
        loads[name], polls[name] = [], []
        tab.on("framenavigated", lambda frame, n=name: frame.parent_frame or loads[n].append(1))
        tab.on("request", lambda r, n=name: "/livereload/" in r.url and polls[n].append(r.url))
        tab.goto(f"{base}{name}/")
        tab.wait_for_function("() => document.readyState === 'complete'")
        loads[name].clear()
    old, new = "has demonstrated success", "has shown its success"
    shown = "() => document.body.innerText.includes('has shown its success')"
    edit(project / "docs" / "introduction.md", old, new)
    wait_until(lambda: new in fetch(url), "the saved chapter was not served", log)
    first = without_reload_script(fetch(url))
    for name in ("introduction", "paper"):
        tabs[name].wait_for_function(shown, timeout=TIMEOUT * 1000)
    # The whole build is served: the whole paper has reloaded at its epoch. The pages that
    # were shown before it compare themselves with it, and then poll at that epoch.
    whole = tabs["paper"].evaluate(
        "() => document.querySelector('script[data-livereload-epoch]').dataset.livereloadEpoch"
    )
    for name in ("introduction", "about"):
        while not any(f"/livereload/{whole}/" in poll for poll in polls[name]):
            tabs[name].wait_for_timeout(50)  # lets Playwright take the tab's events
    assert {name: len(loaded) for name, loaded in loads.items()} == {
        "introduction": 1,
        "paper": 1,
        "about": 0,
    }
    assert without_reload_script(fetch(url)) == first
    assert not tabs["about"].evaluate(shown)
    context.close()
    with pytest.raises(urllib.error.HTTPError) as missing:  # the site's own page, from the
        urllib.request.urlopen(base + "no-such-page/", timeout=5)  # folder now served
    assert missing.value.code == 404 and b"Page not found" in missing.value.read()

    wait_until(lambda: fetch_bytes(base + BOOK).startswith(b"PK"), "the book was not served", log)
    served_book = fetch_bytes(base + BOOK)
    built = tmp_path / "built"
    shutil.copytree(project, built, ignore=LEFT_OUT)  # its own cache: pandoc runs again
    subprocess.run(
        [sys.executable, "scripts/docs.py", "build", "--site-dir", str(tmp_path / "site")],
        cwd=built,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert book_texts(served_book) == book_texts((tmp_path / "site" / BOOK).read_bytes())
    said = log.read_text(encoding="utf-8")
    assert "Traceback" not in said and "ERROR" not in said
