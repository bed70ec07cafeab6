"""The pure-Python contour tracer of BRUSH_TO_COCO: known shapes, and OpenCV (when importable) on
random masks: the same contours in the same order, the same boxes and areas."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labelcore.exporters.contours import bounding_rect, contour_area, find_external_contours


def grid(rows: list[str]) -> tuple[bytes, int, int]:
    return bytes(255 if c == "#" else 0 for row in rows for c in row), len(rows[0]), len(rows)


def test_square_ring_and_what_its_hole_holds() -> None:
    mask, w, h = grid([".......", ".####..", ".#..#..", ".#.##..", ".####..", "......#"])
    # the ring's corners counter-clockwise on screen from its top-left (the blob in its hole
    # touches it: one part); the lone pixel, found last, comes first
    assert find_external_contours(mask, w, h) == [[(6, 5)], [(1, 1), (1, 4), (4, 4), (4, 1)]]
    ring = find_external_contours(mask, w, h)[1]
    assert bounding_rect(ring) == [1, 1, 4, 4]
    assert contour_area(ring) == 9.0


def test_a_part_inside_a_hole_is_not_an_outer_contour() -> None:
    mask, w, h = grid(["#####", "#...#", "#.#.#", "#...#", "#####"])
    assert find_external_contours(mask, w, h) == [[(0, 0), (0, 4), (4, 4), (4, 0)]]


def test_empty_and_full_masks() -> None:
    assert find_external_contours(bytes(6), 3, 2) == []
    assert find_external_contours(b"\x01" * 6, 3, 2) == [[(0, 0), (0, 1), (2, 1), (2, 0)]]


@st.composite
def masks(draw: Any) -> tuple[bytes, int, int]:
    w, h = draw(st.integers(1, 14)), draw(st.integers(1, 10))
    density = draw(st.sampled_from([0.2, 0.5, 0.8]))
    bits = draw(st.lists(st.floats(0, 1), min_size=w * h, max_size=w * h))
    return bytes(255 if b < density else 0 for b in bits), w, h


@settings(max_examples=150, deadline=None)
@given(masks())
def test_same_as_opencv(case: tuple[bytes, int, int]) -> None:
    cv2 = pytest.importorskip("cv2")
    import numpy  # noqa: PLC0415 - comes with OpenCV

    mask, w, h = case
    found, _ = cv2.findContours(
        numpy.frombuffer(mask, numpy.uint8).reshape(h, w).copy(), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE
    )
    ours = find_external_contours(mask, w, h)
    assert ours == [[(int(p[0][0]), int(p[0][1])) for p in c] for c in found]
    for contour, theirs in zip(ours, found):
        assert bounding_rect(contour) == list(cv2.boundingRect(theirs))
        assert contour_area(contour) == cv2.contourArea(theirs)
