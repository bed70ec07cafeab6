"""Typing of attribute values: ``"true"`` -> True, ``"5"`` -> 5, enumerations checked.

Attribute names are matched case-insensitively (as Label Studio does) and keyed
by Label Studio's spelling; attributes we have no spec for are kept as written.
Defaults from the spec fill in what is not given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from labelcore.config.tags import AttrSpec, TagSpec
from labelcore.config.xmlread import Node
from labelcore.errors import ConfigError

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class BadValue(ValueError):
    """An attribute value that does not fit its type; the message names what would."""


def _number(text: str) -> int | float:
    text = text.strip()
    if not _NUMBER.match(text):
        raise BadValue("expects a number")
    value = float(text)
    if not math.isfinite(value):
        raise BadValue("expects a finite number")
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def _integer(text: str) -> int:
    value = _number(text)
    if not isinstance(value, int):
        raise BadValue("expects a whole number")
    return value


def _boolean(text: str) -> bool:
    low = text.strip().lower()
    if low not in ("true", "false"):
        raise BadValue("must be true or false")
    return low == "true"


# type name in tags.json -> converter of the written text
CONVERTERS: dict[str, Callable[[str], Any]] = {
    "number": _number,
    "float": _number,
    "int": _integer,
    "string": str,
    "style": str,
}


def convert(spec: AttrSpec, text: str) -> Any:
    """The typed value of ``text`` for attribute ``spec``; raises :class:`BadValue`."""
    if spec.is_bool:
        return _boolean(text)
    choices = spec.choices
    if choices is not None:
        for choice in choices:
            if text.strip().lower() == choice.lower():
                return choice
        raise BadValue("must be one of " + ", ".join(repr(c) for c in choices))
    if isinstance(spec.type, tuple):  # e.g. number | none, string | number: keep numbers typed
        if "number" in spec.type:
            try:
                return _number(text)
            except BadValue:
                if "string" in spec.type or text.strip().lower() in spec.type:
                    return text
                raise BadValue(
                    "must be a number or one of " + ", ".join(repr(c) for c in spec.type if c != "number")
                ) from None
        return text
    return CONVERTERS.get(spec.type, str)(text)


def type_attrs(tag: TagSpec, node: Node, errors: list[ConfigError]) -> dict[str, Any]:
    """Typed attributes of one element, defaults filled in; bad values are appended to ``errors``."""
    out: dict[str, Any] = {name: a.default for name, a in tag.attrs.items() if a.default is not None}
    for name, text in node.attrs.items():
        spec = tag.attr(name)
        if spec is None:
            out[name] = text
            continue
        try:
            out[spec.name] = convert(spec, text)
        except BadValue as exc:
            errors.append(
                ConfigError(
                    f"<{tag.name}> attribute {spec.name}={text!r} {exc}",
                    node.where_attr(name),
                    kind="bad-value",
                    tag=tag.name,
                    attr=spec.name,
                )
            )
            out[spec.name] = text
    return out


def missing_required(tag: TagSpec, raw: dict[str, str], text: str) -> list[str]:
    """The required attributes of ``tag`` that ``raw`` lacks (LS spelling)."""
    given = {name.lower() for name in raw}
    if tag.text_attr and text:
        given.add(tag.text_attr.lower())
    missing = [a.name for a in tag.attrs.values() if a.required and a.name.lower() not in given]
    for group in tag.one_of:
        if not any(name.lower() in given for name in group):
            missing.append(" or ".join(group))
    return missing
