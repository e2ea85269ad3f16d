"""Load each of the edition's scripts only on the pages that have work for it.

`extra_javascript` puts every script on every page. A script with nothing to
do on a page still costs a phone its download: the whole paper on one page
has no ¶ menu (its ¶ lead to the sections), the About page no note and no
abbreviation. Each script below names the element it works on; a page
without one is sent without the script. A script not listed here stays on
every page. (What opens from the text, docs/assets/previews.js, is fetched
when it is first wanted: edition/theme/partials/javascripts/previews-on-demand.html.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from edition.errors import EditionError
from edition.html import DROP, StartTag, edit_tags


class Element(NamedTuple):
    """A kind of element a script works on, and the test of a start tag for it.

    Most tags of a long page are passed over by their name (`tags`, if given)
    or by a text (`needle`) their attributes' text lacks, without their
    attributes being read.
    """

    needle: str
    matches: Callable[[StartTag], bool]
    tags: frozenset[str] | None = None

    def found_in(self, tag: StartTag) -> bool:
        if self.tags is not None and tag.tag not in self.tags:
            return False
        return tag.may_have(self.needle) and self.matches(tag)


def has_class(name: str) -> Element:
    return Element(name, lambda tag: name in (tag.get("class") or "").split())


# a numbered paragraph (a paragraph or a list item): a section's page
IS_PARAGRAPH = Element(
    "p-", lambda tag: (tag.get("id") or "").startswith("p-"), frozenset({"p", "li"})
)
HAS_PARAGRAPH_CITATION = Element(
    "data-paragraph-citation",
    lambda tag: bool(tag.get("data-paragraph-citation")),
    frozenset({"section"}),
)

# script (as in extra_javascript) -> the elements it works on, each of which the page must hold
USED_BY: dict[str, tuple[Element, ...]] = {
    "assets/cite.js": (has_class("cite-this"),),  # "Cite this" and copies of the text
    # The ¶ menu: a section's "Cite this" gives the stem of its paragraphs' citations
    "assets/paragraph-menu.js": (HAS_PARAGRAPH_CITATION,),
    "assets/margin-notes.js": (has_class("footnote-ref"), IS_PARAGRAPH),  # a section's notes
    "assets/reading-place.js": (IS_PARAGRAPH,),  # where the reader left off a section
    "assets/report-error.js": (has_class("report-error"),),  # a paragraph's report link
    "assets/later-parts.js": (has_class("later-part"),),  # a long whole paper's later parts
    "assets/not-found.js": (has_class("not-found"),),  # the 404 page
}


def script_of(tag: StartTag) -> str | None:
    """Which of the scripts of USED_BY a <script> tag loads, if any."""
    if tag.tag != "script":
        return None
    source = tag.get("src") or ""
    return next((path for path in USED_BY if source.endswith(path)), None)


class UnusedScripts:
    """The tag editor: leave out each script of USED_BY whose elements the page has not shown.

    The edition's scripts come at the end of the body, after every element they work
    on; an element after its dropped script stops the build rather than lose its script.
    """

    def __init__(self) -> None:
        # each script not yet used -> which of its kinds of element the page has not yet shown
        self.awaited = {path: set(range(len(elements))) for path, elements in USED_BY.items()}
        self.used: set[str] = set()
        self.dropped: set[str] = set()

    def edit(self, tag: StartTag) -> object | None:
        path = script_of(tag)
        if path is not None:
            if path in self.used:
                return None
            self.dropped.add(path)
            return DROP
        if not self.awaited or not tag.written:
            return None  # a script works on a tag by its attributes
        for path, awaited in list(self.awaited.items()):
            kinds = USED_BY[path]
            awaited -= {index for index in awaited if kinds[index].found_in(tag)}
            if not awaited:
                self.used.add(path)
                del self.awaited[path]
        return None

    def finish(self) -> None:
        late = self.used & self.dropped
        if late:
            raise EditionError(
                f"{', '.join(sorted(late))} was left out of a page whose elements for it come "
                "after the script; load the script at the end of the body",
                file="edition/steps/page_scripts.py",
            )


def drop_unused_scripts(html: str) -> str:
    """The page without the scripts whose elements it does not contain."""
    return edit_tags(html, [UnusedScripts()])
