"""JSON values to tasks, as Label Studio reads them (shared by the JSON and JSONL importers).

A task is an object; a bare string or number is one only when the config reads exactly one data
key, which then takes the value (Label Studio refuses it otherwise: with no config, or one that
reads several keys, there is no key to put it under).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from labelcore.errors import DataError
from labelcore.importers.registry import UNDEFINED

KeyFor = Callable[[], str]


def task_from_item(
    item: Any, key_for: KeyFor, which: str = "the item"
) -> tuple[dict[str, Any] | None, str | None]:
    """``(task, None)`` or ``(None, why not)``: an object without ``data`` becomes ``{data: item}``.
    ``which`` names the item in the reason ("the item at index 2")."""
    if isinstance(item, dict):
        if "data" not in item:
            return {"data": item}, None
        if not isinstance(item["data"], dict):
            return None, f"'data' must be an object of data keys, not {_kind(item['data'])}"
        return item, None
    if isinstance(item, (str, int, float)) and not isinstance(item, bool):
        return _bare(item, key_for, which)
    return None, f"a task must be an object (or a bare string or number), not {_kind(item)}"


def _bare(item: str | float, key_for: KeyFor, which: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        key = key_for()
    except DataError as exc:  # the config reads several data keys, or none
        why = exc.message
    else:
        if key != UNDEFINED:
            return {"data": {key: item}}, None
        why = (
            "there is no labeling config yet to name the one data key a bare value goes under; "
            'write each task as an object ({"text": ...})'
        )
    return None, f"{which} is {_kind(item)} ({item!r}), not a task object: {why}"


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
