"""Running heads in print: each page's own print style, its strings safe in CSS and in HTML."""

from __future__ import annotations

from tests.unit.steps import load_step

print_heads = load_step("print_heads")


def test_a_css_string_cannot_leave_its_quotes_nor_the_style_element():
    assert print_heads.css_string('Reconciling "Inside-Out"') == '"Reconciling \\"Inside-Out\\""'
    assert print_heads.css_string("a\\b </style> &") == '"a\\\\b \\3c /style\\3e  \\26 "'
    assert print_heads.css_string("two\nlines") == '"two lines"'


def test_a_section_prints_the_paper_s_title_and_its_own():
    assert print_heads.print_style("Paper", "Introduction") == (
        '@page{@top-left{content:"Paper"}@top-right{content:"Introduction"}}'
    )
    assert print_heads.print_style("Paper", "Paper") == '@page{@top-left{content:"Paper"}}'


def test_the_whole_paper_gives_each_part_a_named_page_and_its_title_page_no_head():
    style = print_heads.print_style(
        "Paper", "The whole paper", parts=[("intro", "Intro"), ("a b", "A")], title_page=True
    )
    assert style.startswith('@page{@top-left{content:"Paper"}}')  # no section: the parts say
    assert '@page p-intro{@top-right{content:"Intro"}}' in style
    assert '[data-part="intro"]{page:p-intro}' in style
    assert '[data-part="a b"]{page:p-a-b}' in style  # a page name is an ident
    assert style.endswith("@page:first{@top-left{content:none}@top-right{content:none}}")
