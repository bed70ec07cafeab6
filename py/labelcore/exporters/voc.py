"""VOC: one Pascal VOC ``Annotations/<image>.xml`` per annotated image, integer pixel boxes."""

from __future__ import annotations

import posixpath
from typing import Any
from xml.sax.saxutils import escape

from labelcore.exporters.geometry import box_bounds_px, has_box
from labelcore.exporters.media import MediaFiles, image_size, stem
from labelcore.exporters.options import ExportOptions
from labelcore.exporters.records import ConfigView, Record, records
from labelcore.exporters.registry import Files, needs, register_format

BOX_KEYS = ("rectanglelabels", "labels")


def _element(tag: str, children: list[str] | str) -> str:
    if isinstance(children, str):
        return f"<{tag}>{escape(children)}</{tag}>\n"
    return f"<{tag}>\n" + "".join(children) + f"</{tag}>\n"


def _objects(record: Record, width: float, height: float) -> list[str]:
    out = []
    for value in record.values():
        name = next((value[k][0] for k in BOX_KEYS if value.get(k)), None)
        if name is None or not has_box(value):
            continue
        x, y, w, h = box_bounds_px(value, width, height)
        xmin, ymin = int(x), int(y)
        box = [
            _element("xmin", str(xmin)),
            _element("ymin", str(ymin)),
            _element("xmax", str(xmin + int(w))),
            _element("ymax", str(ymin + int(h))),
        ]
        out.append(
            _element(
                "object",
                [
                    _element("name", name),
                    _element("pose", "Unspecified"),
                    _element("truncated", "0"),
                    _element("difficult", "0"),
                    _element("bndbox", box),
                ],
            )
        )
    return out


def _document(record: Record, image_name: str, width: Any, height: Any) -> str:
    source = [
        _element("database", "MyDatabase"),
        _element("annotation", "COCO2017"),
        _element("image", "flickr"),
        _element("flickrid", "NULL"),
        _element("annotator", str(record.annotator(default=""))),
    ]
    size = [_element("width", str(width)), _element("height", str(height)), _element("depth", "3")]
    body = [
        _element("folder", "images"),
        _element("filename", image_name),
        _element("source", source),
        _element("owner", [_element("flickrid", "NULL"), _element("name", "Labelcore")]),
        _element("size", size),
        _element("segmented", "0"),
    ] + _objects(record, width, height)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + _element("annotation", body)


@register_format(
    "VOC",
    title="Pascal VOC XML",
    description="One Pascal VOC XML per image with integer pixel boxes (rotated boxes as their "
    "axis-aligned bounds); the newest annotation of each task.",
    needs=needs(({"Image"}, {"RectangleLabels"}), ({"Image"}, {"Rectangle", "Labels"})),
    multi_image=False,
    writes="Annotations/*.xml",
)
def export(tasks: list[dict[str, Any]], config: Any, options: ExportOptions) -> Files:
    view = ConfigView(config)
    key = view.first_key("Image")
    names = MediaFiles("images", options)
    out: Files = {}
    done: set[int] = set()
    for record in records(tasks, config, options, view):
        if not record.outputs or record.index in done:
            continue
        ref = record.data.get(key)
        sized = next((v for v in record.values() if "original_width" in v and "original_height" in v), None)
        size = (sized["original_width"], sized["original_height"]) if sized else image_size(ref, options)
        if size is None:
            continue
        done.add(record.index)
        image_name = posixpath.basename(names.path_for(ref))
        xml = _document(record, image_name, *size)
        out[f"Annotations/{stem(image_name)}.xml"] = xml.encode("utf-8")
    return out
