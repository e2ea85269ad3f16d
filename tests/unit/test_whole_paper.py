"""The one-page edition, put together from the chapter files, and its parts' notes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.meta import get_data

from edition.errors import EditionError
from edition.paragraphs import number_paragraphs
from edition.whole_paper import (
    Chapter,
    chapter_for_one_page,
    converted,
    fill_parts,
    one_page_id,
    one_page_markdown,
    one_page_skeleton,
    read_chapters,
    read_title_page,
)
from tests.unit.pages import HOME
from tests.unit.steps import load_step
from tests.unit.treeprocessors import convert, paper_build, priority, tree

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = Chapter(
    1,
    "introduction.md",
    (
        "# Introduction { #introduction }\n\nFirst.[^2]\n\n- a) one\n- b) two\n\n"
        "[^2]: A note, p. 3. [@key1; @key2]\n"
    ),
)
report_error = load_step("report_error")


def test_the_chapters_are_read_in_the_paper_s_order():
    assert [chapter.src_uri for chapter in read_chapters(ROOT / "docs")] == [
        "introduction.md",
        "alliance-adaptation.md",
        "mutually-beneficial-rationale.md",
        "synchronizing-views.md",
    ]


def test_the_cover_and_note_1_come_from_the_home_page():
    cover, note_1 = read_title_page(HOME)
    assert cover.startswith('<div class="cover" markdown>') and cover.endswith("</div>")
    assert "Contents" not in cover
    assert note_1 == "[^1]: The first note."
    with pytest.raises(EditionError, match="cover"):
        read_title_page("# No cover\n")


def test_on_one_page_paragraphs_get_their_own_ids_and_cite_the_chapter_page():
    one_page = chapter_for_one_page(CHAPTER)
    assert one_page.startswith(
        '<section class="paper-part" data-part="introduction" markdown>\n\n'
        "## Introduction { #introduction }"
    )
    assert one_page.endswith("</section>")
    link = (
        "[{n}](introduction.md#p-{n}){{ .paragraph-link .edition-added "
        'aria-label="Paragraph {n} of this section, on its own page" }}'
    )
    assert f"{link.format(n=1)}First.[^2]\n{{ #introduction-p-1 }}" in one_page
    assert (
        f"- {link.format(n=2)}a) one\n{{ #introduction-p-2 }}\n- {link.format(n=3)}b) two"
        in one_page
    )
    assert "[^2]: A note, p. 3. [@key1; @key2]" in one_page  # the notes hook links them


def test_a_paragraph_s_id_on_one_page_names_its_chapter_and_notes_and_entries_keep_theirs():
    assert one_page_id("alliance-adaptation.md", "p-19") == "alliance-adaptation-p-19"
    assert one_page_id("alliance-adaptation.md", "fn:16") == "fn:16"
    assert one_page_id("bibliography.md", "scm2004communique") == "scm2004communique"


def test_the_one_page_paper_is_the_title_page_then_each_section_in_its_part():
    whole = one_page_markdown(HOME, [CHAPTER], "CLOSING")
    title_page = whole.index('<section class="paper-part" data-part="title-page" markdown>')
    assert (
        title_page < whole.index("[^1]: The first note.") < whole.index('data-part="introduction"')
    )
    assert whole.rstrip().endswith("CLOSING")


whole_paper = load_step("whole_paper")
PAGE = (
    '<section class="paper-part" data-part="title-page"><p>Cover<sup id="fnref:1">'
    '<a class="footnote-ref" href="#fn:1">1</a></sup></p></section>'
    '<section class="paper-part" data-part="introduction"><h2 id="introduction">Intro</h2>'
    '<p>A<sup id="fnref:3"><a class="footnote-ref" href="#fn:3">3</a></sup>'
    '<sup id="fnref:2"><a class="footnote-ref" href="#fn:2">2</a></sup></p></section>'
    '<section class="paper-part" data-part="bibliography"><h2 id="bibliography">B</h2></section>'
    '<div class="footnote"><hr /><ol><li id="fn:1">One</li><li id="fn:2">Two</li>'
    '<li id="fn:3">Three</li></ol></div>'
)


def test_each_part_s_notes_follow_the_part_and_the_page_s_one_list_goes():
    root = tree(PAGE)
    whole_paper.deal_out_notes(root, {"introduction": "Intro"})
    parts = {part.get("data-part"): part for part in root.iter("section")}
    assert [li.get("id") for li in parts["title-page"].iter("li")] == ["fn:1"]
    assert [li.get("id") for li in parts["introduction"].iter("li")] == ["fn:3", "fn:2"]
    heading = parts["introduction"].find("h3")
    assert (heading.get("id"), heading.text) == ("introduction-notes", "Notes")
    assert heading.get("class") == "edition-added"  # a heading of the edition, not the paper
    assert parts["title-page"].find("h3") is None  # the cover's note follows it, as at home
    notes = parts["introduction"].find("div")
    assert (notes.get("class"), notes.get("role")) == ("footnote", "doc-endnotes")
    assert notes.get("aria-label") == "Notes to Intro"
    assert not list(parts["bibliography"].iter("li"))
    assert [div for div in root if div.tag == "div"] == []


def test_a_note_no_part_cites_stays_in_the_page_s_list_and_is_there_once():
    root = tree(PAGE.replace('href="#fn:2"', 'href="#fn:9"'))
    whole_paper.deal_out_notes(root, {})
    left = [div for div in root if div.tag == "div"][0]
    assert [li.get("id") for li in left.iter("li")] == ["fn:2"]
    assert sum(1 for li in root.iter("li") if li.get("id") == "fn:3") == 1


def test_a_report_link_names_the_section_and_the_paragraph():
    link = report_error.paragraph_issue(
        "https://example.org/issues/new",
        section="Introduction",
        paragraph=7,
        address="https://site/introduction/#p-7",
    )
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://example.org/issues/new"
    assert query["title"] == ["Error in “Introduction”, ¶ 7"]
    assert "Paragraph: ¶ 7\nAddress: https://site/introduction/#p-7\n" in query["body"][0]


def test_a_page_s_report_link_names_the_page_and_an_issue_link_encodes_title_and_body():
    query = parse_qs(
        urlsplit(
            report_error.page_issue(
                "https://example.org/issues/new",
                page_title="Glossary",
                address="https://site/glossary/",
            )
        ).query
    )
    assert query["title"] == ["Error on the page “Glossary”"]
    assert query["body"][0].startswith("Page: https://site/glossary/\n")
    assert report_error.issue_link("https://x.org/new", title="a & b", body="c d\n") == (
        "https://x.org/new?title=a%20%26%20b&body=c%20d%0A"
    )


def test_each_numbered_paragraph_gets_a_report_link_after_its_permalink():
    markdown = "Text.\n{ #p-1 }\n\n- Item.\n{ #p-2 }\n\nNot numbered."
    result = convert(markdown, ["edition-permalinks", "edition-report-links"], build=paper_build())
    assert result.count('class="report-error edition-added"') == 2
    first = result.split("</p>")[0]
    assert first.index(">1</a>") < first.index('class="report-error') < first.index("Text.")
    assert 'aria-label="Report an error in paragraph 2"' in result
    assert "Not numbered.</p>" in result and result.endswith("<p>Not numbered.</p>")
    links = [
        link for link in tree(result).iter("a") if link.get("class") == "report-error edition-added"
    ]
    # The address is made in the browser (docs/assets/report-error.js); until then, and
    # without JavaScript, each leads to the page's own link.
    assert {link.get("href") for link in links} == {"#report-error"}
    assert {link.get("rel") for link in links} == {"nofollow"}


def test_a_paragraph_s_issue_names_its_section_paragraph_and_address():
    href = report_error.paragraph_issue(
        "https://x.org/new", section="S", paragraph=2, address="https://site/introduction/#p-2"
    )
    query = parse_qs(urlsplit(href).query)
    assert query["title"] == ["Error in “S”, ¶ 2"]
    assert "Address: https://site/introduction/#p-2\n" in query["body"][0]
    assert "&body=" in href and href.startswith("https://x.org/new?title=")


def test_without_a_permalink_the_report_link_opens_the_paragraph_and_without_a_url_there_is_none():
    alone = convert("Text.\n{ #p-1 }", ["edition-report-links"], build=paper_build())
    assert alone.startswith(
        '<p id="p-1"><a aria-label="Report an error in paragraph 1" '
        'class="report-error edition-added" href="#report-error"'
    )
    assert alone.endswith('rel="nofollow"></a>Text.</p>')
    without = convert(
        "Text.\n{ #p-1 }",
        ["edition-permalinks", "edition-report-links"],
        build=paper_build(report_error_url=None),
    )
    assert "report-error" not in without and "paragraph-link" in without


# --- The whole paper made of its pages' trees ---------------------------------------------

RICH_CHAPTER = Chapter(
    2,
    "second-part.md",
    (
        "# Second part { #second-part }\n\n*Emphasis* opens it, AT&amp;T and <span>raw</span>"
        " HTML follow.[^4] The note again.[^4]\n\n## A heading { #a-heading }\n\n"
        "- one item[^5]\n- two item\n\nA paragraph with its own class.\n{ .kept }\n\n"
        '<div class="box">A block of HTML</div>\n\n*[AT]: A term\n\n'
        "[^4]: The fourth note, with <em>HTML</em>.\n\n[^5]: The fifth.\n"
    ),
)
EXTENSIONS = ["abbr", "attr_list", "footnotes", "md_in_html", "toc", "tables", "fenced_code"]


class Keep(Treeprocessor):
    """Keep the page's tree at its priority, as the build's `PaperParts` keeps it."""

    def __init__(self, md, kept: list) -> None:
        super().__init__(md)
        self.kept = kept

    def run(self, root):
        self.kept.append(converted(root, self.md, {"4": ["key"]}))


class Fill(Treeprocessor):
    def __init__(self, md, home, chapters) -> None:
        super().__init__(md)
        self.home, self.chapters = home, chapters

    def run(self, root):
        fill_parts(root, self.home, self.chapters, self.md)


def markdown_with(processor=None, *arguments) -> markdown.Markdown:
    md = markdown.Markdown(extensions=EXTENSIONS)
    if processor is not None:
        md.treeprocessors.register(processor(md, *arguments), "edition-paper-parts", PARTS)
    return md


PARTS = priority("edition-paper-parts")


def between_tags(html: str) -> str:
    return re.sub(r">\s+<", "><", html)


def test_the_whole_paper_of_its_pages_trees_is_the_conversion_of_its_markdown():
    home_body, _ = get_data(HOME)
    chapters = [CHAPTER, RICH_CHAPTER]
    kept: list = []
    markdown_with(Keep, kept).convert(home_body)
    for chapter in chapters:
        markdown_with(Keep, kept).convert(number_paragraphs(chapter.body))
    home, pages = kept[0], list(zip(chapters, kept[1:], strict=True))
    closing = "///Footnotes Go Here///\n\nThe end."
    made = markdown_with(Fill, home, pages).convert(one_page_skeleton(chapters, closing))
    converted_twice = markdown_with().convert(one_page_markdown(HOME, chapters, closing))
    # The same but for the white space between a raw HTML block and the end of its part
    assert between_tags(made) == between_tags(converted_twice)
    assert 'id="second-part-p-1"' in made and 'href="second-part.md#p-1"' in made
    assert made.count('class="footnote"') == 1 and 'id="fn:5"' in made
    assert "<span>raw</span>" in made and '<abbr title="A term">AT</abbr>&amp;T' in made


def test_the_notes_keep_the_works_their_pages_cite():
    kept: list = []
    markdown_with(Keep, kept).convert(number_paragraphs(RICH_CHAPTER.body))
    md = markdown_with()
    root = tree('<section class="paper-part" data-part="second-part"></section>')
    assert fill_parts(root, None, [(RICH_CHAPTER, kept[0])], md) == {"4": ["key"]}
    assert root.find(".//section/h2").get("id") is None  # attr_list has not run yet
    assert root.find(".//section/h2").text.startswith("Second part")
