"""Stop the build where a page's Markdown would not reach the reader as the editor wrote it.

Python-Markdown renders what it cannot read as it can, silently: an HTML block
left open takes the rest of the page with it (its paragraphs, its notes), a
comment left open hides the text after it or is shown as text, a citation
block that does not end its note is shown as `[^key]`, and an address with a
space is not a link. The page's Content-Security-Policy
(edition/steps/content_security.py) refuses scripts, styles and event
handlers written in a page, and the site makes no request outside itself. Each
of these is found here, in every page's Markdown as written (code aside),
before any page is converted, and stops the build at its line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from edition.build_cache import Kept
from edition.config import web_address_problem
from edition.errors import EditionError
from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

FENCED_CODE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
CITATION_BLOCK = re.compile(r"\[@[^\]\n]*\]")
NOTE_DEFINITION_LINE = re.compile(r"^\[\^[^\]\s]+\]:")
AUTOLINK = re.compile(r"<(?P<address>(?:https?|ftp)://[^<>]*)>", re.IGNORECASE)
# A link's target may hold balanced parentheses, as Markdown allows: (javascript:go())
INLINE_LINK = re.compile(
    r"(?P<image>!?)\[[^\]\n]*\]\(\s*(?P<target>(?:[^()\n]|\([^()\n]*\))*?)\s*\)"
)
LINK_DEFINITION = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?P<target>\S.*?)[ \t]*$", re.M)
LINK_TITLE = re.compile(r"""^(?P<address>\S+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?$""")
WEB = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
ELEMENTS = VOID_ELEMENTS | {
    "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote",
    "button", "canvas", "caption", "cite", "code", "colgroup", "data", "dd", "del", "details",
    "dfn", "dialog", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "i", "iframe", "ins", "kbd", "label",
    "legend", "li", "main", "mark", "nav", "object", "ol", "p", "picture", "pre", "q", "s",
    "samp", "script", "section", "select", "small", "span", "strong", "style", "sub",
    "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
    "time", "tr", "u", "ul", "var", "video",
}  # fmt: skip
# What the page's Content-Security-Policy refuses, and where it belongs instead.
REFUSED_ELEMENTS = {
    "script": "a script belongs in docs/assets/, listed in extra_javascript",
    "style": "styles belong in docs/assets/edition.css",
    "iframe": "the site shows nothing from elsewhere",
    "object": "the site shows nothing from elsewhere",
    "embed": "the site shows nothing from elsewhere",
    "base": "it would change where every link of the page leads",
}
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "cite")


def masked(markdown: str) -> str:
    """The Markdown with its code blocks and code spans blanked, lines kept where they were."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return CODE_SPAN.sub(blank, FENCED_CODE.sub(blank, markdown))


def line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_comments(text: str) -> None:
    """Every `<!--` is closed: an open one hides the rest of the page, or is shown as text."""
    start = text.find(COMMENT_OPEN)
    while start >= 0:
        end = text.find(COMMENT_CLOSE, start + len(COMMENT_OPEN))
        if end < 0:
            raise EditionError(
                "the comment '<!--' opened here is never closed; close it with '-->'",
                line=line_at(text, start),
            )
        start = text.find(COMMENT_OPEN, end + len(COMMENT_CLOSE))


def address_problem(address: str) -> str | None:
    """What is wrong with a link's address written in a page; None for a sound or local one."""
    if re.match(r"^\s*javascript:", address, re.IGNORECASE):
        return "runs a script, which the page's Content-Security-Policy refuses; link to a page"
    if re.match(r"^(?:https?:)?//", address, re.IGNORECASE):
        return web_address_problem(address if ":" in address.split("/")[0] else f"https:{address}")
    return None


class _HtmlChecker(HTMLParser):
    """The raw HTML of a page's Markdown: every element closed, nothing the page's CSP refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []

    def fail(self, message: str, line: int | None = None) -> None:
        raise EditionError(message, line=line or self.getpos()[0])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.check(tag, attrs)
        if tag in ELEMENTS and tag not in VOID_ELEMENTS:
            self.open.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ELEMENTS or tag in VOID_ELEMENTS:
            return
        if not any(open_tag == tag for open_tag, _ in self.open):
            self.fail(f"</{tag}> closes no open <{tag}>; remove it or open the element")
        open_tag, line = self.open.pop()
        if open_tag != tag:
            self.fail(f"<{open_tag}> opened on line {line} is not closed before </{tag}>", line)

    def check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in REFUSED_ELEMENTS:
            self.fail(
                f"<{tag}> would be refused by the page's Content-Security-Policy: "
                f"{REFUSED_ELEMENTS[tag]}"
            )
        for name, value in attrs:
            if name == "style":
                self.fail(
                    f"the style attribute of <{tag}> would be refused by the page's "
                    "Content-Security-Policy; give it a class and style that in "
                    "docs/assets/edition.css"
                )
            if name.startswith("on"):
                self.fail(
                    f"the {name} attribute of <{tag}> would be refused by the page's "
                    "Content-Security-Policy; write the behaviour in a script of docs/assets/"
                )
            if name in ADDRESS_ATTRIBUTES and value:
                problem = address_problem(value)
                if problem:
                    self.fail(f"the {name} '{value}' of <{tag}> {problem}; correct it")
                if name != "href" and name != "cite" and WEB.match(value):
                    self.fail(
                        f"<{tag}> loads {value} from another site, and the site makes no "
                        "request outside itself; put the file in docs/assets/"
                    )

    def finish(self) -> None:
        self.close()
        if self.open:
            tag, line = self.open[-1]
            self.fail(
                f"<{tag}> is never closed; close it with </{tag}> (an open HTML block takes "
                "the rest of the page with it)",
                line,
            )


def check_html(text: str) -> None:
    checker = _HtmlChecker()
    checker.feed(text)
    checker.finish()


def check_citation_blocks(text: str) -> None:
    """A `[@key]` block ends a note; anywhere else it is shown as a footnote marker."""
    for block in CITATION_BLOCK.finditer(text):
        line_start = text.rfind("\n", 0, block.start()) + 1
        line_end = text.find("\n", block.end())
        rest = text[block.end() : line_end if line_end >= 0 else len(text)]
        in_note = NOTE_DEFINITION_LINE.match(text[line_start : block.start()])
        if in_note and not rest.strip():
            continue
        where = "its note, but not at the end" if in_note else "no note"
        raise EditionError(
            f"the citation block {block.group(0)} stands in {where}; a note names the works it "
            "cites at its end: move the block there",
            line=line_at(text, block.start()),
        )


def check_addresses(text: str) -> None:
    """Every address written in Markdown is a well-formed one, and no image comes from outside."""
    for link in AUTOLINK.finditer(text):
        problem = address_problem(link.group("address"))
        if problem:
            raise EditionError(
                f"the address <{link.group('address')}> {problem}; correct it",
                line=line_at(text, link.start()),
            )
    for link in INLINE_LINK.finditer(text):
        target, line = link.group("target"), line_at(text, link.start())
        if target.startswith("<") and ">" in target:  # <address with spaces> "title"
            address = target[1 : target.index(">")]
        else:
            titled = LINK_TITLE.match(target)
            if titled is None:  # not an address and a title: a space inside the address
                if WEB.match(target):
                    raise EditionError(
                        f"the address ({target}) has a space in it (write %20); correct it",
                        line=line,
                    )
                continue
            address = titled.group("address")
        problem = address_problem(address)
        if problem:
            raise EditionError(f"the address {address} {problem}; correct it", line=line)
        if link.group("image") and WEB.match(address):
            raise EditionError(
                f"the image comes from another site ({address}), and the site makes no "
                "request outside itself; put it in docs/assets/images/",
                line=line,
            )
    for definition in LINK_DEFINITION.finditer(text):
        target = definition.group("target")
        titled = LINK_TITLE.match(target)
        address = titled.group("address").strip("<>") if titled else target
        problem = address_problem(address) if titled else "has a space in it (write %20)"
        if problem and (titled or WEB.match(target)):
            raise EditionError(
                f"the address {address} {problem}; correct it",
                line=line_at(text, definition.start()),
            )


def check_markdown(markdown: str) -> None:
    """Raise EditionError at the first place the Markdown would not render as written."""
    text = masked(markdown)
    check_comments(text)
    check_html(text)
    check_citation_blocks(text)
    check_addresses(text)


class WellFormed(Step):
    name = "well_formed"
    after = {"paper_text": "the pages are read once, by it, their front matter checked"}

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        # A page found well formed is so for every build with its text (a mistake is never
        # kept: it stops the build before anything is written).
        checked = Kept(config, "well-formed")
        for src_uri, markdown in self.build.pages.items():
            try:
                checked.get([markdown], lambda markdown=markdown: check_markdown(markdown) or True)
            except EditionError as error:
                raise error.at(self.build.docs_path(src_uri)) from None
        return None
