"""The edition's scripts (docs/assets/*.js, and the live-reload script `make serve` adds to a
page, scripts/livereload.js) parse, and pass the pinned ESLint (eslint.config.mjs).

Node and ESLint are test tools like Chromium: when one is missing the test fails and
says what to install, rather than skipping and passing a script nobody checked.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = [*sorted((ROOT / "docs" / "assets").glob("*.js")), ROOT / "scripts" / "livereload.js"]
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
PINNED = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]


def node() -> str:
    """The path of `node`; fails the test when it is not installed."""
    path = shutil.which("node")
    if path is None:
        pytest.fail("node not found: install Node.js and npm (apt-get install nodejs npm)")
    return path


def eslint() -> str:
    """The path of the ESLint that package-lock.json pins; fails the test when it is missing."""
    node()  # node_modules/.bin/eslint is a Node script
    if not ESLINT.is_file():
        pytest.fail(
            f"ESLint not found at {ESLINT.relative_to(ROOT)}: run `make setup` "
            "(npm ci, which needs npm: apt-get install nodejs npm)"
        )
    return str(ESLINT)


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_there_are_scripts_to_check():
    assert len(SCRIPTS) >= 4, SCRIPTS  # a moved folder would otherwise check nothing


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_script_parses(script: Path):
    result = run([node(), "--check", str(script)])
    assert result.returncode == 0, result.stderr


def test_npm_tools_are_pinned_to_exact_versions():
    loose = {name: version for name, version in PINNED.items() if not version[:1].isdigit()}
    assert loose == {}, "pin these exactly: npm install --save-dev --save-exact NAME@VERSION"


def test_eslint_is_the_pinned_version():
    result = run([eslint(), "--version"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "v" + PINNED["eslint"], "run `make setup` (npm ci)"


def test_eslint_finds_nothing():
    result = run([eslint(), "--max-warnings", "0", *(str(script) for script in SCRIPTS)])
    assert result.returncode == 0, result.stdout + result.stderr
