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

from edition.errors import EditionError
from edition.html import DROP, StartTag, edit_tags


def has_class(name: str) -> Callable[[StartTag], bool]:
    return lambda tag: name in (tag.get("class") or "").split()


def is_paragraph(tag: StartTag) -> bool:
    return (tag.get("id") or "").startswith("p-")  # a numbered paragraph: a section's page


def has_paragraph_citation(tag: StartTag) -> bool:
    return tag.tag == "section" and bool(tag.get("data-paragraph-citation"))


# script (as in extra_javascript) -> the elements it works on, each of which the page must hold
USED_BY: dict[str, tuple[Callable[[StartTag], bool], ...]] = {
    "assets/cite.js": (has_class("cite-this"),),  # "Cite this" and copies of the text
    # The ¶ menu: a section's "Cite this" gives the stem of its paragraphs' citations
    "assets/paragraph-menu.js": (has_paragraph_citation,),
    "assets/margin-notes.js": (has_class("footnote-ref"), is_paragraph),  # a section's notes
    "assets/reading-place.js": (is_paragraph,),  # where the reader left off a section
    "assets/not-found.js": (has_class("not-found"),),  # the 404 page
}


def script_of(tag: StartTag) -> str | None:
    """Which of the scripts of USED_BY a <script> tag loads, if any."""
    source = tag.get("src") or ""
    if tag.tag != "script":
        return None
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
        if not tag.attributes:
            return None  # a script works on a tag by its attributes
        for path, awaited in list(self.awaited.items()):
            awaited -= {index for index in awaited if USED_BY[path][index](tag)}
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
