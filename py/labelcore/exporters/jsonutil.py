"""JSON text as the formats write it.

``json.dumps(indent=...)`` runs the pure-Python encoder; these layouts put one item per line
instead and leave each item to the C encoder, several times faster on large exports.
"""

from __future__ import annotations

import json
from typing import Any

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _lines(value: Any) -> str:
    if isinstance(value, list) and value:
        return "[\n  " + ",\n  ".join(map(_dumps, value)) + "\n]"
    return _dumps(value)


def pretty(obj: Any) -> bytes:
    """UTF-8 JSON with one list item per line (top-level list, or each list of a top-level
    object); non-ASCII kept as is."""
    if isinstance(obj, dict):
        body = ",\n".join(f"{_dumps(k)}: {_lines(v)}" for k, v in obj.items())
        return ("{\n" + body + "\n}").encode("utf-8")
    return _lines(obj).encode("utf-8")


def compact(obj: Any) -> str:
    """JSON without spaces, as CSV cells hold it."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
