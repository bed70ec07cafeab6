"""Brush masks as Label Studio's brush exports name them: one mask per region, from the RLE's alpha."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from labelcore.errors import DataError
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import records
from labelcore.exporters.registry import needs
from labelcore.exporters.rle import alpha_mask

BRUSH_NEEDS = needs(({"Image"}, {"BrushLabels"}), ({"Image"}, {"Brush", "Labels"}))
MASK_TAGS = {"BrushLabels": "brushlabels", "Labels": "labels", "Brush": "labels"}


def _safe_annotator(who: Any) -> str:
    text = who.get("email", "") if isinstance(who, dict) else str(who)
    return "".join(ch for ch in text if ch.isalnum() or ch in "@.")


def masks(
    tasks: list[dict[str, Any]], config: Any, options: ExportOptions
) -> Iterator[tuple[str, bytes, int, int]]:
    """``(file stem, mask bytes, height, width)`` for each brush region of each annotation."""
    for record in records(tasks, config, options):
        if record.annotation is None:
            continue
        prefix = (
            f"task-{record.task.get('id')}-annotation-{record.annotation.get('id')}"
            f"-by-{_safe_annotator(record.annotation.get('completed_by', {}))}-"
        )
        for from_name, values in record.outputs.items():
            counters: dict[str, int] = {}
            for n, value in enumerate(values):
                key = MASK_TAGS.get(value["type"])
                if key is None or "rle" not in value:
                    continue
                name = from_name + "-" + "-".join(value.get(key) or ["no_label"])
                count = counters.get(name, 0)
                counters[name] = count + 1
                width, height = value.get("original_width"), value.get("original_height")
                where = {"path": f"{record.path()}.annotations (result {from_name} #{n})"}
                if not width or not height:
                    raise DataError("a brush result needs original_width and original_height", where)
                mask = alpha_mask(value["rle"], int(width), int(height), where)
                stem = prefix + f"{name}-{count}".replace("/", "-").replace("\\", "-")
                yield stem, mask, int(height), int(width)


def brush_files(
    tasks: list[dict[str, Any]],
    config: Any,
    options: ExportOptions,
    suffix: str,
    write: Callable[[bytes, int, int], bytes],
) -> dict[str, bytes]:
    return {stem + suffix: write(mask, h, w) for stem, mask, h, w in masks(tasks, config, options)}
