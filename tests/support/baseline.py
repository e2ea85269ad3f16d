"""Material for MkDocs as it comes: the same Markdown, no edition, no plugins but search.

What the edition is measured against, by `make bench` and by the first-view
budgets of the tests: `fonts=True` is the theme's defaults as a new project
gets them (Google Fonts included), `fonts=False` the engine's floor for the
build time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def plain_config(fonts: bool) -> str:
    """A Material site of the same Markdown: no edition, no plugins but search, not strict."""
    font = "" if fonts else "\n  font: false"
    return (
        f"site_name: Plain Material\ntheme:\n  name: material{font}\nplugins:\n  - search\n"
        "markdown_extensions:\n  - abbr\n  - attr_list\n  - footnotes\n  - md_in_html\n"
        "  - toc:\n      permalink: true\n"
    )


def make_plain_project(folder: Path, fonts: bool, docs: Path = ROOT / "docs") -> Path:
    """Copy the chapters (`docs`, the project's own unless given) into `folder` under a plain
    Material mkdocs.yml."""
    shutil.copytree(docs, folder / "docs")
    (folder / "mkdocs.yml").write_text(plain_config(fonts), encoding="utf-8")
    return folder
