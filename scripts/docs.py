"""The edition's chores: build, serve and check the site.

python scripts/docs.py build [--site-dir site]
python scripts/docs.py serve [--dev-addr 127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import fcntl
import gc
import logging
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import time
import traceback
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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


class ImportedWhenUsed(types.ModuleType):
    """What stands in `sys.modules` for a module until something of it is first used.

    `importlib.util.LazyLoader` does not spare the import: the `import` statement
    itself reads the module's `__spec__`, which loads it. Here `__spec__` is the
    placeholder's own (None), and any other name is looked up in the module,
    imported then, in place of the placeholder.
    """

    def __getattr__(self, attribute: str) -> object:
        import importlib

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        module = importlib.import_module(self.__name__)
        self.__dict__.update(vars(module))  # names read from the placeholder since
        return getattr(module, attribute)


def load_when_used(name: str) -> None:
    """Import module `name` only when something of it is first used.

    mkdocs-bibtex imports `requests` to download a bibliography given as an address,
    which the edition never does; importing it costs every build ~50 ms.
    """
    if name not in sys.modules:
        sys.modules[name] = ImportedWhenUsed(name)


load_when_used("requests")


# ---------------------------------------------------------------------------------------------
# One line for every stop
# ---------------------------------------------------------------------------------------------

GENERIC = ("Error reading page", "Error building page", "Aborted with")
# MkDocs names a page by its path inside docs/, and an option by its name.
DOC_FILE = re.compile(r"^Doc file '(?P<file>[^']+)' (?P<rest>.*)$")
LINK = re.compile(r"contains (?:a|an unrecognized relative) link '(?P<link>[^']+)'")
NAV_REFERENCE = re.compile(r"^A reference to '(?P<name>[^']+)' is included in the 'nav'")
FAILED_PAGE = re.compile(r"^Error (?:reading|building) page '(?P<file>[^']+)':")


def line_of(file: Path, text: str) -> int | None:
    """The first line of `file` that contains `text`."""
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if text in line), None)


def placed(path: Path, line: int | None) -> str:
    where = os.path.relpath(path, ROOT)
    return f"{where}:{line}" if line else where


class Problems(logging.Handler):
    """What MkDocs and the edition say is wrong while a build runs, each made one line."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__(logging.WARNING)
        self.docs_dir = docs_dir
        self.lines: list[str] = []
        self.failed_page: str | None = None  # the page being read or built when it failed

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        failed = FAILED_PAGE.match(message)
        if failed:
            self.failed_page = failed.group("file")
        self.lines.append(self.one_line(message))

    def one_line(self, message: str) -> str:
        # MkDocs lists pages on lines of their own ("...configuration:\n  - a.md\n  - b.md").
        head, *listed = message.strip().splitlines()
        items = [item.strip().removeprefix("- ") for item in listed if item.strip()]
        line = head.strip() + (" " + ", ".join(items) if items else "")
        line = line.replace(f"{ROOT}{os.sep}", "")  # paths as the editor knows them
        if line.startswith("Config value"):  # MkDocs names the option, not the file
            return f"mkdocs.yml: {line}"
        doc_file = DOC_FILE.match(line)
        if doc_file:
            page = self.docs_dir / doc_file.group("file")
            link = LINK.search(line)
            where = placed(page, line_of(page, link.group("link")) if link else None)
            return f"{where}: {doc_file.group('rest')}"
        nav = NAV_REFERENCE.match(line)
        if nav or 'the "nav" configuration' in line:
            config = ROOT / "mkdocs.yml"
            return f"{placed(config, line_of(config, nav.group('name')) if nav else None)}: {line}"
        return line

    def cause(self) -> str | None:
        """The first problem met that is not only the news that the build stopped."""
        specific = [line for line in self.lines if not line.startswith(GENERIC)]
        return (specific or self.lines or [None])[0]


def code_location(error: BaseException) -> str:
    """Where in the edition's (or else any) code an unexpected error was raised: file:line."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).resolve().is_relative_to(ROOT)]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "scripts/docs.py"
    return f"{placed(Path(frame.filename).resolve(), frame.lineno)}"


def unexpected(error: BaseException, page: str | None, docs_dir: Path) -> str:
    """An error no check foresaw, as one line: the page it stopped on, what and where it was."""
    what = " ".join(f"{type(error).__name__}: {error}".split())
    where = f"{placed(docs_dir / page, None)}: " if page else ""
    return (
        f"{where}the build stopped on an error the edition does not describe: {what} "
        f"(at {code_location(error)}); report it with this line"
    )


def yaml_problem(error: BaseException, config_file: Path) -> str | None:
    """A YAML error of mkdocs.yml as one line: its file and line, what is wrong there."""
    import yaml

    cause = error if isinstance(error, yaml.YAMLError) else error.__context__
    if not isinstance(cause, yaml.YAMLError):
        return None
    # Where an unfinished list or mapping began, else where the parser gave up.
    mark = getattr(cause, "context_mark", None) or getattr(cause, "problem_mark", None)
    file = Path(mark.name) if mark is not None and mark.name not in ("<unicode string>",) else None
    where = placed(file if file and file.exists() else config_file, mark.line + 1 if mark else None)
    parts = [getattr(cause, "context", None), getattr(cause, "problem", None)]
    what = ": ".join(" ".join(part.split()) for part in parts if part) or str(cause)
    from edition.config import RefusedYaml

    return f"{where}: {what}" if isinstance(cause, RefusedYaml) else f"{where}: {what}; correct it"


def run_mkdocs_build(site_dir: Path) -> str | None:
    """A strict MkDocs build in this process; the one line that says why, if it failed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError, MkDocsException

    from edition.config import refuse_python_objects

    refuse_python_objects()
    config_file = ROOT / "mkdocs.yml"
    problems = Problems(ROOT / "docs")
    log = logging.getLogger("mkdocs")
    log.addHandler(problems)
    log.propagate = False
    config = None
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
        problems.docs_dir = Path(config.docs_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except ConfigurationError as error:
        return yaml_problem(error, config_file) or problems.cause() or f"mkdocs.yml: {error}"
    except (MkDocsException, SystemExit) as error:
        return problems.cause() or str(error) or "The build was aborted."
    except KeyboardInterrupt:
        if config is not None:  # the steps stop what they started (pandoc)
            config.plugins.on_build_error(error=KeyboardInterrupt())  # type: ignore[arg-type]
        raise
    except Exception as error:
        return yaml_problem(error, config_file) or unexpected(
            error, problems.failed_page, problems.docs_dir
        )
    finally:
        log.removeHandler(problems)
    return None


# ---------------------------------------------------------------------------------------------
# Publishing: site/ is at every instant the old complete site or the new one
# ---------------------------------------------------------------------------------------------

READABLE_FOLDER, READABLE_FILE = 0o755, 0o644  # what a web server running as another user reads
AT_FDCWD = -100
RENAME_NOREPLACE, RENAME_EXCHANGE = 1, 2  # Linux renameat2(2)
RENAME_SWAP, RENAME_EXCL = 2, 4  # macOS renamex_np(2)


def _rename(source: Path, target: Path, *, swap: bool) -> None:
    """Swap two paths (`swap`), or move `source` to `target` where nothing is: in one step.

    OSError(ENOSYS) where the system has no such call; ENOENT when there is nothing to swap
    with; EEXIST when there is something where nothing was expected.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    old, new = os.fsencode(source), os.fsencode(target)
    if hasattr(libc, "renameat2"):
        result = libc.renameat2(
            AT_FDCWD, old, AT_FDCWD, new, RENAME_EXCHANGE if swap else RENAME_NOREPLACE
        )
    elif hasattr(libc, "renamex_np"):
        result = libc.renamex_np(old, new, RENAME_SWAP if swap else RENAME_EXCL)
    else:
        raise OSError(errno.ENOSYS, "no atomic rename on this system")
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(source), None, str(target))


def publish(staging: Path, site_dir: Path) -> Path | None:
    """Put the finished build in `site_dir` in one step; the folder the old site is now in."""
    try:
        _rename(staging, site_dir, swap=True)
        return staging  # what was site_dir
    except FileNotFoundError:
        pass  # no site yet
    except OSError as error:
        if error.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise
        return publish_in_two_steps(staging, site_dir)
    try:
        _rename(staging, site_dir, swap=False)
        return None
    except FileExistsError:  # another build published first: swap with its site
        return publish(staging, site_dir)


def publish_in_two_steps(staging: Path, site_dir: Path) -> Path | None:
    """Where the file system cannot swap two folders: move the old site aside, then in."""
    aside = None
    if site_dir.exists() or site_dir.is_symlink():
        aside = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
        os.replace(site_dir, aside / site_dir.name)
    os.replace(staging, site_dir)
    return aside


def make_readable(folder: Path) -> None:
    """Every folder 755 and every file 644, whatever the umask: a web server must read them."""
    os.chmod(folder, READABLE_FOLDER)
    for top, folders, files in os.walk(folder):
        for name in folders:
            path = os.path.join(top, name)
            if not os.path.islink(path):
                os.chmod(path, READABLE_FOLDER)
        for name in files:
            path = os.path.join(top, name)
            if not os.path.islink(path):
                os.chmod(path, READABLE_FILE)


def remove_tree(path: Path) -> None:
    """Remove a folder, or a file or link where one is; what cannot be removed stays."""

    def allow_and_retry(function, name, _error) -> None:  # a folder made read-only inside
        try:
            os.chmod(os.path.dirname(name), stat.S_IRWXU)
            function(name)
        except OSError:
            pass

    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path, onerror=allow_and_retry)


@contextmanager
def locked(folder: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold an advisory lock on a folder (True), or find it held by another build (False)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield False
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(descriptor)
        yield False
        return
    try:
        yield True
    finally:
        os.close(descriptor)


class Staging:
    """The folder a build writes into, next to site/, locked for as long as the build runs.

    A build that was stopped (an error, Ctrl-C, a kill, a crash) leaves at most this
    folder behind; the next build removes every such folder whose build is gone, and
    the `.site-previous` of earlier versions of this script, whatever it is.
    """

    def __init__(self, site_dir: Path) -> None:
        self.prefix = f".{site_dir.name}-build-"
        parent = site_dir.parent
        with locked(parent):  # no other build tidies up between making the folder and locking it
            self.tidy(parent, site_dir.name)
            self.path = Path(tempfile.mkdtemp(prefix=self.prefix, dir=parent))
            self.descriptor = os.open(self.path, os.O_RDONLY)
            fcntl.flock(self.descriptor, fcntl.LOCK_EX)

    def tidy(self, parent: Path, name: str) -> None:
        for leftover in parent.glob(f"{glob_escape(self.prefix)}*"):
            if leftover.is_dir() and not leftover.is_symlink():
                with locked(leftover, wait=False) as gone:
                    if gone:
                        remove_tree(leftover)
            else:
                remove_tree(leftover)
        remove_tree(parent / f".{name}-previous")

    def release(self) -> None:
        if self.descriptor >= 0:
            os.close(self.descriptor)
            self.descriptor = -1

    def discard(self) -> None:
        remove_tree(self.path)
        self.release()


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


class Signals:
    """Ctrl-C and a polite kill stop the build; while the site is swapped, they wait."""

    def __init__(self) -> None:
        self.deferring = False
        self.pending = False
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, self.handle)

    def handle(self, number: int, frame: object) -> None:
        if self.deferring:
            self.pending = True
            return
        raise KeyboardInterrupt

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self.deferring = True
        try:
            yield
        finally:
            self.deferring = False


def build(site_dir: Path) -> int:
    """Build strictly into a fresh folder; put it in `site_dir` in one step if the build passes."""
    site_dir = site_dir if site_dir.is_absolute() else ROOT / site_dir
    signals = Signals()
    staging: Staging | None = None
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Staging(site_dir)
        # A build makes millions of short-lived objects, freed as it goes by reference
        # counting: the cycle collector, run while it works and once more at exit over
        # everything still alive, finds nothing worth its time (about a fifth of a build).
        gc.disable()
        problem = run_mkdocs_build(staging.path)
        gc.freeze()  # what is left lives until the process ends: out of the last collection
        gc.enable()
        if problem:
            with signals.deferred():
                staging.discard()
            print(problem, file=sys.stderr)
            return 1
        make_readable(staging.path)
        with signals.deferred():  # once swapped, the build is done: an interrupt waits for it
            replaced = publish(staging.path, site_dir)
            staging.release()
            if replaced is not None:
                remove_tree(replaced)
        print(f"Built {site_dir}")
        return 0
    except KeyboardInterrupt:
        signals.deferring = True  # a second Ctrl-C must not interrupt the tidying
        if staging is not None:
            staging.discard()
        print(f"interrupted; {site_dir.name}/ is as it was", file=sys.stderr)
        return 130
    except OSError as error:  # the disk, not the edition: full, read-only, not ours
        if staging is not None:
            staging.discard()
        print(
            f"{error.filename or site_dir}: {error.strerror or error}; "
            f"free the disk or fix the folder's permissions ({site_dir.name}/ is as it was)",
            file=sys.stderr,
        )
        return 1
    except Exception as error:  # this script's own mistake: still one line, and site/ as it was
        if staging is not None:
            staging.discard()
        print(unexpected(error, None, ROOT / "docs"), file=sys.stderr)
        return 1


# ---------------------------------------------------------------------------------------------
# Serving
# ---------------------------------------------------------------------------------------------

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
    import atexit

    atexit._run_exitfuncs()  # what would run at exit, which exec skips (a book being made)
    sys.stdout.flush()
    sys.stderr.flush()
    os.environ[RESTARTED] = "1"
    interpreter_options = sys.orig_argv[1 : len(sys.orig_argv) - len(sys.argv)]  # -X dev, ...
    os.execv(sys.executable, [sys.executable, *interpreter_options, __file__, *arguments])


def run_mkdocs_serve(arguments: list[str]) -> int:
    """MkDocs' own `serve` command in this process; its exit status."""
    from click import ClickException
    from click.exceptions import Abort

    from edition.config import refuse_python_objects

    refuse_python_objects()
    from mkdocs.__main__ import cli

    try:
        cli.main(args=arguments, prog_name="mkdocs", standalone_mode=False)
    except Abort:  # Ctrl-C before the server was up
        print("interrupted", file=sys.stderr)
        return 1
    except ClickException as error:  # MkDocs' "Aborted with ...": a failed build, a bad config
        print(yaml_problem(error, ROOT / "mkdocs.yml") or error.format_message(), file=sys.stderr)
        return error.exit_code
    except Exception as error:  # a step that raised, code that does not load
        print(unexpected(error, None, ROOT / "docs"), file=sys.stderr)
        return 1
    return 0


def serve(dev_addr: str) -> int:
    """Serve the site on 127.0.0.1:8000, rebuilding as files change, restarting as code does."""
    command = ["serve", "--dev-addr", dev_addr]
    code_at_start = file_states(PYTHON_CODE, ".py")  # before any of it is imported
    inputs = ["docs", "mkdocs.yml", *WATCHED, *PYTHON_CODE]
    inputs_at_start = file_states(inputs)
    import hashlib

    from mkdocs.commands import serve as serve_command
    from mkdocs.livereload import LiveReloadServer, _timestamp

    from edition.steps.content_security import allow_inline_script

    def check_code() -> None:
        if file_states(PYTHON_CODE, ".py") != code_at_start:
            raise CodeChanged

    reload_script = (ROOT / "scripts" / "livereload.js").read_bytes()
    servers: list[QuickServer] = []

    class QuickServer(LiveReloadServer):
        """MkDocs' server, quicker to see a save, showing a saved page before the whole build.

        Each whole build is made in a folder of its own, which the server serves once it
        is complete (`root`); a saved page written first goes in the folder being served.
        """

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, polling_interval=POLLING_INTERVAL, **kwargs)
            self.build_delay = BUILD_DELAY
            # An epoch after which a page reloads only if it changed (scripts/livereload.js),
            # and the epoch of the pages that compare: {a page shown first: the site before
            # it; the whole build after it: the page shown}. After other builds, all reload.
            self.compared: dict[int, int] = {}
            rebuild = self.builder

            def rebuild_unless_code_changed() -> None:
                check_code()
                rebuild()

            self.builder = rebuild_unless_code_changed
            servers.append(self)

        def serve(self, **kwargs) -> None:
            check_code()  # saved while the first build ran, before any change is watched
            super().serve(**kwargs)

        # MkDocs' error pages come from the folder it made first; they come from the one served.
        @property
        def error_handler(self) -> Callable[[int], bytes | None]:
            return self.error_page

        @error_handler.setter
        def error_handler(self, handler: Callable[[int], bytes | None]) -> None:
            pass

        def error_page(self, code: int) -> bytes | None:
            page = Path(self.root) / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        def show_now(self) -> int:
            """Serve the folder as it is, a saved page written first: that page reloads."""
            with self._epoch_cond:
                self.compared[self._wanted_epoch] = self._visible_epoch
                self._visible_epoch = self._wanted_epoch
                self._epoch_cond.notify_all()
                return self._visible_epoch

        def follow_up(self, shown: int) -> None:
            """The whole build after the page shown at epoch `shown`: the pages it changed
            reload, and only they."""
            with self._epoch_cond:
                self._wanted_epoch = max(_timestamp(), shown + 1)
                self.compared[self._wanted_epoch] = shown

        def _serve_request(self, environ, start_response):
            found = re.fullmatch(r"/livereload/([0-9]+)/[0-9]+", environ.get("PATH_INFO", ""))
            if found is None:
                return super()._serve_request(environ, start_response)
            epoch = int(found[1])
            with self._epoch_cond:  # MkDocs' long poll: answer once the site is newer
                self._epoch_cond.wait_for(
                    lambda: self._visible_epoch > epoch, timeout=self.poll_response_timeout
                )
                visible = self._visible_epoch
            how = b" compare" if self.compared.get(visible) == epoch else b""
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"%d%b" % (visible, how)]

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            # The page's Content-Security-Policy runs only the inline scripts it was built
            # with: it must also allow the one that reloads the page.
            digest = hashlib.sha256(content).hexdigest()[:16]
            tag = (
                f'<script data-livereload-epoch="{epoch}" data-livereload-request='
                f'"{_timestamp()}" data-livereload-digest="{digest}">'
            ).encode()
            end = content.rfind(b"</body>")
            end = len(content) if end < 0 else end
            injected = content[:end] + tag + reload_script + b"</script>" + content[end:]
            return allow_inline_script(injected, content)

    serve_command.LiveReloadServer = QuickServer  # the one the command creates
    whole_build = serve_command.build
    pages_seen: dict[str, bytes] = {}
    retired: list[str] = []  # the folders served before the last build
    others_seen: dict[str, tuple[int, int]] = {}

    def saved_pages() -> list[str]:
        """The Markdown pages saved since the last build began, if nothing else was."""
        docs = ROOT / "docs"
        pages = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
        others = file_states(["mkdocs.yml", *WATCHED])
        others.update((p, s) for p, s in file_states(["docs"]).items() if not p.endswith(".md"))
        saved = [src for src, text in pages.items() if pages_seen.get(src) != text]
        same_set = pages.keys() == pages_seen.keys() and others == others_seen
        pages_seen.clear()
        pages_seen.update(pages)
        others_seen.clear()
        others_seen.update(others)
        return saved if same_set else []

    def build_in_two(config, *, serve_url=None, dirty=False) -> None:
        """The saved page first, where it can be (edition/serve_first.py), then the whole site
        in a folder of its own, served once it is complete."""
        server = servers[0]
        for folder in retired:  # served before the last build; no request reads it now
            shutil.rmtree(folder, ignore_errors=True)
        retired.clear()
        saved = saved_pages()
        shown = None
        if saved and config.plugins["edition"].show_first(saved):
            shown = server.show_now()
        folder = tempfile.mkdtemp(prefix="site-", dir=scratch)
        config.site_dir = folder
        try:
            whole_build(config, serve_url=serve_url, dirty=dirty)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            config.plugins["edition"].last = None  # it gathered a build that is not served
            raise
        retired.append(server.root)  # a request may be reading it still
        server.root = folder
        if shown is not None:
            server.follow_up(shown)

    serve_command.build = build_in_two
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
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before the build began, or while the server starts
        print("interrupted; site/ is as it was", file=sys.stderr)
        sys.exit(130)
