"""BRUSH_TO_NUMPY: each brush region as a ``(height, width)`` uint8 ``.npy`` array, written without NumPy."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.brush_common import BRUSH_NEEDS, brush_files
from labelcore.exporters.npy import npy_uint8
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import Files, register_format


@register_format(
    "BRUSH_TO_NUMPY",
    title="Brush labels to NumPy",
    description="One .npy uint8 array (height x width) per brush region, named like the PNG export.",
    needs=BRUSH_NEEDS,
    writes="task-*.npy",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    return brush_files(tasks, config, options, ".npy", npy_uint8)
