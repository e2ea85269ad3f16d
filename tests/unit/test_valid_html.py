"""edition/steps/valid_html.py: the theme's markup in, valid markup out."""

from __future__ import annotations

import pytest

from edition.errors import EditionError
from edition.steps import valid_html

THEME_PAGE = (
    '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
    'autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
    'autocomplete="off">\n'
    '<div class="md-search" data-md-component="search" role="dialog">\n'
    '<input type="text" class="md-search__input" name="query" autocapitalize="off" '
    'autocorrect="off" autocomplete="off" spellcheck="false"></div></body>'
)


def test_fixes_the_theme_markup():
    assert valid_html.fix_theme_markup(THEME_PAGE) == (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">\n'
        '<input type="text" class="md-search__input" name="query" autocapitalize="off" '
        'autocomplete="off" spellcheck="false"></div></body>'
    )


def test_stops_when_the_theme_markup_has_changed():
    changed = THEME_PAGE.replace('role="dialog"', 'role="search"')
    with pytest.raises(EditionError, match="the search dialog's name once, found it 0 times"):
        valid_html.fix_theme_markup(changed)


def test_leaves_pages_the_theme_did_not_render():
    assert valid_html.fix_theme_markup("<p>plain</p>") == "<p>plain</p>"
