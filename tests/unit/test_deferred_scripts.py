"""edition/steps/deferred_scripts.py: the theme's script is deferred once, or the build says why."""

from __future__ import annotations

import pytest

from edition.errors import EditionError
from tests.unit.steps import load_step

deferred_scripts = load_step("deferred_scripts")

THEME_PAGE = (
    '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
    "<p>Text</p><script>var inline = 1</script>\n"
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
    '<script src="../assets/cite.js" defer></script></body>'
)


def test_the_theme_script_is_deferred_and_nothing_else_changes():
    deferred = deferred_scripts.defer_theme_script(THEME_PAGE)
    assert deferred == THEME_PAGE.replace(
        'bundle.a5f9d56c.min.js"></script>', 'bundle.a5f9d56c.min.js" defer></script>'
    )


def test_a_theme_page_without_the_script_stops_the_build():
    page = THEME_PAGE.replace("bundle.a5f9d56c.min.js", "bundle.js")
    with pytest.raises(EditionError, match="found it 0 times") as error:
        deferred_scripts.defer_theme_script(page)
    assert error.value.file == "edition/steps/deferred_scripts.py"  # the fix is the code's
    twice = THEME_PAGE.replace(
        "</body>", '<script src="assets/javascripts/bundle.0f.min.js"></script></body>'
    )
    with pytest.raises(EditionError, match="found it 2 times"):
        deferred_scripts.defer_theme_script(twice)


def test_a_page_the_theme_did_not_render_is_left_alone():
    assert deferred_scripts.defer_theme_script("<p>epub</p>") == "<p>epub</p>"
