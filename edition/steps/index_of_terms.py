"""Fill the Index page: names and subjects, each with links to the passages that mention it.

The entries, their category and the words that count as a mention live in
the data file `index` names (data/index.yml); the categories and their order
in the plugin's `index_categories`. The passages are found in the text at
build time, so the index follows every correction of the text. An entry the
text no longer mentions stops the build. An entry's `other_spellings` are the
forms a reader may type that the paper does not use (another romanization, a
common spelling): search finds the paper's forms for them, and the build
stops if the paper does use one (it is then a variant).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

from edition.apparatus import group_by_chapter, load_data, mentions
from edition.build_cache import Kept
from edition.errors import EditionError
from edition.step import Step
from edition.templates import kept_fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from edition.apparatus import Passage, WordIndex

FIELDS = {
    "entry": True,
    "category": True,
    "variants": True,
    "excluding": False,
    "other_spellings": False,
    "sort_as": False,
}


def entry_id(heading: str) -> str:
    """An entry's id, its permalink on the Index page: 'lee-myung-bak', '386-generation'."""
    return slugify(heading, "-")


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
        for field in ("variants", "excluding", "other_spellings"):
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
        used = mentions(passages, entry.get("other_spellings", []))
        if used:
            spelling = next(s for s in entry["other_spellings"] if mentions(used, [s]))
            raise EditionError(
                f"'{entry['entry']}': the paper writes '{spelling}' "
                f"({used[0].full_label}); move it from other_spellings to variants",
                file=name,
            )
        by_category[entry["category"]].append((entry, found))
    for listed in by_category.values():
        listed.sort(key=lambda item: str(item[0].get("sort_as") or item[0]["entry"]).casefold())
    return by_category


def page_categories(
    listed: dict[str, list[tuple[dict, list[Passage]]]], categories: dict[str, str]
) -> list[dict]:
    """What the Index page's template shows: each category with entries, and its entries."""
    return [
        {
            "id": key,
            "title": categories[key],
            "entries": [
                {
                    "id": entry_id(entry["entry"]),
                    "heading": entry["entry"],
                    "found": group_by_chapter(found),
                }
                for entry, found in entries
            ],
        }
        for key, entries in listed.items()
        if entries
    ]


class IndexOfTerms(Step):
    name = "index_of_terms"

    def config(self, config: MkDocsConfig) -> None:
        self.file = self.build.relative(self.build.options.index)
        self.categories = dict(self.build.options.index_categories)
        self.entries = load_data(self.build.options.index, fields=FIELDS, name=self.file)
        check_entries(self.entries, self.categories, name=self.file)
        self.build.fillers["index"] = self.render
        # A reader who types any of an entry's spellings finds the forms the paper uses.
        self.build.spellings += [
            [*entry["variants"], *entry.get("other_spellings", [])] for entry in self.entries
        ]

    def render(self, page: Page) -> list[etree.Element]:
        def context() -> dict:
            listed = index_entries(self.entries, self.build.words, self.categories, name=self.file)
            return {"categories": page_categories(listed, self.categories)}

        inputs = [self.build.passages_key, repr(self.entries), repr(self.categories)]
        return kept_fragment(
            Kept(self.build.config, "apparatus"), inputs, "index-of-terms.html", context
        )
