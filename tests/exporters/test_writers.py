"""The binary pieces: RLE decode, .npy and PNG writers, image headers, the Treebank tokenizer."""

from __future__ import annotations

import ast
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labelcore.errors import DataError
from labelcore.exporters.conll2003 import tag_tokens, utf16_to_index
from labelcore.exporters.media import sniff_size
from labelcore.exporters.npy import npy_uint8
from labelcore.exporters.png import png_grey
from labelcore.exporters.rle import alpha_mask, decode_rle
from labelcore.exporters.treebank import span_tokenize, tokenize


def encode(values: bytes) -> list[int]:
    """A plain encoder for tests: literal blocks of up to 8 values (field sizes 3, 4, 8, 16)."""
    bits = f"{len(values):032b}{7:05b}" + "".join(f"{s - 1:04b}" for s in (3, 4, 8, 16))
    for i in range(0, len(values), 8):
        chunk = values[i : i + 8]
        bits += "0" + "00" + f"{len(chunk) - 1:03b}" + "".join(f"{v:08b}" for v in chunk)
    bits += "0" * (-len(bits) % 8)
    return [int(bits[i : i + 8], 2) for i in range(0, len(bits), 8)]


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=0, max_size=200))
def test_rle_decodes_what_was_encoded(values: bytes) -> None:
    assert decode_rle(encode(values)) == values


def test_rle_runs_and_alpha() -> None:
    # 8 RGBA values: one run of 4 x 9, then a literal block of 0,0,0,255
    bits = f"{8:032b}{7:05b}" + "0010" + "0011" + "0111" + "1111"
    bits += "1" + "00" + "011" + f"{9:08b}" + "0" + "00" + "011" + "".join(f"{v:08b}" for v in (0, 0, 0, 255))
    bits += "0" * (-len(bits) % 8)
    rle = [int(bits[i : i + 8], 2) for i in range(0, len(bits), 8)]
    assert decode_rle(rle) == bytes([9, 9, 9, 9, 0, 0, 0, 255])
    assert alpha_mask(rle, 2, 1) == bytes([9, 255])
    with pytest.raises(DataError, match="image is 3x1"):
        alpha_mask(rle, 3, 1)


def test_npy_header_and_data() -> None:
    data = npy_uint8(bytes(range(6)), 2, 3)
    assert data[:8] == b"\x93NUMPY\x01\x00"
    header_len = struct.unpack("<H", data[8:10])[0]
    assert (10 + header_len) % 64 == 0
    header = ast.literal_eval(data[10 : 10 + header_len].decode("latin-1"))
    assert header == {"descr": "|u1", "fortran_order": False, "shape": (2, 3)}
    assert data[10 + header_len :] == bytes(range(6))


def test_png_rows_round_trip() -> None:
    png = png_grey(bytes([0, 255, 7, 8, 9, 10]), 2, 3)
    assert sniff_size(png) == (3, 2)
    ihdr_len = struct.unpack(">I", png[8:12])[0]
    idat_at = 8 + 12 + ihdr_len
    idat_len = struct.unpack(">I", png[idat_at : idat_at + 4])[0]
    raw = zlib.decompress(png[idat_at + 8 : idat_at + 8 + idat_len])
    assert raw == b"\x00\x00\xff\x07\x00\x08\x09\x0a"


def test_image_headers() -> None:
    gif = b"GIF89a" + struct.pack("<HH", 33, 44) + b"\x00" * 10
    jpeg = (
        b"\xff\xd8"
        + b"\xff\xe0\x00\x04ab"
        + b"\xff\xc0\x00\x11\x08"
        + struct.pack(">HH", 480, 640)
        + b"\x00" * 12
    )
    assert sniff_size(gif) == (33, 44)
    assert sniff_size(jpeg) == (640, 480)
    assert sniff_size(b"not an image") is None


@pytest.mark.parametrize(
    "text,tokens",
    [
        ("They'll save and invest more.", ["They", "'ll", "save", "and", "invest", "more", "."]),
        ("hi, my name can't hello,", ["hi", ",", "my", "name", "ca", "n't", "hello", ","]),
        (
            'She said "yes" (twice) -- a/b!',
            ["She", "said", "``", "yes", "''", "(", "twice", ")", "--", "a", "/", "b", "!"],
        ),
    ],
)
def test_treebank_tokens(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens
    assert all(text[a:b] for a, b in span_tokenize(text))


def test_utf16_offsets_become_characters() -> None:
    text = "😀 Paris"
    to_index = utf16_to_index(text)
    assert text[to_index(3) : to_index(8)] == "Paris"
    tags = tag_tokens(text, [{"start": 3, "end": 8, "labels": ["LOC"]}])
    assert tags == [("😀", "O"), ("Paris", "B-LOC")]
