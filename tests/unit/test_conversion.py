"""The quicker stand-ins of edition/conversion.py give what Python-Markdown and MkDocs give."""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
import yaml
from markdown import Extension
from markdown.extensions.abbr import AbbrTreeprocessor

from edition.conversion import LinksResolvedOnce, QuickAbbreviations, quick_table_test
from edition.steps.glossary import abbreviations

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").glob("*.md"))
EXTENSIONS = ["abbr", "attr_list", "footnotes", "md_in_html", "tables", "toc"]
# Terms whose places are hard to find: one inside another, inner punctuation, word characters
# that are not ASCII, a term right after another.
HARD_TERMS = {
    "US": "United States",
    "USFK": "U.S. Forces Korea",
    "US-ROK": "the alliance",
    "U.S": "United States, as printed",
    "S-ROK": "a term that starts inside another",
    "ROK": "Republic of Korea",
    "Lee Myung-bak": "the president",
    "Seoul": "",
}
HARD_TEXT = (
    "XU.S-ROK USFK, XUSFK, USFKX, US-ROKX and US-ROK-US; ROK_ _ROK éROK ROKé ROK-ROK ROK. U.S.x "
    "U.S. US US, Lee Myung-bak's Lee Myung-bakery *ROK* `ROK` [ROK](#rok) Seoul's\n\n"
    "- USFK\n- ROK-US\n\nROK | US\n--- | ---\nUSFK | U.S\n"
)


def glossary() -> dict[str, str]:
    return abbreviations(yaml.safe_load((ROOT / "data" / "glossary.yml").read_text("utf-8")))


def converted(text: str, terms: dict[str, str], quick: bool) -> str:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"abbr": {"glossary": terms}})
    if quick:
        own = md.treeprocessors["abbr"]
        assert type(own) is AbbrTreeprocessor
        md.treeprocessors.register(QuickAbbreviations(md, own.abbrs), "abbr", 7)
        quick_table_test(md)
    return md.convert(text)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_page_is_converted_as_python_markdown_converts_it(page):
    text = page.read_text(encoding="utf-8")
    terms = glossary()
    assert converted(text, terms, quick=True) == converted(text, terms, quick=False)


def test_hard_places_give_the_same_terms():
    assert converted(HARD_TEXT, HARD_TERMS, quick=True) == converted(
        HARD_TEXT, HARD_TERMS, quick=False
    )
    html = converted(HARD_TEXT, HARD_TERMS, quick=True)
    assert '<abbr title="U.S. Forces Korea">USFK</abbr>, XUSFK, USFKX' in html
    assert "<table>" in html  # the tables' quicker test still finds a table


def test_terms_are_found_where_the_whole_expression_finds_them():
    md = markdown.Markdown(extensions=["abbr"])
    quick = QuickAbbreviations(md, dict(HARD_TERMS))
    quick.run(etree.Element("div"))  # compiles its expressions
    text = HARD_TEXT * 3 + (ROOT / "docs" / "introduction.md").read_text(encoding="utf-8")
    assert quick.RE is not None
    whole = [match.span() for match in quick.RE.finditer(text)]
    assert [match.span() for match in quick.terms_in(text)] == whole
    assert len(whole) > 40
    assert (text.index("S-ROK"), text.index("S-ROK") + 5) in whole  # begun inside U.S


def test_a_page_with_a_long_list_of_paragraphs_is_marked_in_every_tail():
    # The extension's own walk finds each element's place; this one is handed it.
    paragraphs = "\n\n".join(f"Para {n} <span>x</span> ROK and US." for n in range(300))
    terms = {"ROK": "Republic of Korea", "US": "United States"}
    quick = converted(paragraphs, terms, quick=True)
    assert quick == converted(paragraphs, terms, quick=False)
    assert quick.count("<abbr") == 600


class OnceExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(LinksResolvedOnce(md), "links-once", 0.5)


def rendered(tmp_path: Path, once: bool, caplog) -> tuple[str, dict, list[str]]:
    """The page `a.md` as MkDocs renders it, with or without LinksResolvedOnce."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    links = "".join(
        f"[{n}](b.md#p-{n % 3}) [again](b.md#p-{n % 3}) [gone](c.md) [self](#top) "
        for n in range(12)
    )
    (docs / "a.md").write_text(f"# A\n\n{links}\n\n[out](https://example.org/)\n", "utf-8")
    (docs / "b.md").write_text("# B\n\nText { #p-0 }\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nmarkdown_extensions: [attr_list]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    if once:
        config.markdown_extensions.append(OnceExtension())  # type: ignore[arg-type]
    files = get_files(config)
    page = Page(None, files.get_file_from_path("a.md"), config)
    page.read_source(config)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        page.render(config, files)
    warnings = sorted({record.getMessage() for record in caplog.records})
    anchors = {file.src_uri: dict(found) for file, found in (page.links_to_anchors or {}).items()}
    return page.content or "", anchors, warnings


def test_links_resolved_once_give_the_page_mkdocs_gives(tmp_path, caplog):
    once = rendered(tmp_path, True, caplog)
    assert once == rendered(tmp_path, False, caplog)
    content, anchors, warnings = once
    assert content.count('href="../b/#p-1"') == 8
    assert anchors["b.md"] == {"p-0": "b.md#p-0", "p-1": "b.md#p-1", "p-2": "b.md#p-2"}
    assert len(warnings) == 1 and re.search(r"'c\.md'.*not found", warnings[0])
