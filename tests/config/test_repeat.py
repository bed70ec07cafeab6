"""Repeater names: the names Label Studio gives repeated items ("lang_3" of "lang_{{idx}}"), how the
config's references and result schemas match them, and how to find the schema of such an item."""

from __future__ import annotations

import json

import pytest

from labelcore.config import check_config, parse_config
from labelcore.config.repeat import Repeats, fill, name_pattern, repeated_tags, resolve_ref
from labelcore.config.schema import schema_for, schemas

jsonschema = pytest.importorskip("jsonschema")

XML = """<View>
  <Repeater on="$items" indexFlag="{{idx}}">
    <Text name="text_{{idx}}" value="$items[{{idx}}].text"/>
    <Choices name="lang_{{idx}}" toName="text_{{idx}}"><Choice value="en"/><Choice value="fr"/></Choices>
    <Labels name="label_{{idx}}" toName="text_{{idx}}"><Label value="PER"/></Labels>
  </Repeater>
  <Choices name="lang" toName="text_0"><Choice value="en"/></Choices>
</View>"""


def test_an_index_is_written_as_label_studio_writes_it():
    pattern = name_pattern("lang_{{idx}}", "{{idx}}")
    assert [
        n
        for n in ("lang_0", "lang_7", "lang_12", "lang_01", "lang_", "lang_\u0663", "lang_1x", "xlang_1")
        if pattern.fullmatch(n)
    ] == ["lang_0", "lang_7", "lang_12"]
    assert name_pattern("lang", "{{idx}}") is None
    # two flags, and one flag written twice (the same index twice)
    two = name_pattern("p_{{d}}_{{p}}", ["{{d}}", "{{p}}"])
    assert two.fullmatch("p_1_20") and not two.fullmatch("p_1")
    twice = name_pattern("a{{idx}}b{{idx}}", "{{idx}}")
    assert twice.fullmatch("a3b3") and not twice.fullmatch("a3b4")
    assert fill("p_{{d}}_{{p}}", {"{{d}}": 1, "{{p}}": 0}) == "p_1_0"


def test_repeated_tags_know_their_repeaters_outermost_first():
    cfg = parse_config("""<View><Repeater on="$docs" indexFlag="{{d}}">
      <Repeater on="$docs[{{d}}].pages" indexFlag="{{p}}"><Text name="page_{{d}}_{{p}}" value="$docs[{{d}}].pages[{{p}}]"/>
      </Repeater><Text name="title_{{d}}" value="$docs[{{d}}].title"/></Repeater><Text name="x" value="$x"/></View>""")
    tags = repeated_tags(cfg)
    assert list(tags) == ["page_{{d}}_{{p}}", "title_{{d}}"]
    assert [(lv.flag, lv.on) for lv in tags["page_{{d}}_{{p}}"].levels] == [
        ("{{d}}", "$docs"),
        ("{{p}}", "$docs[{{d}}].pages"),
    ]
    assert tags["page_{{d}}_{{p}}"].match("page_1_0") == {"{{d}}": 1, "{{p}}": 0}
    data = {"docs": [{"pages": ["a"], "title": "A"}, {"pages": ["b", "c"], "title": "B"}]}
    repeats = Repeats(cfg)
    assert repeats.absent(*repeats.find("page_1_1"), data) is None
    assert repeats.absent(*repeats.find("page_0_1"), data) == (
        "<Repeater on='$docs[{{d}}].pages'> (here '$docs[0].pages') has 1 item (0 to 0) in this task"
    )
    assert (
        repeats.absent(*repeats.find("title_2"), data)
        == "<Repeater on='$docs'> has 2 items (0 to 1) in this task"
    )
    assert repeats.find("x") is None and repeats.find("page_1_1", "control") is None
    assert check_config(XML).every == []


def test_resolve_ref_reads_flat_nested_and_indexed_keys():
    data = {"doc.pages": [1], "doc": {"pages": [1, 2]}, "items": [{"subs": ["a"]}]}
    assert resolve_ref(data, "$doc.pages") == (True, [1])
    assert resolve_ref({"doc": {"pages": [1, 2]}}, "$doc.pages") == (True, [1, 2])
    assert resolve_ref(data, "$items[0].subs") == (True, ["a"])
    assert resolve_ref(data, "$items[1].subs") == (False, None)
    assert resolve_ref(data, "$nothing") == (False, None)


def test_schema_of_a_repeated_control_validates_its_items():
    found = schemas(parse_config(XML))
    schema = schema_for(found, {"from_name": "lang_3"})
    assert schema is found["results"]["lang_{{idx}}"]
    jsonschema.Draft202012Validator.check_schema(schema)
    item = {
        "value": {"choices": ["fr"]},
        "id": "a",
        "from_name": "lang_3",
        "to_name": "text_3",
        "type": "choices",
        "origin": "manual",
    }
    jsonschema.validate(item, schema)
    for bad in ({"from_name": "lang_03"}, {"to_name": "text_x"}, {"value": {"choices": ["de"]}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**item, **bad}, schema)
    # the names as written: a control outside the Repeater by its name, a relation by its type
    assert schema_for(found, {"from_name": "lang"}) is found["results"]["lang"]
    assert schema_for(found, {"type": "relation", "from_id": "a", "to_id": "b"}) is found["relation"]
    assert schema_for(found, {"from_name": "label_0"})["title"] == "result of <Labels name='label_{{idx}}'>"
    # no control writes these: the template as written, another spelling of the index, unknown names
    for name in ("lang_{{idx}}", "lang_01", "lang_", "nope", None):
        assert schema_for(found, {"from_name": name}) is None
    # the same over the JSON form the bridge returns
    as_json = json.loads(json.dumps(found))
    assert schema_for(as_json, {"from_name": "label_12"}) == found["results"]["label_{{idx}}"]


def test_references_to_items_that_no_repeater_can_name_are_errors_with_their_place():
    xml = XML.replace('<Choices name="lang" toName="text_0">', '<Choices name="lang"\n    toName="text_01">')
    [error] = check_config(xml).errors
    assert error.extra["kind"] == "unknown-toname" and error.where == {"line": 8, "col": 5}
    assert error.message.startswith("<Choices name='lang'> toName 'text_01' names no object tag")
    nested = """<View><Repeater on="$docs" indexFlag="{{d}}">
  <Repeater on="$docs[{{d}}].pages" indexFlag="{{p}}"><Text name="page_{{d}}_{{p}}" value="$docs[{{d}}].pages[{{p}}]"/>
  </Repeater></Repeater>
<Choices name="first" toName="page_0_0"><Choice value="y"/></Choices>
<Choices name="bad" toName="page_0"><Choice value="y"/></Choices></View>"""
    [error] = check_config(nested).errors
    assert error.extra["kind"] == "unknown-toname" and error.where == {"line": 5, "col": 21}
    assert "toName 'page_0' names no object tag" in error.message
