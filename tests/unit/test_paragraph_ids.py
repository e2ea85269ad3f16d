from tests.unit.steps import load_step
from tests.unit.treeprocessors import convert, paper_build

paragraph_ids = load_step("paragraph_ids")


def test_paragraphs_and_list_items_are_numbered_in_order():
    markdown = "# Title { #t }\n\nFirst.[^1]\n\n- a) one\n- b) two\n\nLast.\n\n[^1]: A note.\n"
    assert paragraph_ids.number_paragraphs(markdown) == (
        "# Title { #t }\n\nFirst.[^1]\n{ #p-1 }\n\n- a) one\n{ #p-2 }\n- b) two\n{ #p-3 }"
        "\n\nLast.\n{ #p-4 }\n\n[^1]: A note.\n"
    )


def test_rewording_a_paragraph_keeps_every_id():
    before = paragraph_ids.number_paragraphs("One.\n\nTwo.\n\nThree.")
    after = paragraph_ids.number_paragraphs("One, corrected.\n\nTwo.\n\nThree.")
    assert before.count("{ #p-") == after.count("{ #p-") == 3
    assert after.endswith("Three.\n{ #p-3 }")


def test_a_permalink_showing_its_number_opens_each_numbered_paragraph():
    html = convert("Text\n{ #p-7 }\n\nOther", ["edition-permalinks"], build=paper_build())
    # Python-Markdown writes an element's attributes in alphabetical order
    assert html == (
        '<p id="p-7"><a aria-label="Permanent link to paragraph 7" '
        'class="paragraph-link edition-added" href="#p-7">7</a>Text</p>\n<p>Other</p>'
    )


def test_a_numbered_list_item_gets_a_permalink_and_a_page_outside_the_paper_none():
    markdown = "- a) one\n{ #p-2 }\n- b) two\n{ #p-3 }"
    html = convert(markdown, ["edition-permalinks"], build=paper_build())
    assert (
        '<li id="p-3"><a aria-label="Permanent link to paragraph 3" '
        'class="paragraph-link edition-added" href="#p-3">3</a>b) two</li>'
    ) in html
    assert html.count("paragraph-link") == 2
    assert "paragraph-link" not in convert(
        markdown, ["edition-permalinks"], build=paper_build(section=0)
    )


def test_a_paragraphs_own_attribute_list_takes_its_id():
    markdown = "Lead.\n{ .lead title='x' }\n\n- item\n{: .x }\n- other\n\nPlain."
    numbered = paragraph_ids.number_paragraphs(markdown)
    assert numbered == (
        "Lead.\n{ #p-1 .lead title='x' }\n\n- item\n{ #p-2 .x }\n- other\n{ #p-3 }\n\nPlain.\n"
        "{ #p-4 }"
    )
    html = convert(numbered, [])
    assert html.startswith('<p class="lead" id="p-1" title="x">Lead.</p>')


def test_a_paragraph_that_gives_itself_an_id_is_found_at_its_line():
    from edition.paragraphs import given_ids

    markdown = "One.\n\nTwo,\non two lines.\n{ .a #mine }\n\n- item\n{ id=other }"
    assert given_ids(markdown) == [(5, "{ .a #mine }"), (8, "{ id=other }")]
