"""Pair every web address the notes and the bibliography cite with its archived copy.

Most of the 2008-2009 pages the notes cite are gone. After each such link the
edition adds a link to the Internet Archive's copy as of the date the source
was consulted: `https://web.archive.org/web/YYYYMMDD/URL`, the date being the
entry's `urldate` in references.bib, else its `date`; an address with neither
links to the list of every capture, `https://web.archive.org/web/*/URL`. A
note's address is matched to its entry through the note's `[@key]` block; a
bibliography entry through its id, the entry's key.

The pair carries the Robust Links attributes (robustlinks.mementoweb.org), so
that a machine can tell the two apart and find one from the other: the cited
link names its archived copy (`data-versionurl`) and the copy names the
address it keeps (`data-originalurl`), both with the date of the copy
(`data-versiondate`). An address with no date has no such copy to name.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, NamedTuple

from edition.citation import MONTHS
from edition.step import BuildTreeprocessor

if TYPE_CHECKING:
    from pybtex.database import BibliographyData


WAYBACK = "https://web.archive.org/web"
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class ArchivedCopy(NamedTuple):
    """Where the Internet Archive keeps a cited address, and as of when."""

    url: str
    href: str
    date: str | None  # ISO date, as precise as the bibliography gives it

    @property
    def label(self) -> str:
        """The link's accessible name: which address, and which date."""
        if self.date is None:
            return f"Archived copies of {self.url} at the Internet Archive"
        return (
            f"Archived copy of {self.url} at the Internet Archive, as of {readable_date(self.date)}"
        )


def readable_date(iso_date: str) -> str:
    """'2009-03-11' -> 'March 11, 2009'; '2008-01' -> 'January 2008'."""
    year, month, day = ISO_DATE.match(iso_date).groups()  # type: ignore[union-attr]
    if not month:
        return year
    return (
        f"{MONTHS[int(month) - 1]} {int(day)}, {year}"
        if day
        else f"{MONTHS[int(month) - 1]} {year}"
    )


def archive_date(fields: dict[str, str]) -> str | None:
    """The date to ask the Archive for: `urldate`, else `date`, else none."""
    for name in ("urldate", "date"):
        if ISO_DATE.match(fields.get(name, "")):
            return fields[name]
    return None


def archived_copy(url: str, fields: dict[str, str] | None) -> ArchivedCopy:
    """The Wayback Machine address of `url` for the entry with `fields` (None: no entry)."""
    date = archive_date(fields or {})
    timestamp = date.replace("-", "") if date else "*"
    return ArchivedCopy(url=url, href=f"{WAYBACK}/{timestamp}/{url}", date=date)


def entry_for(url: str, keys: list[str], bibliography: BibliographyData) -> dict[str, str] | None:
    """The fields of the first of `keys` whose entry has this `url`."""
    for key in keys:
        entry = bibliography.entries.get(key)
        if entry is not None and entry.fields.get("url") == url:
            return dict(entry.fields)
    return None


def is_web_address(href: str) -> bool:
    return href.startswith(("http://", "https://")) and not href.startswith(WAYBACK)


def add_archived_copies(
    container: etree.Element, keys: list[str], bibliography: BibliographyData
) -> int:
    """After each web link inside `container`, add its archived copy; return how many."""
    added = 0
    for parent in list(container.iter()):
        for link in list(parent):
            href = link.get("href", "")
            if link.tag != "a" or not is_web_address(href):
                continue
            copy = archived_copy(href, entry_for(href, keys, bibliography))
            wrapper = etree.Element("span", {"class": "archived-copy edition-added"})
            wrapper.text = (
                " ["  # the space inside: without the edition's span the text is as printed
            )
            anchor = etree.SubElement(
                wrapper,
                "a",
                {
                    "class": "edition-added",
                    "href": copy.href,
                    "rel": "noopener",
                    "aria-label": copy.label,  # with the date; a title would only repeat it
                },
            )
            anchor.text = "archived copy"
            anchor.tail = "]"
            if copy.date is not None:
                link.set("data-versionurl", copy.href)
                link.set("data-versiondate", copy.date)
                anchor.set("data-originalurl", copy.url)
                anchor.set("data-versiondate", copy.date)
            wrapper.tail, link.tail = link.tail, None
            parent.insert(list(parent).index(link) + 1, wrapper)
            added += 1
    return added


class ArchivedCopies(BuildTreeprocessor):
    """Find the notes (li#fn:N) and the bibliography entries (li with a bib key as id)."""

    def run(self, root: etree.Element) -> None:
        bibliography = self.build.bibliography
        for item in list(root.iter("li")):
            item_id = item.get("id", "")
            if item_id.startswith("fn:"):
                add_archived_copies(
                    item, self.build.page_note_keys.get(item_id[3:], []), bibliography
                )
            elif item_id in bibliography.entries:
                add_archived_copies(item, [item_id], bibliography)
