"""The edition's chores: build, serve and check the site.

    python scripts/edition.py build [--site-dir site]
    python scripts/edition.py serve
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def mkdocs(*args: str) -> subprocess.CompletedProcess[str]:
    """Run MkDocs from this project's environment, in the project's folder."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=ROOT, text=True, capture_output=True
    )


GENERIC = ("Error reading page", "Aborted with")


def problems(log: str) -> list[str]:
    """The lines of a MkDocs log that say what is wrong, the most specific first."""
    lines = [
        line.split(" -  ", 1)[-1].strip() for line in log.splitlines()
        if line.startswith(("ERROR", "WARNING", "Error:", "Aborted"))
    ]
    return sorted(lines, key=lambda line: line.startswith(GENERIC))


def build(site_dir: Path) -> int:
    """Build strictly into a fresh folder; replace `site_dir` only if the build passes."""
    site_dir = site_dir if site_dir.is_absolute() else ROOT / site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    result = mkdocs("build", "--strict", "--site-dir", str(staging))
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        lines = problems(result.stderr + result.stdout) or [result.stderr.strip()[-500:]]
        print(lines[0], file=sys.stderr)
        for line in lines[1:]:
            print(f"  {line}", file=sys.stderr)
        print(f"The build failed; {site_dir.name}/ is left as it was.", file=sys.stderr)
        return 1
    previous = site_dir.with_name(f".{site_dir.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built {site_dir}")
    return 0


def serve() -> int:
    """Serve the site on 127.0.0.1:8000, rebuilding as files change."""
    return subprocess.call(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", "127.0.0.1:8000",
         "--livereload", "--watch", "references.bib", "--watch", "hooks"],
        cwd=ROOT,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help=build.__doc__)
    build_command.add_argument("--site-dir", type=Path, default=Path("site"))
    commands.add_parser("serve", help=serve.__doc__)
    arguments = parser.parse_args(argv)
    if arguments.command == "build":
        return build(arguments.site_dir)
    return serve()


if __name__ == "__main__":
    sys.exit(main())
