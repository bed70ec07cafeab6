"""CONLL2003: one ``token -X- _ TAG`` line per Treebank token, a blank line after each annotation."""

from __future__ import annotations

import math
from typing import Any

from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import ConfigView, records
from labelcore.exporters.registry import Files, needs, register_format
from labelcore.exporters.treebank import span_tokenize


def utf16_to_index(text: str):
    """A function mapping a UTF-16 offset (what Label Studio stores) to a ``str`` index."""
    if text.isascii() or all(ord(ch) < 0x10000 for ch in text):
        return lambda offset: offset
    table: dict[int, int] = {}
    unit = 0
    for index, ch in enumerate(text):
        table[unit] = index
        unit += 2 if ord(ch) >= 0x10000 else 1
    table[unit] = len(text)
    return lambda offset: table.get(offset, offset if offset < 0 else _nearest(table, offset))


def _nearest(table: dict[int, int], offset: int) -> int:
    # An offset inside a surrogate pair: the character it splits.
    while offset not in table and offset > 0:
        offset -= 1
    return table.get(offset, 0)


def tag_tokens(text: str, spans: list[dict[str, Any]] | None) -> list[tuple[str, str]]:
    """``(token, tag)`` pairs: B-/I- for tokens that overlap a labelled span, O elsewhere."""
    tokens = span_tokenize(text)
    if not spans or any(s.get("start") is None or s.get("end") is None for s in spans):
        return [(text[a:b], "O") for a, b in tokens]
    to_index = utf16_to_index(text)
    ranges = sorted(
        ((to_index(int(s["start"])), to_index(int(s["end"])), s.get("labels") or []) for s in spans),
        key=lambda r: r[0],
    )
    out: list[tuple[str, str]] = []
    append = out.append
    count = len(ranges)
    j = 0
    prefix = "B-"
    end: float = ranges[0][1]
    for a, b in tokens:
        while end <= a:
            j += 1
            prefix = "B-"
            end = ranges[j][1] if j < count else math.inf  # no span left: the rest is O
        if j < count and ranges[j][0] < b and ranges[j][2]:
            append((text[a:b], prefix + ranges[j][2][0]))
            prefix = "I-"
        else:
            append((text[a:b], "O"))
    return out


@register_format(
    "CONLL2003",
    title="CONLL2003",
    description="Named-entity tags in CoNLL-2003 columns: Treebank tokens, B-/I-/O tags from the "
    "first Labels control, one blank line between annotations.",
    needs=needs(({"Text"}, {"Labels"})),
    writes="result.conll",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    view = ConfigView(config)
    key = view.first_key("Text")
    lines = ["-DOCSTART- -X- O\n"]
    for record in records(tasks, config, options, view):
        spans = next(
            (values for values in record.outputs.values() if values and values[0]["type"] == "Labels"), None
        )
        text = record.data.get(key)
        text = "" if text is None else str(text)
        lines.extend([f"{token} -X- _ {tag}\n" for token, tag in tag_tokens(text, spans)])
        lines.append("\n")
    return {"result.conll": "".join(lines).encode("utf-8")}
