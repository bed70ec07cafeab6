"""COCO_WITH_IMAGES: the COCO JSON plus the project's stored images under ``images/``."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.coco import IMAGE_NEEDS, coco
from labelcore.exporters.jsonutil import pretty
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import Files, register_format


@register_format(
    "COCO_WITH_IMAGES",
    title="COCO with Images",
    description="COCO JSON and the images it names (those stored in the project) under images/.",
    needs=IMAGE_NEEDS,
    multi_image=False,
    companions={"KeyPointLabels": "RectangleLabels"},
    writes="result.json, images/",
    media=True,
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    doc, files = coco(tasks, config, options)
    return {"result.json": pretty(doc), **files.files}
