"""``labelcore validate CONFIG.xml [...] [--json]``: check labeling configs from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from labelcore.cli import command
from labelcore.config.parse import parse_config, validate_config


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("configs", nargs="+", metavar="CONFIG.xml", help="labeling config files to check")
    parser.add_argument("--json", action="store_true", help="print the parsed form of each valid config as JSON")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}:1:1: cannot read the file: {exc}", file=sys.stderr)
        return None


@command("validate", "Check Label Studio labeling configs; print file:line:col: message per error.", _configure)
def validate(ns: argparse.Namespace) -> int:
    invalid = 0
    parsed: dict[str, object] = {}
    for path in ns.configs:
        text = _read(path)
        if text is None:
            invalid += 1
            continue
        errors = validate_config(text)
        for error in errors:
            print(f"{path}:{error.where.get('line', 1)}:{error.where.get('col', 1)}: {error.message}")
        if errors:
            invalid += 1
        elif ns.json:
            parsed[path] = parse_config(text).to_json()
    if ns.json:
        out = next(iter(parsed.values())) if len(ns.configs) == 1 and parsed else parsed
        print(json.dumps(out, indent=2, ensure_ascii=False))
    return 1 if invalid else 0
