"""Golden parsed JSON: each tests/golden/config/<case>/config.xml parses to exactly parsed.json.

Set LABELCORE_UPDATE_GOLDEN=1 to rewrite the files, then review the diff.
"""

import json
import os
from pathlib import Path

import pytest

from labelcore.config import parse_config
from labelcore.config.schema import schemas

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "config"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "config.xml").exists())
UPDATE = os.environ.get("LABELCORE_UPDATE_GOLDEN") == "1"


def _check(path: Path, produced: dict) -> None:
    text = json.dumps(produced, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with LABELCORE_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


def test_there_are_golden_cases():
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES)
def test_parsed_json_matches_golden(case):
    cfg = parse_config((GOLDEN / case / "config.xml").read_text(encoding="utf-8"))
    _check(GOLDEN / case / "parsed.json", cfg.to_json())


@pytest.mark.parametrize("case", CASES)
def test_schemas_match_golden(case):
    cfg = parse_config((GOLDEN / case / "config.xml").read_text(encoding="utf-8"))
    _check(GOLDEN / case / "schema.json", schemas(cfg))
