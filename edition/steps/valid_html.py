"""Make the theme's own markup valid HTML and name its search dialog.

Material for MkDocs 9.8 writes, on every page, markup that the W3C Nu HTML
checker rejects and that axe reports, outside any template block the edition
could override:

- `autocomplete="off"` on the two checkbox toggles of `base.html` (the
  attribute is allowed on text-like inputs only);
- `autocorrect="off"` on the search input of `partials/search.html` (not an
  attribute of `input` in the checker's HTML);
- a search container with `role="dialog"` and no accessible name.

Each fix names the element it expects: if a new theme version no longer
writes it, the build stops and says which fix to review, rather than silently
leaving the page invalid. Pages not rendered by the theme's `base.html` (no
`md-toggle` input) are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from edition.errors import EditionError
from edition.html import StartTag, edit_tags, with_attributes


class Fix(NamedTuple):
    """One element the theme writes once per page, and how the edition writes it instead."""

    description: str
    matches: Callable[[StartTag], bool]
    fix: Callable[[StartTag], StartTag]


def without(*names: str) -> Callable[[StartTag], StartTag]:
    return lambda tag: with_attributes(tag, [(k, v) for k, v in tag.attributes if k not in names])


def named(label: str) -> Callable[[StartTag], StartTag]:
    return lambda tag: with_attributes(tag, [*tag.attributes, ("aria-label", label)])


def is_toggle(tag: StartTag) -> bool:
    return (
        tag.tag == "input"
        and tag.get("class") == "md-toggle"
        and tag.get("type") == "checkbox"
        and tag.get("autocomplete") is not None
    )


THEME_FIXES = (
    Fix(
        "the drawer toggle's autocomplete",
        lambda tag: is_toggle(tag) and tag.get("id") == "__drawer",
        without("autocomplete"),
    ),
    Fix(
        "the search toggle's autocomplete",
        lambda tag: is_toggle(tag) and tag.get("id") == "__search",
        without("autocomplete"),
    ),
    Fix(
        "the search input's autocorrect",
        lambda tag: tag.tag == "input" and tag.get("autocorrect") is not None,
        without("autocorrect"),
    ),
    Fix(
        "the search dialog's name",
        lambda tag: tag.tag == "div"
        and tag.get("data-md-component") == "search"
        and tag.get("role") == "dialog"
        and tag.get("aria-label") is None,
        named("Search"),
    ),
)


FIXED_TAGS = {"input", "div"}  # the only elements THEME_FIXES match


def is_theme_page(html: str) -> bool:
    return '<input class="md-toggle"' in html


class ThemeFixes:
    """The tag editor: each fix of THEME_FIXES once, or EditionError when one is not there."""

    def __init__(self, html: str) -> None:
        self.active = is_theme_page(html)
        self.found = {fix.description: 0 for fix in THEME_FIXES}

    def edit(self, tag: StartTag) -> StartTag | None:
        if not self.active or tag.tag not in FIXED_TAGS:
            return None
        for fix in THEME_FIXES:
            if fix.matches(tag):
                self.found[fix.description] += 1
                return fix.fix(tag)
        return None

    def finish(self) -> None:
        for description, count in self.found.items():
            if self.active and count != 1:
                raise EditionError(
                    f"expected the theme to write {description} once, found it {count} times; "
                    "the theme's templates have changed: update THEME_FIXES to the new markup",
                    file="edition/steps/valid_html.py",
                )


def fix_theme_markup(html: str) -> str:
    """Apply every fix of THEME_FIXES once; EditionError when an element is not there once."""
    return edit_tags(html, [ThemeFixes(html)])
