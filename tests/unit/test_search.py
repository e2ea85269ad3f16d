"""The search index and the theme's search worker: HTML and small data in, entries out."""

from __future__ import annotations

import json

import pytest

from edition.errors import EditionError
from edition.html import rewrite_text
from tests.unit.steps import load_step

search_passages = load_step("search_passages")
search_worker = load_step("search_worker")
index_of_terms = load_step("index_of_terms")
timeline = load_step("timeline")
Unit = search_passages.Unit

# A paragraph and a note as the build writes them: what the edition adds is marked
# `edition-added` (the permalink, the report link, the editor's note, the archived copy,
# the links to the bibliography); what Python-Markdown and the theme add has its own class.
SECTION = (
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
CHAPTER = "Alliance Adaptation Following the End of the Cold War"


def test_a_section_gives_its_paragraphs_and_notes_in_the_author_s_words_only():
    units = search_passages.page_units(
        SECTION, chapter=CHAPTER, passages=("p-", "fn:"), paper_page=True
    )
    assert units == [
        Unit("p-1", "Alliance Adaptation …, ¶ 1", "The OPCON talks.", "paper"),
        Unit("fn:8", "Note 8", "A note & more, http://a.org/.", "paper"),
    ]  # the title alone is no entry: the page's own entry carries it


def test_a_section_s_title_is_cut_after_its_first_words():
    assert search_passages.short_title(CHAPTER) == "Alliance Adaptation …"
    assert search_passages.short_title("Introduction") == "Introduction"
    assert search_passages.short_title("The Strait and Its Crossings") == (
        "The Strait and Its Crossings"
    )
    assert search_passages.short_title("The Strait and Its Crossings in the Long Age of Sail") == (
        "The Strait …"
    )
    assert search_passages.short_title("Synchronizing Views of Alliance Cooperation: Re") == (
        "Synchronizing Views …"
    )


GLOSSARY = (
    '<h1 id="glossary">Glossary</h1><p>The abbreviations the paper uses.</p>'
    '<dl class="glossary edition-added">'
    '<dt id="opcon" data-search-entry="OPCON">OPCON</dt>\n'
    "<dd>wartime operational control. "
    '<span class="used-in" data-search-exclude="">Used in <a href="#">¶ 3</a>.</span></dd>'
    '<dt id="dmz" data-search-entry="DMZ">DMZ</dt><dd>demilitarized zone.</dd></dl>'
)
BIBLIOGRAPHY = (
    '<div class="bibliography"><ul>'
    '<li id="kang2004" data-search-entry="Kang and Chamberlin 2004">Kang, David. '
    '"A History." <a href="http://a.org/">http://a.org/</a>'
    '<span class="archived-copy edition-added"> [<a href="#">archived copy</a>]</span>. '
    '<span class="cited-in" data-search-exclude="">Cited in <a href="#">n. 2</a>.</span></li>'
    "</ul></div>"
)


def test_an_apparatus_page_gives_each_entry_with_its_description_and_nothing_else():
    assert search_passages.page_units(GLOSSARY, chapter="Glossary") == [
        Unit("opcon", "OPCON", "OPCON wartime operational control.", "apparatus"),
        Unit("dmz", "DMZ", "DMZ demilitarized zone.", "apparatus"),
    ]
    assert search_passages.page_units(
        BIBLIOGRAPHY, chapter="Bibliography", entries="bibliography"
    ) == [
        Unit(
            "kang2004",
            "Kang and Chamberlin 2004",
            'Kang, David. "A History." http://a.org/.',
            "bibliography",
        )
    ]


def test_the_edition_s_pages_are_searched_by_heading():
    about = (
        "<p>Before any heading.</p>"
        '<h1 id="about">About<a class="headerlink" href="#about">¶</a></h1><p>This edition.</p>'
        '<h2 id="source">The <em>source</em></h2><p>The PDF.</p><p>Its text.</p>'
        '<h2 id="empty">Empty</h2>'
    )
    assert search_passages.page_units(about, chapter="About this edition") == [
        Unit("about", "About", "Before any heading. This edition.", "edition"),
        Unit("source", "The source", "The PDF. Its text.", "edition"),
    ]


def test_the_title_page_gives_its_cover_and_its_notes_as_the_paper_s_the_rest_as_the_edition_s():
    home = (
        '<div class="cover"><h1 id="title">The Paper</h1><p>Scott Snyder</p></div>'
        '<h2 id="how-to-cite">How to cite</h2><p>Chicago.</p>'
        '<div class="footnote"><ol><li id="fn:1"><p>Prepared for a conference.'
        '<a class="footnote-backref" href="#fnref:1">↩</a></p></li></ol></div>'
    )
    units = search_passages.page_units(home, chapter="Home", passages=("fn:",), paper_page=True)
    assert units == [
        Unit("fn:1", "Note 1", "Prepared for a conference.", "paper"),
        Unit("title", "The Paper", "Scott Snyder", "paper"),
        Unit("how-to-cite", "How to cite", "Chicago.", "edition"),
    ]


def test_each_page_is_one_entry_of_its_own_then_one_per_unit():
    pages = [
        ("intro/", "Intro", [Unit("p-1", "Intro, ¶ 1", "a < b", "paper")]),
        ("empty/", "Empty", []),
    ]
    assert search_passages.index_documents(pages) == [
        {"location": "intro/", "title": "Intro", "text": ""},
        {"location": "intro/#p-1", "title": "Intro, ¶ 1", "text": "a < b", "kind": "paper"},
    ]


def test_spellings_that_share_a_form_are_one_group_of_synonyms():
    groups = search_passages.synonym_groups(
        [
            ["FOTA", "Talks on the Future of the Alliance"],
            ["Talks on the future of the alliance", "FOTA talks"],
            ["Park Chunghee", "Park Chung-hee", "Park Chung Hee"],  # one spelling, as compared
            ["Seoul"],
        ]
    )
    assert groups == [["FOTA", "Talks on the Future of the Alliance", "FOTA talks"]]
    bridged = search_passages.synonym_groups([["A1", "B1"], ["C1", "D1"], ["B1", "C1"]])
    assert bridged == [["A1", "B1", "C1", "D1"]]


def test_a_spelling_is_compared_without_case_accents_spaces_or_punctuation():
    assert search_passages.folded("Pak Chŏng-hŭi") == "pakchonghui"
    assert search_passages.folded("P'yŏngyang") == search_passages.folded("Pyongyang")


CONFIG_SCRIPT = (
    '<input class="md-toggle" data-md-toggle="search">'
    '<script id="__config" type="application/json">{"base": "..", "search": '
    '"../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}</script>'
    '<script src="../assets/javascripts/bundle.js"></script>'
)


def test_the_theme_is_pointed_at_the_edition_s_worker_and_nothing_else_changes():
    edited = search_worker.use_edition_worker(CONFIG_SCRIPT)
    script = edited.split('type="application/json">')[1].split("</script>")[0]
    assert json.loads(script) == {
        "base": "..",
        "search": "../assets/search-worker.js",
        "tags": None,
    }
    assert (
        edited.replace(
            "assets/search-worker.js", "assets/javascripts/workers/search.a7633da7.min.js"
        )
        == CONFIG_SCRIPT
    )
    assert search_worker.use_edition_worker("<p>not a page of the theme</p>") == (
        "<p>not a page of the theme</p>"
    )


def test_a_theme_that_names_its_worker_elsewhere_stops_the_build():
    moved = CONFIG_SCRIPT.replace("assets/javascripts/workers/", "js/")
    with pytest.raises(EditionError, match="update THEME_WORKERS"):
        search_worker.use_edition_worker(moved)
    with pytest.raises(EditionError, match="configuration script once, found it 0 times"):
        search_worker.use_edition_worker('<input class="md-toggle"><p>no script</p>')


def test_the_text_of_an_element_is_rewritten_as_written_around_it():
    html = '<p>a</p><script id="x">{"a": "<b>"}</script><script>keep</script>'
    edited, count = rewrite_text(html, lambda tag: tag.get("id") == "x", str.upper)
    assert (edited, count) == (
        '<p>a</p><script id="x">{"A": "<B>"}</script><script>keep</script>',
        1,
    )


def test_an_index_entry_s_other_spelling_must_not_be_the_paper_s(tmp_path):
    from edition.apparatus import Passage

    passages = [Passage("a.md", "A", 2, "p-16", "Roh at Gyongju in November")]
    entry = {"entry": "Gyongju", "category": "places", "variants": ["Gyongju"]}
    found = index_of_terms.index_entries(
        [{**entry, "other_spellings": ["Gyeongju"]}], passages, {"places": "Places"}, name="i"
    )
    assert [heading["entry"] for heading, _ in found["places"]] == ["Gyongju"]
    with pytest.raises(EditionError, match="the paper writes 'Gyongju' .*A, ¶\u00a016.*variants"):
        index_of_terms.index_entries(
            [{**entry, "variants": ["Roh"], "other_spellings": ["Gyongju"]}],
            passages,
            {"places": "Places"},
            name="i",
        )
    with pytest.raises(EditionError, match="other_spellings of 'Gyongju' must be a list"):
        index_of_terms.check_entries(
            [{**entry, "other_spellings": "Gyeongju"}], {"places": "P"}, name="i"
        )


def test_index_entries_and_timeline_events_have_permalinks():
    assert index_of_terms.entry_id("Bush, George W.") == "bush-george-w"
    assert index_of_terms.entry_id('"386" generation') == "386-generation"
    assert timeline.event_ids([{"sort": "2002"}, {"sort": "2002-01"}, {"sort": "2002"}]) == [
        "event-2002",
        "event-2002-01",
        "event-2002-2",
    ]
