"""The paper's reference text, read as the build reads it, for the fidelity tests."""

from __future__ import annotations

import functools
from pathlib import Path

from edition.apparatus import plain_text
from edition.source import Source, read_source
from edition.whole_paper import read_chapters

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FILE = ROOT / "source" / "snyder-2009-strengthening-the-us-rok-alliance.txt"


@functools.cache
def the_source() -> Source:
    """source/ with its paragraphs joined across page breaks, split at the chapters' headings."""
    titles = [plain_text(chapter.title) for chapter in read_chapters(ROOT / "docs")]
    return read_source(SOURCE_FILE, titles)
