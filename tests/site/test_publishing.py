"""site/ is at every instant the old complete site or the new one, whatever stops a build.

Builds of a copy of the project are interrupted (Ctrl-C) or killed at moments drawn at
random, measured by how far each has got (the files it has written), and two builds are
run at once; all the while a watcher reads site/ and notes any moment it was neither the
old site nor a complete new one. What an earlier build left behind never stops a build,
and what is published a web server running as another user can read. The moments' seed is
in every failure's message; PUBLISHING_SEED=<seed> draws the same moments again.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.test_bad_input import LEFT_OUT

OLD = "the last good build"
INTERRUPTED = "interrupted; site/ is as it was"
# What a complete site has, written at different moments of a build (the last at its end).
COMPLETE = ["index.html", "404.html", "search/search_index.json"]  # the first and last written
SEED = int(os.environ.get("PUBLISHING_SEED", random.randrange(1_000_000)))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("publishing") / "project"
    shutil.copytree(ROOT, copy, ignore=LEFT_OUT)
    return copy


def old_site(site_dir: Path) -> None:
    """A previous site/, recognisable, in place of whatever is there."""
    if site_dir.is_dir() and not site_dir.is_symlink():
        shutil.rmtree(site_dir)
    site_dir.mkdir()
    (site_dir / "index.html").write_text(OLD, encoding="utf-8")


def start(project: Path, **environment: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "scripts/docs.py", "build"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
    )


def state(site_dir: Path) -> str:
    """'old', 'new' (complete), or what else site/ is at this instant."""
    try:
        index = (site_dir / "index.html").read_text(encoding="utf-8")
    except OSError as error:
        return f"no index.html ({error.strerror})"
    if index == OLD:
        return "old"
    missing = [name for name in COMPLETE if not (site_dir / name).is_file()]
    return f"new but without {missing}" if missing else "new"


class Watcher(threading.Thread):
    """Reads site/ over and over until stopped; keeps every state that was not old or new."""

    def __init__(self, site_dir: Path) -> None:
        super().__init__(daemon=True)
        self.site_dir = site_dir
        self.stopped = threading.Event()
        self.looking = threading.Lock()  # held by the test while it puts an old site back
        self.wrong: list[str] = []
        self.looks = 0

    def run(self) -> None:
        while not self.stopped.wait(0.001):
            with self.looking:
                self.looks += 1
                seen = state(self.site_dir)
            if seen not in ("old", "new"):
                self.wrong.append(seen)

    def old_site(self) -> None:
        with self.looking:
            old_site(self.site_dir)


@pytest.fixture
def watcher(project: Path) -> Iterator[Watcher]:
    watching = Watcher(project / "site")
    watching.old_site()
    watching.start()
    yield watching
    watching.stopped.set()
    watching.join()
    assert watching.looks > 0
    assert watching.wrong == []


def files_written(project: Path) -> int:
    """How many files the builds under way have written into their staging folders."""
    total = 0
    for staging in project.glob(".site-build-*"):
        for _, _, files in os.walk(staging):
            total += len(files)
    return total


def stop_when(process: subprocess.Popen[str], project: Path, written: int, how: int) -> None:
    """Send `how` once the build has written `written` files (or has ended first)."""
    started = False
    while process.poll() is None:
        started = started or bool(list(project.glob(".site-build-*")))
        if started and files_written(project) >= written:
            process.send_signal(how)
            return
        threading.Event().wait(0.001)


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.glob(".site-*"))


def test_interrupted_and_killed_builds_leave_site_as_it_was(project: Path, watcher: Watcher):
    moments = random.Random(SEED)
    stops = [(0, signal.SIGINT), *((moments.randrange(66), signal.SIGINT) for _ in range(2))]
    stops.append((moments.randrange(66), signal.SIGKILL))
    outcomes = []
    for written, how in stops:
        watcher.old_site()
        build = start(project)
        stop_when(build, project, written, how)
        _, errors = build.communicate()
        outcomes.append((written, how, build.returncode))
        if build.returncode == 0:  # it finished before the signal came
            assert state(project / "site") == "new", f"seed {SEED}"
            continue
        assert state(project / "site") == "old", f"seed {SEED}"
        if how == signal.SIGINT:
            assert (build.returncode, errors) == (130, f"{INTERRUPTED}\n"), f"seed {SEED}"
            assert leftovers(project) == [], f"seed {SEED}"
    assert any(code == 130 for _, _, code in outcomes), f"no build was interrupted: {outcomes}"
    # What the killed build left, the next removes as it publishes
    build = start(project)
    _, errors = build.communicate()
    assert (build.returncode, errors) == (0, "")
    assert state(project / "site") == "new"
    assert leftovers(project) == []


def test_two_builds_at_once_both_finish_and_one_whole_site_is_published(
    project: Path, watcher: Watcher
):
    hosts = ["https://one.example.org/", "https://two.example.org/"]
    for _ in range(2):
        watcher.old_site()
        builds = [start(project, SITE_URL=host) for host in hosts]
        results = [(build.wait(), build.stderr.read()) for build in builds]
        for build in builds:
            build.stdout.close()
            build.stderr.close()
        assert results == [(0, ""), (0, "")]
        assert state(project / "site") == "new"
        canonical = {
            host
            for page in (project / "site").rglob("*.html")
            for host in hosts
            if f'<link rel="canonical" href="{host}' in page.read_text(encoding="utf-8")
        }
        assert len(canonical) == 1, "the site mixes the two builds' pages"
        assert leftovers(project) == []


def test_leftovers_never_stop_a_build_and_a_web_server_can_read_the_site(
    project: Path, tmp_path: Path
):
    old_site(project / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not the build's", encoding="utf-8")
    # Where the old way kept the previous site: now a link to a folder that is not the build's
    (project / ".site-previous").symlink_to(elsewhere, target_is_directory=True)
    (project / ".site-build-link").symlink_to(elsewhere, target_is_directory=True)
    (project / ".site-build-file").write_text("a file", encoding="utf-8")
    stale = project / ".site-build-stale"  # what a killed build leaves: no build holds it
    (stale / "assets" / "sealed").mkdir(parents=True)
    (stale / "assets" / "sealed" / "page.html").write_text("old", encoding="utf-8")
    for folder in (stale / "assets" / "sealed", stale / "assets"):
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)  # read-only, as a copied site can be
    build = subprocess.run(
        [sys.executable, "scripts/docs.py", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        preexec_fn=lambda: os.umask(0o077),  # the strictest umask an editor may have
    )
    assert (build.returncode, build.stderr) == (0, "")
    assert leftovers(project) == []
    assert (elsewhere / "keep.txt").read_text(encoding="utf-8") == "not the build's"
    site_dir = project / "site"
    modes = {
        str(path.relative_to(site_dir)): (path.is_dir(), stat.S_IMODE(path.stat().st_mode))
        for path in [site_dir, *site_dir.rglob("*")]
    }
    wrong = {
        name: oct(mode)
        for name, (folder, mode) in modes.items()
        if mode != (0o755 if folder else 0o644)
    }
    assert wrong == {}
