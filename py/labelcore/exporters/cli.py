"""``labelcore export`` and ``labelcore formats``: the exporters on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from labelcore.cli import command
from labelcore.config import parse_config
from labelcore.errors import DataError
from labelcore.exporters import FORMATS, ExportOptions, formats_for, get_format, run_export
from labelcore.exporters.bundle import to_zip


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", required=True, type=Path, help="labeling config XML")
    parser.add_argument("--tasks", required=True, type=Path, help="Label Studio tasks JSON (a list of tasks)")
    parser.add_argument("--format", required=True, help="format name, e.g. COCO (see `labelcore formats`)")
    parser.add_argument("-o", "--output", required=True, type=Path, help="a directory, or a file ending .zip")
    parser.add_argument("--all-tasks", action="store_true", help="export tasks without annotations too")
    parser.add_argument(
        "--task-ids",
        type=_ids,
        metavar="ID,ID,...",
        help="export exactly these tasks, in this order, annotated or not (a Data Manager selection)",
    )
    parser.add_argument("--predictions", action="store_true", help="keep predictions (JSON)")
    parser.add_argument(
        "--media-dir", type=Path, help="folder holding the tasks' media files (for *_WITH_IMAGES)"
    )


def _ids(text: str) -> list[int | str]:
    return [
        int(part) if part.strip().lstrip("-").isdigit() else part.strip()
        for part in text.split(",")
        if part.strip()
    ]


def _load_tasks(path: Path) -> list:
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path} is not JSON: {exc.msg}", {"line": exc.lineno, "col": exc.colno}) from None
    return tasks if isinstance(tasks, list) else [tasks]


def _media(tasks: list, folder: Path | None) -> dict[str, bytes]:
    """Media for references whose base name is a file in ``folder``."""
    if folder is None:
        return {}
    out = {}
    for task in tasks:
        for value in (task.get("data") or {}).values() if isinstance(task, dict) else ():
            if isinstance(value, str):
                path = folder / value.replace("\\", "/").rsplit("/", 1)[-1].split("?")[0]
                if path.is_file():
                    out[value] = path.read_bytes()
    return out


@command("export", "Export tasks in a Label Studio format to a directory or a .zip", _configure_export)
def export_command(ns: argparse.Namespace) -> int:
    info = get_format(ns.format)
    config = parse_config(ns.config.read_text(encoding="utf-8"))
    tasks = _load_tasks(ns.tasks)
    scope = "selection" if ns.task_ids is not None else "all" if ns.all_tasks else "annotated"
    options = ExportOptions(
        scope=scope,
        task_ids=ns.task_ids,
        include_predictions=ns.predictions,
        media=_media(tasks, ns.media_dir),
    )
    files = run_export(info.name, tasks, config, options)
    if ns.output.suffix.lower() == ".zip":
        ns.output.parent.mkdir(parents=True, exist_ok=True)
        ns.output.write_bytes(to_zip(files))
    else:
        for name, data in files.items():
            target = ns.output / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    print(f"{info.name}: {len(files)} file(s) written to {ns.output}", file=sys.stderr)
    return 0


def _configure_formats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="list only the formats that fit this config")
    parser.add_argument("--json", action="store_true", help="print JSON")


@command("formats", "List export formats and what each supports", _configure_formats)
def formats_command(ns: argparse.Namespace) -> int:
    infos = (
        formats_for(parse_config(ns.config.read_text(encoding="utf-8")))
        if ns.config
        else list(FORMATS.values())
    )
    if ns.json:
        print(json.dumps([i.to_json() for i in infos], indent=2))
        return 0
    for info in infos:
        needs = " | ".join("+".join(group) for group in info.supports()) or "any config"
        keys = "one data key" if info.single_data_key else "any data keys"
        print(f"{info.name:<22} {info.title:<24} needs: {needs}; {keys}; writes {info.writes}")
    return 0
