from tests.unit.hooks import load_hook

search_paragraphs = load_hook("search_passages")

# A paragraph and a note as the build writes them: what the edition adds is marked
# `edition-added` (the permalink, the report link, the editor's note, the archived copy,
# the links to the bibliography); what Python-Markdown and the theme add has its own class.
HTML = (
    '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>'
    '<p id="p-1"><a class="paragraph-link edition-added" href="#p-1">¶</a>'
    '<a class="report-error edition-added" href="https://x.org/new?title=T" rel="nofollow"></a>'
    'The <abbr title="x">OPCON</abbr> '
    'talks<a class="editor-note-ref edition-added" id="ed-ref-1" href="#ed-1"></a>.'
    '<sup id="fnref:8"><a class="footnote-ref" href="#fn:8">8</a></sup></p>'
    '<aside class="editor-note edition-added" id="ed-1" role="note">'
    '<span class="editor-note-label">Editor’s note 1.</span> A remark.</aside>'
    '<div class="footnote"><ol><li id="fn:8"><p>A note &amp; more, '
    '<a href="http://a.org/">http://a.org/</a><span class="archived-copy edition-added"> ['
    '<a class="edition-added" href="https://web.archive.org/web/2008/http://a.org/">'
    "archived copy</a>]"
    '</span>. <span class="edition-sources edition-added">Bibliography: '
    '<a href="../bibliography/#kang">Kang 2004</a></span>'
    '<a class="footnote-backref" href="#fnref:8">↩</a></p>'
    '<aside class="editor-note edition-added" id="ed-2" role="note">'
    '<span class="editor-note-label">Editor’s note 2.</span> Another.</aside></li></ol></div>'
)


def test_passages_are_paragraphs_and_notes_without_markers_controls_or_anything_edition_added():
    assert search_paragraphs.find_passages(HTML) == [
        ("p-1", "¶ 1", "The OPCON talks."),
        ("fn:8", "Note 8", "A note & more, http://a.org/."),
    ]


def test_a_paper_page_is_split_into_its_passages():
    index = {
        "config": {},
        "docs": [
            {"location": "", "title": "Home", "text": "x"},
            {"location": "intro/", "title": "Intro", "text": "everything"},
            {"location": "intro/#notes", "title": "Notes", "text": "every note"},
            {"location": "about/#notes", "title": "Notes", "text": "kept"},
        ],
    }
    passages = {"intro/": ("Intro", [("p-1", "¶ 1", "a < b")])}
    assert search_paragraphs.split_index(index, passages)["docs"] == [
        {"location": "", "title": "Home", "text": "x"},
        {"location": "intro/", "title": "Intro", "text": ""},
        {"location": "intro/#p-1", "title": "Intro, ¶ 1", "text": "a &lt; b"},
        {"location": "about/#notes", "title": "Notes", "text": "kept"},
    ]
