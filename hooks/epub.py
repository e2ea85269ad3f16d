"""Build an EPUB of the paper with pandoc, from the same chapter files and references.bib.

One pandoc call when the site's files are gathered: the chapters in the
paper's order (edition/whole_paper.py), the notes without the edition's
`[@key]` blocks (pandoc numbers them in order of appearance, which is the
paper's order 1 to 22), and the bibliography of every entry of
references.bib in the site's CSL style. The book is added to the site as
`strengthening-the-us-rok-alliance.epub`, so a link to it is checked like
any other.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pypandoc
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from edition.whole_paper import HOME_PAGE, WholePaperError, epub_markdown, read_chapters

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

EPUB_NAME = "strengthening-the-us-rok-alliance.epub"
PUBLISHER = "Center for U.S.-Korea Policy, The Asia Foundation"
DATE = "2009-02"  # the cover: FEBRUARY 2009
DESCRIPTION = (
    "Scott Snyder's paper of February 2009 on the U.S.-ROK alliance, with its 22 notes "
    "and a bibliography of the works they cite."
)
RIGHTS = (
    "The paper's copyright belongs to its author and The Asia Foundation. "
    "This EPUB is an unofficial edition of its text."
)


def book_metadata(title: str, author: str) -> str:
    """The EPUB's metadata as pandoc's YAML; `nocite` lists every work of the bibliography."""
    return yaml.safe_dump(
        {
            "title": title,
            "author": author,
            "date": DATE,
            "publisher": PUBLISHER,
            "lang": "en-US",
            "rights": RIGHTS,
            "description": DESCRIPTION,
            "nocite": "@*",
        },
        allow_unicode=True,
        sort_keys=False,
    )


def pandoc_arguments(bibliography: Path, csl: Path, output: Path) -> list[str]:
    return [
        "--from=markdown-fancy_lists-smart",  # keep "a)" and the quotation marks as printed
        "--to=epub3",
        "--split-level=1",
        "--epub-title-page=false",  # the paper's title heads its one part instead
        "--citeproc",
        f"--bibliography={bibliography}",
        f"--csl={csl}",
        f"--output={output}",
    ]


def build_epub(markdown: str, *, bibliography: Path, csl: Path) -> bytes:
    """Run pandoc once; the EPUB's bytes, or PluginError with pandoc's message."""
    with tempfile.TemporaryDirectory(prefix="edition-epub-") as folder:
        output = Path(folder) / EPUB_NAME
        result = subprocess.run(
            [pypandoc.get_pandoc_path(), *pandoc_arguments(bibliography, csl, output)],
            input=markdown, text=True, capture_output=True, cwd=folder,
        )
        if result.returncode != 0 or not output.is_file():
            raise PluginError(f"pandoc could not build {EPUB_NAME}: {result.stderr.strip()}")
        return output.read_bytes()


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    home = files.get_file_from_path(HOME_PAGE)
    bibtex = config.plugins["bibtex"].config
    base = Path(config.config_file_path).parent
    metadata = book_metadata(config.site_name, config.site_author or "")
    try:
        if home is None:
            raise WholePaperError(f"there is no docs/{HOME_PAGE} to take the cover from")
        markdown = epub_markdown(
            home.content_string, read_chapters(Path(config.docs_dir)), title=config.site_name,
            metadata_yaml=metadata,
        )
    except WholePaperError as error:
        raise PluginError(f"{EPUB_NAME}: {error}") from None
    book = build_epub(markdown, bibliography=base / bibtex.bib_file, csl=Path(bibtex.csl_file))
    files.append(File.generated(config, EPUB_NAME, content=book))
    return files
