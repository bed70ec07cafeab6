"""Bridge ops for export: which formats fit a config, and one export as one download."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from labelcore.bridge import Context, op
from labelcore.config import parse_config
from labelcore.errors import BridgeError, DataError
from labelcore.exporters import ExportOptions, formats_for, get_format, run_export
from labelcore.exporters.bundle import one_download
from labelcore.exporters.records import select_tasks

# What the Export dialog says when the options choose no task, by scope.
NOTHING_CHOSEN = {
    "annotated": "No task has an annotation yet: label some tasks, or choose “All tasks”.",
}
NOTHING_TO_EXPORT = "There are no tasks to export."


class FormatsArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    config_xml: str


class RunArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    config_xml: str
    tasks: list[dict[str, Any]]
    format: str
    options: dict[str, Any] = Field(
        default_factory=dict, description="ExportOptions; 'media' values are bytes (or base64 text)"
    )


def _options(raw: dict[str, Any]) -> ExportOptions:
    raw = dict(raw)
    media = {}
    for ref, value in (raw.pop("media", None) or {}).items():
        if isinstance(value, bytes):  # came through the bridge as binary
            media[ref] = value
            continue
        try:
            media[ref] = base64.b64decode(value, validate=True)
        except (binascii.Error, TypeError, ValueError):
            raise BridgeError(
                f"media {ref!r} is not base64", {"path": f"args.options.media[{ref!r}]"}
            ) from None
    try:
        return ExportOptions(**raw, media=media)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = "args.options" + "".join(f".{p}" for p in first["loc"])
        raise BridgeError(f"bad export options: {path}: {first['msg']}", {"path": path}) from None


@op("export.formats", FormatsArgs)
def export_formats(args: FormatsArgs, ctx: Context) -> list[dict[str, Any]]:
    """The export formats that fit this config, with titles and what each needs."""
    return [info.to_json() for info in formats_for(parse_config(args.config_xml))]


class SelectArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tasks: list[dict[str, Any]]
    options: dict[str, Any] = Field(default_factory=dict, description="ExportOptions (scope, task_ids)")


def _chosen(tasks: list[dict[str, Any]], options: ExportOptions) -> list[Any]:
    """The ids of the tasks an export takes, in order; refuses none with the dialog's words."""
    ids = [task.get("id") for _index, task in select_tasks(tasks, options)]
    if not ids:
        raise DataError(NOTHING_CHOSEN.get(options.scope, NOTHING_TO_EXPORT), {"path": "args.tasks"})
    return ids


@op("export.select", SelectArgs)
def export_select(args: SelectArgs, ctx: Context) -> list[Any]:
    """The ids of the tasks these options export, in order (the page reads their media for them)."""
    return _chosen(args.tasks, _options(args.options))


@op("export.run", RunArgs)
def export_run(args: RunArgs, ctx: Context) -> dict[str, Any]:
    """Export tasks in one format: {filename, mime, files, tasks (how many), data} (several files
    come zipped). The tasks are Label Studio task dicts or the page's stored records (ls_shape)."""
    info = get_format(args.format)
    options = _options(args.options)
    config = parse_config(args.config_xml)
    count = len(_chosen(args.tasks, options))
    ctx.progress(0, count, "export")
    files = run_export(info.name, args.tasks, config, options)
    ctx.progress(count, count, "zip" if len(files) > 1 else "export")
    filename, mime, data = one_download(files, info.name)
    # bytes: the worker hands them to the page as a buffer; JSON callers get {"$base64": ...}
    return {"filename": filename, "mime": mime, "files": len(files), "tasks": count, "data": data}
