"""The build's cache, `.cache/edition/`: outputs of slow steps, kept by their inputs.

Each entry is named by a SHA-256 of everything its output depends on, so an
entry is either exactly right or not found; nothing is ever invalidated by
hand, and deleting the folder (`make clean`) only makes the next build slower.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

CACHE_DIR = Path(".cache") / "edition"


def cache_dir(config: MkDocsConfig) -> Path:
    """The cache next to mkdocs.yml."""
    return Path(config.config_file_path).parent / CACHE_DIR


def entry_name(*inputs: str | bytes) -> str:
    """A name that changes whenever any of the inputs does."""
    digest = hashlib.sha256()
    for part in inputs:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def store(path: Path, data: bytes) -> None:
    """Write `data` whole or not at all: a build that stops midway leaves no half entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(descriptor, "wb") as output:
            output.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


ENGINE = Path(__file__).resolve().parent  # the edition package: its code, templates and theme


@lru_cache(maxsize=1)
def engine_version() -> str:
    """A name for this copy of the engine's code: an entry it made is never used by another."""
    files = sorted(p for p in ENGINE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return entry_name(
        *(part for p in files for part in (p.relative_to(ENGINE).as_posix(), p.read_bytes()))
    )


class Kept:
    """What a function of some texts made of them, kept by the texts and the engine's code.

    For a step's work on one page that only the page's text decides (its search
    entries, ...): `get(inputs, make)` makes it once for every build that has
    the same inputs; it must be JSON.
    """

    def __init__(self, config: MkDocsConfig, name: str) -> None:
        self.folder = cache_dir(config) / name
        self.name = name

    def get(self, inputs: list[str], make: Callable[[], object]) -> object:
        entry = self.folder / f"{entry_name(engine_version(), self.name, *inputs)}.json"
        try:
            return json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        made = make()
        store(entry, json.dumps(made, ensure_ascii=False).encode("utf-8"))
        return made


class Finished:
    """Each page as the steps of one event finished it, kept by what it was before them.

    The steps of an event such as `post_page` are each a function of the page's
    text alone (they check it and rewrite it); a page whose text, engine and
    theme are unchanged is finished as it was the last time. Entries no build
    has used for a while are left to `make clean`.
    """

    def __init__(self, config: MkDocsConfig, event: str) -> None:
        self.folder = cache_dir(config) / event
        self.event = event

    def entry(self, text: str) -> Path:
        return self.folder / f"{entry_name(engine_version(), self.event, text)}.html"

    def finish(self, text: str, make: Callable[[str], str]) -> str:
        entry = self.entry(text)
        try:
            return entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            pass
        finished = make(text)
        store(entry, finished.encode("utf-8"))
        return finished
