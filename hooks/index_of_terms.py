"""Fill the Index page: names and subjects, each with links to the passages that mention it.

The entries, their category and the words that count as a mention live in
`data/index.yml`; the passages are found in the text at build time, so the
index follows every correction of the text. An entry the text no longer
mentions stops the build.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING


from edition.apparatus import (
    ApparatusError, Passage, fill_placeholder, load_checked, link_list, mentions,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

DATA_FILE = Path("data") / "index.yml"
FIELDS = {"entry": True, "category": True, "variants": True, "excluding": False, "sort_as": False}
CATEGORIES = {  # in the order the page shows them
    "people": "People",
    "places": "Places and bases",
    "bodies": "Agreements, bodies and policies",
    "events": "Events",
    "ideas": "Ideas and phrases",
}
PLACEHOLDER = "<!-- edition:index -->"

_entries: list[dict] = []


def check_entries(entries: list[dict]) -> None:
    """Known categories, lists of variants, and each heading once."""
    seen: set[str] = set()
    for entry in entries:
        name = entry["entry"]
        if name in seen:
            raise ApparatusError(f"data/index.yml: the entry '{name}' is listed twice; keep one")
        seen.add(name)
        if entry["category"] not in CATEGORIES:
            raise ApparatusError(
                f"data/index.yml: '{name}' has the category '{entry['category']}'; "
                f"use one of {', '.join(CATEGORIES)}"
            )
        for field in ("variants", "excluding"):
            value = entry.get(field, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ApparatusError(
                    f"data/index.yml: the {field} of '{name}' must be a list of words, "
                    "e.g. [Lee Myung-bak, Lee]"
                )


def index_entries(entries: list[dict], passages: list[Passage]) -> dict[str, list[tuple[dict, list[Passage]]]]:
    """{category: [(entry, passages)]}, alphabetised; an entry found nowhere is an error."""
    by_category: dict[str, list[tuple[dict, list[Passage]]]] = {category: [] for category in CATEGORIES}
    for entry in entries:
        found = mentions(passages, entry["variants"], excluding=entry.get("excluding", []))
        if not found:
            raise ApparatusError(
                f"data/index.yml: '{entry['entry']}' is mentioned nowhere in the paper; "
                f"correct its variants ({', '.join(entry['variants'])}) or remove it"
            )
        by_category[entry["category"]].append((entry, found))
    for listed in by_category.values():
        listed.sort(key=lambda item: str(item[0].get("sort_as") or item[0]["entry"]).casefold())
    return by_category


def render_index(entries: list[dict], passages: list[Passage], *, link_base: str = "") -> str:
    """The Index page's sections, as Markdown."""
    lines = []
    for category, listed in index_entries(entries, passages).items():
        if not listed:
            continue
        lines += [f"## {CATEGORIES[category]} {{ #{category} }}", ""]
        lines += ['<div class="index-of-terms edition-added" markdown>', ""]
        for entry, found in listed:
            lines.append(
                f'- <span class="index-entry">{entry["entry"]}</span> '
                f"{link_list(found, link_base=link_base)}"
            )
        lines += ["", "</div>", ""]
    return "\n".join(lines)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _entries[:] = load_checked(config, DATA_FILE, fields=FIELDS, check=check_entries)
    return config


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **_: object
) -> str | None:
    return fill_placeholder(
        markdown, PLACEHOLDER,
        lambda passages, link_base: render_index(_entries, passages, link_base=link_base),
        page=page, config=config, files=files,
    )
