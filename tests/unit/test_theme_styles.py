"""edition/theme_styles.py: the theme's rules a site can match are kept, and only those."""

from __future__ import annotations

from edition.theme_styles import CLASS_ATTRIBUTE, Usage, class_values, subset

PAGE = '<body data-md-color-scheme="slate" data-md-color-primary="indigo"><p class="md-typeset">'
SCRIPT = 'el.className = `md-tag--${name}`; el.classList.add("md-search__output")'


def usage() -> Usage:
    return Usage.of([PAGE], [SCRIPT])


def test_a_rule_for_a_class_no_page_or_script_has_goes():
    css = ".md-typeset{color:red}.md-admonition{color:blue}.md-search__output{margin:0}"
    assert subset(css, usage()) == ".md-typeset{color:red}.md-search__output{margin:0}"


def test_only_the_selectors_that_can_match_stay_in_a_list():
    css = ".md-admonition p,.md-typeset p{margin:0}"
    assert subset(css, usage()) == ".md-typeset p{margin:0}"


def test_classes_inside_not_and_is_are_not_required():
    css = ".md-typeset:not(.md-admonition){a:b}.md-typeset :is(.md-tabs,.x) p{c:d}"
    assert subset(css, usage()) == css


def test_commas_inside_is_do_not_split_the_selector():
    css = ":is(.md-admonition,.md-typeset) p,.md-details{e:f}"
    assert subset(css, usage()) == ":is(.md-admonition,.md-typeset) p{e:f}"


def test_a_class_a_script_composes_is_kept():
    assert subset(".md-tag--news{a:b}", usage()) == ".md-tag--news{a:b}"


def test_palette_values_no_page_names_go():
    css = "[data-md-color-primary=red]{a:b}[data-md-color-primary=indigo]{c:d}"
    assert subset(css, usage()) == "[data-md-color-primary=indigo]{c:d}"


def test_grouping_at_rules_keep_what_they_hold_and_others_stay_whole():
    css = (
        "@media screen{.md-admonition{a:b}.md-typeset{c:d}}@media print{.md-details{e:f}}"
        "@keyframes spin{0%{g:h}to{i:j}}"
    )
    assert subset(css, usage()) == "@media screen{.md-typeset{c:d}}@keyframes spin{0%{g:h}to{i:j}}"


def test_a_page_s_classes_are_found_the_quick_way_as_the_full_expression_finds_them():
    page = (
        '<p class="a b">x</p><div data-class="not-one">y</div>\n<span\tclass="c">'
        '<i class="">z</i><em class="d"'
    )
    assert class_values(page) == CLASS_ATTRIBUTE.findall(page) == ["a b", "c", "", "d"]
    shouting = '<P CLASS="e"><p class="f">'
    assert class_values(shouting) == CLASS_ATTRIBUTE.findall(shouting) == ["e", "f"]
