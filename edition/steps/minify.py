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
from html.parser import HTMLParser
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


class _Compactor(HTMLParser):
    """Copy a document, dropping line indentation outside the elements kept as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.kept: list[str] = []  # the open elements kept as written
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in KEPT_AS_WRITTEN:
            self.kept.append(tag)
            self.script = tag == "script" and not attrs  # JavaScript; JSON is left as written

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.kept and self.kept[-1] == tag:
            self.kept.pop()
            self.script = False
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.script:
            self.out.append(rjsmin.jsmin(data))
        elif self.kept:
            self.out.append(data)
        else:
            self.out.append(INDENTATION.sub("\n", data))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def compact(html: str) -> str:
    """`html` without line indentation where that is safe, and with its inline scripts minified."""
    compactor = _Compactor()
    compactor.feed(html)
    compactor.close()
    return "".join(compactor.out)


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
