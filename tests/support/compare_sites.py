"""Compare two builds of the site file by file, as a reader's browser would see them.

    python -m tests.support.compare_sites BEFORE AFTER

Each HTML page is parsed and written again with its attributes in one order
and its white space between tags folded, so that what differs is what a
reader or a client could notice; other files are compared byte for byte.
Prints each file that differs, with the first lines that do.
"""

from __future__ import annotations

import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path


class _Normal(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = " ".join(f'{k}="{v}"' if v is not None else k for k, v in sorted(attrs))
        self.lines.append(f"<{tag} {written}>" if written else f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.lines.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            self.lines.append(text)


def normal_lines(html: str) -> list[str]:
    parser = _Normal()
    parser.feed(html)
    parser.close()
    return parser.lines


def compare(before: Path, after: Path) -> list[str]:
    report = []
    names = sorted(
        {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
        | {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    )
    for name in names:
        old, new = before / name, after / name
        if not old.exists() or not new.exists():
            report.append(f"{name}: only in {'after' if new.exists() else 'before'}")
            continue
        if old.read_bytes() == new.read_bytes():
            continue
        if name.suffix != ".html":
            report.append(f"{name}: bytes differ")
            continue
        a = normal_lines(old.read_text(encoding="utf-8"))
        b = normal_lines(new.read_text(encoding="utf-8"))
        if a == b:
            report.append(f"{name}: same once attributes are ordered and white space folded")
            continue
        diff = [
            line
            for line in difflib.unified_diff(a, b, lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")
        ]
        report.append(f"{name}: {len(diff)} lines differ")
        report += [f"    {line[:300]}" for line in diff[:12]]
    return report


if __name__ == "__main__":
    print("\n".join(compare(Path(sys.argv[1]), Path(sys.argv[2]))) or "identical")
