"""edition/html.py reads a document's tags as Python's HTMLParser does."""

from __future__ import annotations

from html.parser import HTMLParser

from edition.html import read_tags

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<!-- a <comment> with <a href="x"> in it -->
<script>if (a < b && c > d) document.write("<p id='no'>")</script>
<style>p > a { color: red }</style></head>
<body><a title="a > b" href="/x?y=1&amp;z=2" data-q='say "hi"' hidden>one</a><br/>
<IMG SRC=plain.png ALT="Upper"><p class="x"><span>two</span></p></body></html>"""


class _Reference(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def test_the_tags_and_attributes_are_those_htmlparser_reads():
    reference = _Reference()
    reference.feed(PAGE)
    reference.close()
    assert [(tag.tag, tag.attributes) for tag in read_tags(PAGE).tags] == reference.tags


def test_each_element_ends_where_its_end_tag_does():
    tags = read_tags(PAGE)
    names = [tag.tag for tag in tags.tags]
    script = names.index("script")
    assert PAGE[tags.content_ends[script] :].startswith("</script>")
    anchor = names.index("a")
    assert PAGE[tags.tags[anchor].end : tags.content_ends[anchor]] == "one"
    assert tags.ends[names.index("br")] == tags.tags[names.index("br")].end
