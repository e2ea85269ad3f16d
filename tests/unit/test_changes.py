"""The changelog: its releases, newest first, and the one mkdocs.yml names."""

import pytest

from edition.citation import WebEdition
from edition.errors import EditionError
from tests.unit.steps import load_step

changes = load_step("changes")

CHANGELOG = """# Changes

What each release changed.

## 1.1.0 (2027-01-05)

- Something.

## 1.0.0 (2026-12-01)

The first release.
"""


def test_releases_are_read_newest_first_with_their_lines():
    releases = changes.read_releases(CHANGELOG, "CHANGELOG.md")
    assert [(r.version, r.date, r.line) for r in releases] == [
        ("1.1.0", "2027-01-05", 5),
        ("1.0.0", "2026-12-01", 9),
    ]


def test_the_changes_page_gets_the_releases_with_their_permalinks():
    markdown = changes.changes_markdown(CHANGELOG, changes.read_releases(CHANGELOG, "C.md"))
    assert markdown.startswith(
        "What each release changed.\n\n## 1.1.0 (2027-01-05) { #version-1-1-0 }"
    )
    assert "## 1.0.0 (2026-12-01) { #version-1-0-0 }" in markdown


@pytest.mark.parametrize(
    "changelog, message",
    [
        ("# C\n\n## 1.0 (2026-12-01)\n", "CHANGELOG.md:3: a release's heading must read"),
        ("# C\n\n## 1.0.0\n", "a release's heading must read"),
        ("# C\n", "lists no release"),
        (
            "# C\n\n## 1.0.0 (2026-12-01)\n\n## 1.1.0 (2027-01-05)\n",
            "CHANGELOG.md:5: release 1.1.0 (2027-01-05) is listed after 1.0.0",
        ),
    ],
)
def test_a_changelog_that_cannot_be_read_says_what_to_fix(changelog, message):
    with pytest.raises(EditionError) as error:
        changes.read_releases(changelog, "CHANGELOG.md")
    assert message in str(error.value)


def test_the_newest_release_must_be_the_one_mkdocs_yml_names():
    releases = changes.read_releases(CHANGELOG, "CHANGELOG.md")
    changes.check_newest(releases, WebEdition("1.1.0", "2027-01-05"), "CHANGELOG.md")
    with pytest.raises(EditionError, match="make the two the same"):
        changes.check_newest(releases, WebEdition("1.2.0", "2027-02-01"), "CHANGELOG.md")
