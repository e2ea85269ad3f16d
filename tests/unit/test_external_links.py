"""Every link that leaves the site carries rel="noopener"."""

import xml.etree.ElementTree as etree

from tests.unit.steps import load_step

external_links = load_step("external_links")


def test_noopener_is_added_once_and_other_rel_values_are_kept():
    assert external_links.with_noopener(None) == "noopener"
    assert external_links.with_noopener("nofollow") == "nofollow noopener"
    assert external_links.with_noopener("noopener nofollow") == "noopener nofollow"


def test_only_links_that_leave_the_site_are_marked():
    root = etree.fromstring(
        '<div><a href="http://a.org/">a</a><a href="HTTPS://b.org/" rel="me">b</a>'
        '<a href="../bibliography/#key">c</a><a href="#fn:3">d</a><a href="//c.org/">e</a></div>'
    )
    assert external_links.mark_external_links(root) == 3
    assert [link.get("rel") for link in root] == ["noopener", "me noopener", None, None, "noopener"]


def test_template_links_of_a_whole_document_are_marked_too():
    html = (
        '<a href="https://github.com/x/issues/new?a=1&amp;b=2" rel="nofollow">Report</a>'
        "<a class='x' href='http://a.org/'>a</a><a href=\"../about/\">b</a>"
        '<a href="https://b.org/" rel="noopener">c</a><abbr title="x">X</abbr>'
    )
    # A tag that is changed is written again as Python-Markdown writes one (double quotes);
    # every other tag, and everything between tags, is copied byte for byte.
    assert external_links.mark_external_link_tags(html) == (
        '<a href="https://github.com/x/issues/new?a=1&amp;b=2" rel="nofollow noopener">Report</a>'
        '<a rel="noopener" class="x" href="http://a.org/">a</a><a href="../about/">b</a>'
        '<a href="https://b.org/" rel="noopener">c</a><abbr title="x">X</abbr>'
    )


# The old hook found start tags with the regular expression `<a\s[^>]*>`: it ended the
# tag of the first link below at the `>` inside its title, found no href in `<a title="a >`
# and left the link without noopener; and it took the `<a ...>` inside the script's string
# for a link and wrote `rel="noopener"` into the script. Read by an HTML parser, the
# attribute is one value and a script's text is no markup.


def test_a_greater_than_sign_inside_an_attribute_does_not_end_the_tag():
    assert external_links.mark_external_link_tags(
        '<a title="a > b" href="https://x.org/">x</a>'
    ) == ('<a rel="noopener" title="a &gt; b" href="https://x.org/">x</a>')


def test_a_link_inside_a_script_s_string_is_left_alone():
    script = "<script>var link = '<a href=\"https://x.org/\">x</a>'; if (a > b) {}</script>"
    html = f'<p>Text</p>{script}<a href="https://y.org/">y</a>'
    assert external_links.mark_external_link_tags(html) == (
        f'<p>Text</p>{script}<a rel="noopener" href="https://y.org/">y</a>'
    )
