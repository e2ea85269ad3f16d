from tests.unit.steps import load_step

unique_ids = load_step("unique_ids")


def test_repeated_ids_are_found_once_each_in_order():
    html = '<h2 id="a"></h2><p id="b"></p><p id="a"></p><p id="b"></p><p id="c"></p>'
    assert unique_ids.repeated_ids(html) == ["a", "b"]


def test_a_page_without_repeats_passes():
    assert unique_ids.repeated_ids('<p id="p-1"></p><p id="p-2"></p>') == []


def test_only_ids_of_elements_count_not_words_or_other_attributes():
    html = (
        '<p id="a" title="x &gt; y">The text says id="a" and <code>&lt;b id="a"&gt;</code>.</p>'
        '<a data-id="a" href="#a">a</a><abbr title="id=&quot;a&quot;">A</abbr>'
    )
    assert unique_ids.element_ids(html) == ["a"]
    assert unique_ids.repeated_ids(html) == []


def test_ids_in_single_quotes_and_self_closing_tags_count():
    html = "<img id='fig' src='x.png'/><hr id=\"fig\" />"
    assert unique_ids.element_ids(html) == ["fig", "fig"]
    assert unique_ids.repeated_ids(html) == ["fig"]
