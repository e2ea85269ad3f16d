"""hooks/minify.py and hooks/page_scripts.py: less to download, the same page."""

from __future__ import annotations

import pytest

from tests.unit.steps import load_step

minify = load_step("minify")
page_scripts = load_step("page_scripts")

PAGE = (
    '<body>\n    <div class="md-grid">\n      <p>Two  words\n        and more</p>\n'
    "<pre><code>@book{key,\n  title = {T},\n}</code></pre>\n"
    "    <script>\n      // a comment for editors\n      var answer = 42\n    </script>\n"
    '    <script type="application/ld+json">{\n  "name": "x"\n}</script>\n'
    "    <textarea>\n  kept\n</textarea>\n</div></body>"
)


def test_indentation_goes_but_pre_textarea_and_data_stay_as_written():
    compact = minify.compact(PAGE)
    assert "\n    <div" not in compact and "\n<div" in compact
    assert "<p>Two  words\nand more</p>" in compact  # the browser shows the same words
    assert "<pre><code>@book{key,\n  title = {T},\n}</code></pre>" in compact
    assert '{\n  "name": "x"\n}' in compact
    assert "<textarea>\n  kept\n</textarea>" in compact


def test_inline_scripts_are_minified_and_still_say_the_same():
    compact = minify.compact(PAGE)
    assert "a comment for editors" not in compact
    assert "<script>var answer=42</script>" in compact


def test_a_script_is_dropped_only_from_pages_without_its_work():
    tags = (
        '<script src="../assets/javascripts/bundle.1.min.js" defer></script>\n'
        '<script src="../assets/cite.js" defer></script>\n'
        '<script src="../assets/not-found.js" defer></script>\n'
        '<script src="../assets/reading-place.js" defer></script>\n'
    )
    with_paragraph = '<p id="p-1">Text</p>' + tags
    kept = page_scripts.drop_unused_scripts(with_paragraph)
    assert "reading-place.js" in kept and "bundle.1.min.js" in kept
    assert "cite.js" not in kept and "not-found.js" not in kept
    everything = '<section class="cite-this"></section><p class="not-found">A</p>' + with_paragraph
    assert page_scripts.drop_unused_scripts(everything) == everything


def test_a_script_s_elements_after_the_script_stop_the_build():
    from edition.errors import EditionError

    late = (
        '<body><script src="assets/cite.js" defer></script>'
        '<section class="cite-this"></section></body>'
    )
    with pytest.raises(EditionError, match="come after the script"):
        page_scripts.drop_unused_scripts(late)


def test_a_script_that_works_on_two_kinds_of_element_needs_both():
    script = '<script src="../assets/margin-notes.js" defer></script>'
    marker = '<sup><a class="footnote-ref" href="#fn:1">1</a></sup>'
    assert "margin-notes.js" not in page_scripts.drop_unused_scripts(f"<p>A{marker}</p>{script}")
    assert "margin-notes.js" not in page_scripts.drop_unused_scripts(f'<p id="p-1">A</p>{script}')
    section = f'<p id="p-1">A{marker}</p>{script}'
    assert page_scripts.drop_unused_scripts(section) == section
