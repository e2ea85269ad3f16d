"""Every page carries a strict Content-Security-Policy naming its own inline code, and no more.

The hashes are computed here, independently of the build, from each page's inline
scripts and `<style>` elements as BeautifulSoup reads them; the page must hold nothing
the policy would refuse (a style or an event-handler attribute, a script from elsewhere).
"""

from __future__ import annotations

import base64
import hashlib

import pytest

SCRIPT_TYPES = {None, "", "text/javascript", "module"}
DIRECTIVES = {
    "default-src": ["'none'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}


def policy(soup) -> dict[str, list[str]]:
    (meta,) = soup.select('meta[http-equiv="Content-Security-Policy"]')
    return {
        name: sources
        for name, *sources in (part.split() for part in meta["content"].split(";") if part.strip())
    }


def sha256(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def test_every_page_has_the_policy_first_in_its_head(page, html_pages):
    for path in html_pages:
        head = page(path).head
        first, second, third = head.find_all(True, recursive=False)[:3]
        assert first.name == "meta" and first.get("charset") == "utf-8", path
        assert second.get("http-equiv") == "Content-Security-Policy", path
        assert (third.get("name"), third.get("content")) == ("referrer", "no-referrer"), path


def test_the_policy_allows_the_site_and_its_own_inline_code_only(page, html_pages):
    styled_pages = 0
    for path in html_pages:
        soup = page(path)
        directives = policy(soup)
        scripts = directives.pop("script-src")
        styles = directives.pop("style-src")
        assert directives == DIRECTIVES, path
        inline = [
            script.string or ""
            for script in soup.find_all("script")
            if not script.get("src") and script.get("type") in SCRIPT_TYPES
        ]
        assert inline, path  # the theme's and the edition's own
        assert scripts == ["'self'", *dict.fromkeys(sha256(text) for text in inline)], path
        own_styles = [style.string or "" for style in soup.find_all("style")]
        styled_pages += bool(own_styles)
        assert styles == ["'self'", *dict.fromkeys(sha256(text) for text in own_styles)], path
        for word in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"):
            assert (
                word not in soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
            )
    assert styled_pages  # the sections' running heads in print (edition/steps/print_heads.py)


def test_no_page_holds_what_the_policy_would_refuse(page, html_pages):
    for path in html_pages:
        soup = page(path)
        styled = [element.name for element in soup.find_all(style=True)]
        handlers = [
            (element.name, name)
            for element in soup.find_all(True)
            for name in element.attrs
            if name.startswith("on")
        ]
        elsewhere = [
            script["src"]
            for script in soup.find_all("script", src=True)
            if script["src"].startswith(("http:", "https:", "//"))
        ]
        assert (styled, handlers, elsewhere) == ([], [], []), path


@pytest.mark.parametrize("path", ["introduction/index.html", "404.html"])
def test_a_page_and_the_not_found_page_are_covered(page, path):
    assert "sha256-" in " ".join(policy(page(path))["script-src"])
