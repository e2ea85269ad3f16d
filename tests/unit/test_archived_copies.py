"""A cited address gets a link to the Internet Archive's copy as of the entry's date."""

import xml.etree.ElementTree as etree

import pytest
from pybtex.database import parse_string

from tests.unit.steps import load_step

archived_copies = load_step("archived_copies")

BIB = parse_string(
    r"""
@online{consulted, title = {A}, date = {2008-04-19}, urldate = {2008-04-21},
  url = {http://example.gov/a.html}}
@online{dated, title = {B}, date = {2004-10-22}, url = {http://example.mil/b.pdf}}
@online{undated, title = {C}, url = {http://example.org/c}}
@online{month, title = {D}, date = {2008-01}, url = {http://example.org/d}}
""",
    "bibtex",
)


@pytest.mark.parametrize(
    "key, href",
    [
        ("consulted", "https://web.archive.org/web/20080421/http://example.gov/a.html"),
        ("dated", "https://web.archive.org/web/20041022/http://example.mil/b.pdf"),
        ("undated", "https://web.archive.org/web/*/http://example.org/c"),
        ("month", "https://web.archive.org/web/200801/http://example.org/d"),
    ],
)
def test_the_archive_date_is_the_urldate_else_the_date_else_every_capture(key, href):
    fields = dict(BIB.entries[key].fields)
    assert archived_copies.archived_copy(fields["url"], fields).href == href


def test_the_accessible_name_says_which_address_and_which_date():
    fields = dict(BIB.entries["consulted"].fields)
    copy = archived_copies.archived_copy(fields["url"], fields)
    assert copy.label == (
        "Archived copy of http://example.gov/a.html at the Internet Archive, as of April 21, 2008"
    )
    assert archived_copies.archived_copy("http://x.org/", None).label == (
        "Archived copies of http://x.org/ at the Internet Archive"
    )


def test_an_address_is_matched_to_the_entry_the_note_cites_with_that_url():
    assert (
        archived_copies.entry_for("http://example.mil/b.pdf", ["consulted", "dated"], BIB)["date"]
        == "2004-10-22"
    )
    assert archived_copies.entry_for("http://example.mil/b.pdf", ["consulted"], BIB) is None


def test_the_archived_copy_follows_the_link_and_keeps_the_text_after_it():
    # Without the edition's span, the note reads exactly as before: "...a.html (accessed".
    note = etree.fromstring(
        '<li id="fn:9"><p>See <a href="http://example.gov/a.html">http://example.gov/a.html</a>'
        ' (accessed April 21, 2008). <a href="../bibliography/#consulted">A</a></p></li>'
    )
    assert archived_copies.add_archived_copies(note, ["consulted"], BIB) == 1
    assert etree.tostring(note, encoding="unicode") == (
        '<li id="fn:9"><p>See <a href="http://example.gov/a.html" '
        'data-versionurl="https://web.archive.org/web/20080421/http://example.gov/a.html" '
        'data-versiondate="2008-04-21">http://example.gov/a.html</a>'
        '<span class="archived-copy edition-added"> [<a class="edition-added" '
        'href="https://web.archive.org/web/20080421/http://example.gov/a.html" rel="noopener" '
        'aria-label="Archived copy of http://example.gov/a.html at the Internet Archive, as of '
        'April 21, 2008" data-originalurl="http://example.gov/a.html" '
        'data-versiondate="2008-04-21">archived copy</a>]</span> (accessed April 21, 2008). '
        '<a href="../bibliography/#consulted">A</a></p></li>'
    )


def test_an_address_with_no_date_has_no_robust_link_to_name():
    note = etree.fromstring('<li id="fn:1"><p><a href="http://example.org/c">c</a></p></li>')
    assert archived_copies.add_archived_copies(note, ["undated"], BIB) == 1
    assert not [a for a in note.iter("a") if any(k.startswith("data-") for k in a.attrib)]


def test_readable_dates():
    assert archived_copies.readable_date("2009-03-11") == "March 11, 2009"
    assert archived_copies.readable_date("2008-01") == "January 2008"
    assert archived_copies.readable_date("2008") == "2008"
