"""Export: every Label Studio format as a pure ``export(tasks, config, options) -> {path: bytes}``.

Each format lives in its own module and registers itself by Label Studio's name; importing this
package loads them all. ``formats_for(config)`` lists the ones that fit a project.
"""

from __future__ import annotations

import importlib

from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import (
    FORMATS,
    FormatInfo,
    formats_for,
    get_format,
    register_format,
    run_export,
)

# One module per format, in the order formats are offered.
FORMAT_MODULES: tuple[str, ...] = (
    "json_full",
    "json_min",
    "csv_format",
    "tsv_format",
    "conll2003",
    "coco",
    "coco_with_images",
    "voc",
    "yolo",
    "yolo_with_images",
    "yolo_obb",
    "yolo_obb_with_images",
    "asr_manifest",
    "brush_png",
    "brush_numpy",
    "brush_coco",
)

for _module in FORMAT_MODULES:
    importlib.import_module(f"labelcore.exporters.{_module}")

__all__ = [
    "ExportOptions",
    "FORMATS",
    "FormatInfo",
    "formats_for",
    "get_format",
    "register_format",
    "run_export",
]
