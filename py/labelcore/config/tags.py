"""The tag registry: every Label Studio config tag we know, by name.

The facts (attributes with their type, default and whether required; which
object tags a control attaches to; the result type it writes and the key of its
result's ``value`` that holds the labels, choices, text, ... (``value_key``); whether
the labeling screen can draw it here (``drawable``: it has a renderer in
``site/js/labeling/``, a contract test checks both ways)) live in the package
data file ``tags.json`` beside this module. ``TAGS["RectangleLabels"]``
gives a :class:`TagSpec`; :func:`lookup` finds a tag the way Label Studio does,
ignoring case, and answers with Label Studio's spelling.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

Kind = Literal["object", "control", "child", "visual"]

# Hotkeys given to labels without one, in Label Studio's order.
HOTKEY_ORDER = "1234567890qwetasdfgzxcvbyiopjklnm"


@dataclass(frozen=True)
class AttrSpec:
    """One attribute of a tag: its name (LS spelling), type, default, and whether it is required."""

    name: str
    type: str | tuple[str, ...]
    default: Any = None
    required: bool = False

    @property
    def choices(self) -> tuple[str, ...] | None:
        """The allowed values when the attribute is an enumeration (``None`` otherwise)."""
        if isinstance(self.type, tuple) and not (set(self.type) & {"number", "string"}):
            return self.type
        return None

    @property
    def is_bool(self) -> bool:
        return self.type == ("true", "false") or self.type == ("false", "true")

    def describe(self) -> str:
        """``single | multiple`` / ``number`` / ``string``: the type as a person reads it."""
        return " | ".join(self.type) if isinstance(self.type, tuple) else self.type


@dataclass(frozen=True)
class TagSpec:
    """What we know of one tag."""

    name: str
    kind: Kind
    description: str
    attrs: dict[str, AttrSpec]
    result_type: str | None = None
    value_key: str | None = None  # controls: the key of ``value`` holding labels/choices/text/...
    drawable: bool = False  # the labeling screen has a renderer for it (child tags: their parent draws them)
    attaches_to: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    data_attrs: tuple[str, ...] = ()
    one_of: tuple[tuple[str, ...], ...] = ()
    text_attr: str | None = None
    _lower: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def attr(self, name: str) -> AttrSpec | None:
        """The attribute spec for ``name`` matched case-insensitively, like Label Studio does."""
        canon = self._lower.get(name.lower())
        return self.attrs[canon] if canon else None

    def can_attach(self, object_tag: str) -> bool:
        return "*" in self.attaches_to or object_tag in self.attaches_to

    @property
    def undrawable(self) -> bool:
        """True when the labeling screen shows a placeholder for it (child tags are drawn by their parent)."""
        return self.kind != "child" and not self.drawable

    @property
    def has_labels(self) -> bool:
        """True when the tag's items are Label / Choice / Relation children."""
        return bool({"Label", "Choice", "Relation"} & set(self.children))


def _spec(name: str, raw: dict[str, Any]) -> TagSpec:
    attrs: dict[str, AttrSpec] = {}
    for attr_name, a in raw.get("attrs", {}).items():
        typ = a.get("type", "string")
        attrs[attr_name] = AttrSpec(
            attr_name, tuple(typ) if isinstance(typ, list) else typ, a.get("default"), bool(a.get("required"))
        )
    return TagSpec(
        name=name,
        kind=raw["kind"],
        description=raw.get("description", ""),
        attrs=attrs,
        result_type=raw.get("result_type"),
        value_key=raw.get("value_key"),
        drawable=bool(raw.get("drawable")),
        attaches_to=tuple(raw.get("attaches_to", ())),
        children=tuple(raw.get("children", ())),
        data_attrs=tuple(raw.get("data_attrs", ())),
        one_of=tuple(tuple(group) for group in raw.get("one_of", ())),
        text_attr=raw.get("text_attr"),
        _lower={k.lower(): k for k in attrs},
    )


def _load() -> dict[str, TagSpec]:
    text = resources.files("labelcore.config").joinpath("tags.json").read_text(encoding="utf-8")
    return {name: _spec(name, raw) for name, raw in json.loads(text).items()}


TAGS: dict[str, TagSpec] = _load()
_BY_LOWER: dict[str, str] = {name.lower(): name for name in TAGS}


def lookup(tag: str) -> TagSpec | None:
    """The spec of ``tag`` matched case-insensitively (``None`` when it is not a known tag)."""
    canon = _BY_LOWER.get(tag.lower())
    return TAGS[canon] if canon else None


def of_kind(kind: Kind) -> list[str]:
    """The names of every registered tag of one kind, sorted."""
    return sorted(name for name, spec in TAGS.items() if spec.kind == kind)
