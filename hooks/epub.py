"""Build an EPUB of the paper with pandoc, from the same chapter files and references.bib.

One pandoc run, started when the site's files are gathered and awaited
once the pages are written, so that it overlaps the build of the pages: the chapters in the
paper's order (edition/whole_paper.py), the notes without the edition's
`[@key]` blocks (pandoc numbers them in order of appearance, which is the
paper's order 1 to 22), and the bibliography of every entry of
references.bib in the site's CSL style. The book is added to the site as
`strengthening-the-us-rok-alliance.epub`, so a link to it is checked like
any other. The book is kept in the build cache (edition/build_cache.py) under
everything pandoc reads, so pandoc runs again only when one of them changes.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pypandoc
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from edition.build_cache import cache_dir, entry_name, store
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


class EpubBuild:
    """One pandoc run, started early and waited for late: it overlaps the site's build."""

    def __init__(self, markdown: str, *, bibliography: Path, csl: Path) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="edition-epub-")
        self.output = Path(self.folder.name) / EPUB_NAME
        source = Path(self.folder.name) / "paper.md"
        source.write_text(markdown, encoding="utf-8")
        self.process = subprocess.Popen(
            [pypandoc.get_pandoc_path(), *pandoc_arguments(bibliography, csl, self.output),
             str(source)],
            cwd=self.folder.name, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )

    def wait(self) -> Path:
        """The EPUB's path once pandoc is done, or PluginError with pandoc's message."""
        _, errors = self.process.communicate()
        if self.process.returncode != 0 or not self.output.is_file():
            raise PluginError(f"pandoc could not build {EPUB_NAME}: {errors.strip()}")
        return self.output

    def keep(self, entry: Path) -> None:
        """Copy the finished book into the cache, for the next build."""
        store(entry, self.output.read_bytes())

    def clean_up(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.folder.cleanup()


def book_entry(config: MkDocsConfig, markdown: str, *, bibliography: Path, csl: Path) -> Path:
    """Where the cache keeps the book made from these inputs."""
    inputs = [
        markdown, bibliography.read_bytes(), csl.read_bytes(), pypandoc.get_pandoc_version(),
        " ".join(pandoc_arguments(Path("bib"), Path("csl"), Path(EPUB_NAME))),
    ]
    return cache_dir(config) / "epub" / f"{entry_name(*inputs)}.epub"


_build: EpubBuild | None = None
_entry: Path | None = None


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    global _build, _entry
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
    bibliography, csl = base / bibtex.bib_file, Path(bibtex.csl_file)
    _entry = book_entry(config, markdown, bibliography=bibliography, csl=csl)
    if _entry.is_file():
        files.append(File.generated(config, EPUB_NAME, abs_src_path=str(_entry)))
        return files
    _build = EpubBuild(markdown, bibliography=bibliography, csl=csl)
    # A placeholder, so that links to the book are checked; the book replaces it at the end.
    files.append(File.generated(config, EPUB_NAME, content=b""))
    return files


def on_post_build(*, config: MkDocsConfig) -> None:
    if _build is None or _entry is None:
        return
    try:
        book = _build.wait()
        _build.keep(_entry)
        shutil.copyfile(book, Path(config.site_dir) / EPUB_NAME)
    finally:
        clean_up()


def clean_up() -> None:
    global _build, _entry
    if _build is not None:
        _build.clean_up()
    _build, _entry = None, None


def on_build_error(**_: object) -> None:
    clean_up()
