"""mkdocs.yml is read without running code, and every web address is held to one rule."""

from __future__ import annotations

import os

import pytest
import yaml

from edition.config import RefusedYaml, strict_loader, web_address_problem


def load(text: str):
    from mkdocs.utils.yaml import get_yaml_loader

    return yaml.load(text, Loader=strict_loader(get_yaml_loader()))


def test_a_tag_that_would_construct_a_python_object_is_refused(tmp_path):
    ran = tmp_path / "ran"
    for tag in ("object/apply:os.system", "object/new:os.system", "object:os._wrap_close"):
        with pytest.raises(RefusedYaml, match=f"the tag !!python/{tag} would run Python code"):
            load(f"site_author: !!python/{tag} ['touch {ran}']")
    assert not ran.exists()


def test_a_key_given_twice_is_refused_with_both_lines():
    with pytest.raises(RefusedYaml) as raised:
        load("nav:\n  - a.md\nstrict: true\nnav:\n  - b.md\n")
    assert raised.value.problem_mark.line + 1 == 4
    assert "the key 'nav' is given twice (first on line 1)" in raised.value.problem


def test_what_mkdocs_yml_may_hold_still_loads(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    config = load(
        "site_url: !ENV [SITE_URL, 'https://default.org/']\n"
        "base: &base {a: 1}\n"
        "merged: {<<: *base, b: 2}\n"
        "fence: !!python/name:os.path.join\n"
    )
    assert config["site_url"] == "https://example.org/"
    assert config["merged"] == {"a": 1, "b": 2}
    assert config["fence"] is os.path.join


@pytest.mark.parametrize(
    "address",
    [
        "https://us-rok-alliance.example.org/",
        "http://www.nbr.org/publications/asia_policy/AP5/AP5_USROK_RT.pdf",
        "https://github.com/us-rok-alliance-edition/edition/issues/new",
        "http://127.0.0.1:8000/",
        "https://한국.kr/",
    ],
)
def test_web_addresses(address: str):
    assert web_address_problem(address) is None


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ('https://example.org/"x', "has '\"' in it"),
        ("https://example.org/<b>", "has '<' '>' in it"),
        ("https://exa mple.org/", "has a space in it"),
        ("https://example.org/\tx", "has a space in it"),
        ("javascript:alert(1)", "does not begin with http:// or https://"),
        ("//example.org/", "does not begin with http:// or https://"),
        ("https:///edition/", "names no host"),
        ("https://ex_ample.org/", "names no host"),
        ("https://example.org:port/", "has a port that is not a number"),
    ],
)
def test_what_is_not_a_web_address(address: str, problem: str):
    assert problem in (web_address_problem(address) or "")
