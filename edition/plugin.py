"""The edition's MkDocs plugin: fires the pipeline's steps at MkDocs' events.

Registered as `edition` (the `mkdocs.plugins` entry point of pyproject.toml)
and listed after `bibtex` in mkdocs.yml. One `Build` is made per build when
the configuration is read; the steps of `edition.pipeline` are made with it
and run at each event in the pipeline's order; the Markdown extension gives
Python-Markdown the pipeline's treeprocessors. An `EditionError` raised by any
of them becomes the build's one line here, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from edition.build import Build
from edition.build_cache import Finished
from edition.citation import paper_facts
from edition.config import EditionConfig, check_site_url
from edition.conversion import quick_abbreviations, quick_table_test
from edition.errors import EditionError, build_error
from edition.pipeline import STEPS, TREEPROCESSORS, schedule
from edition.serve_first import LastBuild, show_first
from edition.source import ESCAPABLE
from edition.steps import bibtex_setup

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree

    from jinja2 import Environment
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from edition.step import Step

T = TypeVar("T")
THEME = Path(__file__).parent / "theme"  # main.html and partials extending Material's


def guarded(run: Callable[..., T], *arguments: object) -> T:
    """Run a step; an editor's mistake leaves as the build's one line."""
    try:
        return run(*arguments)
    except EditionError as error:
        raise build_error(error) from None


class GuardedTreeprocessor(Treeprocessor):
    """A step's treeprocessor, whose editor's mistakes stop the build with their line."""

    def __init__(self, md: Markdown, inner: Treeprocessor) -> None:
        super().__init__(md)
        self.inner = inner

    def run(self, root: etree.Element) -> etree.Element | None:
        return guarded(self.inner.run, root)


class EditionExtension(Extension):
    """The pipeline's treeprocessors, at their priorities."""

    def __init__(self, build: Build, steps: dict[str, Step]) -> None:
        super().__init__()
        self.build = build
        self.steps = steps

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # A backslash escapes any ASCII punctuation, as in source/, CommonMark and pandoc
        # (the EPUB's reader): Python-Markdown alone would print the backslash of "U.S.\$11".
        md.ESCAPED_CHARS.extend(sorted(set(ESCAPABLE) - set(md.ESCAPED_CHARS)))
        quick_table_test(md)
        quick_abbreviations(md)
        for tree_step in TREEPROCESSORS:
            inner = tree_step.make(md, self.build, self.steps)
            md.treeprocessors.register(
                GuardedTreeprocessor(md, inner), tree_step.name, tree_step.priority
            )


class EditionPlugin(BasePlugin[EditionConfig]):
    """The web edition's build: one per build, as MkDocs makes plugins."""

    steps_in_order = STEPS  # the tests reverse it to prove the order is written down

    def __init__(self) -> None:
        super().__init__()
        self.schedule: dict[str, list[Step]] = {}
        self.serving = False
        # Under `make serve`, what the last build gathered, to write a saved page first:
        self.gathered: tuple[Files, Environment] | None = None
        self.nav: Navigation | None = None
        self.last: LastBuild | None = None
        self.build: Build | None = None

    # MkDocs keeps a plugin with on_startup for every build of one `serve`; each build still
    # makes its own Build and steps (_configure).
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    # Before mkdocs-bibtex reads its options (100): references.bib is checked strictly first.
    @event_priority(100)
    def _prepare(self, config: MkDocsConfig) -> MkDocsConfig | None:
        guarded(check_site_url, config.site_url)  # before any page or link is made of it
        guarded(bibtex_setup.prepare, config)
        return config

    # After mkdocs-bibtex (0) has read references.bib: the build takes its entries.
    @event_priority(-10)
    def _configure(self, config: MkDocsConfig) -> MkDocsConfig | None:
        build = Build(
            options=self.config,
            config=config,
            bibtex=config.plugins["bibtex"],
            paper=paper_facts(self.config.paper, self.config.release),
            serving=self.serving,
        )
        self.build = build
        steps = {step.name: step(build) for step in self.steps_in_order}
        self.schedule = {
            event: [steps[step.name] for step in order]
            for event, order in schedule(self.steps_in_order).items()
        }
        config.markdown_extensions.append(EditionExtension(build, steps))  # type: ignore[arg-type]
        # The edition's theme blocks: after the site's own custom_dir, before Material's.
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        self._each("config", lambda step: step.config(config))
        return config

    on_config = CombinedEvent(_prepare, _configure)

    def _each(self, event: str, run: Callable[[Step], None]) -> None:
        for step in self.schedule.get(event, []):
            guarded(run, step)

    def _through(self, event: str, value: T, run: Callable[[Step, T], T | None]) -> T:
        for step in self.schedule.get(event, []):
            result = guarded(run, step, value)
            if result is not None:
                value = result
        return value

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._each("pre_build", lambda step: step.pre_build(config))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self._through("files", files, lambda step, value: step.files(value, config))

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env = self._through("env", env, lambda step, value: step.env(value, config, files))
        self.gathered = (files, env)
        return env

    # Last: the navigation MkDocs builds the pages with.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    # Before mkdocs-bibtex (0), which would turn the notes' [@key] blocks into footnotes.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return self._through(
            "page_markdown",
            markdown,
            lambda step, value: step.page_markdown(value, page, config, files),
        )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self._through(
            "page_content", html, lambda step, value: step.page_content(value, page, config, files)
        )

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        return self._through(
            "page_context", context, lambda step, value: step.page_context(value, page, config)
        )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Each step of post_page is a function of the page's text: a page written as the
        # last build wrote it is finished as it was then (edition/build_cache.py).
        return Finished(config, "post_page").finish(
            output,
            lambda text: self._through(
                "post_page", text, lambda step, value: step.post_page(value, page, config)
            ),
        )

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return self._through(
            "post_template",
            output_content,
            lambda step, value: step.post_template(value, template_name, config),
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._each("post_build", lambda step: step.post_build(config))
        if self.serving and self.build and self.gathered and self.nav is not None:
            files, env = self.gathered
            self.last = LastBuild(
                config,
                files,
                self.nav,
                env,
                whole_paper_page=self.config.whole_paper_page,
                theme_sheets=dict(self.build.theme_sheets),
            )

    def show_first(self, src_uris: list[str]) -> list[Path]:
        """Under `make serve`: the saved pages written on their own, before the whole build
        (edition/serve_first.py); the files written, none if they cannot be."""
        if self.last is None:
            return []
        try:
            return show_first(self.last, src_uris)
        except Exception:  # noqa: BLE001 (the whole build, next, says what is wrong)
            return []

    def on_build_error(self, *, error: Exception) -> None:
        for step in self.schedule.get("build_error", []):
            step.build_error(error)
