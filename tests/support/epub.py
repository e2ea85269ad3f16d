"""Read an EPUB as a reading system does: its package, its spine in order, its navigation."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup


@dataclass
class Book:
    """An EPUB's package document and its content documents, in reading order."""

    opf: BeautifulSoup
    opf_path: str
    documents: dict[str, BeautifulSoup]  # path in the zip -> document, in spine order
    nav: BeautifulSoup
    nav_path: str

    def find(self, href: str, base: str) -> tuple[str, object]:
        """The document and element a link `href` of document `base` leads to."""
        target, _, fragment = href.partition("#")
        path = (
            posixpath.normpath(posixpath.join(posixpath.dirname(base), target)) if target else base
        )
        document = self.documents.get(path) or (self.nav if path == self.nav_path else None)
        assert document is not None, f"{href} (from {base}) leads to no document of the book"
        element = document.find(id=fragment) if fragment else document
        assert element is not None, f"{href} (from {base}) leads to no element"
        return path, element

    def all(self, *arguments, **keywords) -> list[tuple[str, object]]:
        """Every element matching find_all's arguments, with its document, in reading order."""
        return [
            (path, element)
            for path, document in self.documents.items()
            for element in document.find_all(*arguments, **keywords)
        ]

    def metadata(self, prefix: str, name: str) -> list[str]:
        """The text of every `<dc:name>` (prefix dc) or `<meta property="prefix:name">`."""
        if prefix == "dc":
            return [
                tag.get_text() for tag in self.opf.metadata.find_all(name) if tag.prefix == "dc"
            ]
        return [
            tag.get_text()
            for tag in self.opf.metadata.find_all("meta", attrs={"property": f"{prefix}:{name}"})
        ]


def classes(element) -> set[str]:
    """An element's classes, whichever parser read it."""
    value = element.get("class") or ""
    return set(value.split() if isinstance(value, str) else value)


def with_class(name: str):
    """A find_all filter for a space-separated attribute (class, properties) holding `name`."""
    return lambda value: bool(value) and name in value.split()


def read_book(path: Path) -> Book:
    with zipfile.ZipFile(path) as book:
        container = BeautifulSoup(book.read("META-INF/container.xml"), "xml")
        opf_path = container.find("rootfile")["full-path"]
        opf = BeautifulSoup(book.read(opf_path), "xml")
        folder = posixpath.dirname(opf_path)
        items = {item["id"]: item for item in opf.manifest.find_all("item")}
        spine = [items[ref["idref"]]["href"] for ref in opf.spine.find_all("itemref")]
        documents = {
            posixpath.join(folder, href): BeautifulSoup(
                book.read(posixpath.join(folder, href)), "xml"
            )
            for href in spine
        }
        nav_item = opf.manifest.find(
            "item", properties=lambda value: value and "nav" in value.split()
        )
        nav_path = posixpath.join(folder, nav_item["href"])
        nav = BeautifulSoup(book.read(nav_path), "xml")
    return Book(opf=opf, opf_path=opf_path, documents=documents, nav=nav, nav_path=nav_path)
