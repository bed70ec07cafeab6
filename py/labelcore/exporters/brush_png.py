"""BRUSH_TO_PNG: each brush region as an 8-bit greyscale PNG mask (the RLE's alpha channel)."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.brush_common import BRUSH_NEEDS, brush_files
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.png import png_grey
from labelcore.exporters.registry import Files, register_format


@register_format(
    "BRUSH_TO_PNG",
    title="Brush labels to PNG",
    description="One greyscale PNG per brush region (0 = outside, the brush's alpha inside), named "
    "task-<id>-annotation-<id>-by-<annotator>-<control>-<labels>-<n>.png.",
    needs=BRUSH_NEEDS,
    writes="task-*.png",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    return brush_files(tasks, config, options, ".png", png_grey)
