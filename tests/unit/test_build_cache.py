"""The build cache: entries named by their inputs, written whole, read back as written."""

from __future__ import annotations

import json

from edition.build_cache import entry_name, store
from tests.unit.steps import load_step

bibliography = load_step("bibliography")


def test_an_entry_name_changes_with_any_input_and_only_then():
    assert entry_name("bib", b"csl", "3.1") == entry_name("bib", b"csl", "3.1")
    assert entry_name("bib", b"csl", "3.1") != entry_name("bib ", b"csl", "3.1")
    assert entry_name("bib", b"csl", "3.1") != entry_name("bib", b"csl", "3.2")
    assert entry_name("ab", "c") != entry_name("a", "bc")  # the inputs do not run together


def test_an_entry_is_written_whole_and_leaves_nothing_else(tmp_path):
    entry = tmp_path / "epub" / "book.epub"
    store(entry, b"first")
    store(entry, b"second")
    assert entry.read_bytes() == b"second"
    assert [path.name for path in entry.parent.iterdir()] == ["book.epub"]


class Registry:
    """mkdocs-bibtex's registry as far as the cache sees it."""

    def __init__(self) -> None:
        self._reference_cache: dict[str, str] = {}
        self._inline_cache: dict[str, str] = {}


def test_the_bibliography_s_formatting_comes_back_from_the_cache(tmp_path):
    entry = tmp_path / "formatting.json"
    assert not bibliography.restore_formatting(Registry(), entry)
    kept = {"_reference_cache": {"key1": "Author. *Title*."}, "_inline_cache": {"[@key1]": "1"}}
    entry.write_text(json.dumps(kept), encoding="utf-8")
    registry = Registry()
    assert bibliography.restore_formatting(registry, entry)
    assert registry._reference_cache == {"key1": "Author. *Title*."}
    assert registry._inline_cache == {"[@key1]": "1"}
