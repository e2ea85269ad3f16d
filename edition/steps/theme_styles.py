"""Send the theme's style sheets cut to what the site can match (edition/theme_styles.py).

Once every page is written, each of Material's style sheets (its `main` and
`palette` sheets, named by their hash) is replaced by the rules that an element
of a page, or one that a script the site sends makes, can match; the subset is
named by its own hash, so that a browser never keeps an older cut, and every
page's link to it is rewritten. The theme's source maps, which describe the
whole sheets, go with them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from edition.build_cache import Kept
from edition.errors import EditionError
from edition.step import Step
from edition.theme_styles import Usage, subset

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

THEME_SHEET = re.compile(r"^(main|palette)\.([0-9a-f]{8})\.min\.css$")
# The theme's scripts that make no element: its search's languages (680 KB) and workers
NO_DOM = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def cut_theme_styles(site: Path, kept: Kept | None = None) -> dict[str, str]:
    """Cut the theme's sheets under `site` and point every page at the cuts: {old: new name}."""
    folder = site / "assets" / "stylesheets"
    sheets = [path for path in sorted(folder.glob("*.min.css")) if THEME_SHEET.match(path.name)]
    if not sheets:
        raise EditionError(
            "the theme's style sheets (assets/stylesheets/main.<hash>.min.css) are not in the "
            "site; the theme has changed: update edition/steps/theme_styles.py to its names",
            file="edition/steps/theme_styles.py",
        )
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    scripts = [
        path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.js"))
        if not path.relative_to(site).as_posix().startswith(NO_DOM)
    ]
    usage = Usage.of(texts.values(), scripts)
    renamed = {}
    for sheet in sheets:
        kind = THEME_SHEET.match(sheet.name).group(1)
        css = sheet.read_text(encoding="utf-8")
        if kept is None:
            cut = subset(css, usage)
        else:  # the same sheet cut by the same words as a build before: the same cut
            cut = kept.get(
                [
                    css,
                    " ".join(sorted(usage.words)),
                    " ".join(usage.composed),
                    repr(sorted(usage.palette)),
                ],
                lambda css=css: subset(css, usage),
            )
        name = f"{kind}.{hashlib.sha256(cut.encode('utf-8')).hexdigest()[:8]}.min.css"
        (folder / name).write_text(cut, encoding="utf-8")
        if name != sheet.name:
            sheet.unlink()
        Path(f"{sheet}.map").unlink(missing_ok=True)
        renamed[sheet.name] = name
    for page, text in texts.items():
        rewritten = pointed_at_cut_sheets(text, renamed)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")
    return renamed


def pointed_at_cut_sheets(text: str, renamed: dict[str, str]) -> str:
    """A page's links to the theme's sheets, pointed at their cuts ({sheet: its cut's name})."""
    if not renamed:
        return text
    link = re.compile(
        r'(<link\b[^>]*\bhref="[^"]*assets/stylesheets/)('
        + "|".join(map(re.escape, renamed))
        + ')"'
    )
    return link.sub(lambda found: f'{found.group(1)}{renamed[found.group(2)]}"', text)


def point_at_cut_sheets(page: Path, renamed: dict[str, str]) -> None:
    """The page written again on its own (edition/serve_first.py), pointed at the site's cuts."""
    text = page.read_text(encoding="utf-8")
    rewritten = pointed_at_cut_sheets(text, renamed)
    if rewritten != text:
        page.write_text(rewritten, encoding="utf-8")


class ThemeStyles(Step):
    name = "theme_styles"
    after = {
        "search_passages": "every page is written, and the search index with it",
        "epub": "every file of the site is written before the pages are read for their classes",
        "later_parts": "a long whole paper's later parts are written, with their classes",
    }

    def post_build(self, config: MkDocsConfig) -> None:
        self.build.theme_sheets = cut_theme_styles(
            Path(config.site_dir), Kept(config, "theme-styles")
        )
