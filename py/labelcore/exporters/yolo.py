"""YOLO: ``labels/<image>.txt`` with ``class xc yc w h`` (normalized) per box, polygons as points."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.coco import IMAGE_NEEDS
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import Files, register_format
from labelcore.exporters.yolo_common import yolo_files


@register_format(
    "YOLO",
    title="YOLO",
    description="One text file per image: 'class x_center y_center width height' (0-1) per box, "
    "'class x1 y1 x2 y2 ...' per polygon, keypoints after their box; classes.txt, notes.json.",
    needs=IMAGE_NEEDS,
    multi_image=False,
    companions={"KeyPointLabels": "RectangleLabels"},
    writes="labels/*.txt, classes.txt, notes.json",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    return yolo_files(tasks, config, options, obb=False)[0]
