"""The label files YOLO and YOLO_OBB share: ``labels/<image>.txt``, ``classes.txt``, ``notes.json``."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from typing import Any

from labelcore.exporters.classes import Classes, keypoint_order
from labelcore.exporters.geometry import box_bounds_px, box_corners_px, has_box
from labelcore.exporters.media import MediaFiles, stem
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import ConfigView, Record, records

YOLO_CLASS_KEYS = ("rectanglelabels", "polygonlabels", "labels")


def _size(value: dict[str, Any]) -> tuple[float, float]:
    return value.get("original_width") or 100, value.get("original_height") or 100


def box_line(value: dict[str, Any]) -> list[float]:
    """Centre x, centre y, width, height, normalized (a rotated box: its axis-aligned bounds)."""
    if not value.get("rotation"):
        x, y, w, h = value["x"], value["y"], value["width"], value["height"]
        return [(x + w / 2) / 100, (y + h / 2) / 100, w / 100, h / 100]
    width, height = _size(value)
    x, y, w, h = box_bounds_px(value, width, height)
    return [(x + w / 2) / width, (y + h / 2) / height, w / width, h / height]


def obb_line(value: dict[str, Any]) -> list[float]:
    """The four rotated corners, normalized: x1 y1 x2 y2 x3 y3 x4 y4."""
    width, height = _size(value)
    return [c for x, y in box_corners_px(value, width, height) for c in (x / width, y / height)]


def _lines(record: Record, classes: Classes, box: Callable[[dict[str, Any]], list[float]]) -> list[str]:
    out = []
    id_for = classes.id_for
    for items in record.outputs.values():
        for value in items:
            names = [n for k in YOLO_CLASS_KEYS for n in (value.get(k) or [])]
            if not names:
                continue
            if "points" in value:
                coords = [c / 100 for point in value["points"] for c in point]
            elif has_box(value):
                coords = box(value)
            else:
                continue
            tail = " " + " ".join(map(str, coords)) + "\n" if coords else "\n"
            out.extend(f"{id_for(name)}{tail}" for name in names)
    return out


def _pose_lines(record: Record, classes: Classes, order: list[str]) -> list[str]:
    """YOLO pose: each box with the keypoints whose ``parentID`` is the box."""
    boxes: dict[Any, tuple[list[Any], dict[str, tuple[float, float, int]]]] = {}
    for value in record.values():
        names = value.get("rectanglelabels") or []
        if value["type"] == "RectangleLabels" and names and names[0] in classes.ids and has_box(value):
            boxes[value.get("id")] = ([classes.ids[names[0]], *box_line({**value, "rotation": 0})], {})
    for value in record.values():
        names = value.get("keypointlabels") or []
        if value["type"] == "KeyPointLabels" and names and value.get("parentID") in boxes:
            boxes[value["parentID"]][1][names[0]] = (value["x"] / 100, value["y"] / 100, 2)
    lines = []
    for base, points in boxes.values():
        extra = [c for name in order for c in points.get(name, (0.0, 0.0, 0))]
        lines.append(" ".join(str(v) for v in base + extra))
    return ["\n".join(lines)] if lines else []


def pose_classes(view: ConfigView) -> Classes:
    classes = Classes(view)
    names = [ConfigView.label_names(c) for c in view.controls.values() if c.tag == "RectangleLabels"]
    unique = list(dict.fromkeys(n for group in names for n in group))
    order = keypoint_order(view)
    classes.categories = [{"id": i, "name": n, "keypoints": order} for i, n in enumerate(unique)]
    classes.ids = {n: i for i, n in enumerate(unique)}
    return classes


def yolo_files(
    tasks: list[dict[str, Any]], config: Any, options: ExportOptions, obb: bool
) -> tuple[dict[str, bytes], MediaFiles]:
    view = ConfigView(config)
    key = view.first_key("Image")
    # With KeyPointLabels both write YOLO pose lines (the box as centre and size), as Label Studio does.
    pose = any(c.tag == "KeyPointLabels" for c in view.controls.values())
    classes = pose_classes(view) if pose else Classes(view)
    order = keypoint_order(view)
    media = MediaFiles("images", options)
    out: dict[str, bytes] = {}
    done: set[int] = set()
    for record in records(tasks, config, options, view, keep_ids=pose):
        ref = record.data.get(key)
        if isinstance(ref, list):
            ref = ref[-1] if ref else ""
        label_path = f"labels/{stem(posixpath.basename(media.path_for(ref)))}.txt"
        if record.index in done:
            continue
        done.add(record.index)
        if pose:
            lines = _pose_lines(record, classes, order)
        else:
            lines = _lines(record, classes, obb_line if obb else box_line)
        out[label_path] = "".join(lines).encode("utf-8")
    ordered = sorted(classes.categories, key=lambda c: c["id"])
    out["classes.txt"] = "".join(c["name"] + "\n" for c in ordered).encode("utf-8")
    year = int(options.created[:4]) if options.created[:4].isdigit() else None
    notes = {"categories": ordered, "info": {"year": year, "version": "1.0", "contributor": "Labelcore"}}
    out["notes.json"] = json.dumps(notes, indent=2, ensure_ascii=False).encode("utf-8")
    return out, media
