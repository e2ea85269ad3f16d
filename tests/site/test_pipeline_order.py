"""The order of the build is written down: the steps listed in reverse build the same site."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from edition.pipeline import STEPS
from edition.plugin import EditionPlugin
from tests.conftest import PUBLISHED, ROOT


def load_docs_script():
    spec = importlib.util.spec_from_file_location("docs_script", ROOT / "scripts" / "docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def files_of(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_the_steps_in_reverse_order_build_the_same_files(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(ROOT)
    for name, value in PUBLISHED.items():  # as the session's site was built
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(EditionPlugin, "steps_in_order", tuple(reversed(STEPS)))
    problem = load_docs_script().run_mkdocs_build(tmp_path / "reversed")
    assert problem is None
    built, reversed_build = files_of(site), files_of(tmp_path / "reversed")
    assert sorted(reversed_build) == sorted(built)
    different = [name for name in built if built[name] != reversed_build[name]]
    assert different == []
