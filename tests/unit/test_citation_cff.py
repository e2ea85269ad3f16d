"""CITATION.cff tells GitHub and reference managers the paper's preferred citation."""

import yaml

from tests.conftest import ROOT


def load(path):
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def test_citation_cff_has_the_fields_cff_1_2_0_requires():
    cff = load(ROOT / "CITATION.cff")
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] and cff["authors"]
    assert cff.get("type", "software") in {"software", "dataset"}  # the only top-level types


def edition_options() -> dict:
    plugins = load(ROOT / "mkdocs.yml")["plugins"]
    return next(
        entry["edition"] for entry in plugins if isinstance(entry, dict) and "edition" in entry
    )


def test_the_version_and_release_date_are_the_editions_release():
    release = edition_options()["release"]
    cff = load(ROOT / "CITATION.cff")
    assert (str(cff["version"]), str(cff["date-released"])) == (
        release["version"],
        release["date"],
    )


def test_citation_cff_names_no_address_the_edition_does_not_have():
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert "example.org" not in text and "url:" not in text


def test_the_preferred_citation_is_the_paper_as_mkdocs_yml_records_it():
    paper = edition_options()["paper"]
    cited = load(ROOT / "CITATION.cff")["preferred-citation"]
    year, month = paper["date"].split("-")
    assert cited["type"] == "report"
    assert cited["title"] == paper["title"]
    assert cited["authors"] == [
        {"family-names": paper["author"]["family"], "given-names": paper["author"]["given"]}
    ]
    assert (cited["year"], cited["month"]) == (int(year), int(month))
    assert cited["institution"]["name"] == f"{paper['center']}, {paper['institution']}"
    assert cited["publisher"]["name"] == paper["institution"]
