"""A build from the cache is the build without it; an edited input is never taken from it."""

from __future__ import annotations

import filecmp
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site
from tests.site.test_bad_input import LEFT_OUT

EPUB = "strengthening-the-us-rok-alliance.epub"


def build(project: Path, site_dir: Path) -> Path:
    result = build_site(site_dir, project)
    assert result.returncode == 0, result.stderr
    return site_dir


def differing_files(one: Path, other: Path) -> list[str]:
    files = sorted(str(path.relative_to(one)) for path in one.rglob("*") if path.is_file())
    assert files == sorted(
        str(path.relative_to(other)) for path in other.rglob("*") if path.is_file()
    )
    _, mismatch, errors = filecmp.cmpfiles(one, other, files, shallow=False)
    return mismatch + errors


def epub_text(site_dir: Path) -> str:
    with zipfile.ZipFile(io.BytesIO((site_dir / EPUB).read_bytes())) as book:
        return " ".join(
            book.read(name).decode("utf-8", "replace")
            for name in book.namelist()
            if name.endswith(".xhtml")
        )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with an empty cache."""
    project = tmp_path_factory.mktemp("cached") / "project"
    shutil.copytree(ROOT, project, ignore=LEFT_OUT)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return project


def test_a_build_from_the_cache_is_byte_for_byte_the_build_without_it(project, tmp_path):
    cold = build(project, tmp_path / "cold")
    kept = {
        folder.name: len(list(folder.iterdir()))
        for folder in (project / ".cache" / "edition").iterdir()
    }
    assert kept["bibliography"] == 1 and kept["epub"] == 1 and kept["templates"] > 20
    warm = build(project, tmp_path / "warm")
    assert differing_files(cold, warm) == []


def test_an_edited_chapter_or_bibliography_is_built_afresh(project, tmp_path):
    chapter, bib = project / "docs" / "introduction.md", project / "references.bib"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("Introduction", "Introductionary", 1),
        encoding="utf-8",
    )
    bib.write_text(
        bib.read_text(encoding="utf-8").replace("Two Koreas", "Two Koreans", 1), encoding="utf-8"
    )
    site_dir = build(project, tmp_path / "edited")
    assert "Introductionary" in epub_text(site_dir)
    assert "Two Koreans" in (site_dir / "bibliography" / "index.html").read_text(encoding="utf-8")
    assert "Two Koreans" in epub_text(site_dir)


def test_what_a_build_keeps_is_kept_per_page_and_made_again_when_the_engine_changes(
    project, tmp_path
):
    build(project, tmp_path / "first")
    kept = {f.name: len(list(f.iterdir())) for f in (project / ".cache" / "edition").iterdir()}
    pages = len(list((tmp_path / "first").rglob("index.html")))
    assert kept["post_page"] >= pages and kept["search-units"] >= pages - 1  # the paper: none
    for folder in ["passages", "apparatus", "theme-styles", "epub-text", "well-formed"]:
        assert kept[folder] >= 1, folder
    # A step of post_page changed, the page's text before it the same: made again, not kept
    step = project / "edition" / "steps" / "valid_html.py"
    text = step.read_text(encoding="utf-8")
    step.write_text(text.replace('named("Search")', 'named("Search the edition")'), "utf-8")
    try:
        page = (build(project, tmp_path / "second") / "index.html").read_text(encoding="utf-8")
    finally:
        step.write_text(text, encoding="utf-8")
    assert 'aria-label="Search the edition"' in page
