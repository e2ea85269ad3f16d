"""Make the edition a versioned edition: its release in a colophon on every page, a Changes page.

The plugin's `release` option gives the web edition's version and date once;
every citation form names that version (edition/citation.py), and the
colophon at the foot of every page (edition/theme/partials/copyright.html)
shows it with a link to the Changes page. That page (`changes_page`,
docs/changes.md) is filled from the changelog (`release.changelog`,
CHANGELOG.md), which lists each release, newest first, under a heading
`## 1.0.0 (2026-12-01)`; the build stops when the newest release there is
not the one `release` names, so the two cannot disagree.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from edition.errors import EditionError
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from edition.citation import WebEdition

RELEASE_HEADING = re.compile(r"^## (\S+) \((\S+)\)[ \t]*$", re.MULTILINE)
SECOND_LEVEL = re.compile(r"^## ", re.MULTILINE)
TITLE = re.compile(r"^# .*\n+", re.MULTILINE)
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Release(NamedTuple):
    """One release as the changelog lists it."""

    version: str
    date: str
    line: int

    @property
    def anchor(self) -> str:
        """'version-1-0-0': the release's permalink on the Changes page."""
        return "version-" + self.version.replace(".", "-")


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def read_releases(changelog: str, file: str) -> list[Release]:
    """The releases under their `## VERSION (YYYY-MM-DD)` headings, newest first, checked."""
    releases = []
    for heading in SECOND_LEVEL.finditer(changelog):
        line = changelog.count("\n", 0, heading.start()) + 1
        found = RELEASE_HEADING.match(changelog, heading.start())
        if not found or not VERSION.match(found.group(1)) or not DAY.match(found.group(2)):
            raise EditionError(
                "a release's heading must read '## 1.0.0 (2026-12-01)': its version, then its day",
                file=file,
                line=line,
            )
        releases.append(Release(found.group(1), found.group(2), line))
    if not releases:
        raise EditionError(
            "lists no release; add '## 1.0.0 (YYYY-MM-DD)' and what it changed", file=file
        )
    for newer, older in zip(releases, releases[1:], strict=False):
        if version_key(newer.version) <= version_key(older.version) or newer.date < older.date:
            raise EditionError(
                f"release {older.version} ({older.date}) is listed after {newer.version} "
                f"({newer.date}); list the releases newest first",
                file=file,
                line=older.line,
            )
    return releases


def check_newest(releases: list[Release], edition: WebEdition, file: str) -> None:
    """The newest release listed is the one mkdocs.yml's `release` option names."""
    newest = releases[0]
    if (newest.version, newest.date) != (edition.version, edition.date):
        raise EditionError(
            f"the newest release listed is {newest.version} ({newest.date}), but mkdocs.yml's "
            f"release is {edition.version} ({edition.date}); make the two the same",
            file=file,
            line=newest.line,
        )


def changes_markdown(changelog: str, releases: list[Release]) -> str:
    """The changelog without its title, each release's heading given its permalink."""
    body = TITLE.sub("", changelog, count=1)
    by_version = {release.version: release for release in releases}

    def heading(match: re.Match[str]) -> str:
        release = by_version[match.group(1)]
        return f"## {release.version} ({release.date}) {{ #{release.anchor} }}"

    return RELEASE_HEADING.sub(heading, body).strip() + "\n"


class Changes(Step):
    name = "changes"

    def config(self, config: MkDocsConfig) -> None:
        edition = self.build.paper.edition
        changes_page = self.build.options.changes_page
        has_page = (Path(config.docs_dir) / changes_page).is_file()
        # In `extra`, so that every template sees it, the 404 page's included.
        config.extra["edition_release"] = {
            "version": edition.version,
            "date": edition.date,
            "readable_date": edition.readable_date,
            "changes_url": self.build.page_url(changes_page) if has_page else None,
        }

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        changelog_file = Path(self.build.options.release.changelog)
        name = self.build.relative(changelog_file)
        changelog = changelog_file.read_text(encoding="utf-8")
        releases = read_releases(changelog, name)
        check_newest(releases, self.build.paper.edition, name)
        page = files.get_file_from_path(self.build.options.changes_page)
        if page is not None:
            page.content_string = (
                page.content_string.rstrip("\n") + "\n\n" + changes_markdown(changelog, releases)
            )
        return None
