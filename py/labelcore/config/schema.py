"""JSON Schemas derived from a config: of valid task data, and of valid result items per control.

Used to validate imported tasks, annotations and predictions. Facts are kept in
registries: :data:`DATA_SCHEMAS` (object tag -> schema of its data value) and
:data:`VALUE_SCHEMAS` (result type -> schema of ``value``).

Results are keyed by the control names as written. A control inside a ``<Repeater>``
(``lang_{{idx}}``) writes items named by index (``from_name: "lang_3"``, ``to_name: "text_3"``):
its schema matches those names by pattern, and :func:`schema_for` finds the schema of any
result item. A schema cannot tell whether item 3 exists in a task or whether the two indexes
agree: :class:`labelcore.model.check.TaskChecker` checks that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from labelcore.config.model import ControlTag, LabelConfig, LabelItem, Repeater
from labelcore.config.repeat import Repeated, item_keys, repeated_tags

Schema = dict[str, Any]
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_STR: Schema = {"type": "string"}
_NUM: Schema = {"type": "number"}
_INT: Schema = {"type": "integer"}
_PCT: Schema = {"type": "number", "minimum": 0, "maximum": 100}
_STR_LIST: Schema = {"type": "array", "items": _STR}

# What a task's data value may be for each object tag (Label Studio's rules).
DATA_SCHEMAS: dict[str, Schema] = {
    "Image": {"anyOf": [_STR, _STR_LIST]},
    "Text": {"anyOf": [_STR, _NUM, {"type": "array"}]},
    "HyperText": _STR,
    "Audio": _STR,
    "AudioPlus": _STR,
    "Video": _STR,
    "Pdf": _STR,
    "Markdown": _STR,
    "TimeSeries": {"anyOf": [_STR, {"type": "object"}]},
    "Paragraphs": {"anyOf": [_STR, {"type": "array", "items": {"type": "object"}}]},
    "Table": {"anyOf": [{"type": "object"}, {"type": "array"}]},
    "List": {"type": "array", "items": {"type": "object"}},
    "Chat": {"anyOf": [_STR, {"type": "array"}]},
}


def _obj(props: Schema, required: list[str]) -> Schema:
    return {"type": "object", "properties": props, "required": required}


def _label_list(control: ControlTag) -> Schema:
    """An array of the control's label values (any strings when its labels come from data)."""
    values = _values(control.labels)
    if not values or "value" in control.attrs:
        return _STR_LIST
    return {"type": "array", "items": {"enum": values}}


def _values(items: list[LabelItem]) -> list[str]:
    """Every value a result may carry: each item's value and its alias (a Choice's alias is what
    Label Studio writes in place of its value)."""
    out: list[str] = []
    for item in items:
        out.append(item.value)
        if getattr(item, "alias", None):
            out.append(item.alias)
        out.extend(_values(item.children))
    return list(dict.fromkeys(out))


def _with_labels(base: dict[str, Schema], required: list[str]) -> Callable[[ControlTag], Schema]:
    """A value schema whose ``<type>`` key (e.g. rectanglelabels) lists the control's labels."""

    def make(control: ControlTag) -> Schema:
        return _obj({**base, control.type: _label_list(control)}, [*required, control.type])

    return make


def _plain(props: dict[str, Schema], required: list[str]) -> Callable[[ControlTag], Schema]:
    def make(control: ControlTag) -> Schema:
        return _obj(props, required)

    return make


_RECT = {"x": _PCT, "y": _PCT, "width": _PCT, "height": _PCT, "rotation": _NUM}
_POINTS = {
    "points": {"type": "array", "items": {"type": "array", "items": _NUM, "minItems": 2}},
    "closed": {"type": "boolean"},
}
_ELLIPSE = {"x": _PCT, "y": _PCT, "radiusX": _NUM, "radiusY": _NUM, "rotation": _NUM}
_KEYPOINT = {"x": _PCT, "y": _PCT, "width": _NUM}
_BRUSH = {"format": {"const": "rle"}, "rle": {"type": "array", "items": _INT}}
_VECTOR = {"vertices": {"type": "array"}, "closed": {"type": "boolean"}}
_SPAN = {"start": {"anyOf": [_NUM, _STR]}, "end": {"anyOf": [_NUM, _STR]}, "text": _STR, "channel": _NUM}
_HTML = {
    "start": _STR,
    "end": _STR,
    "startOffset": _INT,
    "endOffset": _INT,
    "text": _STR,
    "globalOffsets": _obj({"start": _INT, "end": _INT}, ["start", "end"]),
}
_PARA = {
    "start": {"anyOf": [_STR, _INT]},
    "end": {"anyOf": [_STR, _INT]},
    "startOffset": _INT,
    "endOffset": _INT,
    "text": _STR,
}
_TS = {"start": {"anyOf": [_NUM, _STR]}, "end": {"anyOf": [_NUM, _STR]}, "instant": {"type": "boolean"}}
_SEQUENCE = {
    "type": "array",
    "items": _obj(
        {
            "frame": _INT,
            "time": _NUM,
            "x": _NUM,
            "y": _NUM,
            "width": _NUM,
            "height": _NUM,
            "rotation": _NUM,
            "enabled": {"type": "boolean"},
        },
        ["frame"],
    ),
}
_RANGES = {"type": "array", "items": _obj({"start": _INT, "end": _INT}, ["start", "end"])}


def _choices(control: ControlTag) -> Schema:
    return _obj({"choices": _label_list(control)}, ["choices"])


def _taxonomy(control: ControlTag) -> Schema:
    return _obj({"taxonomy": {"type": "array", "items": _label_list(control)}}, ["taxonomy"])


def _rating(control: ControlTag) -> Schema:
    top = control.attrs.get("maxRating", 5)
    rating: Schema = {"type": "integer", "minimum": 0}
    if isinstance(top, (int, float)):
        rating["maximum"] = top
    return _obj({"rating": rating}, ["rating"])


def _number(control: ControlTag) -> Schema:
    number: Schema = {"type": "number"}
    for attr, key in (("min", "minimum"), ("max", "maximum")):
        if isinstance(control.attrs.get(attr), (int, float)):
            number[key] = control.attrs[attr]
    return _obj({"number": number}, ["number"])


# result type -> schema of ``value`` for a control writing that type
VALUE_SCHEMAS: dict[str, Callable[[ControlTag], Schema]] = {
    "choices": _choices,
    "taxonomy": _taxonomy,
    "rating": _rating,
    "number": _number,
    "textarea": _plain({"text": _STR_LIST}, ["text"]),
    "datetime": _plain({"datetime": _STR}, ["datetime"]),
    "pairwise": _plain({"selected": {"enum": ["left", "right"]}}, ["selected"]),
    "ranker": _plain({"ranker": {"type": "object", "additionalProperties": _STR_LIST}}, ["ranker"]),
    "labels": _with_labels(_SPAN, ["start", "end"]),
    "rectangle": _plain(_RECT, ["x", "y", "width", "height"]),
    "rectanglelabels": _with_labels(_RECT, ["x", "y", "width", "height"]),
    "ocrlabels": _with_labels(_RECT, []),
    "polygon": _plain(_POINTS, ["points"]),
    "polygonlabels": _with_labels(_POINTS, ["points"]),
    "ellipse": _plain(_ELLIPSE, ["x", "y", "radiusX", "radiusY"]),
    "ellipselabels": _with_labels(_ELLIPSE, ["x", "y", "radiusX", "radiusY"]),
    "keypoint": _plain(_KEYPOINT, ["x", "y"]),
    "keypointlabels": _with_labels(_KEYPOINT, ["x", "y"]),
    "brush": _plain(_BRUSH, []),
    "brushlabels": _with_labels(_BRUSH, []),
    "bitmasklabels": _with_labels({"imageDataURL": _STR}, []),
    "vector": _plain(_VECTOR, []),
    "vectorlabels": _with_labels(_VECTOR, []),
    "videorectangle": _with_labels(
        {"sequence": _SEQUENCE, "framesCount": _INT, "duration": _NUM}, ["sequence"]
    ),
    "timelinelabels": _with_labels({"ranges": _RANGES}, ["ranges"]),
    "timeserieslabels": _with_labels(_TS, ["start", "end"]),
    "paragraphlabels": _with_labels(_PARA, ["start", "end"]),
    "hypertextlabels": _with_labels(_HTML, ["start", "end"]),
}


def _videorectangle_labels(control: ControlTag, schema: Schema) -> Schema:
    """VideoRectangle has no labels of its own: ``labels`` comes from a Labels control."""
    schema["properties"]["labels"] = schema["properties"].pop(control.type)
    schema["required"] = [r for r in schema["required"] if r != control.type]
    return schema


def _name(name: str, repeated: dict[str, Repeated]) -> Schema:
    """``{"const": name}``, or a pattern for a repeated name
    (``page_{{idx}}`` -> ``^page_(0|[1-9][0-9]*)$``)."""
    tag = repeated.get(name)
    if tag is None or tag.pattern is None:
        return {"const": name}
    return {"type": "string", "pattern": f"^{tag.pattern.pattern}$"}


def _to_name(control: ControlTag, repeated: dict[str, Repeated]) -> Schema:
    if not control.to_name:
        return _STR
    if not any(name in repeated for name in control.to_name):
        return {"enum": control.to_name}
    return {"anyOf": [_name(name, repeated) for name in control.to_name]}


def result_schema(control: ControlTag, repeated: dict[str, Repeated] | None = None) -> Schema:
    """The schema of one result item written by ``control``.

    ``repeated`` (:func:`labelcore.config.repeat.repeated_tags`) describes the tags inside
    Repeaters: their results name them with the index (``from_name: "quality_0"``).
    """
    repeated = repeated or {}
    value = VALUE_SCHEMAS.get(control.type, _plain({}, []))(control)
    if control.type == "videorectangle":
        value = _videorectangle_labels(control, value)
    return {
        "$schema": DIALECT,
        "title": f"result of <{control.tag} name={control.name!r}>",
        "type": "object",
        "properties": {
            "id": _STR,
            "type": {"const": control.type},
            "from_name": _name(control.name, repeated),
            "to_name": _to_name(control, repeated),
            "origin": {"enum": ["manual", "prediction", "prediction-changed"]},
            "value": value,
            "score": _NUM,
            "readonly": {"type": "boolean"},
            "parentID": _STR,
            "original_width": _NUM,
            "original_height": _NUM,
            "image_rotation": _NUM,
            "original_length": _NUM,
            "item_index": _INT,
        },
        "required": ["type", "from_name", "to_name", "value"],
    }


RELATION_SCHEMA: Schema = {
    "$schema": DIALECT,
    "title": "a relation between two regions",
    "type": "object",
    "properties": {
        "id": _STR,
        "type": {"const": "relation"},
        "from_id": _STR,
        "to_id": _STR,
        "direction": {"enum": ["right", "left", "bi"]},
        "labels": _STR_LIST,
    },
    "required": ["type", "from_id", "to_id"],
}


_ARRAY: Schema = {"type": "array"}


def _repeated_list(cfg: LabelConfig, repeater: Repeater) -> Schema:
    """A Repeater's list: an array whose items hold the keys its tags read (``$pages[{{idx}}].url``)."""
    leaves: dict[str, Schema] = {key: {} for key in repeater.item_keys}
    for name in repeater.objects:
        obj = cfg.objects[name]
        for key in item_keys(str(obj.value or ""), repeater.data_key or "", repeater.index_flag):
            if key and not leaves.get(key):
                leaves[key] = DATA_SCHEMAS.get(obj.tag, {})
    if not leaves:
        return _ARRAY
    props: Schema = {}
    for key, leaf in leaves.items():
        _nest(props, key, leaf)
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": props,
            "required": list(dict.fromkeys(k.partition(".")[0] for k in leaves)),
        },
    }


def _nest(props: Schema, dotted: str, leaf: Schema) -> None:
    """Put ``leaf`` at ``a.b.c`` in nested object properties."""
    head, _, rest = dotted.partition(".")
    if not rest:
        props[head] = leaf if head not in props else props[head]
        return
    node = props.setdefault(head, {"type": "object", "properties": {}, "required": []})
    node.setdefault("properties", {})
    sub = rest.partition(".")[0]
    if sub not in node.setdefault("required", []):
        node["required"].append(sub)
    _nest(node["properties"], rest, leaf)


def data_schema(cfg: LabelConfig) -> Schema:
    """The schema of a task's ``data``: every key the config reads is required."""
    leaf_by_key: dict[str, Schema] = {}
    for obj in cfg.objects.values():
        if obj.data_key and obj.data_key not in leaf_by_key:
            indexed = any(f"${obj.data_key}[" in str(obj.attrs.get(a, "")) for a in ("value", "valueList"))
            leaf_by_key[obj.data_key] = _ARRAY if indexed else DATA_SCHEMAS.get(obj.tag, {})
    for repeater in cfg.repeaters:
        if repeater.data_key:
            leaf_by_key[repeater.data_key] = _repeated_list(cfg, repeater)
    props: Schema = {}
    for key in cfg.data_keys:
        _nest(props, key, leaf_by_key.get(key, {}))
    top = list(dict.fromkeys(key.partition(".")[0] for key in cfg.data_keys))
    return {"$schema": DIALECT, "title": "task data", "type": "object", "properties": props, "required": top}


def schemas(cfg: LabelConfig) -> dict[str, Any]:
    """``{data, results: {control name: schema}, relation}`` for a parsed config.

    ``results`` is keyed by the names as written (``lang_{{idx}}``); :func:`schema_for` finds
    the schema of an item whose ``from_name`` names one repeated item (``lang_3``).
    """
    repeated = repeated_tags(cfg)
    return {
        "data": data_schema(cfg),
        "results": {name: result_schema(control, repeated) for name, control in cfg.controls.items()},
        "relation": RELATION_SCHEMA,
    }


def _names_it(schema: Schema, from_name: str) -> bool:
    rule = schema.get("properties", {}).get("from_name", {})
    if "const" in rule:
        return bool(rule["const"] == from_name)
    return "pattern" in rule and re.search(rule["pattern"], from_name) is not None


def schema_for(found: dict[str, Any], item: dict[str, Any]) -> Schema | None:
    """The schema, in ``found`` (what :func:`schemas` returns, or its JSON), of one result item.

    A relation gets the relation schema; any other item the schema of the control its
    ``from_name`` names, as written (``lang``) or as one item of a repeated control
    (``lang_3`` -> ``results["lang_{{idx}}"]``). ``None`` when no control writes it.
    """
    if item.get("type") == "relation":
        return found["relation"]
    name = item.get("from_name")
    results: dict[str, Schema] = found["results"]
    if not isinstance(name, str):
        return None
    exact = results.get(name)
    if exact is not None and _names_it(exact, name):
        return exact
    hits = [key for key, schema in results.items() if _names_it(schema, name)]
    return results[max(hits, key=len)] if hits else None
