"""The edition's search worker (docs/assets/search-worker.js) on a tiny index, run by Node.

scripts/search_engines.mjs speaks to the worker as the theme does; each test hands it a
few entries and queries and reads the first result. What a reader meets is tested in
Chromium (tests/browser/test_search.py).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.unit.test_javascript import node

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "docs" / "assets" / "search-worker.js"
ENGINES = ROOT / "scripts" / "search_engines.mjs"
LONG = " ".join(["The alliance was reviewed again."] * 12)
DOCS = [
    {"location": "a/", "title": "Section A", "text": ""},
    {
        "location": "a/#p-1",
        "title": "A, ¶ 1",
        "kind": "paper",
        "text": f"{LONG} Control was operational and wartime. {LONG}",
    },
    {
        "location": "a/#p-2",
        "title": "A, ¶ 2",
        "kind": "paper",
        "text": f"{LONG} It kept wartime operational control (OPCON) of its forces. {LONG}",
    },
    {
        "location": "a/#p-3",
        "title": "A, ¶ 3",
        "kind": "paper",
        "text": "A shock to Park Chunghee, and to Rumsfeld.",
    },
    {"location": "g/", "title": "Glossary", "text": ""},
    {
        "location": "g/#opcon",
        "title": "OPCON",
        "kind": "apparatus",
        "text": "OPCON wartime operational control.",
    },
]
SYNONYMS = [["OPCON", "wartime operational control"], ["Park Chunghee", "Pak Chong-hui"]]


def first_results(tmp_path: Path, *queries: str) -> list[dict | None]:
    index = tmp_path / "index.json"
    index.write_text(json.dumps({"config": {"synonyms": SYNONYMS}, "docs": DOCS}))
    listed = tmp_path / "queries.json"
    listed.write_text(json.dumps([{"query": query} for query in queries]))
    result = subprocess.run(
        [node(), str(ENGINES), "worker", str(WORKER), str(index), str(listed)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [found["first"] for found in json.loads(result.stdout)["results"]]


def place(first: dict | None) -> str | None:
    return first and first["location"].split("#")[1]


def test_a_quoted_phrase_is_found_only_in_its_order(tmp_path):
    reversed_phrase, in_order = first_results(
        tmp_path, '"control operational wartime"', '"wartime operational control"'
    )
    assert reversed_phrase is None
    assert place(in_order) == "p-2"


def test_the_paper_comes_before_the_apparatus_and_an_acronym_finds_its_expansion(tmp_path):
    (acronym,) = first_results(tmp_path, "OPCON")
    assert place(acronym) == "p-2"
    assert "<mark>wartime operational control</mark> (<mark>OPCON</mark>)" in acronym["text"]
    assert "h=wartime+operational+control&h=OPCON" in acronym["location"]


def test_a_snippet_is_about_200_characters_of_whole_words_round_the_match(tmp_path):
    (found,) = first_results(tmp_path, "OPCON")
    text = found["text"].removeprefix("<p>").removesuffix("</p>")
    plain = text.replace("<mark>", "").replace("</mark>", "")
    assert plain.startswith("… ") and plain.endswith(" …") and len(plain) <= 240
    words = plain.removeprefix("… ").removesuffix(" …")
    assert words in DOCS[2]["text"]  # cut at whole words, as written


def test_spellings_and_typos_find_the_paper_s_form(tmp_path):
    hyphenated, romanized, misspelt = first_results(
        tmp_path, "Park Chung-hee", "Pak Chŏng-hŭi", "Rumsfield"
    )
    assert place(hyphenated) == place(romanized) == place(misspelt) == "p-3"
    assert "<mark>Park Chunghee</mark>" in romanized["text"]
    assert "<mark>Rumsfeld</mark>" in misspelt["text"]
