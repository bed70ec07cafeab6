"""Build the typed :class:`LabelConfig` from the XML tree, collecting per-element errors.

Each element is looked up in the tag registry; its attributes are typed; object
tags become :class:`ObjectTag`, control tags :class:`ControlTag` with their
Label/Choice items; everything is kept in the layout tree. Problems found on a
single element (unknown tag, missing or bad attribute, duplicate name, a child
tag outside its parent) are appended to ``errors``; cross-references are
checked afterwards by :mod:`labelcore.config.checks`.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from labelcore.config.attrs import missing_required, type_attrs
from labelcore.config.model import ControlTag, LabelConfig, LabelItem, LayoutNode, ObjectTag, Repeater
from labelcore.config.refs import parse_value
from labelcore.config.repeat import DEFAULT_FLAG, item_keys
from labelcore.config.tags import HOTKEY_ORDER, TAGS, TagSpec, lookup
from labelcore.config.xmlread import Node
from labelcore.errors import ConfigError

# Colours given, in order, to the labels of a control that have no ``background``.
PALETTE = (
    "#36B37E",
    "#FF5630",
    "#0065FF",
    "#FFAB00",
    "#6554C0",
    "#00B8D9",
    "#FF8B00",
    "#8777D9",
    "#57D9A3",
    "#DE350B",
    "#4C9AFF",
    "#C0B6F2",
    "#F78DA7",
    "#00875A",
    "#B3BAC5",
    "#E9A93C",
    "#2684FF",
    "#79F2C0",
    "#BF2600",
    "#998DD9",
)

# ``$key``, ``$a.b``, ``$list[{{idx}}].url``: a variable read from the task's data.
VARIABLE = re.compile(r"\$([A-Za-z_][\w\-]*(?:\.[A-Za-z_\d][\w\-]*)*)")

# Tags whose items (Label / Choice children) get hotkeys auto-assigned when none is given.
HOTKEY_ITEM_TAGS = ("Label", "Choice")


def data_keys_in(text: str) -> list[str]:
    """The task data keys a value reads: ``"$meta.url"`` -> ``["meta.url"]``."""
    return VARIABLE.findall(text)


def did_you_mean(name: str, candidates: list[str]) -> str:
    """`` (did you mean 'Image'?)`` when a candidate is close to ``name``, else ``""``."""
    lower = {c.lower(): c for c in candidates}
    close = difflib.get_close_matches(name.lower(), list(lower), n=1, cutoff=0.6)
    return f" (did you mean {lower[close[0]]!r}?)" if close else ""


class Builder:
    """Walks the XML tree once, building the config and collecting per-element errors."""

    def __init__(self) -> None:
        self.errors: list[ConfigError] = []
        self.config = LabelConfig()
        self.names: dict[str, Node] = {}
        self.hotkeys_given: set[str] = set()
        self.seen_keys: set[str] = set()
        self.items_needing_hotkey: list[LabelItem] = []
        self.repeating: list[Repeater] = []  # the Repeaters around the element being walked, outermost first

    def error(self, message: str, node: Node, kind: str, **extra: Any) -> None:
        """Record an error at ``node``, or at its attribute when ``attr`` is given and written."""
        where = node.where_attr(extra["attr"]) if "attr" in extra else node.where
        self.errors.append(ConfigError(message, where, kind=kind, **extra))

    # -- walking ---------------------------------------------------------------------
    def build(self, root: Node) -> LabelConfig:
        self.config.layout = self._walk(root, None)
        self._assign_hotkeys()
        return self.config

    def _walk(self, node: Node, owner: TagSpec | None) -> LayoutNode:
        spec = lookup(node.tag)
        if spec is None:
            self.error(
                f"unknown tag <{node.tag}>{did_you_mean(node.tag, list(TAGS))}",
                node,
                "unknown-tag",
                tag=node.tag,
            )
            attrs: dict[str, Any] = dict(node.attrs)
            tag = node.tag
        else:
            tag = spec.name
            attrs = self._attrs(spec, node)
            self._check_placement(spec, node, owner)
            self._collect_keys(spec, node)
            self._register(spec, node, attrs)
            if spec.undrawable and tag not in self.config.cannot_draw:
                self.config.cannot_draw.append(tag)
        child_owner = spec if spec is not None and spec.kind != "visual" else owner
        repeater = self._repeater(node, attrs) if spec is not None and spec.name == "Repeater" else None
        if repeater is not None:
            self.repeating.append(repeater)
        children = [self._walk(child, child_owner) for child in node.children]
        if repeater is not None:
            self.repeating.pop()
        return LayoutNode(
            tag=tag,
            attrs=attrs,
            refs=self._refs(attrs),
            text=node.text,
            children=children,
            line=node.line,
            col=node.col,
            places=_places(node),
        )

    def _attrs(self, spec: TagSpec, node: Node) -> dict[str, Any]:
        attrs = type_attrs(spec, node, self.errors)
        unknown = [name for name in node.attrs if spec.attr(name) is None]
        for missing in missing_required(spec, node.attrs, node.text):
            hint = _misspelling(missing, unknown)
            self.error(
                f"<{spec.name}> is missing the required attribute {missing}{hint}",
                node,
                "missing-attr",
                tag=spec.name,
                missing=missing,
            )
        if spec.text_attr and spec.text_attr not in attrs and node.text:
            attrs[spec.text_attr] = node.text
        hotkey = _raw(node.attrs, "hotkey")
        if hotkey is not None and spec.attr("hotkey") is not None:
            self.hotkeys_given.add(hotkey.lower())
        return attrs

    def _refs(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The parsed ``$key`` references of each attribute that has some (the flags in scope known)."""
        flags = [r.index_flag for r in self.repeating]
        found = {name: parse_value(value, flags) for name, value in attrs.items() if isinstance(value, str)}
        return {name: form for name, form in found.items() if form is not None}

    def _repeater(self, node: Node, attrs: dict[str, Any]) -> Repeater | None:
        """Record a ``<Repeater>``; its ``on`` must name a data list (``on="$pages"``)."""
        on = _raw(node.attrs, "on")
        if on is None:
            return None  # reported as a missing attribute
        keys = data_keys_in(on)
        if not on.strip().startswith("$") or len(keys) != 1:
            self.error(
                f"<Repeater> attribute on={on!r} must name the task's data list to repeat over, "
                f'e.g. on="$pages"',
                node,
                "bad-value",
                tag="Repeater",
                attr="on",
            )
        flag = _raw(node.attrs, "indexFlag") or DEFAULT_FLAG
        repeater = Repeater(
            name=_raw(node.attrs, "name"),
            on=on,
            data_key=keys[0] if keys else None,
            index_flag=flag,
            mode=str(attrs.get("mode", "list")),
            line=node.line,
            col=node.col,
        )
        self.config.repeaters.append(repeater)
        return repeater

    def _check_placement(self, spec: TagSpec, node: Node, owner: TagSpec | None) -> None:
        if spec.kind != "child":
            return
        if owner is None or spec.name not in owner.children:
            parents = sorted(
                name for name, s in TAGS.items() if spec.name in s.children and s.kind != "child"
            )
            inside = f" <{owner.name}>" if owner else " <View>"
            self.error(
                f"<{spec.name}> cannot be inside{inside}: it belongs inside "
                + ", ".join(f"<{p}>" for p in parents),
                node,
                "misplaced-child",
                tag=spec.name,
            )

    def _collect_keys(self, spec: TagSpec, node: Node) -> None:
        for attr in spec.data_attrs:
            text = _raw(node.attrs, attr)
            if attr == spec.text_attr and text is None:
                text = node.text
            for key in data_keys_in(text or ""):
                if key not in self.seen_keys:
                    self.seen_keys.add(key)
                    self.config.data_keys.append(key)
            for repeater in self.repeating:
                if repeater.data_key and text:
                    found = item_keys(text, repeater.data_key, repeater.index_flag)
                    repeater.item_keys.extend(k for k in found if k and k not in repeater.item_keys)

    def _register(self, spec: TagSpec, node: Node, attrs: dict[str, Any]) -> None:
        name = _raw(node.attrs, "name")
        if spec.result_type == "relation":  # <Relations> usually has no name: keep its labels apart
            self.config.relations.extend(self._items(spec, node))
        if spec.kind not in ("object", "control") or name is None:
            return
        if name in self.names:
            first = self.names[name]
            self.error(
                f"duplicate name {name!r}: already used by <{lookup(first.tag).name}> at line {first.line}, "
                f"col {first.col}; every object and control needs its own name",
                node,
                "duplicate-name",
                attr="name",
                name=name,
            )
            return
        self.names[name] = node
        repeater = self.repeating[-1] if self.repeating else None
        if repeater is not None:
            (repeater.objects if spec.kind == "object" else repeater.controls).append(name)
        within = repeater.data_key if repeater is not None else None
        if spec.kind == "object":
            value = _raw(node.attrs, "value")
            keys = [k for attr in spec.data_attrs for k in data_keys_in(_raw(node.attrs, attr) or "")]
            self.config.objects[name] = ObjectTag(
                name=name,
                tag=spec.name,
                value=value,
                data_key=keys[0] if keys else None,
                repeater=within,
                drawable=spec.drawable,
                attrs=attrs,
                refs=self._refs(attrs),
                line=node.line,
                col=node.col,
                places=_places(node),
            )
        else:
            to_name = [part.strip() for part in (_raw(node.attrs, "toName") or "").split(",") if part.strip()]
            self.config.controls[name] = ControlTag(
                name=name,
                tag=spec.name,
                to_name=to_name,
                type=spec.result_type or spec.name.lower(),
                value_key=spec.value_key,
                drawable=spec.drawable,
                repeater=within,
                labels=self._items(spec, node),
                attrs=attrs,
                refs=self._refs(attrs),
                line=node.line,
                col=node.col,
                places=_places(node),
            )

    # -- label items -----------------------------------------------------------------
    def _items(self, spec: TagSpec, node: Node) -> list[LabelItem]:
        if not spec.has_labels:
            return []
        nested = spec.name == "Taxonomy"
        items: list[LabelItem] = []
        for child in _item_nodes(node, spec.children):
            items.append(self._item(child, len(items), nested))
        return items

    def _item(self, node: Node, index: int, nested: bool) -> LabelItem:
        spec = lookup(node.tag)
        attrs = type_attrs(spec, node, []) if spec else dict(node.attrs)
        background = _raw(node.attrs, "background") or PALETTE[index % len(PALETTE)]
        if spec is not None and spec.attr("background") is not None:
            attrs["background"] = background
        category = attrs.get("category")
        hotkey = _raw(node.attrs, "hotkey")
        item = LabelItem(
            value=_raw(node.attrs, "value") or "",
            alias=_raw(node.attrs, "alias"),
            background=background,
            hotkey=hotkey,
            category=category if isinstance(category, int) else None,
            selected=attrs.get("selected") is True,
            attrs=attrs,
            line=node.line,
            col=node.col,
            places=_places(node),
            children=[self._item(c, i, nested) for i, c in enumerate(_item_nodes(node, ("Choice",)))]
            if nested
            else [],
        )
        if hotkey is None and not nested and spec is not None and spec.name in HOTKEY_ITEM_TAGS:
            self.items_needing_hotkey.append(item)
        return item

    def _assign_hotkeys(self) -> None:
        free = (key for key in HOTKEY_ORDER if key not in self.hotkeys_given)
        for item in self.items_needing_hotkey:
            item.hotkey = next(free, None)


def _misspelling(missing: str, given: list[str]) -> str:
    """`` (is 'toNmae' a misspelling of it?)`` when a given unknown attribute is close to ``missing``."""
    lower = {name.lower(): name for name in given}
    close = difflib.get_close_matches(missing.lower(), list(lower), n=1, cutoff=0.7)
    return f" (is {lower[close[0]]!r} a misspelling of it?)" if close else ""


def _places(node: Node) -> dict[str, dict[str, int]]:
    return {name: {"line": line, "col": col} for name, (line, col) in node.attr_places.items()}


def _raw(attrs: dict[str, str], name: str) -> str | None:
    """An attribute as written, its name matched case-insensitively."""
    if name in attrs:
        return attrs[name]
    low = name.lower()
    for key, value in attrs.items():
        if key.lower() == low:
            return value
    return None


def _item_nodes(node: Node, item_tags: tuple[str, ...]) -> list[Node]:
    """The item elements (e.g. Label) of ``node``, looking through View/Header wrappers."""
    found: list[Node] = []
    for child in node.children:
        spec = lookup(child.tag)
        if spec is not None and spec.name in item_tags:
            found.append(child)
        elif spec is not None and spec.kind == "visual":
            found.extend(_item_nodes(child, item_tags))
    return found
