"""What a step of the edition's build is: one feature, run at the events it defines.

A step subclasses `Step`, names itself, and defines the events it takes part
in, with the arguments MkDocs gives that event. A step that must run after
another at the same event says so in `after`, with the reason; the order of
every event is worked out from these in `edition.pipeline`, never from the order
the steps happen to be listed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from jinja2 import Environment
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from edition.build import Build

# The events a step may define, in the order MkDocs fires them.
EVENTS = (
    "config",
    "pre_build",
    "files",
    "env",
    "page_markdown",
    "page_content",
    "page_context",
    "post_page",
    "post_template",
    "post_build",
    "build_error",
)


class Step:
    """One feature of the build; made once per build with the build's state."""

    name: ClassVar[str]
    after: ClassVar[Mapping[str, str]] = {}  # step name -> why this step must run after it

    def __init__(self, build: Build) -> None:
        self.build = build

    @classmethod
    def events(cls) -> list[str]:
        """The events this step defines."""
        return [event for event in EVENTS if getattr(cls, event) is not getattr(Step, event)]

    # Each returns None to leave the value unchanged.
    def config(self, config: MkDocsConfig) -> None:
        return None

    def pre_build(self, config: MkDocsConfig) -> None:
        return None

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        return None

    def env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        return None

    def page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return None

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        return None

    def page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig
    ) -> dict[str, Any] | None:
        return None

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return None

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return None

    def post_build(self, config: MkDocsConfig) -> None:
        return None

    def build_error(self, error: Exception) -> None:
        return None


class BuildTreeprocessor(Treeprocessor):
    """A treeprocessor of a step, given the build's state (the page being converted, ...)."""

    def __init__(self, md: Markdown, build: Build) -> None:
        super().__init__(md)
        self.build = build
