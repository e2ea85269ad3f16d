"""The one error type for an editor's mistake, and the one line the build prints for it."""

from __future__ import annotations


class EditionError(Exception):
    """An authoring mistake: the file (and line) the editor must change, and what to change.

    Every step raises this and nothing else for bad input; the plugin turns it
    into the build's one line (`EditionPlugin`, through `edition.pipeline.run`).
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def at(self, file: str, line: int | None = None) -> EditionError:
        """The same mistake, placed in `file` (and at `line`) unless it is placed already."""
        if self.file is None:
            self.file = file
            self.line = self.line if line is None else line
        return self

    def __str__(self) -> str:
        if self.file is None:
            return self.message
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


def yaml_mistake(error: Exception) -> tuple[str, int | None]:
    """A YAML error as the editor needs it: what is wrong, and the line where it starts.

    PyYAML marks where it gave up (`problem_mark`) and, for an unfinished list or
    mapping, where that began (`context_mark`): the line to change is the latter.
    """
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or " ".join(str(error).split())
    return problem, (mark.line + 1 if mark is not None else None)


def build_error(error: EditionError) -> Exception:
    """The error MkDocs stops the build with: the editor's one line, and no traceback."""
    from mkdocs.exceptions import PluginError

    return PluginError(str(error))
