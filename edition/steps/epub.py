"""Build an EPUB 3 edition of the paper with pandoc, from the same chapters and bibliography.

One pandoc run, started when the site's files are gathered and awaited once
the pages are written, so that it overlaps the build of the pages. Under
`make serve` it starts once the pages are written and the build does not wait
for it: the page the reader is looking at is served first, and the book
follows (a newer build stops a book of an older text). Its text
(edition/epub_book.py) is put together from the chapters in the paper's order,
the notes with the paper's numbers, the editor's notes and the Bibliography's
entries as the site formats them; pandoc adds a title page (title, author,
date, publisher, and what the edition adds), the navigation and the
accessibility metadata (schema.org), and the book's stylesheet
(edition/pandoc/epub.css). The book is added to the site under
`epub.file_name`, so a link to it is checked like any other, and kept in the
build cache (edition/build_cache.py) under everything pandoc reads, so pandoc
runs again only when one of them changes.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pypandoc
import yaml
from mkdocs.structure.files import File

from edition.build_cache import Kept, cache_dir, entry_name, store
from edition.epub_book import BookEntry, book_markdown
from edition.errors import EditionError
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from edition.build import Build
    from edition.citation import Paper
    from edition.config import EpubOptions


log = logging.getLogger("mkdocs.plugins.edition")
STYLESHEET = Path(__file__).resolve().parent.parent / "pandoc" / "epub.css"


def edition_statement(paper: Paper, editors_notes: int) -> str:
    """What the title page says of the edition: the text is the paper's, the rest the edition's."""
    remarks = f"the {editors_notes} editor's notes (marked ed.), " if editors_notes else ""
    return (
        f"The text of the paper of {paper.month_name} {paper.year}, with its notes as they are "
        f"numbered in it. What the edition adds is its own and marked so: the paragraph "
        f"numbers, {remarks}and the Bibliography of the works the notes cite."
    )


def accessibility_summary(editors_notes: int) -> str:
    notes = " and the editor's notes" if editors_notes else ""
    return (
        "Text only, in reading order, with no images or media: headings, a table of contents, "
        f"numbered paragraphs, the notes{notes} linked to and from their places, and a "
        "bibliography linked to the notes that cite each work."
    )


def book_metadata(paper: Paper, epub: EpubOptions, *, editors_notes: int = 0) -> str:
    """The EPUB's metadata as pandoc's YAML: the title page's and the accessibility metadata."""
    return yaml.safe_dump(
        {
            "title": paper.title,
            "author": paper.author,
            "date": f"{paper.month_name} {paper.year}",  # as printed; dc:date is in XML_METADATA
            "publisher": paper.publisher,
            "lang": epub.language,
            "rights": epub.rights,
            "description": epub.description,
            "abstract-title": "This edition",
            "abstract": edition_statement(paper, editors_notes),
            "accessModes": ["textual"],
            "accessModeSufficient": ["textual"],
            "accessibilityFeatures": [
                "structuralNavigation",
                "tableOfContents",
                "readingOrder",
                "displayTransformability",
            ],
            "accessibilityHazards": ["none"],
            "accessibilitySummary": accessibility_summary(editors_notes),
        },
        allow_unicode=True,
        sort_keys=False,
    )


def xml_metadata(paper: Paper) -> str:
    """What pandoc's YAML cannot say: the date of publication in ISO form, for dc:date."""
    return f"<dc:date>{paper.iso_date}</dc:date>\n"


def pandoc_arguments(metadata: Path, output: Path) -> list[str]:
    return [
        "--from=markdown-fancy_lists-smart",  # keep "a)" and the quotation marks as printed
        "--to=epub3",
        "--split-level=2",  # one file for the paper's head, each section, the notes, the works
        "--epub-title-page=true",
        f"--epub-metadata={metadata}",
        f"--css={STYLESHEET}",
        f"--output={output}",
    ]


class EpubBuild:
    """One pandoc run, started early and waited for late: it overlaps the site's build."""

    def __init__(self, markdown: str, *, name: str, metadata: str) -> None:
        self.name = name
        self.folder = tempfile.TemporaryDirectory(prefix="edition-epub-")
        self.output = Path(self.folder.name) / name
        source = Path(self.folder.name) / "paper.md"
        source.write_text(markdown, encoding="utf-8")
        metadata_file = Path(self.folder.name) / "metadata.xml"
        metadata_file.write_text(metadata, encoding="utf-8")
        self.process = subprocess.Popen(
            [
                pypandoc.get_pandoc_path(),
                *pandoc_arguments(metadata_file, self.output),
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


def finish(pandoc: EpubBuild, entry: Path, site_dir: Path) -> None:
    """Wait for the book, keep it in the cache and put it in the site."""
    book = pandoc.wait()
    pandoc.keep(entry)
    shutil.copyfile(book, site_dir / pandoc.name)


# Under `make serve`: the book of the last build, made while the reader reads its pages
_unfinished: list[EpubBuild] = []
_unfinished_lock = threading.Lock()


def finish_later(pandoc: EpubBuild, entry: Path, site_dir: Path) -> None:
    """Finish the book in the background: the build (and the page served) does not wait.

    Only under `make serve`: `make build` ends with the book in the site. A
    mistake pandoc reports is printed; the next build, or `make build`, stops on it.
    """
    with _unfinished_lock:
        _unfinished.append(pandoc)

    def run() -> None:
        try:
            finish(pandoc, entry, site_dir)
        except EditionError as error:
            # Not stopped by a signal: for a newer build, or with the server (Ctrl-C)
            if (pandoc.process.returncode or 0) >= 0:
                log.error("%s", error)
        except OSError:
            pass  # the served folder went with the server
        finally:
            with _unfinished_lock:
                if pandoc in _unfinished:
                    _unfinished.remove(pandoc)
            pandoc.clean_up()

    threading.Thread(target=run, name="edition-epub", daemon=True).start()


def stop_unfinished(*, clean: bool = False) -> None:
    """Stop the book still being made for an earlier build: it would be of an older text.

    `clean`: also wait for pandoc and remove its folder (the server is stopping).
    """
    with _unfinished_lock:
        unfinished = list(_unfinished)
    for pandoc in unfinished:
        if pandoc.process.poll() is None:
            pandoc.process.kill()
        if clean:
            pandoc.clean_up()


atexit.register(stop_unfinished, clean=True)


def book_entry(config: MkDocsConfig, markdown: str, *, name: str, metadata: str) -> Path:
    """Where the cache keeps the book made from these inputs."""
    inputs = [
        markdown,
        metadata,
        STYLESHEET.read_bytes(),
        pypandoc.get_pandoc_version(),
        " ".join(pandoc_arguments(Path("metadata"), Path(name))),
    ]
    return cache_dir(config) / "epub" / f"{entry_name(*inputs)}.epub"


class Epub(Step):
    name = "epub"
    after = {
        "paper_text": "the book is made from the chapters it reads",
        "bibliography": "the book's Bibliography is the site's, with the notes citing each work",
    }

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.pandoc: EpubBuild | None = None
        self.entry: Path | None = None
        self.waiting: tuple[str, str] | None = None  # under `make serve`: the book to make

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        stop_unfinished()  # a book of the text as it was before this build
        build, epub = self.build, self.build.options.epub
        name = epub.file_name
        if not build.home_markdown:
            raise EditionError(
                f"there is no home page {build.options.home_page} to take the title page from",
                file="mkdocs.yml",
            )
        entries = [
            BookEntry(entry["key"], entry["text"], [label for label, _ in entry["cited_in"]])
            for entry in build.bibliography_entries()
        ]
        arguments = {
            "title": build.paper.title,
            "metadata_yaml": book_metadata(
                build.paper, epub, editors_notes=len(build.editors_notes)
            ),
            "home_page": build.options.home_page,
            "home_file": build.docs_path(build.options.home_page),
            "bibliography_page": build.options.bibliography_page,
            "editors_notes": build.editors_notes,
            "entries": entries,
        }
        try:
            # The book's text, put together once for every build with the same inputs
            markdown = str(
                Kept(config, "epub-text").get(
                    [build.home_markdown, repr(build.chapters), repr(sorted(arguments.items()))],
                    lambda: book_markdown(build.home_markdown, build.chapters, **arguments),
                )
            )
        except EditionError as error:
            raise error.at(build.relative(build.options.editors_notes)) from None
        metadata = xml_metadata(build.paper)
        self.entry = book_entry(config, markdown, name=name, metadata=metadata)
        if self.entry.is_file():
            files.append(File.generated(config, name, abs_src_path=str(self.entry)))
            return files
        if build.serving:  # made once the pages are, leaving them the processor (post_build)
            self.waiting = (markdown, metadata)
        else:
            self.pandoc = EpubBuild(markdown, name=name, metadata=metadata)
        # A placeholder, so that links to the book are checked; the book replaces it at the end.
        files.append(File.generated(config, name, content=b""))
        return files

    def post_build(self, config: MkDocsConfig) -> None:
        if self.waiting is not None and self.entry is not None:
            # Under `make serve`: the pages are served now, and the book follows them.
            markdown, metadata = self.waiting
            pandoc = EpubBuild(markdown, name=self.build.options.epub.file_name, metadata=metadata)
            finish_later(pandoc, self.entry, Path(config.site_dir))
            self.waiting, self.entry = None, None
            return
        if self.pandoc is None or self.entry is None:
            return
        try:
            finish(self.pandoc, self.entry, Path(config.site_dir))
        finally:
            self.clean_up()

    def build_error(self, error: Exception) -> None:
        self.clean_up()

    def clean_up(self) -> None:
        if self.pandoc is not None:
            self.pandoc.clean_up()
        self.pandoc, self.entry, self.waiting = None, None, None
