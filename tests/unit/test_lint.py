"""The edition's Python is linted and formatted like any other code: the engine, scripts, tests.

The rules are pyproject.toml's [tool.ruff]: the line length, import order,
naming and likely bugs; `ruff format` keeps one layout.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = ["edition", "scripts", "tests"]


def ruff(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, *CODE],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_finds_nothing(command: list[str]):
    result = ruff(*command)
    assert result.returncode == 0, result.stdout + result.stderr
