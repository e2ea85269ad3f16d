"""Send the pages, styles and scripts without what only their authors read.

Material's templates indent their markup deeply, and the edition's own CSS and
JavaScript carry comments for their editors; a browser needs neither, and a
phone downloads both. The edition's style sheet and scripts (those of docs/,
the ones a script fetches on demand included) are minified as they are copied
(rcssmin, rjsmin); each page loses the indentation of its
lines, except where white space is kept as written (`pre`, `textarea`), and
its inline scripts are minified. The files under docs/ keep their comments.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from mkdocs.structure.files import File

from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

KEPT_AS_WRITTEN = {"pre", "textarea", "script", "style"}
INDENTATION = re.compile(r"\n[ \t]+")
MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


# An element whose text is kept as written (its start tag, its text, its end tag), a comment,
# or any other tag: what the compaction copies as it is. Script and style text end at their
# first end tag, as in HTML; `pre` and `textarea` are not nested in the theme's pages.
KEPT = re.compile(
    r"(?P<element><(?P<tag>pre|textarea|script|style)\b(?P<attributes>[^>]*)>.*?</(?P=tag)\s*>)"
    r"|(?P<markup><!--.*?-->|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
SCRIPT_TEXT = re.compile(r"^(<script>)(.*)(</script\s*>)$", re.DOTALL | re.IGNORECASE)


def compact(html: str) -> str:
    """`html` without line indentation where that is safe, and with its inline scripts minified.

    Only text between tags loses its indentation: tags, comments and the text of
    `pre`, `textarea`, `script` and `style` are copied as they are, but for an
    inline script with no attributes (JavaScript; JSON has a type), which is minified.
    """
    out = []
    position = 0
    for found in KEPT.finditer(html):
        out.append(INDENTATION.sub("\n", html[position : found.start()]))
        kept = found.group(0)
        script = SCRIPT_TEXT.match(kept) if found.group("tag") else None
        if script:
            kept = script.group(1) + rjsmin.jsmin(script.group(2)) + script.group(3)
        out.append(kept)
        position = found.end()
    out.append(INDENTATION.sub("\n", html[position:]))
    return "".join(out)


def minified(file: File, config: MkDocsConfig) -> File:
    """The edition's own style sheets and scripts (docs/), minified; any other file as it is.

    The search worker is one of them, though no page loads it with a tag.
    """
    own = bool(file.abs_src_path) and Path(file.abs_src_path).resolve().is_relative_to(
        Path(config.docs_dir).resolve()
    )
    minify = MINIFIERS.get(file.src_uri[file.src_uri.rfind(".") :])
    if not (own and minify):
        return file
    return File.generated(config, file.src_uri, content=minify(file.content_string))


class Minify(Step):
    name = "minify"
    after = {"theme_markup": "the theme's markup is matched as its templates write it"}

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        for file in list(files):
            smaller = minified(file, config)
            if smaller is not file:
                files.remove(file)
                files.append(smaller)
        return files

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return compact(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return compact(output)  # 404.html
