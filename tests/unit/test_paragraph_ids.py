from tests.unit.hooks import load_hook

paragraph_ids = load_hook("paragraph_ids")


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


def test_a_permalink_opens_each_numbered_paragraph():
    html = paragraph_ids.add_permalinks('<p id="p-7">Text</p><p>Other</p>')
    assert html.startswith('<p id="p-7"><a class="paragraph-link edition-added" href="#p-7"')
    assert html.endswith("¶</a>Text</p><p>Other</p>")
