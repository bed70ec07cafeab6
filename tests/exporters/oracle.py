"""Run Label Studio's own converter (label-studio-sdk, the oracle) on a fixture, and read what it wrote
into comparable content (parsed JSON, CSV rows, XML facts, decoded masks)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

LS_VERSION = "2.1.2"


def converter_module():
    try:
        from label_studio_sdk import converter  # noqa: PLC0415
    except ImportError as exc:
        pytest.skip(
            f"oracle unavailable: label-studio-sdk=={LS_VERSION} is not importable ({exc}); "
            f"install it with `.venv/bin/pip install label-studio-sdk=={LS_VERSION}`"
        )
    return converter


def run_oracle(fmt: str, xml: str, tasks: list[dict[str, Any]], media: dict[str, bytes]) -> dict[str, bytes]:
    """The files the reference converter writes for ``tasks`` (already chosen by scope)."""
    converter = converter_module()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        upload = root / "upload"
        for ref, data in media.items():
            if ref.startswith("/data/upload/"):
                target = upload / ref[len("/data/upload/") :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        source = root / "tasks.json"
        source.write_text(json.dumps(tasks), encoding="utf-8")
        out = root / "out"
        out.mkdir()
        conv = converter.Converter(xml, str(root), upload_dir=str(upload), download_resources=True)
        cwd = os.getcwd()
        os.chdir(root)  # the converter resolves some paths against the working directory
        try:
            conv.convert(str(source), str(out), fmt, is_dir=False)
        finally:
            os.chdir(cwd)
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def base(name: str) -> str:
    """A media file name without the folder and without the converter's ``<hash>__`` prefix."""
    return os.path.basename(name).split("__", 1)[-1]


def csv_rows(data: bytes, delimiter: str) -> list[dict[str, Any]]:
    rows = []
    for row in csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter=delimiter):
        rows.append({k: _cell(v) for k, v in row.items()})
    return rows


def _cell(value: str) -> Any:
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def voc_facts(data: bytes) -> dict[str, Any]:
    root = ET.fromstring(data)
    size = root.find("size")
    objects = [
        (o.findtext("name"), [int(o.find("bndbox").findtext(k)) for k in ("xmin", "ymin", "xmax", "ymax")])
        for o in root.iter("object")
    ]
    return {
        "filename": base(root.findtext("filename")),
        "annotator": root.findtext("source/annotator"),
        "size": [size.findtext("width"), size.findtext("height")],
        "objects": objects,
    }


def yolo_facts(files: dict[str, bytes]) -> dict[str, list[tuple[str, list[float]]]]:
    """Each label file's lines as (class name, numbers), the class id resolved through notes.json."""
    names = {c["id"]: c["name"] for c in json.loads(files["notes.json"])["categories"]}
    out = {}
    for path, data in files.items():
        if path.startswith("labels/"):
            lines = []
            for line in data.decode().splitlines():
                parts = line.split()
                lines.append((names[int(parts[0])], [float(p) for p in parts[1:]]))
            out[base(path)] = sorted(lines)
    return out


def coco_facts(data: bytes) -> dict[str, Any]:
    doc = json.loads(data)
    names = {c["id"]: c["name"] for c in doc["categories"]}
    images = {i["id"]: i for i in doc["images"]}
    anns = []
    for a in doc["annotations"]:
        img = images[a["image_id"]]
        facts = {k: v for k, v in a.items() if k not in ("id", "image_id", "category_id")}
        anns.append(
            {
                "image": base(img["file_name"]),
                "size": [img["width"], img["height"]],
                "category": names[a["category_id"]],
                **facts,
            }
        )
    return {"annotations": anns, "keypoint_categories": [c for c in doc["categories"] if "keypoints" in c]}


def close(a: Any, b: Any, tol: float = 1e-6) -> bool:
    """Equal, with numbers compared to a tolerance, through nested lists and dicts."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= tol * max(1.0, abs(a), abs(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k], tol) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y, tol) for x, y in zip(a, b))
    return a == b
