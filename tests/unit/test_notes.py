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


def test_a_note_is_labelled_with_one_of_the_papers_numbers():
    from edition.notes import check_label

    (seven, seventy, fourteen) = read_notes("[^seven]: A.\n[^70]: B.\n[^14]: C.")
    with pytest.raises(EditionError, match=r"\[\^seven\] is not labelled with a number"):
        check_label(seven, set(range(1, 23)))
    with pytest.raises(EditionError, match="the paper has no note 70 .its notes are 1 to 22"):
        check_label(seventy, set(range(1, 23)))
    check_label(fourteen, set(range(1, 23)))


def test_a_key_in_capitals_is_refused_with_its_line_and_the_key_to_write():
    with pytest.raises(EditionError) as raised:
        read_notes("Text.\n\n[^2]: Kang. [@Kang2004history]")
    assert raised.value.line == 3
    assert raised.value.message.endswith(
        "write it in lower case, as references.bib's keys are: [@kang2004history]"
    )
