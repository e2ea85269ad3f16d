"""The page's policy names exactly the inline scripts it holds, as they are sent."""

from __future__ import annotations

import base64
import hashlib

import pytest

from edition.errors import EditionError
from edition.steps.content_security import inline_scripts, with_policy

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    '<script type="application/ld+json">{"a": "</b>"}</script></head><body>'
    '<script>var a = "<b>" && 1</script><script src="x.js"></script>'
    '<script id="__config" type="application/json">{}</script>'
    "<script type=module>import './m.js'</script></body></html>"
)


def sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def policy_of(html: str) -> str:
    start = html.index('http-equiv="Content-Security-Policy" content="') + 46
    return html[start : html.index('"', start)].replace("&#39;", "'").replace("&#x27;", "'")


def test_only_the_scripts_a_browser_runs_are_hashed():
    assert inline_scripts(PAGE) == ['var a = "<b>" && 1', "import './m.js'"]


def test_the_policy_follows_the_charset_and_names_each_inline_script():
    secured = with_policy(PAGE)
    assert secured.index("<meta charset") < secured.index("Content-Security-Policy")
    assert secured.index("Content-Security-Policy") < secured.index("<script")
    assert '<meta name="referrer" content="no-referrer">' in secured
    policy = dict(part.split(" ", 1) for part in policy_of(secured).split("; "))
    assert policy["default-src"] == "'none'"
    first, second = sha256('var a = "<b>" && 1'), sha256("import './m.js'")
    assert policy["script-src"] == f"'self' 'sha256-{first}' 'sha256-{second}'"
    assert "unsafe-inline" not in policy_of(secured)


def test_a_page_given_another_script_gets_its_policy_rewritten():
    served = with_policy(PAGE).replace("</body>", "<script>livereload(1, 2);</script></body>")
    again = with_policy(served)
    assert again.count("Content-Security-Policy") == 1
    assert f"'sha256-{sha256('livereload(1, 2);')}'" in policy_of(again)


def test_a_page_without_a_charset_is_a_changed_theme():
    with pytest.raises(EditionError, match="no <meta charset>"):
        with_policy("<html><head><title>t</title></head><body></body></html>")
