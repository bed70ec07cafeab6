"""Importers registered by name; each parses one source into Label Studio task dicts.

An importer is a push parser, so the browser can feed a large file chunk by
chunk: ``feed(bytes)`` and ``close()`` each return the items parsed so far,
every item ``(where, task, error)`` with exactly one of ``task`` / ``error``
set (a per-row problem); a problem that spoils the whole file raises
:class:`~labelcore.errors.DataError`. Importers of files rather than bytes
(media, a folder) also take ``add_file``.

A task built from a bare value (a line, a file, a URL) asks ``ctx.key_for()``
for its data key: Label Studio's ``$undefined$`` placeholder, resolved to the
config's data key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from labelcore.errors import FormatError

Item = tuple[dict[str, Any], "dict[str, Any] | None", "str | None"]

UNDEFINED = "$undefined$"


@dataclass
class ParseContext:
    """What a parser may ask of the import it serves."""

    filename: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    key_for: Callable[[], str] = lambda: UNDEFINED
    on_columns: Callable[[list[str]], None] = lambda columns: None


class Parser:
    """One import's parser. Subclasses override :meth:`feed` / :meth:`close` (and maybe :meth:`add_file`)."""

    name = ""

    def __init__(self, ctx: ParseContext):
        self.ctx = ctx
        self.columns: list[str] | None = None

    def feed(self, chunk: bytes) -> Iterable[Item]:
        raise NotImplementedError

    def close(self) -> Iterable[Item]:
        return ()

    def add_file(self, index: int, name: str, size: int, ref: str, mime: str | None = None) -> Iterable[Item]:
        raise FormatError(
            f"the {self.name} importer reads bytes, not files: import {name!r} on its own", {"file": name}
        )


@dataclass(frozen=True)
class ImporterInfo:
    name: str
    extensions: tuple[str, ...]
    parser: type[Parser]
    description: str


IMPORTERS: dict[str, ImporterInfo] = {}


def register_importer(name: str, extensions: tuple[str, ...] = ()):
    """Register a :class:`Parser` subclass as the importer ``name`` for files ending in ``extensions``."""

    def register(cls: type[Parser]) -> type[Parser]:
        if name in IMPORTERS:
            raise ValueError(f"importer {name!r} is registered twice")
        cls.name = name
        doc = (cls.__doc__ or "").strip().split("\n")[0]
        IMPORTERS[name] = ImporterInfo(name, tuple(e.lower() for e in extensions), cls, doc)
        return cls

    return register


def importer_for_name(filename: str) -> ImporterInfo | None:
    """The importer whose extension ends ``filename`` (longest match wins), if any."""
    lower = filename.lower()
    best: tuple[int, ImporterInfo] | None = None
    for info in IMPORTERS.values():
        for ext in info.extensions:
            if lower.endswith(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), info)
    return best[1] if best else None


# MIME types of files with no known extension that the media importer takes (one task per file).
MEDIA_MIME = ("image/", "audio/", "video/", "application/pdf")


def importer_for_file(filename: str, mime: str | None = None) -> str | None:
    """The importer that takes a picked file: by its name, else ``"media"`` when its MIME type is
    a media one; ``None``: no importer claims it (the bytes importer sniffs its content)."""
    info = importer_for_name(filename)
    if info is not None:
        return info.name
    return "media" if mime and mime.startswith(MEDIA_MIME) else None


def get_importer(name: str) -> ImporterInfo:
    info = IMPORTERS.get(name)
    if info is None:
        raise FormatError(
            f"unknown import format {name!r} (formats: {', '.join(sorted(IMPORTERS))})", {"path": "format"}
        )
    return info


def bad_item(where: dict[str, Any], message: str) -> Item:
    return where, None, message
