"""DAISY Ace, the EPUB accessibility checker, on the EPUB: no violation, its metadata complete.

Ace (npm `@daisy/ace`, pinned by package-lock.json) opens each content
document in Chromium through Puppeteer, here Debian's Chromium, and checks
the package's accessibility metadata and every document with axe-core's rules
and its own EPUB rules.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, ROOT

ACE = ROOT / "node_modules" / ".bin" / "ace-puppeteer"
ACE_VERSION = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][
    "@daisy/ace"
]
EPUB = "strengthening-the-us-rok-alliance.epub"


def violations(report: dict) -> list[tuple[str, str, str, str]]:
    """(document, impact, rule, what) of every violation Ace reports."""
    return [
        (
            document["earl:testSubject"]["url"],
            found["earl:test"]["earl:impact"],
            found["earl:test"]["dct:title"],
            found["earl:result"]["dct:description"],
        )
        for document in report["assertions"]
        for found in document.get("assertions", [])
    ]


@pytest.fixture(scope="module")
def ace_report(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not ACE.is_file():
        pytest.fail(
            f"DAISY Ace not found at {ACE}: run `make setup` (npm ci --ignore-scripts "
            "installs @daisy/ace as package-lock.json pins it)"
        )
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium)")
    reports = tmp_path_factory.mktemp("ace")
    result = subprocess.run(
        [str(ACE), "--silent", "--force", "--outdir", str(reports), str(site / EPUB)],
        env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        timeout=240,
    )
    report_file = reports / "report.json"
    assert result.returncode == 0 and report_file.is_file(), result.stdout + result.stderr
    return json.loads(report_file.read_text(encoding="utf-8"))


def test_ace_is_the_pinned_version(ace_report):
    assert ace_report["earl:assertedBy"]["doap:release"]["doap:revision"] == ACE_VERSION


def test_ace_finds_no_violation_in_the_epub(ace_report):
    assert violations(ace_report) == []
    assert ace_report["earl:result"]["earl:outcome"] == "pass"
    checked = [document["earl:testSubject"]["url"] for document in ace_report["assertions"]]
    assert len(checked) >= 8  # the package, the navigation, the title page and every part


def test_ace_finds_the_accessibility_metadata(ace_report):
    present = set(ace_report["a11y-metadata"]["present"])
    assert {
        "schema:accessMode",
        "schema:accessModeSufficient",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
    } <= present
    assert ace_report["a11y-metadata"]["empty"] == []
