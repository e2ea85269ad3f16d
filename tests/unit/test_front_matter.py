"""A page's front matter is read, or refused at its line where MkDocs would show it as text."""

from __future__ import annotations

import pytest

from edition.errors import EditionError
from edition.front_matter import front_matter


def test_front_matter_is_read():
    assert front_matter("---\npaper_section: 1\ntitle: A\n---\n\n# A\n") == {
        "paper_section": 1,
        "title": "A",
    }
    assert front_matter("# No front matter\n\n---\n") == {}


@pytest.mark.parametrize(
    ("page", "line", "says"),
    [
        ("---\npaper_section: [1\n---\n\n# A\n", 2, "is not valid YAML"),
        ("---\ntitle: A\n  bad: indent\n---\n", 3, "is not valid YAML"),
        ("---\n- a list\n---\n", 2, "is not a list of 'key: value' lines"),
        ("---\ntitle: A\n\n# A, never closed\n", 1, "never closed"),
    ],
)
def test_front_matter_mkdocs_would_show_as_text_is_refused(page: str, line: int, says: str):
    with pytest.raises(EditionError) as raised:
        front_matter(page)
    assert (raised.value.line, says in raised.value.message) == (line, True)
