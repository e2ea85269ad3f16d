"""The theme's style sheets cut to the rules this site can match (edition/steps/theme_styles.py).

Material sends one style sheet for every feature it has (admonitions, code,
tags, annotations, every extension's markup) and one with the colours of every
palette; a site uses a few of them. A rule is kept unless it needs something
the site never has:

- a class that neither a page of the site, nor a script it sends, nor a class
  name a script composes (`md-tag--${...}`) contains: a rule for an element no
  page and no script makes;
- a palette value (`[data-md-color-primary=red]`) that no page's palette names.

Only what a selector requires counts: classes inside `:not()`, `:is()`,
`:where()` or `:has()` are never required, so a rule is dropped only when it
cannot match. At-rules (`@media`, `@supports`) keep the rules kept inside
them; any other (`@keyframes`, `@font-face`, `@page`) is kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
PALETTE_VALUE = re.compile(r"\[data-md-color-(\w+)=[\"']?([\w-]+)[\"']?\]")
PALETTE_IN_PAGE = re.compile(r"data-md-color-(\w+)=\"([\w-]+)\"")
WORD = re.compile(r"[\w-]+")  # a class name as a page or a script writes it
# What of a page may name a class: its class attributes, and its inline scripts (each
# found by an expression of its own, which is quicker; a class attribute inside a script
# adds no word the script's own do not)
CLASS_ATTRIBUTE = re.compile(r"\sclass=\"([^\"]*)\"", re.IGNORECASE)
LOWER_CASE_CLASS = re.compile(r"class=\"([^\"]*)\"")  # as every page writes it: found sooner
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
COMPOSED = re.compile(r"([\w-]+)\$\{")  # a template literal's class name: md-tag--${name}
GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container")


def class_values(page: str) -> list[str]:
    """The values of the page's class attributes (CLASS_ATTRIBUTE's), found the quick way
    when the page writes every `class=` in lower case, as the theme and Python-Markdown do."""
    if page.encode("utf-8").lower().count(b'class="') != page.count('class="'):  # bytes: sooner
        return CLASS_ATTRIBUTE.findall(page)
    return [
        found.group(1)
        for found in LOWER_CASE_CLASS.finditer(page)
        if found.start() and page[found.start() - 1].isspace()
    ]


@dataclass(frozen=True)
class Usage:
    """What the site has: the text of its pages and scripts, and its palette values."""

    words: frozenset[str]  # each word of the pages' classes, of their inline scripts, of scripts
    composed: tuple[str, ...]
    palette: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, pages: Iterable[str], scripts: Iterable[str]) -> Usage:
        pages, scripts = list(pages), list(scripts)
        palette = frozenset(found for page in pages for found in PALETTE_IN_PAGE.findall(page))
        composed = tuple(sorted({p for script in scripts for p in COMPOSED.findall(script)}))
        texts: set[str] = set()  # each class attribute's value and script once: most repeat
        for page in pages:
            texts.update(class_values(page))
            texts.update(INLINE_SCRIPT.findall(page))
        words = {word for text in texts for word in WORD.findall(text)}
        words.update(word for script in scripts for word in WORD.findall(script))
        return cls(frozenset(words), composed, palette)

    def has_class(self, name: str) -> bool:
        return name in self.words or name.startswith(self.composed)


def blocks(css: str) -> list[tuple[str, str]]:
    """The top-level blocks of a style sheet: (prelude, body), bodies with their braces matched.

    Minified CSS is read as it is: a `{` or `}` inside a string (content: "{") is
    taken for a brace, so only a theme's own style sheets are given to this.
    """
    found = []
    start = 0
    while (opening := css.find("{", start)) != -1:
        depth, end = 0, opening
        for end in range(opening, len(css)):
            if css[end] == "{":
                depth += 1
            elif css[end] == "}":
                depth -= 1
                if depth == 0:
                    break
        found.append((css[start:opening].strip(), css[opening + 1 : end]))
        start = end + 1
    return found


def required(selector: str) -> str:
    """What an element must match itself: the selector without its functional pseudo-classes."""
    while True:
        cut = re.sub(r":(?:not|is|where|has|matches|-webkit-any)\([^()]*\)", "", selector)
        if cut == selector:
            return cut
        selector = cut


def can_match(selector: str, usage: Usage) -> bool:
    needed = required(selector)
    if not all(usage.has_class(name) for name in CLASS.findall(needed)):
        return False
    return all((key, value) in usage.palette for key, value in PALETTE_VALUE.findall(needed))


def subset(css: str, usage: Usage) -> str:
    """`css` with the rules no element of the site can match left out."""
    kept = []
    for prelude, body in blocks(css):
        if prelude.startswith(GROUPING_AT_RULES):
            inner = subset(body, usage)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [s for s in split_selectors(prelude) if can_match(s, usage)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(a, b)`)."""
    parts, depth, start = [], 0, 0
    for index, character in enumerate(prelude):
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts
