"""Fill the one-page edition: the whole paper, for reading straight through and printing.

`docs/paper.md` holds only front matter with `whole_paper: true`; at build
time this hook puts the cover, the four sections with their headings, the
22 notes at their places and the bibliography together from the chapter
files (edition/whole_paper.py), so the page is never a second copy to keep
in step. Its paragraphs have their own ids (`introduction-p-3`) and their
permalinks lead to the chapter pages, where the paragraph is cited.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition.whole_paper import HOME_PAGE, WholePaperError, one_page_markdown, read_chapters

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Python-Markdown's footnotes extension writes the notes where this line stands.
FOOTNOTES_PLACE = "///Footnotes Go Here///"
PAGE = "paper.md"


def closing_matter(full_bibliography_command: str) -> str:
    """The notes, then every work they cite."""
    return (
        f"## Notes {{ #notes }}\n\n{FOOTNOTES_PLACE}\n\n"
        f"## Bibliography {{ #bibliography }}\n\n{full_bibliography_command}"
    )


@event_priority(-100)  # after every other hook has added its files
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    # Pages are built in the order of `files`: build the one-page edition last, so that
    # a mistake in a chapter is reported by the chapter's own file, not by this page.
    for file in [file for file in files.documentation_pages() if file.src_uri == PAGE]:
        files.remove(file)
        files.append(file)
    return files


@event_priority(60)  # before the notes (50), bibliography (50) and mkdocs-bibtex (0) see it
def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **_: object
) -> str | None:
    if not page.meta.get("whole_paper"):
        return None
    home = files.get_file_from_path(HOME_PAGE)
    try:
        if home is None:
            raise WholePaperError(f"there is no docs/{HOME_PAGE} to take the cover from")
        chapters = read_chapters(Path(config.docs_dir))
        command = config.plugins["bibtex"].config.full_bib_command
        return markdown + one_page_markdown(home.content_string, chapters, closing_matter(command))
    except WholePaperError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
