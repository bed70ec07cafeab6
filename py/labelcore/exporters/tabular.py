"""The table CSV and TSV share: one row per annotation, columns sorted by name."""

from __future__ import annotations

import csv
import io
from typing import Any

from labelcore.exporters.json_min import annotation_fields, prettify
from labelcore.exporters.jsonutil import compact
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import Record, records

ALWAYS = ("annotator", "annotation_id", "created_at", "updated_at", "lead_time")


def _row(record: Record, clashes: set[str]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    if record.task.get("id") is not None:
        row["id"] = record.task["id"]
    for name, values in record.outputs.items():
        value = prettify(values)
        row[name] = value if isinstance(value, str) else compact(value)
    for key, value in record.data.items():
        column = f"_data_{key}" if key in clashes else key
        row[column] = compact(value) if isinstance(value, (dict, list)) else value
    row.update(annotation_fields(record, keep_int=False))
    if "agreement" in record.task:
        row["agreement"] = record.task["agreement"]
    history = record.field("history")
    if history:
        row["history"] = compact(history)
    return row


def table(tasks: list[dict[str, Any]], config: Any, options: ExportOptions, delimiter: str) -> bytes:
    """The whole table as UTF-8 text; numbers unquoted, everything else quoted."""
    recs = list(records(tasks, config, options))
    data_keys: set[str] = set()
    control_keys: set[str] = set()
    for record in recs:
        data_keys.update(record.data)
        control_keys.update(record.outputs)
    clashes = data_keys & control_keys
    rows = [_row(record, clashes) for record in recs]
    columns: set[str] = set(ALWAYS)
    for row in rows:
        columns.update(row)
    names = sorted(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(names)
    # What csv.DictWriter does, without its per-row check for unknown keys (the columns are the
    # union of the rows' keys): a missing cell is "".
    writer.writerows([row.get(name, "") for name in names] for row in rows)
    return buffer.getvalue().encode("utf-8")
