"""Under `make serve`: the page an editor saved, shown before the whole site is built again.

A change to a chapter changes the whole paper, the Index, the Glossary, search
and the EPUB, which take most of a build at book length. The saved page needs
none of them: it is converted and written on its own with what the last build
gathered (its files, navigation and templates, the cuts of the theme's sheets),
into the folder being served, and the reader's browser shows it; the whole
build follows, as `make build` makes it, and takes the folder's place when it
is done (scripts/docs.py). A page written first is the page the whole build
writes of the same text, byte for byte, unless its text changed what other
pages say of it (its title in the navigation, say); then the whole build's
page, coming after, is shown instead.

Only a page whose conversion needs no other page's is written first: not the
whole paper, which is made of every chapter's tree. A page that warns (a link
to nothing, a mistake the build stops on) is not written first: the whole build
reports it, once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from edition.steps.theme_styles import point_at_cut_sheets

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation


@dataclass
class LastBuild:
    """What a finished build gathered, for writing a page again on its own."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment
    whole_paper_page: str
    theme_sheets: dict[str, str] = field(default_factory=dict)  # theme's sheet -> its cut


class Warnings(logging.Filter):
    """Holds back what MkDocs' loggers say at WARNING and above: the whole build says it."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            self.held.append(record)
            return False
        return True


@contextmanager
def warnings_held() -> Iterator[Warnings]:
    held = Warnings()
    handlers = [h for name in ("mkdocs", "") for h in logging.getLogger(name).handlers]
    for handler in handlers:
        handler.addFilter(held)
    try:
        yield held
    finally:
        for handler in handlers:
            handler.removeFilter(held)


def show_first(last: LastBuild, src_uris: list[str]) -> list[Path]:
    """Write the pages `src_uris` again as the last build would write their text now.

    Returns the files written; none if a page cannot be written first (see the
    module) or if anything warned; what fails raises (the plugin, which calls this,
    takes it for "none": the whole build then says why).
    """
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import InclusionLevel

    files, config = last.files, last.config
    found = [files.get_file_from_path(src_uri) for src_uri in src_uris]
    if not src_uris or any(
        file is None or file.page is None or file.src_uri == last.whole_paper_page for file in found
    ):
        return []
    pages = [file.page for file in found if file is not None and file.page is not None]
    with warnings_held() as held:
        for page in pages:
            _populate_page(page, config, files)
        for page in pages:
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        if held.held:
            return []
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in pages:
            excluded = page.file.inclusion.is_excluded()
            _build_page(page, config, doc_files, last.nav, last.env, excluded=excluded)
    if held.held:
        return []
    written = [Path(page.file.abs_dest_path) for page in pages]
    for path in written:
        point_at_cut_sheets(path, last.theme_sheets)
    return written
