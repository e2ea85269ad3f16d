from tests.unit.hooks import load_hook

search_paragraphs = load_hook("search_paragraphs")

HTML = (
    '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>'
    '<p id="p-1"><a class="paragraph-link" href="#p-1">¶</a>The <abbr title="x">OPCON</abbr> '
    'talks.<sup id="fnref:8"><a class="footnote-ref" href="#fn:8">8</a></sup></p>'
    '<div class="footnote"><ol><li id="fn:8"><p>A note &amp; more.'
    '<a class="footnote-backref" href="#fnref:8">↩</a></p></li></ol></div>'
)


def test_passages_are_paragraphs_and_notes_without_markers_or_controls():
    assert search_paragraphs.find_passages(HTML) == [
        ("p-1", "¶ 1", "The OPCON talks."),
        ("fn:8", "Note 8", "A note & more."),
    ]


def test_a_paper_page_is_split_into_its_passages():
    index = {"config": {}, "docs": [
        {"location": "", "title": "Home", "text": "x"},
        {"location": "intro/", "title": "Intro", "text": "everything"},
    ]}
    passages = {"intro/": ("Intro", [("p-1", "¶ 1", "a < b")])}
    assert search_paragraphs.split_index(index, passages)["docs"] == [
        {"location": "", "title": "Home", "text": "x"},
        {"location": "intro/", "title": "Intro", "text": ""},
        {"location": "intro/#p-1", "title": "Intro, ¶ 1", "text": "a &lt; b"},
    ]
