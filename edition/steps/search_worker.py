"""Have the theme's search box and results ask the edition's search worker.

Material for MkDocs runs its search in a web worker named in the page's
configuration script (`<script id="__config">`, key `search`) and speaks to it
in a small protocol of messages: the index to set up, a query, its results.
The edition keeps Material's search box, results panel and keyboard, and puts
its own worker behind them (docs/assets/search-worker.js), which reads the
index of passages and entries `search_passages` writes: phrases, the
spellings of data/ as synonyms, typos, and a short snippet round each match.

If a new theme version names its worker differently, the build stops and says
so, rather than leaving the theme's own worker to read an index it cannot.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from edition.errors import EditionError
from edition.step import Step
from edition.steps.valid_html import is_theme_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

THEME_WORKERS = "assets/javascripts/workers/"  # where the theme's own search worker lives
WORKER = "assets/search-worker.js"  # the edition's, copied from docs/
# The theme's configuration: JSON in a script of its own, which ends at the first </script
CONFIGURATION = re.compile(r'<script\b[^>]*\bid="__config"[^>]*>(.*?)</script\s*>', re.DOTALL)


def edition_worker(theme_worker: str) -> str:
    """The edition's worker, addressed as the page addresses the theme's."""
    base, found, _ = theme_worker.rpartition(THEME_WORKERS)
    if not found:
        raise EditionError(
            f"the theme names its search worker '{theme_worker}', not under {THEME_WORKERS}; "
            "update THEME_WORKERS to the theme's new layout",
            file="edition/steps/search_worker.py",
        )
    return base + WORKER


def use_edition_worker(html: str) -> str:
    """The page with its theme configuration naming the edition's search worker."""
    if not is_theme_page(html):
        return html

    def edit(text: str) -> str:
        configuration = json.loads(text)
        theme_worker = configuration.get("search", "")
        edited = text.replace(json.dumps(theme_worker), json.dumps(edition_worker(theme_worker)))
        return edited

    found = list(CONFIGURATION.finditer(html))
    if len(found) != 1:
        raise EditionError(
            f"expected the theme's configuration script once, found it {len(found)} times; "
            "update edition/steps/search_worker.py to the theme's new markup",
            file="edition/steps/search_worker.py",
        )
    (match,) = found
    return html[: match.start(1)] + edit(match.group(1)) + html[match.end(1) :]


class SearchWorker(Step):
    name = "search_worker"

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return use_edition_worker(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return use_edition_worker(output)  # 404.html
