"""What runs when: every step of the edition's build, and every dependency with its reason.

Two kinds of step make the edition:

- `STEPS` take part in MkDocs' events (`edition.step.Step`). At each event
  they run in an order worked out from what each says it must follow
  (`Step.after`), so the order never depends on how this list is written (a
  test builds the site with the list reversed and gets the same files).
- `TREEPROCESSORS` change each page's tree while Python-Markdown converts it,
  in the order of their priorities (higher runs first), placed among
  Python-Markdown's and MkDocs' own: footnotes 50, inline 20, prettify 10,
  attr_list 8, abbr 7, toc and MkDocs' anchor collector 5, MkDocs' link
  resolver 0. Everything they add before the anchor collector has its ids
  validated; every link they add before the resolver is resolved and checked.

The plugin (`edition.plugin`) fires the events; a mistake an editor made
reaches it as an `EditionError` and leaves it as the build's one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from edition.conversion import LinksResolvedOnce
from edition.step import EVENTS, Step
from edition.steps.archived_copies import ArchivedCopies
from edition.steps.bibliography import Bibliography
from edition.steps.bibtex_setup import BibtexSetup
from edition.steps.changes import Changes
from edition.steps.cite_this import CiteThisStep, SectionCitations
from edition.steps.content_security import ContentSecurity
from edition.steps.departures import Departures
from edition.steps.editors_notes import EditorsNotes, EditorsNotesTree
from edition.steps.epub import Epub
from edition.steps.external_links import ExternalLinks
from edition.steps.fill import Fill, FillPlaceholders
from edition.steps.glossary import FocusableAbbreviations, Glossary
from edition.steps.index_of_terms import IndexOfTerms
from edition.steps.later_parts import LaterParts, LaterPartsTree
from edition.steps.long_text import LongText
from edition.steps.minify import Minify
from edition.steps.not_found import NotFound
from edition.steps.notes import NoteNumbers, Notes, NoteSources
from edition.steps.page_metadata import PageMetadataStep
from edition.steps.paper_text import CurrentPage, PaperText
from edition.steps.paragraph_ids import ParagraphIds, Permalinks
from edition.steps.print_heads import PrintHeads
from edition.steps.report_error import ReportError, ReportLinks
from edition.steps.search_passages import SearchPassages
from edition.steps.search_worker import SearchWorker
from edition.steps.section_header import SectionHeaderStep
from edition.steps.sitemap import Sitemap
from edition.steps.template_cache import TemplateCache
from edition.steps.theme_markup import ThemeMarkup
from edition.steps.theme_styles import ThemeStyles
from edition.steps.timeline import Timeline
from edition.steps.unique_ids import UniqueIds
from edition.steps.well_formed import WellFormed
from edition.steps.whole_paper import PaperParts, SectionNotes, WholePaper

if TYPE_CHECKING:
    from markdown import Markdown
    from markdown.treeprocessors import Treeprocessor

    from edition.build import Build

# Every step; the order of each event comes from their `after`, not from this list.
STEPS: tuple[type[Step], ...] = (
    BibtexSetup,
    PaperText,
    CurrentPage,
    WellFormed,
    Notes,
    ParagraphIds,
    FillPlaceholders,
    Bibliography,
    Glossary,
    IndexOfTerms,
    Timeline,
    EditorsNotes,
    Departures,
    ReportError,
    SearchPassages,
    SearchWorker,
    WholePaper,
    Epub,
    CiteThisStep,
    SectionHeaderStep,
    NotFound,
    PageMetadataStep,
    PrintHeads,
    LongText,
    LaterParts,
    Changes,
    Sitemap,
    UniqueIds,
    ThemeMarkup,
    Minify,
    ContentSecurity,
    ThemeStyles,
    TemplateCache,
)


class TreeStep(NamedTuple):
    """A treeprocessor of the edition, where it stands among the others, and why there."""

    name: str
    make: Callable[[Markdown, Build, dict[str, Step]], Treeprocessor]
    priority: float
    reason: str


TREEPROCESSORS: tuple[TreeStep, ...] = (
    TreeStep(
        "edition-paper-parts",
        lambda md, build, steps: PaperParts(md, build),
        14,
        "after footnotes (50) have made the notes' list and footnote-duplicate (15) its "
        "repeated references, before prettify (10), attr_list (8) and every step of the "
        "edition: the whole paper is given its parts as its own conversion would have made them",
    ),
    TreeStep(
        "edition-note-sources",
        lambda md, build, steps: NoteSources(md, build),
        7.6,
        "after footnotes (50) have put each note's back-link, before abbr (7): the works' "
        "names are marked like the text, and their links resolved (0)",
    ),
    TreeStep(
        "edition-fill",
        lambda md, build, steps: Fill(md, build),
        7.5,
        "after attr_list (8) and before abbr (7): the apparatus is marked like the text",
    ),
    TreeStep(
        "edition-permalinks",
        lambda md, build, steps: Permalinks(md, build),
        7.4,
        "after attr_list (8) has given each paragraph its id p-N",
    ),
    TreeStep(
        "edition-report-links",
        lambda md, build, steps: ReportLinks(md, build),
        7.3,
        "right after the permalinks: each goes beside its paragraph's ¶",
    ),
    TreeStep(
        "edition-focusable-abbr",
        lambda md, build, steps: FocusableAbbreviations(md),
        6.5,
        "after abbr (7) has wrapped the terms",
    ),
    TreeStep(
        "edition-editors-notes",
        lambda md, build, steps: EditorsNotesTree(md, build, steps["editors_notes"]),
        6,
        "after abbr (7), so the words are found across abbreviations, and after footnotes "
        "(50) have made the notes; before the anchor collector (5), which validates ed-N",
    ),
    TreeStep(
        "edition-section-citations",
        lambda md, build, steps: SectionCitations(md, build),
        5.8,
        "after the editor's notes (6) have found their words in the author's text, not in a "
        "citation; before the anchor collector (5) and the link resolver (0), which check its "
        "ids and its links to the sections",
    ),
    TreeStep(
        "edition-note-numbers",
        lambda md, build, steps: NoteNumbers(md, build),
        5.5,
        "after footnotes (50, 15) have made the markers and the list",
    ),
    TreeStep(
        "edition-section-notes",
        lambda md, build, steps: SectionNotes(md, build),
        4.9,
        "after the note numbers (5.5) have named the page's one list, which it deals out, and "
        "after toc (5): the page's contents list its sections, not each one's Notes",
    ),
    TreeStep(
        "edition-archived-copies",
        lambda md, build, steps: ArchivedCopies(md, build),
        4,
        "after inline links (20), footnotes (50) and attr_list ids (8) exist",
    ),
    TreeStep(
        "edition-external-links",
        lambda md, build, steps: ExternalLinks(md),
        1,
        "after every link is added, the archived copies' (4) included",
    ),
    TreeStep(
        "edition-links-once",
        lambda md, build, steps: LinksResolvedOnce(md),
        0.5,
        "after every link is added (1) and before MkDocs' link resolver (0), which it asks "
        "once for each address the page links to",
    ),
    TreeStep(
        "edition-later-parts",
        lambda md, build, steps: LaterPartsTree(md, build),
        -1,
        "last: once every link is resolved (0) and checked and every id collected (5), the "
        "long whole paper's later parts are cut from the finished tree",
    ),
)


class OrderError(ValueError):
    """The steps' `after` cannot be satisfied: a name that is no step, or a cycle."""


def ordered(steps: Iterable[type[Step]], event: str) -> list[type[Step]]:
    """The steps that define `event`, each after those it names in `after`.

    Among steps free to run, the list's order decides; a step that depends on
    another must say so, or its place can change when the list is reordered.
    """
    steps = list(steps)
    names = {step.name for step in steps}
    for step in steps:
        unknown = set(step.after) - names
        if unknown:
            raise OrderError(f"{step.name} runs after {', '.join(sorted(unknown))}: no such step")
    taking_part = [step for step in steps if event in step.events()]
    done: list[type[Step]] = []
    waiting = list(taking_part)
    while waiting:
        ready = next(
            (
                step
                for step in waiting
                if all(
                    before in {d.name for d in done} or before not in {w.name for w in taking_part}
                    for before in step.after
                )
            ),
            None,
        )
        if ready is None:
            raise OrderError(f"the steps {', '.join(s.name for s in waiting)} wait for each other")
        done.append(ready)
        waiting.remove(ready)
    return done


def schedule(steps: Sequence[type[Step]]) -> dict[str, list[type[Step]]]:
    """Each event's steps, in the order they run."""
    return {event: ordered(steps, event) for event in EVENTS}
