"""``labelcore import FILE... --config CONFIG.xml [-o tasks.json] [--skip-invalid] [--format F]``.

Normalizes any supported input to a Label Studio JSON task list (stdout or
``-o``). Bad input: nothing is written, the report goes to stderr as
``file:where: message`` lines (``data.csv:4: ...``, ``tasks.json:$[2].data: ...``), and the exit
code is 1. With ``--skip-invalid`` the valid tasks are written, the report still goes to stderr,
and the exit code is 0. A media file becomes a task holding its path.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path
from typing import IO, Any

from labelcore.cli import command
from labelcore.config import parse_config
from labelcore.importers.session import ImportReport, ImportSession

CHUNK = 1 << 20


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="CSV, TSV, TXT, JSON, JSONL, HTML, URL list or media"
    )
    parser.add_argument("--config", required=True, metavar="CONFIG.xml", help="the project's labeling config")
    parser.add_argument("-o", "--output", metavar="tasks.json", help="write here instead of stdout")
    parser.add_argument("--format", help="the format of every FILE (default: from each file's extension)")
    parser.add_argument("--skip-invalid", action="store_true", help="write the valid tasks despite errors")


def import_file(path: str, config: Any, fmt: str | None = None, skip_invalid: bool = False) -> ImportReport:
    """One file through an :class:`ImportSession`, read in 1 MB chunks.

    The cyclic garbage collector is paused meanwhile: a million new task dicts
    (no cycles among them) would otherwise trigger it over and over (~1/3 of the time).
    """
    session = ImportSession(
        config, format=fmt, filename=path, skip_invalid=skip_invalid, options={"ref": path}
    )
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                session.feed(chunk)
        return session.finish()
    finally:
        if was_enabled:
            gc.enable()


def where_text(where: dict[str, Any]) -> str:
    """``4`` (a CSV row), ``3:5`` (line and column), ``$[2].data`` (a JSON path): compiler style."""
    return ":".join(str(where[k]) for k in ("row", "line", "col", "path") if k in where)


def write_tasks(tasks: list[dict[str, Any]], out: IO[str]) -> None:
    """A JSON list, one task per line."""
    out.write("[")
    for i, task in enumerate(tasks):
        out.write(",\n" if i else "\n")
        out.write(json.dumps(task, ensure_ascii=False))
    out.write("\n]\n" if tasks else "]\n")


@command(
    "import",
    "Normalize CSV/TSV/TXT/JSON/JSONL/HTML/URL lists/media to a Label Studio JSON task list",
    _configure,
)
def run(ns: argparse.Namespace) -> int:
    config = parse_config(Path(ns.config).read_text(encoding="utf-8"))
    tasks: list[dict[str, Any]] = []
    failed = False
    for path in ns.files:
        report = import_file(path, config, ns.format, ns.skip_invalid)
        tasks += report.tasks
        for error in report.errors:
            print(f"{path}:{where_text(error.where)}: {error.message}", file=sys.stderr)
        if report.errors_total > len(report.errors):
            print(f"{path}: ... and {report.errors_total - len(report.errors)} more errors", file=sys.stderr)
        failed = failed or not report.ok
    if failed and not ns.skip_invalid:
        print(
            "labelcore import: nothing written: fix the errors above or pass --skip-invalid", file=sys.stderr
        )
        return 1
    if ns.output:
        with open(ns.output, "w", encoding="utf-8") as out:
            write_tasks(tasks, out)
    else:
        write_tasks(tasks, sys.stdout)
    return 0
