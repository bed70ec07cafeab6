"""Our files against Label Studio's converter on the same fixtures, compared by content.

Where Labelcore deliberately differs (docs/formats.md, "Differences"), the input is narrowed to
what both treat alike and the reason is named: rotated boxes in VOC/YOLO (LS ignores rotation),
several annotations of one image in VOC/YOLO (LS keeps the oldest), UTF-16 offsets past the BMP
(LS reads them as code points), COCO categories (LS also counts Choices as classes).
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from labelcore.exporters import run_export
from labelcore.exporters.records import select_tasks
from tests.exporters.harness import load_case
from tests.exporters.oracle import base, close, coco_facts, csv_rows, run_oracle, voc_facts, yolo_facts


def _without_rotation(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop rotated boxes (LS's VOC and YOLO ignore rotation; we export the rotated bounds)."""
    tasks = copy.deepcopy(tasks)
    for task in tasks:
        for ann in task.get("annotations", []):
            ann["result"] = [r for r in ann["result"] if not r["value"].get("rotation")]
    return tasks


def _newest_only(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One annotation per task (LS's VOC and YOLO overwrite one image's file once per annotation)."""
    tasks = _without_rotation(tasks)
    for task in tasks:
        live = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        task["annotations"] = sorted(live, key=lambda a: a["created_at"])[-1:]
    return tasks


def _json(files: dict[str, bytes]) -> Any:
    return json.loads(files["result.json"])


def _table(delimiter: str) -> Callable[[dict[str, bytes]], Any]:
    return lambda files: csv_rows(next(v for k, v in files.items() if k.startswith("result.")), delimiter)


def _coco(files: dict[str, bytes]) -> Any:
    return coco_facts(files["result.json"])


def _voc(files: dict[str, bytes]) -> Any:
    return sorted(
        (voc_facts(v) for k, v in files.items() if k.startswith("Annotations/")), key=lambda f: f["filename"]
    )


def _conll(files: dict[str, bytes]) -> Any:
    return files["result.conll"].decode()


def _asr(files: dict[str, bytes]) -> Any:
    return [json.loads(line) for line in files["manifest.json"].decode().splitlines()]


def _masks(suffix: str) -> Callable[[dict[str, bytes]], Any]:
    def read(files: dict[str, bytes]) -> Any:
        import numpy
        from PIL import Image

        load = (
            (lambda b: numpy.asarray(Image.open(io.BytesIO(b))))
            if suffix == ".png"
            else (lambda b: numpy.load(io.BytesIO(b)))
        )
        return {
            base(k).removesuffix(suffix): load(v).tolist() for k, v in files.items() if k.endswith(suffix)
        }

    return read


def _brush_coco(files: dict[str, bytes]) -> Any:
    """The COCO document without what is random (category colours) or dated (info)."""
    doc = json.loads(files["result_coco.json"])
    doc.pop("info")
    for category in doc["categories"]:
        category.pop("color")
    return doc


# (format, fixture, transform of the chosen tasks, content reader)
CASES: list[tuple[str, str, Callable | None, Callable]] = [
    ("JSON_MIN", "image_simple", None, _json),
    ("JSON_MIN", "image_team", None, _json),
    ("JSON_MIN", "ner", None, _json),
    ("CSV", "image_team", None, _table(",")),
    ("CSV", "ner", None, _table(",")),
    ("TSV", "ner", None, _table("\t")),
    ("CONLL2003", "ner", None, _conll),
    ("COCO", "image_simple", None, _coco),
    ("COCO", "image_team", _without_rotation, _coco),
    ("COCO", "keypoints", None, _coco),
    ("VOC", "image_simple", _without_rotation, _voc),
    ("VOC", "image_team", _newest_only, _voc),
    ("YOLO", "image_simple", _without_rotation, yolo_facts),
    ("YOLO", "image_team", _newest_only, yolo_facts),
    ("YOLO_OBB", "image_simple", None, yolo_facts),
    ("YOLO_OBB", "image_team", _newest_only, yolo_facts),
    ("YOLO_OBB", "keypoints", None, yolo_facts),
    ("BRUSH_TO_PNG", "brush", None, _masks(".png")),
    ("BRUSH_TO_NUMPY", "brush", None, _masks(".npy")),
    ("ASR_MANIFEST", "asr", None, _asr),
    ("BRUSH_TO_COCO", "brush_coco", None, _brush_coco),
]


@pytest.mark.parametrize("fmt,case,transform,read", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_same_content_as_label_studio(
    fmt: str, case: str, transform: Callable | None, read: Callable
) -> None:
    config, tasks, options, xml = load_case(case)
    chosen = [task for _i, task in select_tasks(tasks, options)]
    if transform:
        chosen = transform(chosen)
    theirs = read(run_oracle(fmt, xml, chosen, options.media))
    ours = read(run_export(fmt, chosen, config, options.model_copy(update={"scope": "all"})))
    assert theirs, f"the oracle wrote nothing for {fmt}/{case}: the comparison would prove nothing"
    assert close(ours, theirs), f"{fmt}/{case} differs from Label Studio:\nours   {ours}\ntheirs {theirs}"
