"""Every format against its golden files, byte for byte (LABELCORE_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import os

import pytest

from tests.exporters.harness import export_case, golden_dir, read_tree, write_tree

IMAGE_CASES = ["image_simple", "image_team"]
CASES = (
    [(f, c) for f in ("JSON", "JSON_MIN", "CSV", "TSV") for c in IMAGE_CASES + ["ner"]]
    + [(f, c) for f in ("COCO", "VOC", "YOLO", "YOLO_OBB") for c in IMAGE_CASES + ["image_media"]]
    + [("COCO", "keypoints"), ("YOLO", "keypoints"), ("YOLO_OBB", "keypoints")]
    + [(f, "image_media") for f in ("COCO_WITH_IMAGES", "YOLO_WITH_IMAGES", "YOLO_OBB_WITH_IMAGES")]
    + [("CONLL2003", "ner"), ("CONLL2003", "ner_emoji"), ("JSON_MIN", "ner_emoji")]
    + [("BRUSH_TO_PNG", "brush"), ("BRUSH_TO_NUMPY", "brush"), ("ASR_MANIFEST", "asr")]
    + [("BRUSH_TO_COCO", "brush_coco")]
)


@pytest.mark.parametrize("fmt,case", CASES, ids=[f"{f}-{c}" for f, c in CASES])
def test_golden(fmt: str, case: str) -> None:
    files = export_case(fmt, case)
    expected_dir = golden_dir(fmt, case)
    if os.environ.get("LABELCORE_UPDATE_GOLDEN"):
        write_tree(expected_dir, files)
    assert expected_dir.is_dir(), (
        f"no golden files at {expected_dir}: run with LABELCORE_UPDATE_GOLDEN=1 and review"
    )
    expected = read_tree(expected_dir)
    assert sorted(files) == sorted(expected)
    for name in expected:
        assert files[name] == expected[name], f"{fmt}/{case}: {name} differs from its golden file"
