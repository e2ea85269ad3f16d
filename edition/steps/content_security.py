"""Lock every page down: a strict Content-Security-Policy and a referrer policy in its head.

The policy is a `<meta http-equiv>` right after the page's `<meta charset>`,
before anything it governs: nothing by default; scripts from the site, and
the page's own inline scripts by the SHA-256 of their text as sent (computed
here, last, once the page is minified, so a script changed by a later step
would not run rather than run unchecked); styles from the site and the page's
own `<style>` (its running heads in print, edition/steps/print_heads.py) by
their SHA-256 the same way; images, the search index
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


class _Inline(HTMLParser):
    """The text of every inline script a browser would run and every `<style>`, as given."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[str]] = {"script": [], "style": []}
        self._tag: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        script_type = (attributes.get("type") or "").strip().lower()
        runs = tag == "script" and "src" not in attributes and script_type in SCRIPT_TYPES
        if runs or tag == "style":
            self._tag, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._tag is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._tag:
            self.found[tag].append("".join(self._text))
            self._tag = None


def inline_code(html: str) -> dict[str, list[str]]:
    """{"script": [each inline script's text], "style": [each <style>'s text]}."""
    parser = _Inline()
    parser.feed(html)
    parser.close()
    return parser.found


def inline_scripts(html: str) -> list[str]:
    return inline_code(html)["script"]


def code_hash(code: str) -> str:
    """The CSP source that allows exactly this script or style: 'sha256-<base64 of its UTF-8>'."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str], styles: list[str] = ()) -> str:
    hashes = {
        "script-src": list(dict.fromkeys(code_hash(script) for script in scripts)),
        "style-src": list(dict.fromkeys(code_hash(style) for style in styles)),
    }
    return "; ".join(
        f"{name} {' '.join([sources, *hashes.get(name, [])])}" for name, sources in POLICY
    )


def is_policy(tag: StartTag) -> bool:
    return tag.tag == "meta" and (tag.get("http-equiv") or "").lower() == HEADER_NAME


def with_policy(html: str) -> str:
    """The document with its policy written for the inline scripts it now holds.

    A document that has one gets it rewritten (the server's live-reload script
    is added to built pages); one without gets it after its `<meta charset>`.
    EditionError for a document with a head but no `<meta charset>`.
    """
    inline = inline_code(html)
    policy = content_security_policy(inline["script"], inline["style"])
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
        "theme_markup": "the hashes are of the scripts the page keeps, as it ends up with them",
        "print_heads": "the page's own style (its running heads) is hashed as it is sent",
    }

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return with_policy(output)

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str | None:
        return with_policy(output) if template_name.endswith(".html") else None  # 404.html


def allow_inline_script(injected: bytes, original: bytes) -> bytes:
    """A served page with a script added (MkDocs' live reload): its policy allows that one too."""
    return with_policy(injected.decode("utf-8")).encode("utf-8")
