"""The edition's options in mkdocs.yml, typed and validated by MkDocs.

Everything the engine knows about the paper it presents comes from here: the
paper's facts (every citation form, the page metadata, the EPUB and
CITATION.cff follow them), the web edition's own release (its version and
date, and the changelog that lists every release), where its reference text
and data files are, and where "report an error" links lead. MkDocs checks
each option when it loads mkdocs.yml and names the one that is wrong.
"""

from __future__ import annotations

import re
from datetime import date

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
PASSAGE = re.compile(r"^[\w./-]+\.md#p-\d+$")
HTTP_URL = re.compile(r"^https?://[^\s\"'<>]+$")
INDEX_CATEGORIES = {
    "people": "People",
    "places": "Places",
    "bodies": "Agreements, bodies and policies",
    "events": "Events",
    "ideas": "Ideas and phrases",
}


class Month(c.Type[str]):
    """A month of publication, YYYY-MM (written in quotes, so YAML keeps it text)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"'{value}' is not text; write the month as \"YYYY-MM\", quoted")
        found = ISO_MONTH.match(value)
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise ValidationError(f"'{value}' is not a month; write YYYY-MM, e.g. \"2009-02\"")
        return value


class Day(c.Type[str]):
    """A day, YYYY-MM-DD (written in quotes, so YAML keeps it text)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not ISO_DAY.match(value):
            raise ValidationError(f"'{value}' is not a day; write \"YYYY-MM-DD\", quoted")
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValidationError(f"'{value}' is no day of the calendar; correct it") from None
        return value


class Pattern(c.Type[str]):
    """Text of a given form, with an example of it for the error message."""

    def __init__(self, pattern: re.Pattern[str], example: str) -> None:
        super().__init__(str)
        self.pattern = pattern
        self.example = example

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not self.pattern.match(value):
            raise ValidationError(f"'{value}' is not of the form {self.example}")
        return value


class WebAddress(c.Type[str]):
    """An http(s) address with nothing in it that could leave an HTML attribute."""

    def __init__(self, example: str) -> None:
        super().__init__(str)
        self.example = example

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not HTTP_URL.match(value):
            raise ValidationError(
                f"'{value}' is not a web address; write one such as {self.example}"
            )
        return value


def text() -> c.Type[str]:
    """A required option of text."""
    return c.Type(str)


class Author(base.Config):
    family = text()
    given = text()


class PaperFacts(base.Config):
    """The paper as its title page gives it."""

    title = text()
    title_sentence_case = text()  # APA
    author = c.SubConfig(Author)
    date = Month()
    center = text()  # the part of the institution that issued the paper
    institution = text()
    bibtex_key = text()
    sections = c.DictOfItems(c.Type(str))  # section file -> its title in sentence case (APA)
    # The paragraph in which the author says what the paper does: its words are the
    # abstract reference managers save (never a description of the web page).
    abstract = c.Optional(Pattern(PASSAGE, "introduction.md#p-4"))


class Release(base.Config):
    """The web edition's own release: what every citation form and the colophon name."""

    version = Pattern(VERSION, '"1.0.0" (major.minor.patch)')
    date = Day()
    changelog = c.File(exists=True, default="CHANGELOG.md")  # every release and what it changed


class EpubOptions(base.Config):
    """The EPUB: its file name and what its metadata adds to the paper's facts."""

    file_name = text()
    description = text()
    rights = text()
    language = c.Type(str, default="en-US")


class EditionConfig(base.Config):
    """The `edition` plugin's options."""

    paper = c.SubConfig(PaperFacts)
    release = c.SubConfig(Release)
    source = c.File(exists=True)  # the paper's text as extracted, the reference of every check
    report_error_url = c.Optional(WebAddress("https://github.com/OWNER/REPO/issues/new"))
    glossary = c.File(exists=True, default="data/glossary.yml")
    index = c.File(exists=True, default="data/index.yml")
    index_categories = c.DictOfItems(c.Type(str), default=INDEX_CATEGORIES)
    timeline = c.File(exists=True, default="data/timeline.yml")
    editors_notes = c.File(exists=True, default="data/editors_notes.yml")
    epub = c.SubConfig(EpubOptions)
    home_page = c.Type(str, default="index.md")
    bibliography_page = c.Type(str, default="bibliography.md")
    whole_paper_page = c.Type(str, default="paper.md")
    changes_page = c.Type(str, default="changes.md")  # filled from the changelog
