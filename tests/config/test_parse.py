"""The parsed model: the interface other areas code against."""

import pytest

from labelcore.config import ControlTag, LabelConfig, LabelItem, ObjectTag, parse_config
from labelcore.config.build import PALETTE
from labelcore.config.tags import HOTKEY_ORDER

NER = """<View>
  <Labels name="label" toName="text">
    <Label value="PER" background="red"/>
    <Label value="ORG" hotkey="1"/>
    <Label value="LOC" alias="L" category="7" selected="true"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text" choice="multiple" showInline="true">
    <Choice value="Positive"/>
    <Choice value="Negative" hotkey="q"/>
  </Choices>
</View>"""


def test_objects_and_controls_by_name_in_document_order():
    cfg = parse_config(NER)
    assert isinstance(cfg, LabelConfig)
    assert list(cfg.objects) == ["text"] and list(cfg.controls) == ["label", "sentiment"]
    text = cfg.objects["text"]
    assert isinstance(text, ObjectTag)
    assert (text.tag, text.value, text.data_key, text.line, text.col) == ("Text", "$text", "text", 7, 3)
    label = cfg.controls["label"]
    assert isinstance(label, ControlTag)
    assert (label.tag, label.type, label.to_name, label.line, label.col) == (
        "Labels",
        "labels",
        ["text"],
        2,
        3,
    )
    assert cfg.data_keys == ["text"]


def test_label_items_with_colours_hotkeys_alias_category():
    cfg = parse_config(NER)
    per, org, loc = cfg.controls["label"].labels
    assert all(isinstance(i, LabelItem) for i in (per, org, loc))
    assert (per.value, per.background, per.hotkey) == ("PER", "red", "2")  # "1" is taken by ORG
    assert (org.background, org.hotkey) == (PALETTE[1], "1")
    assert (loc.alias, loc.category, loc.selected, loc.background, loc.hotkey) == (
        "L",
        7,
        True,
        PALETTE[2],
        "3",
    )
    positive, negative = cfg.controls["sentiment"].labels
    assert (positive.hotkey, negative.hotkey) == ("4", "q")
    assert per.children == []


def test_hotkeys_follow_label_studio_order_and_run_out():
    labels = "".join(f'<Label value="L{i}"/>' for i in range(40))
    cfg = parse_config(
        f'<View><Text name="t" value="$t"/><Labels name="l" toName="t">{labels}</Labels></View>'
    )
    keys = [item.hotkey for item in cfg.controls["l"].labels]
    assert "".join(keys[: len(HOTKEY_ORDER)]) == HOTKEY_ORDER
    assert keys[len(HOTKEY_ORDER) :] == [None] * (40 - len(HOTKEY_ORDER))
    assert [i.background for i in cfg.controls["l"].labels[: len(PALETTE) + 1]] == [*PALETTE, PALETTE[0]]


def test_attributes_are_typed_with_label_studio_defaults():
    cfg = parse_config(
        '<View><Image name="img" value="$image" zoom="TRUE" zoomBy="1.5"/>'
        '<RectangleLabels name="box" toName="img" strokeWidth="3"><Label value="Car"/></RectangleLabels>'
        '<Rating name="r" toName="img" maxRating="10"/></View>'
    )
    img = cfg.objects["img"].attrs
    assert img["zoom"] is True and img["zoomBy"] == 1.5 and img["maxWidth"] == "750px"
    assert img["defaultZoom"] == "fit" and img["rotateControl"] is False
    box = cfg.controls["box"].attrs
    assert (
        box["strokeWidth"] == 3
        and box["canRotate"] is True
        and box["opacity"] == 0.6
        and box["choice"] == "single"
    )
    assert cfg.controls["r"].attrs["maxRating"] == 10 and cfg.controls["r"].attrs["size"] == "medium"


def test_tag_and_attribute_names_match_case_insensitively_reported_in_ls_spelling():
    cfg = parse_config(
        '<view><image name="img" value="$image"/>'
        '<rectanglelabels name="b" toname="img" showInLine="false"><label value="A"/></rectanglelabels></view>'
    )
    assert cfg.objects["img"].tag == "Image"
    box = cfg.controls["b"]
    assert (box.tag, box.to_name, box.attrs["showInline"]) == ("RectangleLabels", ["img"], False)
    assert cfg.layout.tag == "View" and cfg.layout.children[1].tag == "RectangleLabels"


def test_data_keys_dotted_repeater_and_several_attributes():
    cfg = parse_config("""<View>
      <Header value="About $meta.title"/>
      <Image name="img" value="$meta.url"/>
      <Paragraphs name="dialog" value="$dialogue" audioUrl="$audio"/>
      <Repeater on="$images" indexFlag="{{idx}}">
        <Image name="image_{{idx}}" value="$images[{{idx}}].url"/>
        <Choices name="choice_{{idx}}" toName="image_{{idx}}"><Choice value="Good"/></Choices>
      </Repeater>
      <Image name="pages" valueList="$pages"/>
    </View>""")
    assert cfg.data_keys == ["meta.title", "meta.url", "dialogue", "audio", "images", "pages"]
    assert cfg.objects["img"].data_key == "meta.url"
    assert cfg.objects["image_{{idx}}"].data_key == "images"
    assert cfg.objects["pages"].data_key == "pages" and cfg.objects["pages"].value is None
    assert cfg.controls["choice_{{idx}}"].to_name == ["image_{{idx}}"]


def test_taxonomy_nested_choices():
    cfg = parse_config(
        '<View><Text name="t" value="$t"/><Taxonomy name="tax" toName="t">'
        '<Choice value="Animal"><Choice value="Cat"/><Choice value="Dog"><Choice value="Puppy"/></Choice>'
        '</Choice><Choice value="Plant"/></Taxonomy></View>'
    )
    animal, plant = cfg.controls["tax"].labels
    assert [c.value for c in animal.children] == ["Cat", "Dog"]
    assert animal.children[1].children[0].value == "Puppy"
    assert plant.children == [] and animal.hotkey is None
    assert cfg.controls["tax"].type == "taxonomy"


def test_labels_inside_view_wrappers_and_controls_without_labels():
    cfg = parse_config(
        '<View><Image name="i" value="$i"/><Choices name="c" toName="i">'
        '<View style="display:flex"><Choice value="A"/></View><Choice value="B"/></Choices>'
        '<TextArea name="ta" toName="i"/><Pairwise name="pw" toName="i,i"/></View>'
    )
    assert [i.value for i in cfg.controls["c"].labels] == ["A", "B"]
    assert cfg.controls["ta"].labels == [] and cfg.controls["ta"].type == "textarea"
    assert cfg.controls["pw"].to_name == ["i", "i"]


def test_control_without_to_name_labels_the_only_object():
    cfg = parse_config(
        '<View><Paragraphs name="dialog" value="$d"/><Rating name="score" maxRating="7"/></View>'
    )
    assert cfg.controls["score"].to_name == ["dialog"]


def test_header_text_content_is_its_value_and_style_keeps_css():
    cfg = parse_config(
        '<View><Style>.a { color: red }</Style><Header>Read $title</Header><Text name="t" value="$t"/></View>'
    )
    style, header, _ = cfg.layout.children
    assert style.text == ".a { color: red }"
    assert header.attrs["value"] == "Read $title"
    assert cfg.data_keys == ["title", "t"]


def test_to_json_is_plain_json_in_document_order():
    import json

    form = parse_config(NER).to_json()
    assert json.loads(json.dumps(form)) == form
    assert [c["name"] for c in form["controls"]] == ["label", "sentiment"]
    assert form["controls"][0]["labels"][0] == {
        "value": "PER",
        "alias": None,
        "background": "red",
        "hotkey": "2",
        "category": None,
        "selected": False,
        "attrs": {
            "aliasStyle": "opacity:0.6",
            "background": "red",
            "selected": False,
            "selectedColor": "#ffffff",
            "showAlias": False,
            "size": "medium",
            "value": "PER",
        },
        "children": [],
        "line": 3,
        "col": 5,
    }
    assert form["data_keys"] == ["text"] and form["layout"]["tag"] == "View"


@pytest.mark.parametrize(
    "tag,type_",
    [
        ("RectangleLabels", "rectanglelabels"),
        ("PolygonLabels", "polygonlabels"),
        ("BrushLabels", "brushlabels"),
        ("KeyPointLabels", "keypointlabels"),
        ("EllipseLabels", "ellipselabels"),
        ("Rectangle", "rectangle"),
        ("VectorLabels", "vectorlabels"),
        ("BitmaskLabels", "bitmasklabels"),
    ],
)
def test_image_controls_result_types(tag, type_):
    cfg = parse_config(f'<View><Image name="i" value="$i"/><{tag} name="c" toName="i"/></View>')
    assert cfg.controls["c"].type == type_


def test_relations_labels_are_kept_apart_when_unnamed():
    cfg = parse_config(
        '<View><Text name="t" value="$t"/><Relations><Relation value="is part of"/>'
        '<Relation value="causes" background="orange"/></Relations></View>'
    )
    assert [(r.value, r.background) for r in cfg.relations] == [
        ("is part of", PALETTE[0]),
        ("causes", "orange"),
    ]
    assert cfg.controls == {} and cfg.to_json()["relations"][1]["value"] == "causes"


def test_attribute_places_are_recorded_but_not_in_the_json_form():
    cfg = parse_config('<View>\n  <Image  name="img"\n     value="$x" zoom="true"/></View>')
    img = cfg.objects["img"]
    assert img.places == {
        "name": {"line": 2, "col": 11},
        "value": {"line": 3, "col": 6},
        "zoom": {"line": 3, "col": 17},
    }
    assert "places" not in cfg.to_json()["objects"][0]


def test_columns_count_characters_not_bytes():
    from labelcore.config import validate_config

    errors = validate_config('<View><Text name="ééé" value="$t"/><Choices name="c" toName="x"/></View>')
    assert errors[0].where == {"line": 1, "col": 54}  # the "t" of toName, counted in characters


def test_given_hotkeys_in_any_attribute_case_are_reserved():
    cfg = parse_config(
        '<View><Text name="t" value="$t"/><Labels name="l" toName="t">'
        '<Label value="A"/><Label value="B" HotKey="1"/></Labels></View>'
    )
    assert [i.hotkey for i in cfg.controls["l"].labels] == ["2", "1"]


REPEATED = """<View>
  <Text name="question" value="$question"/>
  <Repeater on="$answers" indexFlag="{{n}}">
    <Text name="answer_{{n}}" value="$answers[{{n}}].text"/>
    <Header value="By $answers[{{n}}].meta.author"/>
    <Rating name="grade_{{n}}" toName="answer_{{n}}"/>
  </Repeater>
  <Choices name="best" toName="answer_0,answer_1" visibleWhen="choice-selected" whenTagName="grade_1"/>
  <TextArea name="why" toName="question" whenTagName="grade_{{n}}"/>
</View>"""


def test_repeater_is_described_and_its_items_resolve():
    from labelcore.config import check_config
    from labelcore.config.schema import schemas

    cfg = parse_config(REPEATED)
    assert cfg.data_keys == ["question", "answers"]
    [rep] = cfg.to_json()["repeaters"]
    assert rep == {
        "name": None,
        "on": "$answers",
        "data_key": "answers",
        "index_flag": "{{n}}",
        "mode": "list",
        "item_keys": ["text", "meta.author"],
        "objects": ["answer_{{n}}"],
        "controls": ["grade_{{n}}"],
        "line": 3,
        "col": 3,
    }
    assert cfg.objects["answer_{{n}}"].repeater == "answers" and cfg.objects["question"].repeater is None
    assert cfg.controls["grade_{{n}}"].repeater == "answers" and cfg.controls["best"].repeater is None
    # toName="answer_0,answer_1" and whenTagName="grade_1" name items of the repeated tags: no finding.
    assert check_config(REPEATED).every == []
    # ... but an index must be a number, and the rest of the name must match.
    broken = REPEATED.replace('toName="answer_0,answer_1"', 'toName="answer_x,answers_1"')
    assert [e.message.split(" names")[0] for e in check_config(broken).errors] == [
        "<Choices name='best'> toName 'answer_x'",
        "<Choices name='best'> toName 'answers_1'",
    ]
    data = schemas(cfg)["data"]["properties"]["answers"]
    assert data["items"]["required"] == ["text", "meta"]
    assert data["items"]["properties"]["meta"]["properties"]["author"] == {}
    assert schemas(cfg)["results"]["grade_{{n}}"]["properties"]["from_name"] == {
        "type": "string",
        "pattern": "^grade_(0|[1-9][0-9]*)$",
    }


def test_repeater_without_a_list_and_nested_data_list():
    from labelcore.config import check_config

    cfg = parse_config(
        '<View><Repeater on="$work.items"><Text name="t_{{idx}}" value="$work.items[{{idx}}]"/>'
        "</Repeater></View>"
    )
    assert cfg.data_keys == ["work.items"] and cfg.repeaters[0].item_keys == []
    [error] = check_config(
        '<View><Repeater on="$a $b"><Text name="t_{{idx}}" value="$t"/></Repeater></View>'
    ).errors
    assert error.extra["kind"] == "bad-value" and "on='$a $b'" in error.message
