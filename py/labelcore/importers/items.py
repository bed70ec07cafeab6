"""JSON values to tasks, as Label Studio reads them (shared by the JSON and JSONL importers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

KeyFor = Callable[[], str]


def task_from_item(item: Any, key_for: KeyFor) -> tuple[dict[str, Any] | None, str | None]:
    """``(task, None)`` or ``(None, why not)``: an object without ``data`` becomes ``{data: item}``."""
    if isinstance(item, dict):
        if "data" not in item:
            return {"data": item}, None
        if not isinstance(item["data"], dict):
            return None, f"'data' must be an object of data keys, not {_kind(item['data'])}"
        return item, None
    if isinstance(item, (str, int, float)) and not isinstance(item, bool):
        return {"data": {key_for(): item}}, None
    return None, f"a task must be an object (or a bare string or number), not {_kind(item)}"


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
