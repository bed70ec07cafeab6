"""``<Repeater>``: what it repeats, the keys its items hold, and names with the index flag.

Label Studio shows a Repeater's children once per item of the list in data key
``on``, replacing the index flag (``{{idx}}`` unless ``indexFlag`` says
otherwise) by 0, 1, ... in every attribute: ``<Image name="page_{{idx}}"
value="$pages[{{idx}}].url"/>`` becomes ``page_0`` reading ``$pages[0].url``,
``page_1`` reading ``$pages[1].url``, and so on; results name the items
(``from_name: "quality_0"``, ``to_name: "page_0"``). A Repeater inside another
repeats per item of the outer one (``on="$pages[{{i}}].lines"``, its own flag).

A parsed config keeps the names as written. :func:`repeated_tags` describes each
named tag inside Repeaters (:class:`Repeated`: the Repeaters around it and the
pattern of its items' names); :class:`Repeats` finds which tag a name like
``quality_3`` is an item of and whether that item exists in one task's data;
:class:`Names` resolves a reference written with the flag (``page_{{idx}}``) or
with an index (``page_3``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from labelcore.config.model import LabelConfig, LayoutNode
from labelcore.config.refs import read

DEFAULT_FLAG = "{{idx}}"
# An index as Label Studio writes it into a name (String(i)): 0, 1, 12; never 01 or a non-ASCII digit.
INDEX = "(0|[1-9][0-9]*)"
T = TypeVar("T")


def _compile(name: str, flags: Sequence[str]) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """The pattern of ``name``'s items and the flag each of its groups holds the index of."""
    present = sorted({flag for flag in flags if flag and flag in name}, key=len, reverse=True)
    if not present:
        return None
    order: list[str] = []
    out = []
    for part in re.split("(" + "|".join(map(re.escape, present)) + ")", name):
        if part not in present:
            out.append(re.escape(part))
        elif part in order:
            out.append(f"\\{order.index(part) + 1}")  # the same flag twice: the same index twice
        else:
            order.append(part)
            out.append(INDEX)
    return re.compile("".join(out)), tuple(order)


def name_pattern(name: str, flags: str | Sequence[str]) -> re.Pattern[str] | None:
    """``page_{{idx}}`` -> a pattern matching ``page_0``, ``page_12`` (not ``page_01``); ``None``
    without a flag.

    The pattern is both a Python and an ECMA-262 (JSON Schema) regular expression.
    """
    compiled = _compile(name, [flags] if isinstance(flags, str) else flags)
    return compiled[0] if compiled else None


def item_keys(text: str, list_key: str, flag: str) -> list[str]:
    """Keys read from each item: ``"$pages[{{idx}}].url"`` with list ``pages`` -> ``["url"]``.

    A reference to the whole item (``$pages[{{idx}}]``) gives ``""``.
    """
    pattern = re.compile(
        r"\$" + re.escape(list_key) + r"\[" + re.escape(flag) + r"\](?:\.([A-Za-z_\d][\w\-.]*))?"
    )
    return [match.group(1) or "" for match in pattern.finditer(text)]


def fill(text: str, indices: dict[str, int]) -> str:
    """``text`` with each flag replaced by its index:
    ``fill("page_{{idx}}", {"{{idx}}": 2})`` -> ``page_2``."""
    for flag, index in indices.items():
        text = text.replace(flag, str(index))
    return text


@dataclass(frozen=True)
class Level:
    """One Repeater around a tag: its index flag and its ``on`` as written (``$pages[{{i}}].lines``)."""

    flag: str
    on: str


@dataclass(frozen=True)
class Repeated:
    """A named tag inside Repeaters: its name as written and the Repeaters around it, outermost first."""

    name: str
    levels: tuple[Level, ...]
    pattern: re.Pattern[str] | None  # matches its items' names; None: the name has no flag
    group_flags: tuple[str, ...]  # the flag whose index each group of ``pattern`` holds

    def match(self, name: str) -> dict[str, int] | None:
        """``{flag: index}`` when ``name`` is the name of one of its items, else ``None``."""
        found = self.pattern.fullmatch(name) if self.pattern is not None else None
        if found is None:
            return None
        return {flag: int(found.group(k + 1)) for k, flag in enumerate(self.group_flags)}


def _walk(node: LayoutNode, levels: tuple[Level, ...]) -> Iterator[tuple[str, tuple[Level, ...]]]:
    name = node.attrs.get("name")
    if levels and isinstance(name, str) and node.tag != "Repeater":
        yield name, levels
    if node.tag == "Repeater":
        levels = (
            *levels,
            Level(str(node.attrs.get("indexFlag") or DEFAULT_FLAG), str(node.attrs.get("on") or "")),
        )
    for child in node.children:
        yield from _walk(child, levels)


def repeated_tags(cfg: LabelConfig) -> dict[str, Repeated]:
    """Every object and control inside a Repeater, by its name as written, in document order."""
    out: dict[str, Repeated] = {}
    if cfg.layout is None:
        return out
    for name, levels in _walk(cfg.layout, ()):
        if (name in cfg.objects or name in cfg.controls) and name not in out:
            compiled = _compile(name, [level.flag for level in levels])
            pattern, flags = compiled if compiled else (None, ())
            out[name] = Repeated(name, levels, pattern, flags)
    return out


def resolve_ref(data: Any, ref: str) -> tuple[bool, Any]:
    """``(found, value)`` of a ``$key`` reference in task data: ``$pages``, ``$doc.pages``,
    ``$pages[2].lines`` (read as :mod:`labelcore.config.refs` reads every reference: a flat key
    wins over nesting)."""
    return read(data, ref)


class Repeats:
    """The repeated tags of a config: which one a name like ``quality_3`` is an item of, and whether
    that item exists in a task (its index is within the task's list)."""

    def __init__(self, cfg: LabelConfig):
        self.tags = repeated_tags(cfg)
        self._kind = {name: "object" if name in cfg.objects else "control" for name in self.tags}
        self._found: dict[tuple[str, str | None], tuple[Repeated, dict[str, int]] | None] = {}

    def find(self, name: str, kind: str | None = None) -> tuple[Repeated, dict[str, int]] | None:
        """``(tag, {flag: index})`` when ``name`` names an item of a repeated tag (of an ``"object"`` or a
        ``"control"`` when ``kind`` says so); the most specific name wins (``a_{{idx}}_x`` over
        ``a_{{idx}}``)."""
        key = (name, kind)
        if key not in self._found:
            if len(self._found) >= 4096:  # names come from imported results: keep the cache bounded
                self._found.clear()
            hits = [
                (tag, indices)
                for tag in self.tags.values()
                if kind in (None, self._kind[tag.name]) and (indices := tag.match(name)) is not None
            ]
            self._found[key] = max(hits, key=lambda hit: len(hit[0].name)) if hits else None
        return self._found[key]

    @staticmethod
    def absent(tag: Repeated, indices: dict[str, int], data: Any) -> str | None:
        """Why item ``indices`` of ``tag`` is not in this task's ``data`` (``None``: it is there)."""
        bound: dict[str, int] = {}
        for level in tag.levels:
            if level.flag not in indices:
                return None  # the name does not say which item of this Repeater: nothing more to check
            on = fill(level.on, bound)
            where = f"<Repeater on={level.on!r}>" + (f" (here {on!r})" if on != level.on else "")
            found, items = resolve_ref(data, on)
            if not found:
                return f"{where} repeats over a list this task's data lacks"
            if not isinstance(items, list):
                return f"{where} repeats over a {type(items).__name__} in this task, not a list"
            index = indices[level.flag]
            if index >= len(items):
                count = f"{len(items)} item{'s' if len(items) != 1 else ''}"
                have = f"{count} (0 to {len(items) - 1})" if items else "no items"
                return f"{where} has {have} in this task"
            bound[level.flag] = index
        return None


class Names(Generic[T]):
    """Resolves a name to a tag of ``named``: exactly, or as one item of a repeated name."""

    def __init__(self, named: dict[str, T], cfg: LabelConfig):
        self.named = named
        self.patterns = [
            (tag.pattern, name)
            for name, tag in repeated_tags(cfg).items()
            if name in named and tag.pattern is not None
        ]

    def resolve(self, name: str) -> T | None:
        found = self.named.get(name)
        if found is not None:
            return found
        for pattern, template in self.patterns:
            if pattern.fullmatch(name):
                return self.named[template]
        return None

    def templates_matching(self, names: Iterable[str]) -> Iterable[tuple[str, str]]:
        """``(name, repeated name)`` for each of ``names`` that some repeated item also takes."""
        for name in names:
            for pattern, template in self.patterns:
                if name != template and pattern.fullmatch(name):
                    yield name, template
