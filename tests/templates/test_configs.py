"""Every gallery template: its config validates and its sample task fills the preview offline."""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest

from labelcore.config import lookup, parse_config
from labelcore.templates import get_template, list_templates

NAMES = [info.name for info in list_templates()]

# What a data: URL fed to each media object tag must be: its MIME prefix and first bytes.
MEDIA = {
    "Image": ("image/", (b"<svg", b"\x89PNG", b"\xff\xd8")),
    "Audio": ("audio/", (b"RIFF",)),
    "Video": ("video/", (b"\x1a\x45\xdf\xa3",)),
    "Pdf": ("application/pdf", (b"%PDF",)),
}
_PATH_TOKEN = re.compile(r"\[(\{\{idx\}\}|\d+)\]|\.?([^.\[\]]+)")


def resolve(data: Any, value: str) -> list[Any]:
    """Every value a ``$path`` reads from task data (``{{idx}}`` fans out over a list)."""
    path = value[1:]
    if isinstance(data, dict) and path in data:
        return [data[path]]
    found = [data]
    for index, key in _PATH_TOKEN.findall(path):
        step = []
        for item in found:
            if index == "{{idx}}" and isinstance(item, list):
                step.extend(item)
            elif index and isinstance(item, list) and int(index) < len(item):
                step.append(item[int(index)])
            elif key and isinstance(item, dict) and key in item:
                step.append(item[key])
        found = step
    return found


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def hotkeys(items) -> Iterator[str]:
    for item in items:
        if item.hotkey:
            yield item.hotkey
        yield from hotkeys(item.children)


def test_resolve_reads_dotted_and_repeated_paths():
    data = {"a.b": 1, "m": {"url": "x"}, "items": [{"u": 1}, {"u": 2}]}
    assert resolve(data, "$a.b") == [1]
    assert resolve(data, "$m.url") == ["x"]
    assert resolve(data, "$items[{{idx}}].u") == [1, 2]
    assert resolve(data, "$items[1].u") == [2]
    assert resolve(data, "$missing.key") == []


@pytest.mark.parametrize("name", NAMES)
def test_template_config_validates(name):
    template = get_template(name)
    cfg = parse_config(template.config, validate=True)
    assert cfg.objects, "a template must show some task data"
    assert cfg.controls, "a template must let the annotator label something"
    form = json.loads(json.dumps(cfg.to_json()))  # what the UI renders from must be plain JSON
    assert [c["name"] for c in form["controls"]] == list(cfg.controls)


@pytest.mark.parametrize("name", NAMES)
def test_sample_task_supplies_every_data_key(name):
    template = get_template(name)
    cfg = parse_config(template.config, validate=True)
    data = template.task["data"]
    for key in cfg.data_keys:
        assert resolve(data, "$" + key), f"{name}: sample task has no value for ${key}"
    for obj in cfg.objects.values():
        if obj.value and obj.value.startswith("$"):
            values = resolve(data, obj.value)
            assert values and all(v not in ("", None, [], {}) for v in values), (
                f"{name}: {obj.value} is empty"
            )


@pytest.mark.parametrize("name", NAMES)
def test_sample_media_are_inline_and_match_their_tag(name):
    template = get_template(name)
    cfg = parse_config(template.config, validate=True)
    data = template.task["data"]
    for obj in cfg.objects.values():
        expected = MEDIA.get(obj.tag)
        source = obj.value or obj.attrs.get("valueList")
        if expected is None or not source:
            continue
        mime, magic = expected
        for value in resolve(data, source):
            for url in [value] if isinstance(value, str) else value:
                head, _, payload = url.partition(",")
                assert head.startswith("data:" + mime) and head.endswith(";base64"), f"{name}: {head[:40]}"
                assert base64.b64decode(payload, validate=True).startswith(magic), f"{name}: {obj.name}"


@pytest.mark.parametrize("name", NAMES)
def test_template_works_offline(name):
    template = get_template(name)
    for text in [template.config, *strings(template.task)]:
        assert not re.search(r"(?i)\b(https?|ftp|s3|gs)://", text), f"{name} needs the network: {text[:60]}"


@pytest.mark.parametrize("name", NAMES)
def test_every_tag_and_attribute_is_label_studios(name):
    root = ET.fromstring(get_template(name).config)
    for element in root.iter():
        spec = lookup(element.tag)
        assert spec is not None, f"{name}: unknown tag <{element.tag}>"
        if spec.name == "Style":
            continue
        for attr in element.attrib:
            assert spec.attr(attr) is not None, (
                f"{name}: <{element.tag} {attr}> is not a Label Studio attribute"
            )


@pytest.mark.parametrize("name", NAMES)
def test_hotkeys_and_labels_are_unique(name):
    cfg = parse_config(get_template(name).config, validate=True)
    keys = [key for control in cfg.controls.values() for key in hotkeys(control.labels)]
    assert len(keys) == len(set(keys)), f"{name}: hotkeys collide: {keys}"
    for control in cfg.controls.values():
        values = [item.value for item in control.labels]
        assert len(values) == len(set(values)), f"{name}: {control.name} repeats a label"


@pytest.mark.parametrize("name", NAMES)
def test_time_series_channels_have_sample_columns(name):
    template = get_template(name)
    root = ET.fromstring(template.config)
    for series in root.iter("TimeSeries"):
        (columns,) = resolve(template.task["data"], series.get("value"))
        wanted = [series.get("timeColumn")] + [c.get("column") for c in series.iter("Channel")]
        lengths = {len(columns[c]) for c in wanted if c}
        assert len(lengths) == 1, f"{name}: channel columns differ in length or are missing"


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_items_have_their_keys(name):
    template = get_template(name)
    cfg = parse_config(template.config, validate=True)
    for obj in cfg.objects.values():
        if obj.tag != "Paragraphs":
            continue
        (items,) = resolve(template.task["data"], obj.value)
        name_key, text_key = obj.attrs.get("nameKey", "author"), obj.attrs.get("textKey", "text")
        assert items and all(isinstance(i.get(name_key), str) and i.get(text_key) for i in items)
