"""Import one of the edition's steps by its feature's name."""

from __future__ import annotations

import importlib
from types import ModuleType


def load_step(name: str) -> ModuleType:
    return importlib.import_module(f"edition.steps.{name}")
