"""Edit a whole HTML document as the theme wrote it, tag by tag, with an HTML parser.

What the theme's templates write (outside the page's Markdown) is changed
here: a start tag's attributes, an element dropped, or the text of an element
(the JSON of the theme's configuration script). The document is read
by Python's `HTMLParser`, so a `>` inside an attribute value or a tag inside a
script is never taken for markup; everything that is not edited is copied
byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html import escape
from html.parser import HTMLParser
from typing import Protocol

Attributes = list[tuple[str, str | None]]
NEWLINE = re.compile("\n")
DROP = object()  # what an edit returns to leave out the element, its content and its end tag


@dataclass
class StartTag:
    tag: str
    attributes: Attributes
    start: int
    end: int

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)


def start_tag(tag: str, attributes: Attributes) -> str:
    """A start tag written as Python-Markdown and the theme write one."""
    written = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in attributes
    )
    return f"<{tag}{written}>"


class _Tags(HTMLParser):
    """The start tags of a document, and where each element ends."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [found.end() for found in NEWLINE.finditer(html)]
        self.tags: list[StartTag] = []
        self.ends: dict[int, int] = {}  # index of a start tag in `tags` -> end of its element
        self.content_ends: dict[int, int] = {}  # index of a start tag -> start of its end tag
        self._open: list[tuple[str, int]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        start = self._offset()
        text = self.get_starttag_text() or ""
        self.tags.append(StartTag(tag, attrs, start, start + len(text)))
        self._open.append((tag, len(self.tags) - 1))

    def handle_startendtag(self, tag: str, attrs: Attributes) -> None:
        start = self._offset()
        text = self.get_starttag_text() or ""
        self.tags.append(StartTag(tag, attrs, start, start + len(text)))
        self.ends[len(self.tags) - 1] = start + len(text)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self.html.index(">", start) + 1
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position][0] == tag:
                self.ends[self._open[position][1]] = end
                self.content_ends[self._open[position][1]] = start
                del self._open[position:]
                break


def rewrite_tags(html: str, edit: Callable[[StartTag], str | object | None]) -> str:
    """The document with each start tag for which `edit` returns text replaced by it.

    `edit` returns None to keep the tag, the new tag's text, or DROP to leave
    the whole element out (with the white space before it).
    """
    parser = _Tags(html)
    parser.feed(html)
    parser.close()
    out: list[str] = []
    copied = 0
    for index, tag in enumerate(parser.tags):
        if tag.start < copied:
            continue  # inside an element already left out
        replacement = edit(tag)
        if replacement is None:
            continue
        if replacement is DROP:
            start = tag.start
            while start > copied and html[start - 1].isspace():
                start -= 1
            out.append(html[copied:start])
            copied = parser.ends.get(index, tag.end)
            continue
        out.append(html[copied : tag.start])
        out.append(str(replacement))
        copied = tag.end
    out.append(html[copied:])
    return "".join(out)


class TagEditor(Protocol):
    """One change to a document's start tags, made in a pass shared with other editors."""

    def edit(self, tag: StartTag) -> StartTag | object | None:
        """The tag as it should be, DROP to leave its element out, or None to keep it."""

    def finish(self) -> None:
        """After the whole document: raise if what was expected was not found."""


def edit_tags(html: str, editors: Sequence[TagEditor]) -> str:
    """The document with every editor's changes, in one reading: each sees the last's tag."""

    def edit(tag: StartTag) -> str | object | None:
        current, changed = tag, False
        for editor in editors:
            result = editor.edit(current)
            if result is DROP:
                return DROP
            if isinstance(result, StartTag):
                current, changed = result, True
        return start_tag(current.tag, current.attributes) if changed else None

    edited = rewrite_tags(html, edit)
    for editor in editors:
        editor.finish()
    return edited


def with_attributes(tag: StartTag, attributes: Attributes) -> StartTag:
    return replace(tag, attributes=attributes)


def rewrite_text(
    html: str, select: Callable[[StartTag], bool], edit: Callable[[str], str]
) -> tuple[str, int]:
    """The document with the text of each element `select` picks replaced by `edit(text)`.

    For elements whose content is text only (a script, a style): the text
    between the start tag and the end tag is handed over as written. Returns
    the document and how many elements were edited.
    """
    parser = _Tags(html)
    parser.feed(html)
    parser.close()
    out: list[str] = []
    copied = 0
    count = 0
    for index, tag in enumerate(parser.tags):
        if tag.start < copied or index not in parser.content_ends or not select(tag):
            continue
        content_end = parser.content_ends[index]
        out.append(html[copied : tag.end])
        out.append(edit(html[tag.end : content_end]))
        copied = content_end
        count += 1
    out.append(html[copied:])
    return "".join(out), count
