"""Fixtures for the export tests: a case directory holds config.xml, tasks.json and optionally
options.json (ExportOptions; ``media`` maps a reference to a file under the case's media/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from labelcore.config import parse_config
from labelcore.exporters import ExportOptions, run_export

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE.parent / "golden"


def load_case(case: str) -> tuple[Any, list[dict[str, Any]], ExportOptions, str]:
    folder = FIXTURES / case
    xml = (folder / "config.xml").read_text(encoding="utf-8")
    tasks = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
    raw: dict[str, Any] = {}
    if (folder / "options.json").exists():
        raw = json.loads((folder / "options.json").read_text(encoding="utf-8"))
    raw["media"] = {ref: (folder / "media" / name).read_bytes() for ref, name in raw.get("media", {}).items()}
    return parse_config(xml), tasks, ExportOptions(**raw), xml


def export_case(fmt: str, case: str) -> dict[str, bytes]:
    config, tasks, options, _xml = load_case(case)
    return run_export(fmt, tasks, config, options)


def golden_dir(fmt: str, case: str) -> Path:
    return GOLDEN / fmt.lower() / case / "expected"


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    if root.exists():
        for p in sorted(root.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
