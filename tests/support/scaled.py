"""The edition at book length: a copy of the project whose chapters are each N times as long.

What `make bench` measures the engine's growth with. Each chapter's paragraphs
(not its headings, not its notes) follow its text N - 1 more times; a repeat
loses its note markers, since a note is placed once. The home page, the
apparatus and the data are the paper's own.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.utils.meta import YAML_RE

from edition.front_matter import front_matter
from tests.support.copies import left_out

NOTE_MARKER = re.compile(r"\[\^[^\]\s]+\](?!:)")
# What a copy of the project leaves out: its tests and its cache too (a fresh clone's)
LEFT_OUT = left_out("tests", ".cache")


def is_paragraph(block: str) -> bool:
    """A paragraph or list of the author's text: not a heading, a note, a quote or markup."""
    first = block.lstrip()[:1]
    return bool(block.strip()) and first not in "#[<>|!:{" and not block.startswith("    ")


def scaled_chapter(text: str, factor: int) -> str:
    """The chapter with its text followed by its paragraphs `factor - 1` more times.

    Each repeat is the whole run of the chapter's paragraphs, after its last one
    and before its notes, so that a repeat stands as far from its original as
    the chapter is long (as a longer book's text would, for compression).
    """
    block = YAML_RE.match(text)
    head = text[: block.end()] if block else ""
    blocks = text[len(head) :].split("\n\n")
    paragraphs = [NOTE_MARKER.sub("", b) for b in blocks if is_paragraph(b)]
    last = max(index for index, b in enumerate(blocks) if is_paragraph(b))
    repeats = paragraphs * (factor - 1)
    return head + "\n\n".join([*blocks[: last + 1], *repeats, *blocks[last + 1 :]])


def scale_project(root: Path, folder: Path, factor: int, ignore) -> Path:
    """Copy the project at `root` into `folder`, its chapters `factor` times as long."""
    shutil.copytree(root, folder, ignore=ignore)
    for page in sorted((folder / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if factor > 1 and "paper_section" in front_matter(text):
            page.write_text(scaled_chapter(text, factor), encoding="utf-8")
    return folder


def word_count(docs: Path) -> int:
    """The words of the chapters (paper_section pages), notes included."""
    total = 0
    for page in docs.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        block = YAML_RE.match(text)
        if "paper_section" in front_matter(text):
            total += len(text[block.end() if block else 0 :].split())
    return total
