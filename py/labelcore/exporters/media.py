"""Media references in task data: the file name to write, the bytes stored, an image's size."""

from __future__ import annotations

import posixpath
import struct
from typing import Any
from urllib.parse import unquote, urlparse

from labelcore.exporters.options import ExportOptions


def file_name(ref: Any, options: ExportOptions) -> str:
    """The base file name for a media reference: a name given in the options, else the last
    part of its URL path or file path (``https://h/a/b.jpg?x=1`` -> ``b.jpg``)."""
    ref = str(ref)
    if ref in options.media_names:
        return posixpath.basename(options.media_names[ref].replace("\\", "/")) or "file"
    if "://" in ref or ref.startswith("//") or (ref.startswith("/") and any(c in ref for c in "?#;\t\r\n")):
        path = urlparse(ref).path
    else:  # a plain path: urlparse would give it back unchanged
        path = ref
    name = posixpath.basename(unquote(path).replace("\\", "/"))
    return name or (ref.rsplit("/", 1)[-1] or "file")


def stem(name: str) -> str:
    return posixpath.splitext(name)[0]


def image_size(ref: Any, options: ExportOptions) -> tuple[int, int] | None:
    """``(width, height)`` from the options, else read from the stored image's header."""
    ref = str(ref)
    if ref in options.image_sizes:
        w, h = options.image_sizes[ref]
        return int(w), int(h)
    data = options.media.get(ref)
    return sniff_size(data) if data else None


def sniff_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG, GIF, BMP, WebP or JPEG header (None for anything else)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"BM" and len(data) >= 26:
        w, h = struct.unpack("<ii", data[18:26])
        return w, abs(h)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_size(data)
    if data[:2] == b"\xff\xd8":
        return _jpeg_size(data)
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    kind = data[12:16]
    if kind == b"VP8X":
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if kind == b"VP8 ":
        w, h = struct.unpack("<HH", data[26:30])
        return w & 0x3FFF, h & 0x3FFF
    if kind == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return w, h
        i += 2 + length
    return None


class MediaFiles:
    """The media files a "with images/media" export adds, with unique names in one folder."""

    def __init__(self, folder: str, options: ExportOptions) -> None:
        self.folder = folder
        self.options = options
        self.by_ref: dict[str, str] = {}
        self.files: dict[str, bytes] = {}
        self._taken: set[str] = set()

    def path_for(self, ref: Any) -> str:
        """``folder/name`` for a reference (the same path each time; a clashing name gets ``_2``...)."""
        ref = str(ref)
        path = self.by_ref.get(ref)
        if path is None:
            name = file_name(ref, self.options)
            path = f"{self.folder}/{name}"
            n = 1
            while path in self._taken:
                n += 1
                path = f"{self.folder}/{stem(name)}_{n}{posixpath.splitext(name)[1]}"
            self.by_ref[ref] = path
            self._taken.add(path)
            data = self.options.media.get(ref)
            if data is not None:
                self.files[path] = data
        return path
