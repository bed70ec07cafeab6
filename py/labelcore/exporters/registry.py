"""The format registry: each format module registers a pure ``export(tasks, config, options)``."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from labelcore.errors import FormatError
from labelcore.exporters.options import ExportOptions

Files = dict[str, bytes]
ExportFunc = Callable[[list[dict[str, Any]], Any, ExportOptions], Files]


@dataclass(frozen=True)
class Need:
    """One way a config can fit a format: one of ``objects`` is present and all of ``controls``."""

    objects: frozenset[str] = frozenset()
    controls: frozenset[str] = frozenset()

    def met_by(self, objects: set[str], controls: set[str]) -> bool:
        return (not self.objects or bool(self.objects & objects)) and self.controls <= controls


def needs(*alternatives: tuple[set[str] | frozenset[str], set[str] | frozenset[str]]) -> tuple[Need, ...]:
    """``needs(({"Image"}, {"RectangleLabels"}), ...)``: the config must meet one of these."""
    return tuple(Need(frozenset(o), frozenset(c)) for o, c in alternatives)


@dataclass(frozen=True)
class FormatInfo:
    name: str
    title: str
    description: str
    export: ExportFunc
    needs: tuple[Need, ...] = ()
    single_data_key: bool = True
    multi_image: bool = True
    # A control that is useless without another (KeyPointLabels needs RectangleLabels for classes).
    companions: dict[str, str] = field(default_factory=dict)
    writes: str = ""
    media: bool = False

    def fits(self, config: Any) -> bool:
        objects = {o.tag for o in config.objects.values()}
        controls = {c.tag for c in config.controls.values()}
        if self.single_data_key and len(config.data_keys) > 1:
            return False
        if not self.multi_image and any(o.attrs.get("valueList") for o in config.objects.values()):
            return False
        if any(tag in controls and other not in controls for tag, other in self.companions.items()):
            return False
        return not self.needs or any(n.met_by(objects, controls) for n in self.needs)

    def supports(self) -> list[list[str]]:
        """The tag combinations this format reads, for listings (``[["Image", "RectangleLabels"], ...]``)."""
        return [sorted(n.objects) + sorted(n.controls) for n in self.needs]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "supports": self.supports(),
            "single_data_key": self.single_data_key,
            "writes": self.writes,
            "media": self.media,
        }


FORMATS: dict[str, FormatInfo] = {}


def register_format(
    name: str,
    *,
    title: str,
    description: str,
    needs: tuple[Need, ...] = (),
    single_data_key: bool = True,
    multi_image: bool = True,
    companions: dict[str, str] | None = None,
    writes: str = "",
    media: bool = False,
) -> Callable[[ExportFunc], ExportFunc]:
    """Register ``export`` under ``name`` (Label Studio's spelling, e.g. ``"COCO"``)."""

    def register(func: ExportFunc) -> ExportFunc:
        if name in FORMATS:
            raise ValueError(f"export format {name!r} is registered twice")
        FORMATS[name] = FormatInfo(
            name,
            title,
            description,
            func,
            needs,
            single_data_key,
            multi_image,
            dict(companions or {}),
            writes,
            media,
        )
        return func

    return register


def get_format(name: str) -> FormatInfo:
    info = FORMATS.get(name) or FORMATS.get(name.upper())
    if info is None:
        raise FormatError(f"unknown export format {name!r} (known: {', '.join(FORMATS)})", {"path": "format"})
    return info


def formats_for(config: Any) -> list[FormatInfo]:
    """The formats that can export a project with this config, in registry order."""
    return [info for info in FORMATS.values() if info.fits(config)]


def run_export(
    name: str,
    tasks: list[dict[str, Any]],
    config: Any,
    options: ExportOptions | None = None,
    *,
    check_fit: bool = True,
) -> Files:
    """Export ``tasks`` in format ``name``; refuses a format that does not fit the config."""
    info = get_format(name)
    if check_fit and not info.fits(config):
        fitting = ", ".join(f.name for f in formats_for(config))
        raise FormatError(
            f"format {info.name} cannot export this project's config (formats that fit: {fitting})",
            {"path": "format"},
        )
    if not isinstance(tasks, list):
        raise FormatError("tasks must be a list of Label Studio task objects", {"path": "$"})
    with gc_paused():
        return info.export(tasks, config, options or ExportOptions())


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a run allocates its many small, acyclic objects: the
    collector would otherwise walk the whole (large) heap again and again (up to a third of the
    time on 10,000 tasks). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
