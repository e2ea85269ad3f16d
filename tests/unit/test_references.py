"""The cited works for reference managers: CSL-JSON items, RIS records and COinS, from BibTeX."""

from urllib.parse import parse_qs

from pybtex.database import parse_string

from edition.references import coins, csl_item, ris, ris_record

BIB = parse_string(
    r"""
@incollection{kang, author = {Kang, David and Chamberlin, Paul}, editor = {Mitchell, Derek},
  title = {{A History of U.S.-ROK Relations to 2002}}, booktitle = {{Strategy and Sentiment}},
  publisher = {{Center for Strategic and International Studies}}, address = {{Washington, DC}},
  year = {2004}, month = jun, date = {2004-06}, pages = {11--23}}
@article{lee, author = {Lee, Sang-hyun}, title = {{Toward a ``21st Century'' Alliance}},
  journal = {{JEAA}}, volume = {22}, number = {1}, year = {Spring/Summer 2008}}
@article{ha, author = {Ha, Michael}, title = {{A Relic}}, journal = {{Korea Times}},
  entrysubtype = {newspaper}, date = {2008-05-28}}
@phdthesis{an, author = {An, Kwang-ch'an}, title = {{A Study}}, school = {{Dongguk}},
  pages = {195--206}, year = {n.d.}}
@report{osc, title = {{Document}}, number = {KPP2006}, institution = {{Open Source Center}},
  date = {2006-02-14}}
@online{wh, title = {{Press Availability}}, organization = {{The White House}},
  date = {2008-04-19}, urldate = {2008-04-21}, url = {http://www.whitehouse.gov/a.html}}
""",
    "bibtex",
)


def item(key):
    return csl_item(key, BIB.entries[key])


def test_a_chapter_as_csl_json_keeps_its_fields_as_written():
    assert item("kang") == {
        "id": "kang",
        "type": "chapter",
        "title": "A History of U.S.-ROK Relations to 2002",
        "author": [{"family": "Kang", "given": "David"}, {"family": "Chamberlin", "given": "Paul"}],
        "editor": [{"family": "Mitchell", "given": "Derek"}],
        "container-title": "Strategy and Sentiment",
        "publisher": "Center for Strategic and International Studies",
        "publisher-place": "Washington, DC",
        "page": "11-23",
        "issued": {"date-parts": [[2004, 6]]},
    }


def test_a_date_in_words_is_kept_as_written_and_tex_quotes_become_typographic():
    assert item("lee")["issued"] == {"literal": "Spring/Summer 2008"}
    assert item("lee")["title"] == "Toward a “21st Century” Alliance"
    assert dict(ris_record(item("lee")))["DA"] == "Spring/Summer 2008"
    assert dict(ris_record(item("lee")))["PY"] == "2008"


def test_a_work_of_no_date_is_saved_with_none():
    """`year = {n.d.}` says the notes give no date: no reference manager is sent "n.d." as one."""
    assert "issued" not in item("an")
    assert "DA" not in dict(ris_record(item("an")))
    assert "rft.date" not in parse_qs(coins(item("an")))


def test_types_follow_the_entry_and_its_subtype():
    kinds = {key: item(key)["type"] for key in BIB.entries}
    assert kinds == {
        "kang": "chapter",
        "lee": "article-journal",
        "ha": "article-newspaper",
        "an": "thesis",
        "osc": "report",
        "wh": "webpage",
    }
    assert item("an")["genre"] == "Ph.D. dissertation" and item("osc")["number"] == "KPP2006"


def test_ris_names_editors_as_zotero_reads_them_and_leaves_a_thesis_without_pages():
    chapter = ris_record(item("kang"))
    assert chapter[:5] == [
        ("TY", "CHAP"),
        ("ID", "kang"),
        ("AU", "Kang, David"),
        ("AU", "Chamberlin, Paul"),
        ("A2", "Mitchell, Derek"),
    ]
    assert ("SP", "11") in chapter and ("EP", "23") in chapter and chapter[-1] == ("ER", "")
    assert not [tag for tag, _ in ris_record(item("an")) if tag in ("SP", "EP")]
    web = dict(ris_record(item("wh")))
    assert (web["T2"], web["Y2"], web["DA"]) == ("The White House", "2008/04/21", "2008/04/19/")


def test_ris_lines_end_as_the_format_asks():
    text = ris([item("osc")])
    assert text == (
        "TY  - RPRT\r\nID  - osc\r\nTI  - Document\r\nPY  - 2006\r\nDA  - 2006/02/14/\r\n"
        "SN  - KPP2006\r\nPB  - Open Source Center\r\nER  -\r\n"
    )


def context(key):
    return parse_qs(coins(item(key)))


def test_coins_of_each_kind_in_the_form_zotero_s_coins_translator_reads():
    chapter = context("kang")
    assert chapter["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
    assert chapter["rft.genre"] == ["bookitem"]
    assert chapter["rft.atitle"] == ["A History of U.S.-ROK Relations to 2002"]
    assert chapter["rft.btitle"] == ["Strategy and Sentiment"]
    assert chapter["rft.au"] == ["Kang, David", "Chamberlin, Paul"]
    assert chapter["rft.contributor"] == ["Mitchell, Derek"]  # COinS knows no editors
    assert (chapter["rft.spage"], chapter["rft.epage"]) == (["11"], ["23"])
    assert context("lee")["rft.jtitle"] == ["JEAA"] and context("lee")["rft.date"] == [
        "Spring/Summer 2008"
    ]
    assert context("an")["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dissertation"]
    assert context("an")["rft.inst"] == ["Dongguk"] and "rft.pages" not in context("an")
    assert context("osc")["rft.genre"] == ["report"]
    newspaper = context("ha")
    assert newspaper["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dc"]
    assert newspaper["rft.type"] == ["newspaperArticle"]
    assert (newspaper["rft.source"], newspaper["rft.creator"]) == (["Korea Times"], ["Ha, Michael"])
    assert context("wh")["rft_id"] == ["http://www.whitehouse.gov/a.html"]


def test_a_context_object_escapes_what_would_end_a_value():
    assert "&rft.btitle=A%20%26%20B&" in coins(
        {"id": "x", "type": "book", "title": "A & B", "publisher": "P"}
    )
