"""The edition's options in mkdocs.yml, typed and validated by MkDocs, and mkdocs.yml read safely.

Everything the engine knows about the paper it presents comes from here: the
paper's facts (every citation form, the page metadata, the EPUB and
CITATION.cff follow them), the web edition's own release (its version and
date, and the changelog that lists every release), where its reference text
and data files are, and where "report an error" links lead. MkDocs checks each
option when it loads mkdocs.yml and names the one that is wrong. Web addresses, whichever file
gives them, are held to one rule (`web_address_problem`). mkdocs.yml itself is
read without constructing Python objects and without a key given twice
(`refuse_python_objects`).
"""

from __future__ import annotations

import ipaddress
import os
import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from edition.errors import EditionError

ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.?$")
# Characters that end an address in HTML or Markdown, or that no address may hold as such.
UNSAFE_IN_ADDRESS = set("\"'<>`\\{}|^")
# The YAML tags that make Python objects (and so run code) while the file is read.
PYTHON_OBJECT_TAGS = ("python/object:", "python/object/apply:", "python/object/new:")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
PASSAGE = re.compile(r"^[\w./-]+\.md#p-\d+$")
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


def web_address_problem(address: object) -> str | None:
    """What keeps `address` from being a well-formed http(s) address; None if it is one."""
    if not isinstance(address, str):
        return "is not text"
    if any(character.isspace() for character in address):
        return "has a space in it (write a space as %20)"
    unsafe = sorted({ch for ch in address if ch in UNSAFE_IN_ADDRESS or ord(ch) < 32})
    if unsafe:
        return f"has {' '.join(repr(ch) for ch in unsafe)} in it (write it %-encoded)"
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not address.lower().startswith(
        f"{parts.scheme}://"
    ):
        return "does not begin with http:// or https://"
    try:
        parts.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError:
        return "has a port that is not a number"
    host = parts.hostname or ""
    if not host or (host.isascii() and not HOST.match(host) and not is_ip_address(host)):
        return "names no host (write https://example.org/...)"
    return None


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def set_by(value: str) -> str:
    """' (set by SITE_URL)' when an environment variable gives `value` (mkdocs.yml's !ENV)."""
    names = [
        name
        for name, given in os.environ.items()
        if given and given.rstrip("/") == value.rstrip("/") and name.isupper()
    ]
    return f" (set by {names[0]})" if names else ""


def check_site_url(site_url: str | None) -> None:
    """The site's address, which every canonical link and citation is made of, well formed."""
    problem = web_address_problem(site_url) if site_url else None
    if problem:
        raise EditionError(
            f"site_url '{site_url}'{set_by(site_url)} is not a web address: it {problem}; "
            "give the address the site will have, such as https://example.org/edition/",
            file="mkdocs.yml",
        )


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
    """An http(s) address, well formed, with nothing in it that could leave an HTML attribute."""

    def __init__(self, example: str) -> None:
        super().__init__(str)
        self.example = example

    def run_validation(self, value: object) -> str:
        problem = web_address_problem(value)
        if problem:
            raise ValidationError(
                f"'{value}'{set_by(str(value))} is not a web address: it {problem}; "
                f"write one such as {self.example}"
            )
        return value  # type: ignore[return-value]


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


class RefusedYaml(yaml.constructor.ConstructorError):
    """mkdocs.yml asks for something the edition will not do while reading it."""


def _refuse_python_object(loader: yaml.Loader, suffix: str, node: yaml.Node) -> None:
    raise RefusedYaml(
        None,
        None,
        f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} would run Python code "
        "while the configuration is read; remove it",
        node.start_mark,
    )


def strict_loader(loader: type[yaml.Loader]) -> type[yaml.Loader]:
    """MkDocs' loader without the tags that construct Python objects, and with no key twice."""

    class StrictLoader(loader):  # type: ignore[valid-type, misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            first_line: dict[Any, int] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                    continue
                line = key_node.start_mark.line + 1
                if key_node.value in first_line:
                    raise RefusedYaml(
                        None,
                        None,
                        f"the key '{key_node.value}' is given twice (first on line "
                        f"{first_line[key_node.value]}), and only the last would count; keep one",
                        key_node.start_mark,
                    )
                first_line[key_node.value] = line
            return super().construct_mapping(node, deep=deep)

    for tag in PYTHON_OBJECT_TAGS:
        StrictLoader.add_multi_constructor(f"tag:yaml.org,2002:{tag}", _refuse_python_object)
    return StrictLoader


def refuse_python_objects() -> None:
    """Have MkDocs read mkdocs.yml (and what it INHERITs) with `strict_loader`."""
    from mkdocs.config import defaults
    from mkdocs.utils import yaml as mkdocs_yaml

    original = mkdocs_yaml.get_yaml_loader
    if getattr(original, "strict", False):
        return

    def get_yaml_loader(loader: type[yaml.Loader] = yaml.Loader, config: Any = None) -> Any:
        return original(loader=strict_loader(loader), config=config)

    get_yaml_loader.strict = True  # type: ignore[attr-defined]
    mkdocs_yaml.get_yaml_loader = get_yaml_loader
    defaults.get_yaml_loader = get_yaml_loader  # type: ignore[attr-defined]
