"""JSON text as the formats write it.

``json.dumps(indent=...)`` runs the pure-Python encoder; these layouts put one item per line
instead and leave each item to the C encoder, several times faster on large exports.
"""

from __future__ import annotations

import json
from typing import Any, Callable

# Task JSON cannot hold cycles, so the encoders skip the circular-reference bookkeeping.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _reused_c_encoder() -> Callable[[Any], str] | None:
    """``JSONEncoder.encode`` builds a new C encoder on every call; an export encodes tens of
    thousands of small items, so build it once (same settings, checked against ``encode``)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    try:
        chunks = make(None, _ENCODER.default, json.encoder.encode_basestring, None,
                      _ENCODER.key_separator, _ENCODER.item_separator, False, False, True)
    except TypeError:  # another signature: use the public path
        return None

    def encode(value: Any) -> str:
        return "".join(chunks(value, 0))

    sample = {"a": [1, 2.5, None, True, "é\n\"", {"b": -0.1}], "c": 1e300}
    return encode if encode(sample) == _ENCODER.encode(sample) else None


_dumps: Callable[[Any], str] = _reused_c_encoder() or _ENCODER.encode
_compact = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode


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
    return _compact(obj)
