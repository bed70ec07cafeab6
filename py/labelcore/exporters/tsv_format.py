"""TSV: the CSV table with tabs between the columns."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.options import ExportOptions
from labelcore.exporters.registry import Files, register_format
from labelcore.exporters.tabular import table


@register_format(
    "TSV",
    title="TSV",
    description="The CSV table, tab-separated: one row per annotation, columns sorted by name.",
    single_data_key=False,
    writes="result.tsv",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    return {"result.tsv": table(tasks, config, options, "\t")}
