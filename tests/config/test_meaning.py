"""What the parsed config says a config means, so the UI never re-derives it: value keys,
drawable tags, parsed ``$key`` references, Repeater name patterns, the form's version."""

import re

import pytest

from labelcore.config import TAGS, parse_config
from labelcore.config.model import PARSED_VERSION
from labelcore.config.refs import parse_value, read
from labelcore.model.values import LABEL_FIELDS

IMAGE = (
    '<View><Image name="img" value="$image"/>'
    '<RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels>'
    '<Rectangle name="plain" toName="img"/>'
    '<Choices name="c" toName="img"><Choice value="A"/></Choices>'
    '<TextArea name="t" toName="img"/><Rating name="r" toName="img"/></View>'
)


def test_each_control_carries_its_result_type_and_value_key():
    controls = {c["name"]: c for c in parse_config(IMAGE).to_json()["controls"]}
    assert {n: (c["type"], c["value_key"]) for n, c in controls.items()} == {
        "box": ("rectanglelabels", "rectanglelabels"),
        "plain": ("rectangle", None),
        "c": ("choices", "choices"),
        "t": ("textarea", "text"),
        "r": ("rating", "rating"),
    }


@pytest.mark.parametrize("tag", sorted(n for n, s in TAGS.items() if s.kind == "control"))
def test_value_keys_agree_with_the_result_value_models(tag):
    spec = TAGS[tag]
    if spec.result_type in LABEL_FIELDS:
        assert spec.value_key == LABEL_FIELDS[spec.result_type]


def test_the_version_and_what_cannot_be_drawn():
    form = parse_config(
        '<View><Header value="Listen"/><Audio name="a" value="$audio"/>'
        '<Labels name="l" toName="a"><Label value="Speech"/></Labels>'
        '<Video name="v" value="$video"/><Audio name="b" value="$b"/></View>'
    ).to_json()
    assert form["version"] == PARSED_VERSION
    assert form["cannot_draw"] == ["Audio", "Video"]
    assert [(o["name"], o["drawable"]) for o in form["objects"]] == [("a", False), ("v", False), ("b", False)]
    assert parse_config(IMAGE).to_json()["cannot_draw"] == []


def test_values_carry_their_parsed_references():
    form = parse_config(
        '<View><Header value="Page $n of $doc.total"/><Text name="t" value="$text"/>'
        '<Image name="i" value="$a.b"/><Choices name="c" toName="t" value="$options"/></View>'
    ).to_json()
    header = form["layout"]["children"][0]
    assert header["refs"] == {
        "value": {
            "parts": [
                "Page ",
                {"ref": [["n"]], "text": "$n"},
                " of ",
                {"ref": [["doc.total"], ["doc", "total"]], "text": "$doc.total"},
            ]
        }
    }
    objects = {o["name"]: o for o in form["objects"]}
    assert objects["t"]["refs"] == {"value": {"ref": [["text"]]}}
    assert objects["i"]["refs"] == {"value": {"ref": [["a.b"], ["a", "b"]]}}
    assert form["controls"][0]["refs"] == {"value": {"ref": [["options"]]}}
    assert form["layout"]["children"][1]["refs"] == objects["t"]["refs"]


def test_reference_grammar():
    assert parse_value("$items[2].url") == {"ref": [["items[2].url"], ["items", 2, "url"]]}
    assert parse_value("$pages[{{idx}}].url", ["{{idx}}"]) == {
        "ref": [["pages[{{idx}}].url"], ["pages", "{{idx}}", "url"]]
    }
    assert parse_value("$q_{{i}}", ["{{i}}"]) == {"ref": [["q_{{i}}"]]}
    assert parse_value("plain text") is None
    assert parse_value("costs $") is None


def test_a_flat_dotted_key_wins_over_nesting():
    assert read({"a.b": "flat", "a": {"b": "nested"}}, "$a.b") == (True, "flat")
    assert read({"a": {"b": "nested"}}, "$a.b") == (True, "nested")
    assert read({"items": [{"url": "u0"}, {"url": "u1"}]}, "$items[1].url") == (True, "u1")
    assert read({"items": [{"url": "u0"}]}, "$items[1].url") == (False, None)
    assert read({}, "$nothing") == (False, None)


def test_repeated_names_carry_their_pattern():
    form = parse_config(
        '<View><Repeater on="$pages" indexFlag="{{p}}"><Repeater on="$pages[{{p}}].lines">'
        '<Text name="line_{{p}}_{{idx}}" value="$pages[{{p}}].lines[{{idx}}]"/>'
        '<Choices name="ok_{{p}}_{{idx}}" toName="line_{{p}}_{{idx}}"><Choice value="y"/></Choices>'
        "</Repeater></Repeater></View>"
    ).to_json()
    by_name = {r["name"]: r for r in form["repeated"]}
    assert list(by_name) == ["line_{{p}}_{{idx}}", "ok_{{p}}_{{idx}}"]
    ok = by_name["ok_{{p}}_{{idx}}"]
    assert ok["levels"] == [
        {"on": "$pages", "flag": "{{p}}"},
        {"on": "$pages[{{p}}].lines", "flag": "{{idx}}"},
    ]
    assert ok["flags"] == ["{{p}}", "{{idx}}"]
    found = re.match(ok["pattern"], "ok_3_12")
    assert found and found.groups() == ("3", "12")
    assert re.match(ok["pattern"], "ok_03_1") is None
    text = next(o for o in form["objects"] if o["tag"] == "Text")
    assert text["refs"]["value"]["ref"][-1] == ["pages", "{{p}}", "lines", "{{idx}}"]
