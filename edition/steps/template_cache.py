"""Keep the theme's compiled templates in the build cache between builds.

MkDocs compiles Material's Jinja templates (over forty, with their partials)
afresh at every build, which takes about a third of a build of this site.
Jinja's own bytecode cache keeps each compiled template under the checksum of
its source, in `.cache/edition/templates/`: an edited override or a new theme
version is compiled again, everything else is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache

from edition.build_cache import cache_dir
from edition.step import Step
from edition.templates import environment

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


class TemplateCache(Step):
    name = "template_cache"

    def config(self, config: MkDocsConfig) -> None:
        # The edition's own templates (edition/templates.py), first rendered as pages are
        # read. Its own folder: Jinja names a compiled template by its name and source only,
        # and the edition's environment (autoescaped) compiles a shared partial differently.
        folder = cache_dir(config) / "edition-templates"
        folder.mkdir(parents=True, exist_ok=True)
        environment().bytecode_cache = FileSystemBytecodeCache(str(folder))

    def env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        folder = cache_dir(config) / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env
