import pytest

from edition.errors import EditionError
from edition.notes import check_notes, read_markers, read_notes

PAGE = """Text.[^2] More text.[^3]

[^2]: See a work, pp. 1-2. [@one]
[^3]: Prose only.
"""


def test_read_notes_gives_labels_texts_and_cited_keys():
    notes = read_notes(PAGE)
    assert [(n.label, n.cited_keys, n.line) for n in notes] == [("2", ["one"], 3), ("3", [], 4)]


def test_two_works_in_one_note():
    (note,) = read_notes("[^13]: A; B. [@steinberg2005; @mitchell2004]")
    assert note.cited_keys == ["steinberg2005", "mitchell2004"]


def test_markers_in_reading_order():
    assert read_markers(PAGE) == ["2", "3"]


def test_a_marker_without_definition_is_named():
    with pytest.raises(EditionError, match=r"\[\^4\] has no definition"):
        check_notes(PAGE.replace("[^2] More", "[^2][^4] More"))


def test_a_definition_without_marker_is_named_with_its_line():
    with pytest.raises(
        EditionError, match=r"^note \[\^3\] is defined but never referenced"
    ) as error:
        check_notes(PAGE.replace(" More text.[^3]", ""))
    assert error.value.line == 4
    assert str(error.value.at("docs/introduction.md")).startswith(
        "docs/introduction.md:4: note [^3] is defined but never referenced"
    )


def test_a_twice_defined_note_is_refused():
    with pytest.raises(EditionError, match="defined twice"):
        check_notes(PAGE + "[^3]: Again.\n")


def test_a_key_with_capitals_is_refused():
    with pytest.raises(EditionError, match="not a citation key"):
        read_notes("[^2]: Text. [@Kang2004]")
