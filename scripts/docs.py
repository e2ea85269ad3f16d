"""The edition's chores: build, serve and check the site.

python scripts/docs.py build [--site-dir site]
python scripts/docs.py serve [--dev-addr 127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
# This copy's own code first: `edition` is installed editable from wherever `make setup`
# ran, and a copy of the project (a test's, a second checkout) must build with its own.
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Keep the compiled engine between builds even where the environment says not to
# (PYTHONDONTWRITEBYTECODE): compiling them again costs every build ~30 ms.
sys.dont_write_bytecode = False


GENERIC = ("Error reading page", "Aborted with")


class Problems(logging.Handler):
    """Collect what MkDocs and the edition say is wrong while a build runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        for line in record.getMessage().splitlines()[:1]:
            line = line.strip()
            # MkDocs names the option, not the file: the file is mkdocs.yml.
            self.lines.append(f"mkdocs.yml: {line}" if line.startswith("Config value") else line)

    def most_specific_first(self) -> list[str]:
        return sorted(self.lines, key=lambda line: line.startswith(GENERIC))


def run_mkdocs_build(site_dir: Path) -> list[str]:
    """A strict MkDocs build in this process; the problems it met, if it failed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    problems = Problems()
    log = logging.getLogger("mkdocs")
    log.addHandler(problems)
    log.propagate = False
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:
        return problems.most_specific_first() + [str(error) or "The build was aborted."]
    finally:
        log.removeHandler(problems)
    return []


def build(site_dir: Path) -> int:
    """Build strictly into a fresh folder; replace `site_dir` only if the build passes."""
    site_dir = site_dir if site_dir.is_absolute() else ROOT / site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    # A build makes millions of short-lived objects, freed as it goes by reference
    # counting: the cycle collector, run while it works and once more at exit over
    # everything still alive, finds nothing worth its time (about a fifth of a build).
    gc.disable()
    lines = run_mkdocs_build(staging)
    gc.freeze()  # what is left lives until the process ends: leave it out of the last collection
    gc.enable()
    if lines:
        shutil.rmtree(staging, ignore_errors=True)
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


# How often `serve` looks at the watched files, and how long it waits for a burst of
# saves to end. MkDocs' own 0.5 s and 0.1 s add up to half a second before a rebuild
# starts; the watched files are a few dozen, so looking ten times a second costs nothing.
POLLING_INTERVAL = 0.1
BUILD_DELAY = 0.05
WATCHED = ["references.bib", "data", "edition", "source"]
# The edition's Python: MkDocs imports it once, so a change to it restarts the server.
PYTHON_CODE = ["edition", "scripts"]
# Set in a server that restarted itself: if its code no longer builds, it waits for a fix.
RESTARTED = "EDITION_SERVE_RESTARTED"


class CodeChanged(BaseException):
    """The edition's Python changed: this process runs the old code and must restart.

    Not an Exception, so that MkDocs' rebuild loop, which logs and carries on after
    one, lets it through and the server shuts down as it does on Ctrl-C.
    """


def file_states(paths: Iterable[str], suffix: str = "") -> dict[str, tuple[int, int]]:
    """Each file under `paths` whose name ends in `suffix`, with its modification time and size."""
    files = []
    for path in paths:
        top = str(ROOT / path)
        if os.path.isfile(top):
            files.append(top)
        for folder, folders, names in os.walk(top):
            folders[:] = [name for name in folders if name != "__pycache__"]  # the build writes it
            files += [os.path.join(folder, name) for name in names if name.endswith(suffix)]
    states = {}
    for file in files:
        try:
            state = os.stat(file)
        except FileNotFoundError:
            continue  # deleted while we looked
        states[file] = (state.st_mtime_ns, state.st_size)
    return states


def restart(arguments: list[str]) -> NoReturn:
    """Run this script again in this process, so that it imports the code as it is now."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.environ[RESTARTED] = "1"
    interpreter_options = sys.orig_argv[1 : len(sys.orig_argv) - len(sys.argv)]  # -X dev, ...
    os.execv(sys.executable, [sys.executable, *interpreter_options, __file__, *arguments])


def run_mkdocs_serve(arguments: list[str]) -> int:
    """MkDocs' own `serve` command in this process; its exit status."""
    from click import ClickException
    from click.exceptions import Abort
    from mkdocs.__main__ import cli

    try:
        cli.main(args=arguments, prog_name="mkdocs", standalone_mode=False)
    except Abort:  # Ctrl-C before the server was up
        print("Aborted!", file=sys.stderr)
        return 1
    except ClickException as error:  # MkDocs' "Aborted with ...": a failed build, a bad config
        error.show()
        return error.exit_code
    except Exception:  # a step that raised
        traceback.print_exc()
        return 1
    return 0


def serve(dev_addr: str) -> int:
    """Serve the site on 127.0.0.1:8000, rebuilding as files change, restarting as code does."""
    command = ["serve", "--dev-addr", dev_addr]
    code_at_start = file_states(PYTHON_CODE, ".py")  # before any of it is imported
    inputs = ["docs", "mkdocs.yml", *WATCHED, *PYTHON_CODE]
    inputs_at_start = file_states(inputs)
    from mkdocs.commands import serve as serve_command
    from mkdocs.livereload import LiveReloadServer

    def check_code() -> None:
        if file_states(PYTHON_CODE, ".py") != code_at_start:
            raise CodeChanged

    class QuickServer(LiveReloadServer):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, polling_interval=POLLING_INTERVAL, **kwargs)
            self.build_delay = BUILD_DELAY
            rebuild = self.builder

            def rebuild_unless_code_changed() -> None:
                check_code()
                rebuild()

            self.builder = rebuild_unless_code_changed

        def serve(self, **kwargs) -> None:
            check_code()  # saved while the first build ran, before any change is watched
            super().serve(**kwargs)

    serve_command.LiveReloadServer = QuickServer  # the one the command creates
    os.chdir(ROOT)
    arguments = ["serve", "--strict", "--dev-addr", dev_addr, "--livereload"]
    for path in dict.fromkeys([*WATCHED, *PYTHON_CODE]):
        arguments += ["--watch", path]
    # MkDocs makes the folder it serves from before it loads the config, and leaves it behind
    # when that fails: it makes it in a folder of ours, removed whatever happened.
    tempfile.tempdir = scratch = tempfile.mkdtemp(prefix="edition-serve-")
    try:
        status = run_mkdocs_serve(arguments)
    except CodeChanged:
        status = None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        tempfile.tempdir = None
    if status is None:
        print(
            "The edition's Python code changed: restarting the server to run it.", file=sys.stderr
        )
        restart(command)
    if status and os.environ.get(RESTARTED):
        # The browser keeps asking for the server: it reloads once the server is back.
        try:
            print("The server will start again when a file changes.", file=sys.stderr)
            while file_states(inputs) == inputs_at_start:
                time.sleep(POLLING_INTERVAL)
        except KeyboardInterrupt:
            return status
        restart(command)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help=build.__doc__)
    build_command.add_argument("--site-dir", type=Path, default=Path("site"))
    serve_parser = commands.add_parser("serve", help=serve.__doc__)
    serve_parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    arguments = parser.parse_args(argv)
    if arguments.command == "build":
        return build(arguments.site_dir)
    return serve(arguments.dev_addr)


if __name__ == "__main__":
    sys.exit(main())
