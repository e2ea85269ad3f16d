"""Fill the Timeline page: the dated events the paper narrates, each in the paper's words.

The events live in `data/timeline.yml`: a date, a label, a quotation and the
section it comes from. The hook finds the paragraph (or note) of that section
that holds the quotation, so the link follows the text when paragraphs move;
a quotation the text no longer holds stops the build.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING


from edition.apparatus import (
    ApparatusError, Passage, fill_placeholder, load_checked, find_quote,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

DATA_FILE = Path("data") / "timeline.yml"
FIELDS = {"date": True, "sort": True, "event": True, "quote": True, "chapter": True}
SORT_KEY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PLACEHOLDER = "<!-- edition:timeline -->"

_events: list[dict] = []


def check_events(events: list[dict]) -> None:
    """Each event has a sortable date."""
    for number, event in enumerate(events, start=1):
        if not SORT_KEY.match(str(event["sort"])):
            raise ApparatusError(
                f"data/timeline.yml: entry {number} ({event['event']}) has the sort key "
                f"'{event['sort']}'; write YYYY, YYYY-MM or YYYY-MM-DD in quotes"
            )


def place_events(events: list[dict], passages: list[Passage]) -> list[tuple[dict, Passage]]:
    """The events in chronological order, each with the passage that holds its quotation."""
    placed = []
    for event in sorted(events, key=lambda event: str(event["sort"])):
        passage = find_quote(passages, event["quote"], src_uri=event["chapter"])
        if passage is None:
            raise ApparatusError(
                f"data/timeline.yml: the quotation for '{event['event']}' is not in "
                f"docs/{event['chapter']}: \"{event['quote']}\"; copy the paper's words "
                "exactly or correct 'chapter'"
            )
        placed.append((event, passage))
    return placed


def render_timeline(events: list[dict], passages: list[Passage], *, link_base: str = "") -> str:
    """The Timeline page's list, as Markdown in HTML."""
    lines = ['<ol class="timeline edition-added" markdown>', ""]
    for event, passage in place_events(events, passages):
        lines += [
            '<li markdown="1">',
            f'<span class="timeline-date">{escape(str(event["date"]))}</span>',
            f'<span class="timeline-event">{escape(event["event"])}</span>',
            f'<q class="timeline-quote">{escape(" ".join(event["quote"].split()), quote=False)}</q>',
            f'<span class="timeline-source">[{passage.full_label}]'
            f"({link_base}{passage.src_uri}#{passage.anchor})</span>",
            "</li>",
            "",
        ]
    lines.append("</ol>")
    return "\n".join(lines)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    _events[:] = load_checked(config, DATA_FILE, fields=FIELDS, check=check_events)
    return config


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **_: object
) -> str | None:
    return fill_placeholder(
        markdown, PLACEHOLDER,
        lambda passages, link_base: render_timeline(_events, passages, link_base=link_base),
        page=page, config=config, files=files,
    )
