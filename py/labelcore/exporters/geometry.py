"""Percent coordinates (Label Studio's) to pixels, rotated boxes, polygon areas."""

from __future__ import annotations

import math
from typing import Any

Point = tuple[float, float]


def box_corners_px(value: dict[str, Any], width: float, height: float) -> list[Point]:
    """The four corners (top-left, top-right, bottom-right, bottom-left) of a box in pixels,
    rotated by ``rotation`` degrees (clockwise on screen) about its top-left corner."""
    x = value["x"] / 100 * width
    y = value["y"] / 100 * height
    w = value["width"] / 100 * width
    h = value["height"] / 100 * height
    rotation = value.get("rotation")
    if rotation:
        angle = math.radians(rotation)
        cos, sin = math.cos(angle), math.sin(angle)
    else:  # what cos(0) and sin(0) give, without the calls
        cos, sin = 1.0, 0.0
    return [
        (x, y),
        (x + w * cos, y + w * sin),
        (x + w * cos - h * sin, y + w * sin + h * cos),
        (x - h * sin, y + h * cos),
    ]


def box_bounds_px(value: dict[str, Any], width: float, height: float) -> tuple[float, float, float, float]:
    """``x, y, w, h`` in pixels of the axis-aligned box around a (possibly rotated) box."""
    if not value.get("rotation"):
        return (
            value["x"] / 100 * width,
            value["y"] / 100 * height,
            value["width"] / 100 * width,
            value["height"] / 100 * height,
        )
    corners = box_corners_px(value, width, height)
    xs = [c[0] for c in corners]
    ys = [c[1] for c in corners]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


_NUMBER = (int, float)


def has_box(value: dict[str, Any]) -> bool:
    get = value.get
    return (
        isinstance(get("x"), _NUMBER)
        and isinstance(get("y"), _NUMBER)
        and isinstance(get("width"), _NUMBER)
        and isinstance(get("height"), _NUMBER)
    )


def polygon_px(points: list[list[float]], width: float, height: float) -> list[Point]:
    return [(px / 100 * width, py / 100 * height) for px, py in points]


def polygon_area(points: list[Point]) -> float:
    """The shoelace area of a closed polygon."""
    total = 0.0
    n = len(points)
    for i in range(n):
        x1, y1 = points[i - 1]
        x2, y2 = points[i]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def bounds(points: list[Point]) -> list[float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return [min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)]
