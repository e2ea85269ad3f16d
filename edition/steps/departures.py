"""List every place where the edition departs from source/, and publish source/ beside the pages.

The About page holds `<!-- edition:departures -->`; it becomes a link to the
reference text (copied into the site under `source/`) and the list of every
difference between it and the edition's text, generated from the two at each
build: the paragraphs joined across page breaks and the backslash escapes
(both recorded by the reader, edition/source.py), the title page's repeated
lines, and the editor's notes. Each is linked to its paragraph or note; a join
that is not where the reader puts it stops the build.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from edition.apparatus import plain_text
from edition.errors import EditionError
from edition.paragraphs import paragraph_id
from edition.source import NOTE_NUMBER, Place, decoded, paragraph_number, words
from edition.step import Step
from edition.templates import fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from edition.apparatus import Passage

SOURCE_FOLDER = "source"  # where the site publishes the reference text


def shown(text: str, *, last: bool) -> str:
    """The first (or last) four words of a text of source/, as a reader sees them."""
    parts = NOTE_NUMBER.sub("", decoded(text)).split()
    return " ".join(parts[-4:] if last else parts[:4])


class Departures(Step):
    name = "departures"
    after = {"paper_text": "the joins and escapes are the reader's, placed in its chapters"}

    def config(self, config: MkDocsConfig) -> None:
        self.build.fillers["departures"] = self.render

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        source = self.build.source_file.resolve()
        files.append(
            File.generated(config, f"{SOURCE_FOLDER}/{source.name}", abs_src_path=str(source))
        )
        return files

    def passage(self, place: Place, position: int = 0) -> Passage:
        """The paper's paragraph or note at `place` in source/."""
        build = self.build
        if place.is_note:
            anchor = f"fn:{place.paragraph}"
            found = [p for p in build.passages if p.anchor == anchor]
        else:
            # read_source split source/ at the chapters' titles: each section has its chapter
            title = build.source.sections[place.section].title  # type: ignore[index]
            chapter = next(c for c in build.chapters if plain_text(c.title) == title)
            anchor = paragraph_id(paragraph_number(build.source, place, position))
            found = [
                p for p in build.passages if p.src_uri == chapter.src_uri and p.anchor == anchor
            ]
        if not found:
            raise EditionError(
                f"the paper has no {anchor} where source/ puts it", file=self.source_name
            )
        return found[0]

    @property
    def source_name(self) -> str:
        return self.build.relative(self.build.source_file)

    def render(self, page: Page) -> list[etree.Element]:
        build = self.build
        source = build.source
        joins = []
        for join in source.joins:
            text = source.text_at(join.place)
            seam_at = text.index(join.end_of_first + join.glue + join.start_of_second)
            second_at = seam_at + len(join.end_of_first + join.glue)
            passage = self.passage(join.place, second_at)
            seam = " ".join(words(join.end_of_first + join.glue + join.start_of_second))
            if seam not in " ".join(words(passage.text)):
                raise EditionError(
                    f"the paragraph joined at '…{join.end_of_first[-20:]}' is not "
                    f"{passage.label} of {build.docs_path(passage.src_uri)}",
                    file=self.source_name,
                )
            joins.append(
                {
                    "src_uri": passage.src_uri,
                    "anchor": passage.anchor,
                    "where": passage.full_label,
                    "end": shown(text[:second_at], last=True),
                    "start": shown(text[second_at:], last=False),
                    "glue": join.glue,
                }
            )
        escapes = []
        for escape in source.escapes:
            position = source.text_at(escape.place).index(escape.written)
            passage = self.passage(escape.place, position)
            if escape.printed not in passage.text:
                raise EditionError(
                    f"'{escape.printed}' is not in {passage.label} of "
                    f"{build.docs_path(passage.src_uri)} as source/ has it",
                    file=self.source_name,
                )
            escapes.append(
                {
                    "src_uri": passage.src_uri,
                    "anchor": passage.anchor,
                    "where": passage.full_label,
                    "written": escape.written,
                    "printed": escape.printed,
                }
            )
        repeated = [
            decoded(line) for n, line in enumerate(source.cover) if line in source.cover[:n]
        ]
        path = Path(self.source_name)
        return fragment(
            "departures.html",
            source={
                "href": f"{SOURCE_FOLDER}/{path.name}",
                "name": path.name,
                "path": str(path),
            },
            joins=joins,
            escapes=escapes,
            repeated=repeated,
            home_page=build.options.home_page,
            editors_notes=len(build.editors_notes),
        )
