"""Copies of the project that tests and the benchmark build: what a copy leaves out."""

from __future__ import annotations

import shutil

# What a build, an install or a test run makes: never part of a copy
MADE = (
    ".git",
    ".venv",
    ".bench",
    "node_modules",
    "site",
    ".site-*",
    "__pycache__",
    ".pytest_cache",
    "*.egg-info",
    "test-results",
)


def left_out(*more: str):
    """shutil.copytree's `ignore` for a copy without MADE and the patterns `more`."""
    return shutil.ignore_patterns(*MADE, *more)
