"""CSV: one row per annotation (or per task without one), comma-separated."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import Files, register_format
from labelcore.exporters.tabular import table


@register_format(
    "CSV",
    title="CSV",
    description="A comma-separated table: one row per annotation, columns sorted by name (data keys, "
    "id, one per control, annotator, annotation_id, created_at, updated_at, lead_time).",
    single_data_key=False,
    writes="result.csv",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    return {"result.csv": table(tasks, config, options, ",")}
