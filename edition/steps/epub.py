"""Build an EPUB of the paper with pandoc, from the same chapters and references.bib.

One pandoc run, started when the site's files are gathered and awaited once
the pages are written, so that it overlaps the build of the pages: the
chapters in the paper's order (edition/whole_paper.py), the notes without the
edition's `[@key]` blocks (pandoc numbers them in order of appearance, which
is the paper's order), and the bibliography of every entry of references.bib
in the site's CSL style. Its metadata are the paper's facts (the plugin's
`paper`) and what `epub` adds. The book is added to the site under
`epub.file_name`, so a link to it is checked like any other, and kept in the
build cache (edition/build_cache.py) under everything pandoc reads, so pandoc
runs again only when one of them changes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pypandoc
import yaml
from mkdocs.structure.files import File

from edition.build_cache import cache_dir, entry_name, store
from edition.errors import EditionError
from edition.step import Step
from edition.whole_paper import epub_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from edition.build import Build
    from edition.citation import Paper
    from edition.config import EpubOptions


def book_metadata(paper: Paper, epub: EpubOptions) -> str:
    """The EPUB's metadata as pandoc's YAML; `nocite` lists every work of the bibliography."""
    return yaml.safe_dump(
        {
            "title": paper.title,
            "author": paper.author,
            "date": paper.iso_date,
            "publisher": paper.publisher,
            "lang": epub.language,
            "rights": epub.rights,
            "description": epub.description,
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

    def __init__(self, markdown: str, *, name: str, bibliography: Path, csl: Path) -> None:
        self.name = name
        self.folder = tempfile.TemporaryDirectory(prefix="edition-epub-")
        self.output = Path(self.folder.name) / name
        source = Path(self.folder.name) / "paper.md"
        source.write_text(markdown, encoding="utf-8")
        self.process = subprocess.Popen(
            [
                pypandoc.get_pandoc_path(),
                *pandoc_arguments(bibliography, csl, self.output),
                str(source),
            ],
            cwd=self.folder.name,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait(self) -> Path:
        """The EPUB's path once pandoc is done, or EditionError with pandoc's message."""
        _, errors = self.process.communicate()
        if self.process.returncode != 0 or not self.output.is_file():
            raise EditionError(f"pandoc could not build {self.name}: {' '.join(errors.split())}")
        return self.output

    def keep(self, entry: Path) -> None:
        """Copy the finished book into the cache, for the next build."""
        store(entry, self.output.read_bytes())

    def clean_up(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.folder.cleanup()


def book_entry(
    config: MkDocsConfig, markdown: str, *, name: str, bibliography: Path, csl: Path
) -> Path:
    """Where the cache keeps the book made from these inputs."""
    inputs = [
        markdown,
        bibliography.read_bytes(),
        csl.read_bytes(),
        pypandoc.get_pandoc_version(),
        " ".join(pandoc_arguments(Path("bib"), Path("csl"), Path(name))),
    ]
    return cache_dir(config) / "epub" / f"{entry_name(*inputs)}.epub"


class Epub(Step):
    name = "epub"
    after = {"paper_text": "the book is made from the chapters it reads"}

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.pandoc: EpubBuild | None = None
        self.entry: Path | None = None

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        build, epub = self.build, self.build.options.epub
        name = epub.file_name
        if not build.home_markdown:
            raise EditionError(
                f"there is no home page {build.options.home_page} to take the title page from",
                file="mkdocs.yml",
            )
        try:
            markdown = epub_markdown(
                build.home_markdown,
                build.chapters,
                title=build.paper.title,
                metadata_yaml=book_metadata(build.paper, epub),
            )
        except EditionError as error:
            raise error.at(name) from None
        bibliography = build.root / build.bibtex.config.bib_file
        csl = Path(build.bibtex.config.csl_file)
        self.entry = book_entry(config, markdown, name=name, bibliography=bibliography, csl=csl)
        if self.entry.is_file():
            files.append(File.generated(config, name, abs_src_path=str(self.entry)))
            return files
        self.pandoc = EpubBuild(markdown, name=name, bibliography=bibliography, csl=csl)
        # A placeholder, so that links to the book are checked; the book replaces it at the end.
        files.append(File.generated(config, name, content=b""))
        return files

    def post_build(self, config: MkDocsConfig) -> None:
        if self.pandoc is None or self.entry is None:
            return
        try:
            book = self.pandoc.wait()
            self.pandoc.keep(self.entry)
            shutil.copyfile(book, Path(config.site_dir) / self.pandoc.name)
        finally:
            self.clean_up()

    def build_error(self, error: Exception) -> None:
        self.clean_up()

    def clean_up(self) -> None:
        if self.pandoc is not None:
            self.pandoc.clean_up()
        self.pandoc, self.entry = None, None
