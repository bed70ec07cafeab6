"""YOLO_OBB: oriented boxes as their four corners, normalized: ``class x1 y1 x2 y2 x3 y3 x4 y4``."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.coco import IMAGE_NEEDS
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import Files, register_format
from labelcore.exporters.yolo_common import yolo_files


@register_format(
    "YOLO_OBB",
    title="YOLOv8 OBB",
    description="One text file per image: 'class x1 y1 x2 y2 x3 y3 x4 y4' (0-1), the box's corners "
    "rotated about its top-left corner; polygons as points; classes.txt, notes.json.",
    needs=IMAGE_NEEDS,
    multi_image=False,
    writes="labels/*.txt, classes.txt, notes.json",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    return yolo_files(tasks, config, options, obb=True)[0]
