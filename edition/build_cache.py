"""The build's cache, `.cache/edition/`: outputs of slow steps, kept by their inputs.

Each entry is named by a SHA-256 of everything its output depends on, so an
entry is either exactly right or not found; nothing is ever invalidated by
hand, and deleting the folder (`make clean`) only makes the next build slower.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
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
