"""Fill the Index page: names and subjects, each with links to the passages that mention it.

The entries, their category and the words that count as a mention live in
the data file `index` names (data/index.yml); the categories and their order
in the plugin's `index_categories`. The passages are found in the text at
build time, so the index follows every correction of the text. An entry the
text no longer mentions stops the build.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from edition.apparatus import group_by_chapter, load_data, mentions
from edition.errors import EditionError
from edition.step import Step
from edition.templates import fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from edition.apparatus import Passage, WordIndex

FIELDS = {"entry": True, "category": True, "variants": True, "excluding": False, "sort_as": False}


def check_entries(entries: list[dict], categories: dict[str, str], *, name: str) -> None:
    """Known categories, lists of variants, and each heading once."""
    seen: set[str] = set()
    for entry in entries:
        heading = entry["entry"]
        if heading in seen:
            raise EditionError(f"the entry '{heading}' is listed twice; keep one", file=name)
        seen.add(heading)
        if entry["category"] not in categories:
            raise EditionError(
                f"'{heading}' has the category '{entry['category']}'; "
                f"use one of {', '.join(categories)}",
                file=name,
            )
        for field in ("variants", "excluding"):
            value = entry.get(field, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise EditionError(
                    f"the {field} of '{heading}' must be a list of words, "
                    "e.g. [Lee Myung-bak, Lee]",
                    file=name,
                )


def index_entries(
    entries: list[dict],
    passages: list[Passage] | WordIndex,
    categories: dict[str, str],
    *,
    name: str,
) -> dict[str, list[tuple[dict, list[Passage]]]]:
    """{category: [(entry, passages)]}, alphabetised; an entry found nowhere is an error."""
    by_category: dict[str, list[tuple[dict, list[Passage]]]] = {key: [] for key in categories}
    for entry in entries:
        found = mentions(passages, entry["variants"], excluding=entry.get("excluding", []))
        if not found:
            raise EditionError(
                f"'{entry['entry']}' is mentioned nowhere in the paper; "
                f"correct its variants ({', '.join(entry['variants'])}) or remove it",
                file=name,
            )
        by_category[entry["category"]].append((entry, found))
    for listed in by_category.values():
        listed.sort(key=lambda item: str(item[0].get("sort_as") or item[0]["entry"]).casefold())
    return by_category


class IndexOfTerms(Step):
    name = "index_of_terms"

    def config(self, config: MkDocsConfig) -> None:
        self.file = self.build.relative(self.build.options.index)
        self.categories = dict(self.build.options.index_categories)
        self.entries = load_data(self.build.options.index, fields=FIELDS, name=self.file)
        check_entries(self.entries, self.categories, name=self.file)
        self.build.fillers["index"] = self.render

    def render(self, page: Page) -> list[etree.Element]:
        listed = index_entries(self.entries, self.build.words, self.categories, name=self.file)
        categories = [
            {
                "id": key,
                "title": self.categories[key],
                "entries": [
                    {"heading": entry["entry"], "found": group_by_chapter(found)}
                    for entry, found in entries
                ],
            }
            for key, entries in listed.items()
            if entries
        ]
        return fragment("index-of-terms.html", categories=categories)
