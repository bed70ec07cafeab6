"""NumPy's ``.npy`` file (format version 1.0) written without NumPy: a 2-D uint8 array."""

from __future__ import annotations

_MAGIC = b"\x93NUMPY\x01\x00"


def npy_uint8(pixels: bytes, height: int, width: int) -> bytes:
    """A C-ordered ``(height, width)`` uint8 array holding ``pixels`` row by row."""
    if len(pixels) != height * width:
        raise ValueError(f"{len(pixels)} bytes do not make a {height}x{width} array")
    header = f"{{'descr': '|u1', 'fortran_order': False, 'shape': ({height}, {width}), }}"
    # The magic, the 2-byte length and the header (ended by a newline) fill a multiple of 64 bytes.
    pad = 64 - (len(_MAGIC) + 2 + len(header) + 1) % 64
    header_bytes = (header + " " * (pad % 64) + "\n").encode("latin-1")
    return _MAGIC + len(header_bytes).to_bytes(2, "little") + header_bytes + bytes(pixels)
