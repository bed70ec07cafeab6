"""JSON text as the formats write it.

``json.dumps(indent=...)`` runs the pure-Python encoder; these layouts put one item per line
instead and leave each item to the C encoder, several times faster on large exports.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

# Task JSON cannot hold cycles, so the encoders skip the circular-reference bookkeeping.
_SPACED = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_COMPACT = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"))


def _reused_c_encoder(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """``encoder.encode``, faster: ``JSONEncoder.encode`` builds a new C encoder on every call and
    an export encodes tens of thousands of small items, so build it once (same settings, checked
    against ``encode``; ``encode`` itself where the C encoder is missing or differs)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    try:
        chunks = make(
            None,
            encoder.default,
            json.encoder.encode_basestring,
            None,
            encoder.key_separator,
            encoder.item_separator,
            False,
            False,
            True,
        )
    except TypeError:  # another signature: use the public path
        return encoder.encode

    def encode(value: Any) -> str:
        return "".join(chunks(value, 0))

    sample = {"a": [1, 2.5, None, True, 'é\n"', {"b": -0.1}], "c": 1e300}
    try:
        same = encode(sample) == encoder.encode(sample)
    except (TypeError, ValueError):
        same = False
    return encode if same else encoder.encode


_dumps = _reused_c_encoder(_SPACED)
_compact = _reused_c_encoder(_COMPACT)


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
