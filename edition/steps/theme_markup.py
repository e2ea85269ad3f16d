"""Correct the theme's markup of every page in one reading: four tag editors, one pass.

Material writes markup outside any block the edition could override: the
edition makes it valid (valid_html), defers the theme's script
(deferred_scripts), gives every external link rel="noopener"
(external_links) and leaves out the edition's scripts a page has no work for
(page_scripts). Each is a tag editor of its own module; reading a long page
with Python's HTML parser is the slow part, so they share one reading. They
change different tags, so their order here is free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from edition.html import TagEditor, edit_tags
from edition.step import Step
from edition.steps.deferred_scripts import DeferTheme
from edition.steps.external_links import Noopener
from edition.steps.page_scripts import UnusedScripts
from edition.steps.valid_html import ThemeFixes

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def editors(html: str) -> list[TagEditor]:
    return [ThemeFixes(html), DeferTheme(html), Noopener(), UnusedScripts()]


def correct_theme_markup(html: str) -> str:
    return edit_tags(html, editors(html))


class ThemeMarkup(Step):
    name = "theme_markup"

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return correct_theme_markup(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return correct_theme_markup(output)  # 404.html is rendered without a page
