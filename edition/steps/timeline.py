"""Fill the Timeline page: the dated events the paper narrates, each in the paper's words.

The events live in the data file `timeline` names (data/timeline.yml): a
date, a label, a quotation and the section it comes from. The step finds the
paragraph (or note) of that section that holds the quotation, so the link
follows the text when paragraphs move; a quotation the text no longer holds
stops the build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from edition.apparatus import find_quote, load_data
from edition.build_cache import Kept
from edition.errors import EditionError
from edition.step import Step
from edition.templates import kept_fragment

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from edition.apparatus import Passage

FIELDS = {"date": True, "sort": True, "event": True, "quote": True, "chapter": True}
SORT_KEY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_events(events: list[dict], *, name: str) -> None:
    """Each event has a sortable date."""
    for number, event in enumerate(events, start=1):
        if not SORT_KEY.match(str(event["sort"])):
            raise EditionError(
                f"entry {number} ({event['event']}) has the sort key "
                f"'{event['sort']}'; write YYYY, YYYY-MM or YYYY-MM-DD in quotes",
                file=name,
            )


def event_ids(events: list[dict]) -> list[str]:
    """Each event's id, its permalink on the Timeline: 'event-1954', then 'event-1954-2'."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for event in events:
        base = f"event-{event['sort']}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def place_events(
    events: list[dict], passages: list[Passage], *, name: str
) -> list[tuple[dict, Passage]]:
    """The events in chronological order, each with the passage that holds its quotation."""
    placed = []
    for event in sorted(events, key=lambda event: str(event["sort"])):
        passage = find_quote(passages, event["quote"], src_uri=event["chapter"])
        if passage is None:
            raise EditionError(
                f"the quotation for '{event['event']}' is not in "
                f'docs/{event["chapter"]}: "{event["quote"]}"; copy the paper\'s words '
                "exactly or correct 'chapter'",
                file=name,
            )
        placed.append((event, passage))
    return placed


def page_events(placed: list[tuple[dict, Passage]]) -> list[dict]:
    """What the Timeline page's template shows: each event, its id and its passage."""
    return [
        {
            "id": event_id,
            "date": str(event["date"]),
            "event": event["event"],
            "quote": " ".join(event["quote"].split()),
            "passage": passage,
        }
        for event_id, (event, passage) in zip(
            event_ids([event for event, _ in placed]), placed, strict=True
        )
    ]


class Timeline(Step):
    name = "timeline"

    def config(self, config: MkDocsConfig) -> None:
        self.file = self.build.relative(self.build.options.timeline)
        self.events = load_data(self.build.options.timeline, fields=FIELDS, name=self.file)
        check_events(self.events, name=self.file)
        self.build.fillers["timeline"] = self.render

    def render(self, page: Page) -> list[etree.Element]:
        return kept_fragment(
            Kept(self.build.config, "apparatus"),
            [self.build.passages_key, repr(self.events)],
            "timeline.html",
            lambda: {
                "events": page_events(
                    place_events(self.events, self.build.passages, name=self.file)
                )
            },
        )
