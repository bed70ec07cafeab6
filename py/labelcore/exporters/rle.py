"""Label Studio's brush RLE: decode the packed RGBA bytes, keep the alpha channel as the mask.

The stream is big-endian bits: a 32-bit value count, a 5-bit word size (minus one), four 4-bit
run-length field sizes (minus one); then blocks until the count is reached. Each block is one flag
bit, a 2-bit index into the field sizes and a length (minus one) of that many bits; flag 1 is a
run of one word repeated, flag 0 that many literal words.
"""

from __future__ import annotations

from labelcore.errors import DataError


class _Bits:
    __slots__ = ("_value", "_left")

    def __init__(self, data: bytes) -> None:
        self._value = int.from_bytes(data, "big")
        self._left = len(data) * 8

    def take(self, n: int) -> int:
        if n > self._left:
            raise EOFError
        self._left -= n
        return (self._value >> self._left) & ((1 << n) - 1)


def decode_rle(rle: list[int] | bytes, where: dict | None = None) -> bytes:
    """Every decoded value (RGBA interleaved for a brush mask) as bytes (words above 8 bits are clipped)."""
    try:
        bits = _Bits(bytes(rle))
    except (TypeError, ValueError):
        raise DataError("brush 'rle' must be a list of integers 0-255", where) from None
    try:
        count = bits.take(32)
        word = bits.take(5) + 1
        sizes = [bits.take(4) + 1 for _ in range(4)]
        out = bytearray(count)
        i = 0
        while i < count:
            repeat = bits.take(1)
            length = bits.take(sizes[bits.take(2)]) + 1
            end = min(i + length, count)
            if repeat:
                value = bits.take(word) & 0xFF
                if value:
                    out[i:end] = bytes((value,)) * (end - i)
                i = end
            else:
                while i < end:
                    out[i] = bits.take(word) & 0xFF
                    i += 1
    except EOFError:
        raise DataError("brush 'rle' ends before all its values are decoded", where) from None
    return bytes(out)


def alpha_mask(rle: list[int], width: int, height: int, where: dict | None = None) -> bytes:
    """The mask (one byte per pixel, row-major, height x width) held in the RLE's alpha channel."""
    rgba = decode_rle(rle, where)
    if len(rgba) != width * height * 4:
        raise DataError(
            f"brush mask holds {len(rgba)} values but the image is {width}x{height} "
            f"(expected {width * height * 4} RGBA values)",
            where,
        )
    return rgba[3::4]
