"""One ``value`` model per Label Studio result type, registered by type name.

``VALUES["rectanglelabels"]`` is the model of a rectanglelabels result's
``value``; ``LABEL_FIELDS["rectanglelabels"]`` names the key in it that holds
label values checked against the config (``"rectanglelabels"``; ``"labels"``
for videorectangle). Shapes follow Label Studio's JSON (``ls-format.md``):
geometry in percent of the original size, text offsets in UTF-16 code units.
"""

from __future__ import annotations

from typing import Literal

from labelcore.model.base import Bool, Int, LSModel, Num, NumOrStr

VALUES: dict[str, type[LSModel]] = {}
LABEL_FIELDS: dict[str, str] = {}


def value_type(name: str, labels_field: str | None = None):
    """Register a value model as the value of results of type ``name``."""

    def register(cls: type[LSModel]) -> type[LSModel]:
        VALUES[name] = cls
        field = labels_field or (name if name in cls.model_fields else None)
        if field:
            LABEL_FIELDS[name] = field
        return cls

    return register


# -- text-like spans --------------------------------------------------------------------------


@value_type("labels")
class LabelsValue(LSModel):
    """A span of Text (UTF-16 offsets, end exclusive) or of Audio (seconds)."""

    start: Num
    end: Num
    text: str | None = None
    channel: Int | None = None
    labels: list[str]


class GlobalOffsets(LSModel):
    start: Int
    end: Int


@value_type("hypertextlabels")
class HyperTextLabelsValue(LSModel):
    start: str
    end: str
    startOffset: Int
    endOffset: Int
    globalOffsets: GlobalOffsets | None = None
    text: str | None = None
    hypertextlabels: list[str]


@value_type("paragraphlabels")
class ParagraphLabelsValue(LSModel):
    start: NumOrStr
    end: NumOrStr
    startOffset: Int
    endOffset: Int
    text: str | None = None
    paragraphlabels: list[str]


@value_type("timeserieslabels")
class TimeSeriesLabelsValue(LSModel):
    start: NumOrStr
    end: NumOrStr
    instant: Bool | None = None
    timeserieslabels: list[str]


class FrameRange(LSModel):
    start: Num
    end: Num


@value_type("timelinelabels")
class TimelineLabelsValue(LSModel):
    ranges: list[FrameRange]
    timelinelabels: list[str]


# -- classification ------------------------------------------------------------------------------


@value_type("choices")
class ChoicesValue(LSModel):
    choices: list[str | list[str]]


@value_type("taxonomy")
class TaxonomyValue(LSModel):
    taxonomy: list[list[str]]


@value_type("textarea")
class TextAreaValue(LSModel):
    text: list[str] | str


@value_type("rating")
class RatingValue(LSModel):
    rating: Num


@value_type("number")
class NumberValue(LSModel):
    number: Num


@value_type("datetime")
class DateTimeValue(LSModel):
    datetime: str


@value_type("ranker")
class RankerValue(LSModel):
    ranker: dict[str, list[str]]


@value_type("pairwise")
class PairwiseValue(LSModel):
    selected: Literal["left", "right"]


# -- image regions ------------------------------------------------------------------------------


@value_type("rectangle")
class RectangleValue(LSModel):
    x: Num
    y: Num
    width: Num
    height: Num
    rotation: Num | None = None


@value_type("rectanglelabels")
class RectangleLabelsValue(RectangleValue):
    rectanglelabels: list[str]


@value_type("polygon")
class PolygonValue(LSModel):
    points: list[tuple[Num, Num]]
    closed: Bool | None = None


@value_type("polygonlabels")
class PolygonLabelsValue(PolygonValue):
    polygonlabels: list[str]


@value_type("ellipse")
class EllipseValue(LSModel):
    x: Num
    y: Num
    radiusX: Num
    radiusY: Num
    rotation: Num | None = None


@value_type("ellipselabels")
class EllipseLabelsValue(EllipseValue):
    ellipselabels: list[str]


@value_type("keypoint")
class KeyPointValue(LSModel):
    x: Num
    y: Num
    width: Num | None = None


@value_type("keypointlabels")
class KeyPointLabelsValue(KeyPointValue):
    keypointlabels: list[str]


@value_type("brush")
class BrushValue(LSModel):
    """A mask packed as RGBA image data, run-length encoded (``format: "rle"``)."""

    format: Literal["rle"]
    rle: list[Int]


@value_type("brushlabels")
class BrushLabelsValue(BrushValue):
    brushlabels: list[str]


# -- video --------------------------------------------------------------------------------------


class VideoFrame(LSModel):
    frame: Int
    time: Num | None = None
    x: Num
    y: Num
    width: Num
    height: Num
    rotation: Num | None = None
    enabled: Bool | None = None


@value_type("videorectangle", labels_field="labels")
class VideoRectangleValue(LSModel):
    framesCount: Int | None = None
    duration: Num | None = None
    sequence: list[VideoFrame]
    labels: list[str] | None = None
