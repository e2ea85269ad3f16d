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
import re
from typing import TYPE_CHECKING

from edition.errors import EditionError
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
# Script types a browser runs; any other (application/json, application/ld+json) is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


# A script's or a style's text runs from its start tag to the first `</script` or `</style`
# (HTML's script data and raw text), so an expression finds exactly what the browser hashes,
# in one quick pass over the page, without parsing it.
INLINE = re.compile(
    r"<(?P<tag>script|style)\b(?P<attributes>[^>]*)>(?P<text>.*?)</(?P=tag)\s*>",
    re.DOTALL | re.IGNORECASE,
)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
SOURCE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
POLICY_TAG = re.compile(
    r"<meta\b[^>]*\bhttp-equiv\s*=\s*[\"']?content-security-policy[\"']?[^>]*>", re.IGNORECASE
)
CHARSET_TAG = re.compile(r"<meta\b[^>]*\bcharset\s*=[^>]*>", re.IGNORECASE)


def inline_code(html: str) -> dict[str, list[str]]:
    """{"script": [each inline script's text a browser runs], "style": [each <style>'s text]}."""
    found: dict[str, list[str]] = {"script": [], "style": []}
    for match in INLINE.finditer(html):
        tag, attributes = match.group("tag").lower(), match.group("attributes")
        if tag == "script":
            kind = TYPE.search(attributes)
            if SOURCE.search(attributes) or (kind and kind.group(1).lower() not in SCRIPT_TYPES):
                continue
        found[tag].append(match.group("text"))
    return found


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


def with_policy(html: str) -> str:
    """The document with its policy written for the inline scripts it now holds.

    A document that has one gets it rewritten (the server's live-reload script
    is added to built pages); one without gets it after its `<meta charset>`.
    EditionError for a document with a head but no `<meta charset>`.
    """
    inline = inline_code(html)
    policy = content_security_policy(inline["script"], inline["style"])
    markup = render("content-security.html", policy=policy, referrer=REFERRER)
    written = POLICY_TAG.search(html)
    if written:
        policy_tag = markup[: markup.index(">") + 1]  # the policy's own <meta>, as rendered
        return html[: written.start()] + policy_tag + html[written.end() :]
    head_ends = html.find("</head>")
    charset = CHARSET_TAG.search(html, 0, head_ends if head_ends != -1 else len(html))
    if charset is None:
        if "<head" not in html:
            return html  # not a page: a fragment, a feed
        raise EditionError(
            "the page has no <meta charset> to put its Content-Security-Policy after; the "
            "theme's templates have changed: update with_policy to the new markup",
            file="edition/steps/content_security.py",
        )
    return html[: charset.end()] + markup + html[charset.end() :]


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
