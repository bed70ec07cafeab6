"""JSON text as the formats write it."""

from __future__ import annotations

import json
from typing import Any


def pretty(obj: Any) -> bytes:
    """Indented UTF-8 JSON (non-ASCII kept as is)."""
    return json.dumps(obj, indent=2, ensure_ascii=False).encode("utf-8")


def compact(obj: Any) -> str:
    """JSON without spaces, as CSV cells hold it."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
