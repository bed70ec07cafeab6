"""JSON_MIN: one flat record per annotation: the task's data, then one key per control."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.jsonutil import pretty
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import Record, records
from labelcore.exporters.registry import Files, register_format

# A control whose single value is written as a plain string: tag -> the value's list key.
SCALAR_TAGS = {"Choices": "choices", "TextArea": "text"}


def prettify(values: list[dict[str, Any]]) -> Any:
    """A control's results for one annotation: a lone choice / text as a string, else a list of
    the value dicts without their ``type`` (one control's values all have the same type)."""
    if not values:
        return []
    key = SCALAR_TAGS.get(values[0]["type"])
    if key is None:
        return [_without_type(value) for value in values]
    out = [
        value[key][0] if isinstance(value.get(key), list) and len(value[key]) == 1 else _without_type(value)
        for value in values
    ]
    return out[0] if len(out) == 1 else out


def _without_type(value: dict[str, Any]) -> dict[str, Any]:
    copy = value.copy()
    del copy["type"]
    return copy


def annotation_fields(record: Record, keep_int: bool) -> dict[str, Any]:
    annotation = record.annotation or {}
    get = annotation.get
    return {
        "annotator": record.annotator(keep_int=keep_int),
        "annotation_id": get("id"),
        "created_at": get("created_at"),
        "updated_at": get("updated_at"),
        "lead_time": get("lead_time"),
    }


@register_format(
    "JSON_MIN",
    title="JSON-MIN",
    description="One record per annotation with the task's data keys, its id, one key per control "
    "(a single choice or text as a plain string) and who made it when.",
    single_data_key=False,
    writes="result.json",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    out = []
    for record in records(tasks, config, options):
        task = record.task
        row = dict(record.data)
        if task.get("id") is not None:
            row["id"] = task["id"]
        for name, values in record.outputs.items():
            row[name] = prettify(values)
        row.update(annotation_fields(record, keep_int=True))
        if "agreement" in task:
            row["agreement"] = task["agreement"]
        out.append(row)
    return {"result.json": pretty(out)}
