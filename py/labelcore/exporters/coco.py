"""COCO: one JSON with images, categories and annotations (boxes, polygons, keypoints) in pixels."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.classes import Classes, class_names, keypoint_order
from labelcore.exporters.geometry import bounds, box_bounds_px, has_box, polygon_area, polygon_px
from labelcore.exporters.jsonutil import pretty
from labelcore.exporters.media import MediaFiles, image_size
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import ConfigView, Record, records
from labelcore.exporters.registry import Files, needs, register_format

IMAGE_NEEDS = needs(
    ({"Image"}, {"RectangleLabels"}),
    ({"Image"}, {"PolygonLabels"}),
    ({"Image"}, {"KeyPointLabels"}),
    ({"Image"}, {"Rectangle", "Labels"}),
    ({"Image"}, {"Polygon", "Labels"}),
)


def _keypoint_categories(classes: Classes, order: list[str]) -> None:
    """Keypoint names become one category (``default``) listing them, as COCO keypoints expect."""
    if not order:
        return
    kept = [c for c in classes.categories if c["name"] not in order]
    merged = max((c["id"] for c in kept), default=-1) + 1
    kept.append(
        {"id": merged, "name": "default", "supercategory": "default", "keypoints": order, "skeleton": []}
    )
    classes.categories = kept
    classes.ids = {c["name"]: c["id"] for c in kept if c["name"] != "default"}
    classes.ids.update({name: merged for name in order})


def _keypoints_annotation(
    points: list[dict[str, Any]], order: list[str], ann_id: int, image_id: int, classes: Classes
) -> dict[str, Any]:
    flat = [0] * (3 * len(order))
    for kp in points:
        x = kp["x"] / 100 * kp["original_width"]
        y = kp["y"] / 100 * kp["original_height"]
        for name in kp.get("keypointlabels") or []:
            if name in order:
                i = 3 * order.index(name)
                flat[i : i + 3] = [int(round(x)), int(round(y)), 2]
    visible = [(flat[i], flat[i + 1]) for i in range(0, len(flat), 3) if flat[i + 2] > 0]
    return {
        "id": ann_id,
        "image_id": image_id,
        "category_id": classes.ids.get(order[0], 0),
        "keypoints": flat,
        "num_keypoints": len(visible),
        "bbox": bounds(visible) if visible else [0, 0, 0, 0],
        "iscrowd": 0,
    }


def _size(record: Record, ref: Any, options: ExportOptions) -> tuple[Any, Any]:
    for value in record.values():
        if "original_width" in value and "original_height" in value:
            return value["original_width"], value["original_height"]
    return image_size(ref, options) or (None, None)


def coco(
    tasks: list[dict[str, Any]], config: Any, options: ExportOptions
) -> tuple[dict[str, Any], MediaFiles]:
    view = ConfigView(config)
    key = view.first_key("Image")
    classes = Classes(view)
    order = keypoint_order(view)
    _keypoint_categories(classes, order)
    files = MediaFiles("images", options)
    images: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    id_for = classes.id_for
    for record in records(tasks, config, options, view):
        ref = record.data.get(key)
        width, height = _size(record, ref, options)
        image_id = len(images)
        images.append({"width": width, "height": height, "id": image_id, "file_name": files.path_for(ref)})
        points = []
        for items in record.outputs.values():
            for value in items:
                names = class_names(value)
                w = value.get("original_width", width)
                h = value.get("original_height", height)
                if not names or not w or not h:
                    continue
                if "keypointlabels" in value:
                    points.append({**value, "original_width": w, "original_height": h})
                    continue
                category_id = id_for(names[0])  # an unknown name becomes a category even if unusable
                if "points" in value:
                    poly = polygon_px(value["points"], w, h)
                    if not poly:
                        continue
                    annotations.append(
                        {
                            "id": len(annotations),
                            "image_id": image_id,
                            "category_id": category_id,
                            "segmentation": [[c for p in poly for c in p]],
                            "bbox": bounds(poly),
                            "ignore": 0,
                            "iscrowd": 0,
                            "area": polygon_area(poly),
                        }
                    )
                elif has_box(value):
                    x, y, bw, bh = box_bounds_px(value, w, h)
                    annotations.append(
                        {
                            "id": len(annotations),
                            "image_id": image_id,
                            "category_id": category_id,
                            "segmentation": [],
                            "bbox": [x, y, bw, bh],
                            "ignore": 0,
                            "iscrowd": 0,
                            "area": bw * bh,
                        }
                    )
        if points and order:
            annotations.append(_keypoints_annotation(points, order, len(annotations), image_id, classes))
    created = options.created
    info = {
        "year": int(created[:4]) if created[:4].isdigit() else None,
        "version": "1.0",
        "description": "",
        "contributor": "Labelcore",
        "url": "",
        "date_created": created,
    }
    doc = {"images": images, "categories": classes.categories, "annotations": annotations, "info": info}
    return doc, files


@register_format(
    "COCO",
    title="COCO",
    description="Object detection and segmentation in one COCO JSON: boxes (rotated ones as their "
    "axis-aligned bounds), polygons and keypoints in pixels.",
    needs=IMAGE_NEEDS,
    multi_image=False,
    companions={"KeyPointLabels": "RectangleLabels"},
    writes="result.json",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    doc, _files = coco(tasks, config, options)
    return {"result.json": pretty(doc)}
