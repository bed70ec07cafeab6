"""``labelcore validate CONFIG.xml [...] [--json]``: check labeling configs from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from labelcore.cli import command
from labelcore.config.findings import severity
from labelcore.config.parse import check_config, parse_config


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("configs", nargs="+", metavar="CONFIG.xml", help="labeling config files to check")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the parsed form of each valid config as JSON (errors and warnings then go to stderr)",
    )


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}:1:1: cannot read the file: {exc}", file=sys.stderr)
        return None


@command(
    "validate",
    "Check Label Studio labeling configs; print file:line:col: message per error "
    "(and file:line:col: warning: message per warning); exit 1 when any config has an error.",
    _configure,
)
def validate(ns: argparse.Namespace) -> int:
    invalid = 0
    parsed: dict[str, object] = {}
    report = sys.stderr if ns.json else sys.stdout  # with --json, stdout holds only the JSON
    for path in ns.configs:
        text = _read(path)
        if text is None:
            invalid += 1
            continue
        findings = check_config(text)
        for finding in findings.every:
            label = "warning: " if severity(finding) == "warning" else ""
            line, col = finding.where.get("line", 1), finding.where.get("col", 1)
            print(f"{path}:{line}:{col}: {label}{finding.message}", file=report)
        if findings.errors:
            invalid += 1
        elif ns.json:
            parsed[path] = parse_config(text).to_json()
    if ns.json:
        out = next(iter(parsed.values())) if len(ns.configs) == 1 and parsed else parsed
        print(json.dumps(out, indent=2, ensure_ascii=False))
    return 1 if invalid else 0
