"""Edit a whole HTML document as the theme wrote it, tag by tag.

What the theme's templates write (outside the page's Markdown) is changed
here: a start tag's attributes, an element dropped, or the text of an element
(the JSON of the theme's configuration script). The document is read as
Python's `HTMLParser` reads it, by one expression (`read_tags`), which is
several times quicker on a long page: a `>` inside a quoted attribute value
or a tag inside a script is never taken for markup; everything that is not
edited is copied byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html import escape, unescape
from typing import Protocol

Attributes = list[tuple[str, str | None]]
DROP = object()  # what an edit returns to leave out the element, its content and its end tag


@dataclass
class StartTag:
    """A start tag: its name, its attributes as written, and where it stands.

    The attributes are read (`attributes`) only when asked for: most tags of a
    long page are passed over by their name or by a name their text lacks.
    """

    tag: str
    written: str  # the attributes' text, as the document has it
    start: int
    end: int
    read: Attributes | None = None

    @property
    def attributes(self) -> Attributes:
        if self.read is None:
            self.read = attributes_of(self.written)
        return self.read

    def may_have(self, text: str) -> bool:
        """False only if no attribute's name or value can contain `text` (lower-case ASCII)."""
        return (
            self.read is not None
            or text in self.written
            or "&" in self.written
            or (text in self.written.lower())
        )

    def get(self, name: str) -> str | None:
        if not self.may_have(name):
            return None
        return next((value for key, value in self.attributes if key == name), None)


def start_tag(tag: str, attributes: Attributes) -> str:
    """A start tag written as Python-Markdown and the theme write one."""
    written = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in attributes
    )
    return f"<{tag}{written}>"


# A document read as HTMLParser reads it, in one pass of one expression: a comment, a
# declaration or processing instruction, an end tag, or a start tag (its attribute values
# may hold `>` inside quotes). After a script's or style's start tag its text runs, as
# in HTML, to its end tag: nothing in it is markup.
TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>"
    r"|</(?P<end>[a-zA-Z][^\s/>]*)[^>]*>"
    r"|<(?P<start>[a-zA-Z][^\s/>]*)(?P<attributes>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
RAW_TEXT = {"script", "style"}


@dataclass
class _Tags:
    """The start tags of a document, and where each element ends."""

    tags: list[StartTag]
    ends: dict[int, int]  # index of a start tag in `tags` -> end of its element
    content_ends: dict[int, int]  # index of a start tag -> start of its end tag


def attributes_of(text: str) -> Attributes:
    """A start tag's attributes as HTMLParser gives them: names lowercased, values unescaped."""
    found: Attributes = []
    for match in ATTRIBUTE.finditer(text):
        name, *values = match.groups()
        value = next((v for v in values if v is not None), None)
        found.append((name.lower(), None if value is None else unescape(value)))
    return found


def read_tags(html: str) -> _Tags:
    tags: list[StartTag] = []
    ends: dict[int, int] = {}
    content_ends: dict[int, int] = {}
    open_: list[tuple[str, int]] = []
    position = 0
    while (found := TOKEN.search(html, position)) is not None:
        position = found.end()
        if found.group("end"):
            tag = found.group("end").lower()
            for index in range(len(open_) - 1, -1, -1):
                if open_[index][0] == tag:
                    ends[open_[index][1]] = found.end()
                    content_ends[open_[index][1]] = found.start()
                    del open_[index:]
                    break
        elif found.group("start"):
            tag = found.group("start").lower()
            attributes = found.group("attributes")
            tags.append(StartTag(tag, attributes, found.start(), found.end()))
            if attributes.endswith("/"):
                ends[len(tags) - 1] = found.end()
                continue
            open_.append((tag, len(tags) - 1))
            if tag in RAW_TEXT:
                closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(html, position)
                if closing is None:
                    break
                ends[len(tags) - 1] = closing.end()
                content_ends[len(tags) - 1] = closing.start()
                open_.pop()
                position = closing.end()
    return _Tags(tags, ends, content_ends)


def rewrite_tags(html: str, edit: Callable[[StartTag], str | object | None]) -> str:
    """The document with each start tag for which `edit` returns text replaced by it.

    `edit` returns None to keep the tag, the new tag's text, or DROP to leave
    the whole element out (with the white space before it).
    """
    parser = read_tags(html)
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
    return replace(tag, read=attributes)


def rewrite_text(
    html: str, select: Callable[[StartTag], bool], edit: Callable[[str], str]
) -> tuple[str, int]:
    """The document with the text of each element `select` picks replaced by `edit(text)`.

    For elements whose content is text only (a script, a style): the text
    between the start tag and the end tag is handed over as written. Returns
    the document and how many elements were edited.
    """
    parser = read_tags(html)
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
