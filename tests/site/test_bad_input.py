"""Bad input stops the build with one line naming the file and what to fix; site/ stays."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

LEFT_OUT = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".bench",
    "node_modules",
    "site",
    ".site-*",
    "__pycache__",
    ".pytest_cache",
    "*.egg-info",
)


def edit(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


CASES = {
    "unknown citation key": (
        edit("docs/introduction.md", "[@wimbush2008parable]", "[@wimbush2008parabel]"),
        ["docs/introduction.md", "wimbush2008parabel", "references.bib"],
    ),
    "malformed references.bib": (
        edit("references.bib", "@", "@book{unfinished,\n  title = {No end\n\n@", 1),
        ["references.bib:", "unfinished", "braces"],
    ),
    "repeated key in references.bib": (
        edit(
            "references.bib",
            "@book{oberdorfer1997twokoreas,",
            "@book{oberdorfer1997twokoreas, title={A}}\n@book{oberdorfer1997twokoreas,",
        ),
        ["references.bib", "oberdorfer1997twokoreas", "repeats"],
    ),
    "note marker without a definition": (
        edit("docs/introduction.md", "relationship.[^5]", "relationship.[^5][^99]"),
        ["docs/introduction.md", "[^99]", "no definition"],
    ),
    "note definition never referenced": (
        edit("docs/introduction.md", "relationship.[^5]", "relationship."),
        ["docs/introduction.md", "[^5]", "never referenced"],
    ),
    "repeated id": (
        edit(
            "docs/synchronizing-views.md",
            "# Synchronizing",
            "## Again { #synchronizing-views }\n\n# Synchronizing",
        ),
        ["synchronizing-views.md", "synchronizing-views", "more than once"],
    ),
    "broken link": (
        edit("docs/index.md", "(introduction.md)", "(introductoin.md)"),
        ["index.md", "introductoin.md", "not found"],
    ),
    "a paper date that is not a month": (
        edit("mkdocs.yml", 'date: "2009-02"', 'date: "February 2009"'),
        ["mkdocs.yml:", "'paper'", "'date'", "write YYYY-MM"],
    ),
    "a report address that could leave its attribute": (
        edit(
            "mkdocs.yml",
            "report_error_url: !ENV REPORT_ERROR_URL",
            "report_error_url: 'https://x.test/issues/new\" onmouseover=\"alert(1)'",
        ),
        ["mkdocs.yml:", "'report_error_url'", "is not a web address"],
    ),
    "a release version that is not major.minor.patch": (
        edit("mkdocs.yml", 'version: "1.0.0"', 'version: "1.0"'),
        ["mkdocs.yml:", "'release'", "'version'", "major.minor.patch"],
    ),
    "a release the changelog does not list as its newest": (
        edit("mkdocs.yml", 'version: "1.0.0"', 'version: "1.0.1"'),
        ["CHANGELOG.md:", "newest release listed is 1.0.0", "1.0.1", "make the two the same"],
    ),
    "a changelog heading that is not a release": (
        edit("CHANGELOG.md", "## 1.0.0 (2026-12-01)", "## Version 1.0.0"),
        ["CHANGELOG.md:", "'## 1.0.0 (2026-12-01)'"],
    ),
    "an abstract that is no paragraph of the paper": (
        edit("mkdocs.yml", "abstract: introduction.md#p-4", "abstract: introduction.md#p-40"),
        ["mkdocs.yml:", "paper.abstract", "introduction.md#p-40", "no paragraph"],
    ),
    "broken anchor": (
        edit("docs/index.md", "(introduction.md)", "(introduction.md#p-999)"),
        ["index.md", "#p-999"],
    ),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project, with a previous good site/ to be kept."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=LEFT_OUT)
    (copy / "site").mkdir()
    (copy / "site" / "index.html").write_text("the last good build", encoding="utf-8")
    return copy


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_stops_the_build(project: Path, case: str):
    break_it, named = CASES[case]
    break_it(project)
    result = build_site(project / "site", project=project)
    assert result.returncode == 1
    first_line = result.stderr.splitlines()[0]
    for words in named:
        assert words in first_line, first_line
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text() == "the last good build"
    assert not list(project.glob(".site-build-*"))


def test_the_unbroken_copy_builds(project: Path):
    result = build_site(project / "site", project=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "introduction" / "index.html").is_file()
