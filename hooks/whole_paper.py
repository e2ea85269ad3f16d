"""Fill the one-page edition: the whole paper, for reading straight through and printing.

`docs/paper.md` holds only front matter and a line of introduction; when the
site's files are gathered, this hook appends the cover, the four sections
with their headings, the 22 notes at their places and the bibliography, put
together from the chapter files (edition/whole_paper.py), so the page is
never a second copy to keep in step. Its paragraphs have their own ids (`introduction-p-3`) and their
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

# Python-Markdown's footnotes extension writes the notes where this line stands.
FOOTNOTES_PLACE = "///Footnotes Go Here///"
PAGE = "paper.md"


def closing_matter(full_bibliography_command: str) -> str:
    """The notes, then every work they cite."""
    return (
        f"## Notes {{ #notes }}\n\n{FOOTNOTES_PLACE}\n\n"
        f"## Bibliography {{ #bibliography }}\n\n{full_bibliography_command}"
    )


@event_priority(-100)  # after every other hook has read the chapters' files
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    paper = files.get_file_from_path(PAGE)
    home = files.get_file_from_path(HOME_PAGE)
    if paper is None:
        return None
    try:
        if home is None:
            raise WholePaperError(f"there is no docs/{HOME_PAGE} to take the cover from")
        chapters = read_chapters(Path(config.docs_dir))
        command = config.plugins["bibtex"].config.full_bib_command
        whole = one_page_markdown(home.content_string, chapters, closing_matter(command))
    except WholePaperError as error:
        raise PluginError(f"docs/{PAGE}: {error}") from None
    # The page's source is the paper itself, so every hook reads the same notes and text.
    paper.content_string = paper.content_string.rstrip("\n") + "\n\n" + whole
    # Pages are built in the order of `files`: build this one last, so that a mistake in
    # a chapter is reported by the chapter's own file, not by this page.
    files.remove(paper)
    files.append(paper)
    return files
