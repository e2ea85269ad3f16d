from tests.unit.hooks import load_hook

unique_ids = load_hook("unique_ids")


def test_repeated_ids_are_found_once_each_in_order():
    html = '<h2 id="a"></h2><p id="b"></p><p id="a"></p><p id="b"></p><p id="c"></p>'
    assert unique_ids.repeated_ids(html) == ["a", "b"]


def test_a_page_without_repeats_passes():
    assert unique_ids.repeated_ids('<p id="p-1"></p><p id="p-2"></p>') == []
