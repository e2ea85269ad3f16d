"""Read a page's front matter as MkDocs does, but stop where MkDocs would silently give up.

MkDocs takes the YAML between a page's first two `---` lines as the page's
metadata; when that YAML does not parse, or is not a mapping, it keeps the
block as text, and the page is shown with its front matter as a paragraph and
without its metadata (a chapter then stops being one). Here that is a mistake
with its line.
"""

from __future__ import annotations

from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE

from edition.apparatus import SAFE_LOADER
from edition.errors import EditionError, yaml_mistake

OPENING = "---"


def front_matter(content: str) -> dict[str, Any]:
    """The page's front matter (empty if it has none), or EditionError with its line."""
    lines = content.split("\n", 1)
    if lines[0].rstrip(" \t") != OPENING:
        return {}
    block = YAML_RE.match(content)
    if block is None:
        raise EditionError(
            "the front matter opened on this line is never closed; end it with a line '---'",
            line=1,
        )
    try:
        meta = yaml.load(block.group(1), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        problem, line = yaml_mistake(error)
        raise EditionError(
            f"the front matter is not valid YAML: {problem}; correct it (MkDocs would show it "
            "as text)",
            line=line + 1 if line else 2,  # the YAML starts on the file's second line
        ) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise EditionError(
            "the front matter is not a list of 'key: value' lines; correct it (MkDocs would "
            "show it as text)",
            line=2,
        )
    return meta


def line_of_key(content: str, key: str) -> int | None:
    """The line of the front matter that gives `key`."""
    for number, line in enumerate(content.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
        if number > 1 and line.rstrip() in ("---", "..."):
            break
    return None
