"""Fill the apparatus pages where their Markdown asks: `<!-- edition:NAME -->`.

The Glossary, Index, Timeline, Bibliography and About pages each hold one
placeholder line; the step that owns NAME renders its part from a template
(edition/templates/), and this treeprocessor puts it in the page's tree where
the line stood, before the abbreviations are marked and the anchors collected,
so that the apparatus is treated like the text around it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from edition.errors import EditionError
from edition.step import BuildTreeprocessor, Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


PLACEHOLDER = re.compile(r"^<!-- edition:([a-z-]+) -->$", re.MULTILINE)
FILL_ATTRIBUTE = "data-edition-fill"


def mark_placeholders(markdown: str, known: set[str]) -> tuple[str, list[str]]:
    """The Markdown with each placeholder made an element the tree can find; the names found."""
    names: list[str] = []

    def mark(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in known:
            line = markdown.count("\n", 0, match.start()) + 1
            raise EditionError(
                f"unknown placeholder '{match.group(0)}'; use one of "
                + ", ".join(f"<!-- edition:{known_name} -->" for known_name in sorted(known)),
                line=line,
            )
        names.append(name)
        return f'<div {FILL_ATTRIBUTE}="{name}" markdown></div>'

    return PLACEHOLDER.sub(mark, markdown), names


class Fill(BuildTreeprocessor):
    """Replace each placeholder element with what its step renders."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in reversed(list(enumerate(parent))):
                name = child.get(FILL_ATTRIBUTE)
                if name is None:
                    continue
                parent.remove(child)
                for offset, element in enumerate(self.build.fills.get(name, [])):
                    parent.insert(index + offset, element)


class FillPlaceholders(Step):
    """Render each placeholder's part before the page is converted, where errors are placed."""

    name = "fill"

    def page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.build.fills = {}
        try:
            marked, names = mark_placeholders(markdown, set(self.build.fillers))
        except EditionError as error:
            raise self.build.place(error, page, markdown) from None
        if not names:
            return None
        for name in names:
            self.build.fills[name] = self.build.fillers[name](page)
        return marked
