"""A minimal PNG writer (stdlib zlib): 8-bit greyscale, one filter byte (none) per row."""

from __future__ import annotations

import struct
import zlib

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_grey(pixels: bytes, height: int, width: int, level: int = 6) -> bytes:
    """A greyscale PNG of ``height`` rows of ``width`` bytes each."""
    if len(pixels) != height * width:
        raise ValueError(f"{len(pixels)} bytes do not make a {height}x{width} image")
    rows = b"".join(b"\x00" + pixels[r * width : (r + 1) * width] for r in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        _SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, level))
        + _chunk(b"IEND", b"")
    )
