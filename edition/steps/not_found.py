"""Give a reader who followed a broken address a way on: the edition's 404 page.

Material renders 404.html from the theme's templates, without a page; the
edition's version (edition/theme/404.html) shows the address asked for, a
search of the edition, the paper's sections and the whole paper on one page.
It finds the sections by their `paper_section` and the whole paper by the
plugin's `whole_paper_page`, which this step hands to the templates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from edition.step import Step

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


class NotFound(Step):
    name = "not_found"

    def env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        env.globals["whole_paper_page"] = self.build.options.whole_paper_page
        return env
