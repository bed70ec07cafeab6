"""JSON: the task list as Label Studio exports it (data, annotations incl. skipped ones, meta, counts...;
the shape is ls_shape's)."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.jsonutil import pretty
from labelcore.exporters.ls_shape import ls_task
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import select_tasks
from labelcore.exporters.registry import Files, register_format


@register_format(
    "JSON",
    title="JSON",
    description="Every chosen task as Label Studio JSON: data, annotations (skipped ones too), "
    "and predictions when asked for. Imports back into Label Studio or Labelcore.",
    single_data_key=False,
    writes="result.json",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    out = [ls_task(task, options.include_predictions) for _index, task in select_tasks(tasks, options)]
    return {"result.json": pretty(out)}
