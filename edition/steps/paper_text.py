"""Read the paper's text once, when the site's files are gathered, for every step that needs it.

The chapters (pages with `paper_section: N`), the home page (the title page,
with note 1), every passage (numbered paragraph or note) as a reader sees it,
and the reference text in source/ with its paragraphs joined across page
breaks. Steps take them from the build's state, never from the files again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from edition.apparatus import WordIndex, paper_passages, plain_text, source_passages
from edition.errors import EditionError
from edition.source import read_source
from edition.step import Step
from edition.whole_paper import chapters_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class PaperText(Step):
    name = "paper_text"

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        build = self.build
        pages = {}
        for file in files.documentation_pages():
            try:
                pages[file.src_uri] = file.content_string
            except UnicodeDecodeError:
                raise EditionError(
                    "is not UTF-8 text; save it as UTF-8", file=build.relative(file.abs_src_path)
                ) from None
        build.pages = pages
        build.home_markdown = pages.get(build.options.home_page, "")
        build.chapters = chapters_of(pages)
        build.passages = paper_passages(pages, home_page=build.options.home_page)
        build.words = WordIndex(build.passages)
        titles = [plain_text(chapter.title) for chapter in build.chapters]
        build.source = read_source(build.source_file, titles)
        build.source_passages = source_passages(build.source)
        return None


class CurrentPage(Step):
    """Tell the treeprocessors which page they are about to convert."""

    name = "current_page"

    def page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.build.page = page
        self.build.page_note_keys = {}
        self.build.late_anchors = set()
        return None
