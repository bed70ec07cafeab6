"""Golden imports: tests/golden/import/<case>/ holds the input, config.xml and expected.json.

Each case is imported twice, whole and fed 7 bytes at a time, and both reports
must equal expected.json. LABELCORE_UPDATE_GOLDEN=1 rewrites expected.json
(review the diff).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from labelcore.config import parse_config
from labelcore.importers import ImportSession

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "import"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def _report(case: Path, chunk: int) -> dict:
    config = parse_config((case / "config.xml").read_text(encoding="utf-8"))
    files = case / "files.json"
    if files.exists():
        session = ImportSession(config, format="media")
        session.add_files(json.loads(files.read_text(encoding="utf-8")))
    else:
        source = next(case.glob("input.*"))
        session = ImportSession(config, filename=source.name)
        data = source.read_bytes()
        for i in range(0, len(data), chunk or len(data)):
            session.feed(data[i : i + (chunk or len(data))])
    return session.finish().to_dict()


def test_every_importer_has_a_golden_case():
    formats = {json.loads((GOLDEN / c / "expected.json").read_text())["detected_format"] for c in CASES}
    from labelcore.importers import IMPORTERS

    assert formats == set(IMPORTERS)


@pytest.mark.parametrize("case", CASES)
def test_golden_import(case: str):
    path = GOLDEN / case
    whole = _report(path, 0)
    expected_file = path / "expected.json"
    if os.environ.get("LABELCORE_UPDATE_GOLDEN"):
        expected_file.write_text(json.dumps(whole, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert whole == expected
    assert json.dumps(whole) == json.dumps(expected)  # key order too
    assert _report(path, 7) == expected
    assert whole["ok"], whole["errors"]
