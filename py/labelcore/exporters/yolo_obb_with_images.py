"""YOLO_OBB_WITH_IMAGES: the YOLO_OBB label files plus the stored images under ``images/``."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.coco import IMAGE_NEEDS
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import Files, register_format
from labelcore.exporters.yolo_common import yolo_files


@register_format(
    "YOLO_OBB_WITH_IMAGES",
    title="YOLOv8 OBB with Images",
    description="YOLO_OBB label files, classes.txt, notes.json and the project's images under images/.",
    needs=IMAGE_NEEDS,
    multi_image=False,
    writes="labels/*.txt, classes.txt, notes.json, images/",
    media=True,
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    files, media = yolo_files(tasks, config, options, obb=True)
    return {**files, **media.files}
