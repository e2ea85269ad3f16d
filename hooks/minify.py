"""Send the pages, styles and scripts without what only their authors read.

Material's templates indent their markup deeply, and the edition's own CSS and
JavaScript carry comments for their editors; a browser needs neither, and a
phone downloads both. The edition's style sheet and scripts are minified as
they are copied (rcssmin, rjsmin); each page loses the indentation of its
lines, except where white space is kept as written (`pre`, `textarea`), and
its inline scripts are minified. The files under docs/ keep their comments.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

KEPT_AS_WRITTEN = re.compile(
    r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE
)
INLINE_SCRIPT = re.compile(r"(<script>)(.*?)(</script>)", re.DOTALL)  # JavaScript, no src
INDENTATION = re.compile(r"\n[ \t]+")
MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def compact(html: str) -> str:
    """`html` without line indentation where that is safe, and with its inline scripts minified."""
    parts = KEPT_AS_WRITTEN.split(html)
    # split() gives text, element, tag name, text, element, tag name, ...
    kept = [
        INDENTATION.sub("\n", part) if index % 3 == 0 else part
        for index, part in enumerate(parts)
        if index % 3 != 2
    ]
    return INLINE_SCRIPT.sub(
        lambda script: script.group(1) + rjsmin.jsmin(script.group(2)) + script.group(3),
        "".join(kept),
    )


def minified(file: File, config: MkDocsConfig) -> File:
    """The edition's own style sheet or script, minified; any other file as it is."""
    own = file.src_uri in config.extra_css or file.src_uri in {
        str(script) for script in config.extra_javascript
    }
    minify = MINIFIERS.get(file.src_uri[file.src_uri.rfind("."):])
    if not (own and minify and file.abs_src_path):
        return file
    return File.generated(config, file.src_uri, content=minify(file.content_string))


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    for file in list(files):
        smaller = minified(file, config)
        if smaller is not file:
            files.remove(file)
            files.append(smaller)
    return files


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return compact(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return compact(output_content)  # 404.html
