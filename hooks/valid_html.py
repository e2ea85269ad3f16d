"""Make the theme's own markup valid HTML and name its search dialog.

Material for MkDocs 9.8 writes, on every page, markup that the W3C Nu HTML
checker rejects and that axe reports, outside any template block the edition
could override:

- `autocomplete="off"` on the two checkbox toggles of `base.html` (the
  attribute is allowed on text-like inputs only);
- `autocorrect="off"` on the search input of `partials/search.html` (not an
  attribute of `input` in the checker's HTML);
- a search container with `role="dialog"` and no accessible name.

`on_post_page` rewrites exactly these strings on every page the theme's
`base.html` renders. Each fix names the markup it expects: if a new theme
version no longer writes it, the build stops and says which fix to review,
rather than silently leaving the page invalid. Pages not rendered by the
theme's `base.html` (no `md-toggle` input) are left as they are.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# (what the theme writes, what the edition writes instead)
THEME_PAGE = '<input class="md-toggle"'
THEME_FIXES: tuple[tuple[str, str], ...] = (
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
    ),
    (' autocorrect="off" autocomplete="off"', ' autocomplete="off"'),
    (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    ),
)


class ThemeMarkupChanged(ValueError):
    """The theme no longer writes markup a fix expects."""


def fix_theme_markup(html: str) -> str:
    """Apply every fix of THEME_FIXES once; raise when the theme's markup is not found."""
    if THEME_PAGE not in html:
        return html
    for theme_markup, valid_markup in THEME_FIXES:
        if html.count(theme_markup) != 1:
            raise ThemeMarkupChanged(
                f"expected the theme to write {theme_markup!r} once, found it "
                f"{html.count(theme_markup)} times"
            )
        html = html.replace(theme_markup, valid_markup)
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    try:
        return fix_theme_markup(output)
    except ThemeMarkupChanged as error:
        raise PluginError(
            f"hooks/valid_html.py, page {page.file.src_uri}: {error}; the theme's templates "
            "have changed: update THEME_FIXES to the new markup"
        ) from None


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered from the theme's templates without a page: fix it too.
    try:
        return fix_theme_markup(output_content)
    except ThemeMarkupChanged as error:
        raise PluginError(
            f"hooks/valid_html.py, template {template_name}: {error}; the theme's templates "
            "have changed: update THEME_FIXES to the new markup"
        ) from None
