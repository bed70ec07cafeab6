"""Outer contours of a binary mask, as OpenCV's ``findContours(RETR_EXTERNAL, CHAIN_APPROX_SIMPLE)``
finds them (Suzuki & Abe's border following), in pure Python, plus their bounding box and area.

The mask is padded with one row/column of background, scanned row by row; each outer border met
outside every other component is followed counter-clockwise on screen (direction codes 0..7:
right, up-right, up, ..., down-right) and kept as the pixels where the direction changes.
Pixels on a followed border are marked (negative when the scan leaves the component there), so
the scan knows whether it is inside a component when it meets another border.
"""

from __future__ import annotations

Point = tuple[int, int]
_DX = (1, 1, 0, -1, -1, -1, 0, 1)
_DY = (0, -1, -1, -1, 0, 1, 1, 1)
_MARK = 2  # any value other than 0 and 1; negative: the border's right side was seen


def find_external_contours(mask: bytes | bytearray, width: int, height: int) -> list[list[Point]]:
    """The outer contours of the nonzero pixels of a ``width`` x ``height`` row-major mask, in
    OpenCV's order (the last one found first)."""
    step = width + 2
    img = [0] * (step * (height + 2))
    for y in range(height):
        row = mask[y * width : (y + 1) * width]
        base = (y + 1) * step + 1
        img[base : base + width] = [1 if v else 0 for v in row]
    deltas = [1, 1 - step, -step, -step - 1, -1, step - 1, step, step + 1] * 2
    found: list[list[Point]] = []
    for y in range(1, height + 1):
        row_start = y * step
        lnbd = row_start  # the last marked border pixel to the left (column 0: outside)
        prev = 0
        for x in range(1, width + 1):
            i = row_start + x
            p = img[i]
            if p != prev:
                if prev == 0 and p == 1 and img[lnbd] <= 0:  # a new outer border, outside others
                    found.append(_follow(img, i, (x - 1, y - 1), deltas))
                    p = img[i]
                # any other change (a hole border, a border inside a component) is skipped
            prev = p
            if p & -2:
                lnbd = i
    found.reverse()
    return found


def _follow(img: list[int], i0: int, pt: Point, deltas: list[int]) -> list[Point]:
    """Follow the outer border starting at pixel ``i0`` (at ``pt``), marking it; its corners."""
    s = 4
    while True:  # clockwise from the left neighbour (background) to the first component pixel
        s = (s - 1) & 7
        i1 = i0 + deltas[s]
        if img[i1] != 0 or s == 4:
            break
    if s == 4:  # a lone pixel
        img[i0] = -_MARK
        return [pt]
    points: list[Point] = []
    x, y = pt
    i3 = i0
    prev_s = s ^ 4
    while True:
        s_end = s
        while True:  # counter-clockwise from the pixel we came from to the next border pixel
            s += 1
            i4 = i3 + deltas[s]
            if img[i4] != 0:
                break
        s &= 7
        if 0 < s <= s_end:  # the search passed direction 0 (the right neighbour is background)
            img[i3] = -_MARK
        elif img[i3] == 1:
            img[i3] = _MARK
        if s != prev_s:
            points.append((x, y))
        prev_s = s
        x += _DX[s]
        y += _DY[s]
        if i4 == i0 and i3 == i1:
            return points
        i3 = i4
        s = (s + 4) & 7


def bounding_rect(points: list[Point]) -> list[int]:
    """``[x, y, w, h]`` of the pixels (both ends included), as OpenCV's ``boundingRect``."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return [min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1]


def contour_area(points: list[tuple[float, float]]) -> float:
    """The polygon's area (shoelace), as OpenCV's ``contourArea``."""
    total = 0.0
    px, py = points[-1]
    for x, y in points:
        total += px * y - py * x
        px, py = x, y
    return abs(total * 0.5)
