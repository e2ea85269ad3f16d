"""What a page's Markdown must be for it to reach the reader as written: strings in, errors out."""

from __future__ import annotations

import pytest

from edition.errors import EditionError
from edition.steps.well_formed import check_markdown

NOTE = "[^3]: Wimbush, *Asia Policy*, <http://www.nbr.org/a.pdf>. [@wimbush2008parable]"


@pytest.mark.parametrize(
    "markdown",
    [
        "Text.[^3]\n\n" + NOTE,
        '<div class="cover" markdown>\n\n# Title\n\n<p class="x">A<br>B</p>\n\n</div>',
        "<!-- edition:glossary -->\n\nAfter <!-- a remark --> the text.",
        "A `<div>` and a `[@key]` in code, and:\n\n```\n<!-- <span style=x>\n```\n",
        "A [link](introduction.md#p-3), [another](https://example.org/a_(b) 'Title').",
        "An image of the site's: ![map](assets/images/map.png).",
        "A < B and C > D, 3 <4, and an address <https://example.org/?q=a&b=c>.",
    ],
)
def test_sound_markdown_passes(markdown: str):
    check_markdown(markdown)


@pytest.mark.parametrize(
    ("markdown", "line", "says"),
    [
        ("One.\n\n<!-- open\n\nTwo.", 3, "the comment '<!--' opened here is never closed"),
        ("One.\n\n<div>\n\nTwo.", 3, "<div> is never closed; close it with </div>"),
        ("One.\n\nTwo.</span>", 3, "</span> closes no open <span>"),
        ("<div><span>x</div>", 1, "<span> opened on line 1 is not closed before </div>"),
        ('A <span style="color: red">b</span>.', 1, "the style attribute of <span> would be"),
        ('A <a href="#" onclick="go()">b</a>.', 1, "the onclick attribute of <a> would be"),
        ("\n<script>go()</script>", 2, "<script> would be refused"),
        ('<img src="https://example.org/a.png" alt="">', 1, "loads https://example.org/a.png"),
        ('<a href="javascript:go()">b</a>', 1, "runs a script"),
        ("See [x](javascript:go()).", 1, "the address javascript:go() runs a script"),
        ("See [x](https://exa mple.org/).", 1, "has a space in it"),
        ("See <http://a.org/white paper>.", 1, "has a space in it"),
        ('See <a href="http://a.org/x y">x</a>.', 1, "has a space in it"),
        ("![map](https://example.org/map.png)", 1, "the image comes from another site"),
        ("[^3]: Wimbush [@wimbush2008parable], Asia Policy.", 1, "stands in its note, but not at"),
        ("Text [@wimbush2008parable].\n\n" + NOTE, 1, "stands in no note"),
        ("[ref]: http://a.org/white paper", 1, "has a space in it"),
    ],
)
def test_what_would_not_render_as_written_is_refused_at_its_line(
    markdown: str, line: int, says: str
):
    with pytest.raises(EditionError) as raised:
        check_markdown(markdown)
    assert raised.value.line == line
    assert says in raised.value.message
