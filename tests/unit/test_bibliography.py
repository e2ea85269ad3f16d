from pathlib import Path

import pytest

from edition.bibliography import load_bibliography, short_label
from edition.errors import EditionError
from tests.unit.steps import load_step

bibliography = load_step("bibliography")


def test_typeset_turns_pandoc_dashes_into_characters_but_leaves_urls():
    text = bibliography.typeset(
        "*[Title]{.nocase}*, 109--22 --- [http://a.b/x--y](http://a.b/x--y)."
    )
    assert text == "*Title*, 109–22 — [http://a.b/x--y](http://a.b/x--y)."


def test_sort_key_ignores_quotes_markup_and_an_initial_article():
    keys = [bibliography.sort_key(t) for t in ['"Joint Declaration"', "*The Two Koreas*", "Kang"]]
    assert keys == ["joint declaration", "two koreas", "kang"]


def test_collect_citations_lists_notes_in_order():
    pages = {"b.md": "x[^13]\n\n[^13]: A. [@m]", "a.md": "y[^2]\n\n[^2]: B. [@m; @k]"}
    assert bibliography.collect_citations(pages) == {
        "m": [("2", "a.md"), ("13", "b.md")],
        "k": [("2", "a.md")],
    }


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "references.bib"
    path.write_text(text, encoding="utf-8")
    return path


def test_short_label_names_authors_or_editors_and_year(tmp_path):
    data = load_bibliography(
        write(
            tmp_path,
            (
                "@book{a, editor = {Green, Michael J. and Cronin, Patrick M.}, "
                "title = {T}, year = {1999}}\n"
                "@article{b, journal = {Korea Times}, entrysubtype = {newspaper}, title = {T}, "
                "year = {2007}}\n"
                "@article{c, author = {Lee, Sang-hyun}, title = {T}, year = {Spring/Summer 2008}}\n"
            ),
        )
    )
    assert short_label(data.entries["a"]) == "Green and Cronin 1999"
    assert short_label(data.entries["b"]) == "Korea Times 2007"
    assert short_label(data.entries["c"]) == "Lee 2008"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("@book{Kang2004, title = {T}}", "key 'Kang2004' may use only"),
        ("@book{a, title = {T}}\n@book{a, title = {U}}", "references.bib:2: entry 'a' repeats"),
        (
            "@book{a, title = {T}\n@book{b, title = {U}}",
            "references.bib:1: entry 'a' has unbalanced",
        ),
    ],
)
def test_a_bad_bibliography_is_refused_with_its_line(tmp_path, text, message):
    with pytest.raises(EditionError, match=message):
        load_bibliography(write(tmp_path, text))


WORK = "author = {Kim, Seung-hwan}, title = {T}, year = {2003}"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ("author = {Kim, Seung-hwan}, year = {2003}", "has no title"),
        ("title = {T}, journal = {J}, year = {2003}", "names no author"),
        ("author = {Kim, Seung-hwan}, title = {T}", "has no year; add year = {...}, or"),
        (f"{WORK.replace('2003', 'circa')}", "has the year 'circa', which holds no year"),
        (f"{WORK}, date = {{May 2008}}", "has the date 'May 2008'; write it YYYY-MM-DD"),
        (f"{WORK}, url = {{http://a.org/white paper}}", "which has a space in it"),
        (f"{WORK}, url = {{javascript:alert(1)}}", "does not begin with http"),
        (f'{WORK}, url = {{http://a.org/"onmouseover}}', "has '\"' in it"),
    ],
)
def test_an_entry_says_what_the_work_is_who_answers_for_it_and_when(tmp_path, fields, problem):
    with pytest.raises(EditionError) as raised:
        load_bibliography(write(tmp_path, f"@article{{k,\n  {fields}}}"))
    assert str(raised.value).startswith("references.bib:1: entry 'k' ")
    assert problem in str(raised.value)


@pytest.mark.parametrize(
    "fields",
    [
        "title = {T}, journal = {Korea Times}, entrysubtype = {newspaper}, year = {2007}",
        "title = {T}, institution = {Ministry}, date = {2008-10-27}",
        "title = {T}, year = {n.d.}, editor = {Mitchell, Derek}",
        "title = {T}, year = {Spring/Summer 2008}, author = {Lee, Sang-hyun}",
    ],
)
def test_unsigned_undated_and_seasonal_works_are_entries(tmp_path, fields):
    assert list(load_bibliography(write(tmp_path, f"@article{{k, {fields}}}")).entries) == ["k"]


def test_an_online_document_may_be_known_by_its_address(tmp_path):
    text = "@online{k, title = {T}, year = {1992}, url = {http://www.globalsecurity.org/x.htm}}"
    assert list(load_bibliography(write(tmp_path, text)).entries) == ["k"]
