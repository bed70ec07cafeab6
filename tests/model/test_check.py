"""Tasks against a config: each kind of problem, with its path."""

from __future__ import annotations

from labelcore.config import parse_config
from labelcore.model.check import TaskChecker, types_fit

CONFIG = parse_config("""<View>
  <Image name="img" value="$image"/>
  <Text name="caption" value="$meta.caption"/>
  <Labels name="lab" toName="img"><Label value="Car"/></Labels>
  <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Person" alias="P"/></RectangleLabels>
  <Choices name="dyn" toName="img" value="$options"/>
  <Taxonomy name="tax" toName="img"><Choice value="Animal"><Choice value="Cat"/></Choice><Choice value="Plant"/></Taxonomy>
</View>""")
CHECK = TaskChecker(CONFIG)


def _item(**kw):
    return {
        "id": "r",
        "from_name": "box",
        "to_name": "img",
        "type": "rectanglelabels",
        "value": {"x": 1, "y": 1, "width": 1, "height": 1, "rectanglelabels": ["Car"]},
        **kw,
    }


def _problems(*result):
    task = {
        "data": {"image": "a.jpg", "meta": {"caption": "c"}, "options": []},
        "annotations": [{"result": list(result)}],
    }
    return [(p.path, p.message) for p in CHECK.check(task)]


def test_valid_items_pass_alias_dotted_key_and_dynamic_choices():
    assert (
        _problems(
            _item(),
            _item(value={"x": 1, "y": 1, "width": 1, "height": 1, "rectanglelabels": ["P"]}),
            {
                "id": "d",
                "from_name": "dyn",
                "to_name": "img",
                "type": "choices",
                "value": {"choices": ["anything"]},
            },
            {
                "id": "t",
                "from_name": "tax",
                "to_name": "img",
                "type": "taxonomy",
                "value": {"taxonomy": [["Animal", "Cat"], ["Plant"]]},
            },
            {
                "id": "l",
                "from_name": "lab",
                "to_name": "img",
                "type": "rectanglelabels",
                "value": {"x": 1, "y": 1, "width": 1, "height": 1, "rectanglelabels": ["Car"]},
            },
            {"type": "relation", "from_id": "r", "to_id": "t"},
        )
        == []
    )


def test_from_name_to_name_and_type():
    assert _problems(_item(from_name="nope")) == [
        (
            ".annotations[0].result[0].from_name",
            "from_name 'nope' names no control tag in the config (controls: lab, box, dyn, tax)",
        )
    ]
    assert _problems(_item(to_name="other")) == [
        (
            ".annotations[0].result[0].to_name",
            "to_name 'other' is not a toName of <RectangleLabels name=\"box\"> (img)",
        )
    ]
    assert _problems(_item(type="choices", value={"choices": ["Car"]})) == [
        (
            ".annotations[0].result[0].type",
            "type 'choices' does not fit <RectangleLabels name=\"box\">, which writes 'rectanglelabels'",
        )
    ]


def test_unknown_taxonomy_path_and_relation_end():
    assert _problems(
        {
            "id": "t",
            "from_name": "tax",
            "to_name": "img",
            "type": "taxonomy",
            "value": {"taxonomy": [["Plant", "Cat"]]},
        }
    ) == [
        (
            ".annotations[0].result[0].value.taxonomy[0]",
            "['Plant', 'Cat'] is not a label of <Taxonomy name=\"tax\"> (labels: Animal, Plant)",
        )
    ]
    assert _problems(_item(), {"type": "relation", "from_id": "r", "to_id": "gone"}) == [
        (".annotations[0].result[1].to_id", "relation to_id 'gone' names no item of the same result")
    ]


def test_data_keys_and_types():
    problems = CHECK.check({"data": {"image": 3, "options": []}})
    assert [(p.path, p.code, p.key) for p in problems] == [
        (".data", "missing_data_key", "meta.caption"),
        (".data.image", "invalid", None),
    ]
    assert CHECK.check({"data": {"image": ["a.jpg", "b.jpg"], "meta.caption": 12, "options": []}}) == []
    assert CHECK.missing_keys(["image", "meta", "options"]) == []
    assert CHECK.missing_keys(["img"]) == ["image", "meta.caption", "options"]


def test_types_fit():
    assert types_fit("rectangle", "rectanglelabels") and types_fit("rectanglelabels", "rectangle")
    assert types_fit("polygonlabels", "labels")
    assert not types_fit("choices", "labels") and not types_fit("rectangle", "polygon")
