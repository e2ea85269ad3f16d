"""Permanent links stay valid from one release to the next.

Each release keeps the list of its permanent links (tests/site/permalinks/VERSION.txt,
written by `python -m tests.support.permalinks site`): every page and anchor a reader
may have cited. A later build must still have every one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.permalinks import permalinks

LISTS = Path(__file__).parent / "permalinks"
CHANGELOG = ROOT / "CHANGELOG.md"


def released_versions() -> list[str]:
    return re.findall(r"^## (\S+) \(", CHANGELOG.read_text(encoding="utf-8"), re.MULTILINE)


def test_the_newest_release_keeps_the_list_of_its_permalinks():
    kept = sorted(path.stem for path in LISTS.glob("*.txt"))
    assert released_versions()[0] in kept, "write it: python -m tests.support.permalinks site"
    assert set(kept) <= set(released_versions())  # a list for each release, of no other


@pytest.mark.parametrize("listed", sorted(LISTS.glob("*.txt")), ids=lambda path: path.stem)
def test_every_permalink_of_a_release_still_leads_somewhere(site, listed: Path):
    wanted = listed.read_text(encoding="utf-8").split()
    assert len(wanted) > 200
    missing = sorted(set(wanted) - set(permalinks(site)))
    assert missing == [], f"gone since release {listed.stem}: {missing[:10]}"
