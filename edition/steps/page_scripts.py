"""Load each of the edition's scripts only on the pages that have work for it.

`extra_javascript` puts every script on every page. A script with nothing to
do on a page still costs a phone its download: the whole paper on one page
has no "Cite this" block, the About page no note and no abbreviation. Each
script below names the element it works on; a page without one is sent
without the script. A script not listed here stays on every page.
"""

from __future__ import annotations

from collections.abc import Callable

from edition.errors import EditionError
from edition.html import DROP, StartTag, edit_tags


def has_class(name: str) -> Callable[[StartTag], bool]:
    return lambda tag: name in (tag.get("class") or "").split()


# script (as in extra_javascript) -> the elements it works on
USED_BY: dict[str, Callable[[StartTag], bool]] = {
    "assets/cite.js": has_class("cite-this"),  # "Cite this" and the ¶ menu it offers
    "assets/note-preview.js": has_class("footnote-ref"),  # the notes' previews
    "assets/glossary-tooltip.js": lambda tag: tag.tag == "abbr",  # the glossary's expansions
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
        self.used: set[str] = set()
        self.dropped: set[str] = set()

    def edit(self, tag: StartTag) -> object | None:
        path = script_of(tag)
        if path is not None:
            if path in self.used:
                return None
            self.dropped.add(path)
            return DROP
        for path, works_on in USED_BY.items():
            if path not in self.used and works_on(tag):
                self.used.add(path)
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
