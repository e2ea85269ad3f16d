"""Write the sitemap only when the build knows where the site will be served.

A sitemap lists absolute addresses. With `site_url` (SITE_URL) set MkDocs
writes them under it; without it every address would be a guess, and MkDocs
would write an empty list, so sitemap.xml and sitemap.xml.gz are left out (and
the template, no longer built, is not copied as a file either).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from edition.step import Step

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

SITEMAP = "sitemap.xml"  # MkDocs writes its .gz beside it


class Sitemap(Step):
    name = "sitemap"

    def config(self, config: MkDocsConfig) -> None:
        if not config.site_url:
            config.theme.static_templates.discard(SITEMAP)

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        template = files.get_file_from_path(SITEMAP)
        if config.site_url or template is None:
            return None
        files.remove(template)
        return files
