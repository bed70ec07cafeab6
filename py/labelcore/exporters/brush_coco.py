"""BRUSH_TO_COCO: brush masks as COCO polygons (their outer contours), with polygons and boxes."""

from __future__ import annotations

import hashlib
import posixpath
from typing import Any

from labelcore.exporters.brush_common import BRUSH_NEEDS
from labelcore.exporters.contours import bounding_rect, contour_area, find_external_contours
from labelcore.exporters.jsonutil import pretty
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import Record, records
from labelcore.exporters.registry import Files, register_format
from labelcore.exporters.rle import alpha_mask

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".bmp")
# The value key naming a region's classes, in the order Label Studio looks for one.
LABEL_KEYS = ("brushlabels", "polygonlabels", "rectanglelabels", "labels")


def _color(name: str) -> str:
    """A category colour that stays the same from one export to the next."""
    return "#" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]


def _image_ref(record: Record) -> str | None:
    for value in record.data.values():
        if isinstance(value, str) and value.lower().endswith(IMAGE_EXTENSIONS):
            return value
    return None


def _brush_shapes(value: dict[str, Any], where: dict[str, Any]) -> list[tuple[list[int], list[int], int]]:
    """``(flat points, bbox, area)`` of each outer contour of the mask with at least 3 corners."""
    width, height = int(value["original_width"]), int(value["original_height"])
    mask = alpha_mask(value["rle"], width, height, where)
    shapes = []
    for contour in find_external_contours(mask, width, height):
        if len(contour) >= 3:
            shapes.append(
                ([c for point in contour for c in point], bounding_rect(contour), int(contour_area(contour)))
            )
    return shapes


def _polygon_shape(value: dict[str, Any]) -> tuple[list[list[int]], list[int], int]:
    width, height = value["original_width"], value["original_height"]
    points = [(round(x * width / 100), round(y * height / 100)) for x, y in value["points"]]
    return [[c for point in points for c in point]], bounding_rect(points), int(contour_area(points))


def _box_shape(value: dict[str, Any]) -> tuple[list[Any], list[float], float]:
    width, height = value["original_width"], value["original_height"]
    x, y = value["x"] * width / 100, value["y"] * height / 100
    w, h = value["width"] * width / 100, value["height"] * height / 100
    return [], [x, y, w, h], w * h


class _Coco:
    def __init__(self) -> None:
        self.images: list[dict[str, Any]] = []
        self.annotations: list[dict[str, Any]] = []
        self.categories: list[dict[str, Any]] = []
        self.ids: dict[str, int] = {}

    def category(self, name: str) -> int:
        if name not in self.ids:
            self.ids[name] = len(self.ids) + 1
            self.categories.append(
                {
                    "id": self.ids[name],
                    "name": name,
                    "supercategory": "",
                    "color": _color(name),
                    "metadata": {},
                }
            )
        return self.ids[name]

    def add(
        self,
        image_id: int,
        category_id: int,
        segmentation: list[Any],
        bbox: list[Any],
        area: Any,
        annotator: Any,
    ) -> None:
        self.annotations.append(
            {
                "id": len(self.annotations),
                "image_id": image_id,
                "category_id": category_id,
                "segmentation": segmentation,
                "area": area,
                "bbox": bbox,
                "iscrowd": 0,
                "annotator": annotator,
            }
        )

    def add_record(self, image_id: int, record: Record) -> bool:
        """The record's regions as annotations; whether any was added."""
        added = False
        annotator = record.annotator(default="unknown")
        for from_name, values in record.outputs.items():
            for n, value in enumerate(values):
                key = next((k for k in LABEL_KEYS if k in value), None)
                if key is None:
                    continue
                sized = "original_width" in value and "original_height" in value
                for label in value[key]:
                    category_id = self.category(label)
                    if key == "brushlabels" and "rle" in value:
                        if not sized:
                            continue
                        where = {"path": f"{record.path()}.annotations (result {from_name} #{n})"}
                        for flat, bbox, area in _brush_shapes(value, where):
                            self.add(image_id, category_id, [flat], bbox, area, annotator)
                            added = True
                    elif key == "polygonlabels" and "points" in value:
                        if sized:
                            self.add(image_id, category_id, *_polygon_shape(value), annotator)
                            added = True
                    elif value["type"] == "RectangleLabels" or key == "labels":
                        if sized and all(k in value for k in ("x", "y", "width", "height")):
                            self.add(image_id, category_id, *_box_shape(value), annotator)
                            added = True
        return added


@register_format(
    "BRUSH_TO_COCO",
    title="Brush labels to COCO",
    description="Brush masks as COCO polygons (the outer contour of each part of a mask, with its "
    "box and area in pixels), plus polygons and boxes, in one COCO JSON.",
    needs=BRUSH_NEEDS,
    writes="result_coco.json",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    coco = _Coco()
    for image_id, record in enumerate(records(tasks, config, options)):
        ref = _image_ref(record)
        if ref is None or not record.outputs:
            continue
        sized = next((v for v in record.values() if "original_width" in v), None)
        if coco.add_record(image_id, record) and sized is not None:
            coco.images.append(
                {
                    "id": image_id,
                    "file_name": posixpath.basename(ref),
                    "path": ref,
                    "width": sized["original_width"],
                    "height": sized.get("original_height"),
                }
            )
    created = options.created
    info = {
        "year": int(created[:4]) if created[:4].isdigit() else None,
        "version": "1.0",
        "description": "",
        "contributor": "Labelcore",
        "date_created": created,
    }
    return {
        "result_coco.json": pretty(
            {
                "images": coco.images,
                "annotations": coco.annotations,
                "categories": coco.categories,
                "info": info,
            }
        )
    }
