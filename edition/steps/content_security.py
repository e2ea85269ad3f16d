"""Lock every page down: a strict Content-Security-Policy and a referrer policy in its head.

The policy is a `<meta http-equiv>` right after the page's `<meta charset>`,
before anything it governs: nothing by default; scripts from the site, and
the page's own inline scripts by the SHA-256 of their text as sent (computed
here, last, once the page is minified, so a script changed by a later step
would not run rather than run unchecked); styles, images, the search index
(`connect-src`) and the search worker from the site only; no `<base>` and no
form submitted anywhere. Nothing is allowed inline that was not hashed: no
`unsafe-inline`, so a script or an event handler that reached a page by any
other way than the build does not run. The theme's scripts change styles
through the CSSOM (`element.style`), which the policy allows; no page carries
a `style` attribute (edition/steps/well_formed.py refuses one in the text).
`img-src` also allows `data:`, which is how the theme's style sheet draws its
icons. The referrer policy keeps the address of the passage a reader was on
from the sites the notes link to.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from edition.errors import EditionError
from edition.html import StartTag, rewrite_tags, start_tag
from edition.step import Step
from edition.templates import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

POLICY = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),  # and each inline script's hash
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # the theme's icons are data: images in its style sheet
    ("connect-src", "'self'"),  # the search index, fetched when search is opened
    ("worker-src", "'self'"),  # the search worker
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)
REFERRER = "no-referrer"
HEADER_NAME = "content-security-policy"
# Script types a browser runs; any other (application/json, application/ld+json) is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    """The text of every inline script a browser would run, as the document gives it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        script_type = (attributes.get("type") or "").strip().lower()
        if tag == "script" and "src" not in attributes and script_type in SCRIPT_TYPES:
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this script: 'sha256-<base64 of its UTF-8 digest>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str]) -> str:
    hashes = list(dict.fromkeys(script_hash(script) for script in scripts))
    return "; ".join(
        f"{name} {' '.join([sources, *hashes])}" if name == "script-src" else f"{name} {sources}"
        for name, sources in POLICY
    )


def is_policy(tag: StartTag) -> bool:
    return tag.tag == "meta" and (tag.get("http-equiv") or "").lower() == HEADER_NAME


def with_policy(html: str) -> str:
    """The document with its policy written for the inline scripts it now holds.

    A document that has one gets it rewritten (the server's live-reload script
    is added to built pages); one without gets it after its `<meta charset>`.
    EditionError for a document with a head but no `<meta charset>`.
    """
    policy = content_security_policy(inline_scripts(html))
    found = {"policy": 0, "charset": 0}

    def rewrite(tag: StartTag) -> str | None:
        if is_policy(tag):
            found["policy"] += 1
            attributes = [(k, policy if k == "content" else v) for k, v in tag.attributes]
            return start_tag("meta", attributes)
        return None

    rewritten = rewrite_tags(html, rewrite)
    if found["policy"]:
        return rewritten

    def insert(tag: StartTag) -> str | None:
        if tag.tag == "meta" and tag.get("charset") is not None and not found["charset"]:
            found["charset"] += 1
            markup = render("content-security.html", policy=policy, referrer=REFERRER)
            return html[tag.start : tag.end] + markup
        return None

    inserted = rewrite_tags(html, insert)
    if not found["charset"]:
        if "<head" not in html:
            return html  # not a page: a fragment, a feed
        raise EditionError(
            "the page has no <meta charset> to put its Content-Security-Policy after; the "
            "theme's templates have changed: update with_policy to the new markup",
            file="edition/steps/content_security.py",
        )
    return inserted


class ContentSecurity(Step):
    name = "content_security"
    after = {
        "minify": "the hashes are of the inline scripts as they are sent, minified",
        "page_scripts": "the hashes are of the scripts the page keeps",
        "deferred_scripts": "the hashes are of the scripts as the page ends up with them",
    }

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return with_policy(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return with_policy(output) if template_name.endswith(".html") else None  # 404.html


def allow_inline_script(injected: bytes, original: bytes) -> bytes:
    """A served page with a script added (MkDocs' live reload): its policy allows that one too."""
    return with_policy(injected.decode("utf-8")).encode("utf-8")
