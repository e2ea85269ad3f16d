"""Fill the one-page edition: the whole paper, for reading straight through and printing.

The page named by `whole_paper_page` (docs/paper.md) holds only front matter
and a line of introduction; when the site's files are gathered, this step
appends the title page, the sections with their headings, the notes at their
places and the bibliography, put together from the chapters
(edition/whole_paper.py), so the page is never a second copy to keep in step.
Its paragraphs have their own ids (`introduction-p-3`) and their permalinks
lead to the chapter pages, where the paragraph is cited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from edition.errors import EditionError
from edition.step import Step
from edition.whole_paper import one_page_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# Python-Markdown's footnotes extension writes the notes where this line stands.
FOOTNOTES_PLACE = "///Footnotes Go Here///"


def closing_matter() -> str:
    """The notes, then every work they cite."""
    return (
        f"## Notes {{ #notes }}\n\n{FOOTNOTES_PLACE}\n\n"
        "## Bibliography { #bibliography }\n\n<!-- edition:bibliography -->"
    )


class WholePaper(Step):
    name = "whole_paper"
    after = {
        "paper_text": "the paper is read from the chapters before this page repeats them",
        "bibliography": "the notes that cite a work are counted once, on their own pages",
    }

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        options = self.build.options
        paper = files.get_file_from_path(options.whole_paper_page)
        if paper is None:
            return None
        if not self.build.home_markdown:
            raise EditionError(
                f"there is no {self.build.docs_path(options.home_page)} "
                "to take the title page from",
                file=self.build.docs_path(options.whole_paper_page),
            )
        try:
            whole = one_page_markdown(
                self.build.home_markdown, self.build.chapters, closing_matter()
            )
        except EditionError as error:
            raise error.at(self.build.docs_path(options.whole_paper_page)) from None
        paper.content_string = paper.content_string.rstrip("\n") + "\n\n" + whole
        # Pages are built in the order of `files`: build this one last, so that a mistake in
        # a chapter is reported by the chapter's own file, not by this page.
        files.remove(paper)
        files.append(paper)
        return files
