"""JSON Schemas from a config: valid draft 2020-12, accept real tasks and results, refuse wrong ones."""

import pytest

from labelcore.config import parse_config
from labelcore.config.schema import schemas
from labelcore.templates import get_template, list_templates

jsonschema = pytest.importorskip("jsonschema")
Validator = jsonschema.Draft202012Validator

BOXES = """<View>
  <Image name="img" value="$meta.image"/>
  <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Bus"/></RectangleLabels>
  <Choices name="kind" toName="img" value="$options"/>
  <Rating name="stars" toName="img" maxRating="3"/>
</View>"""


def _errors(schema, instance):
    return [e.message for e in Validator(schema).iter_errors(instance)]


def test_schemas_are_valid_json_schema():
    out = schemas(parse_config(BOXES))
    Validator.check_schema(out["data"])
    Validator.check_schema(out["relation"])
    for schema in out["results"].values():
        Validator.check_schema(schema)


def test_task_data_schema_requires_nested_keys():
    data = schemas(parse_config(BOXES))["data"]
    assert _errors(data, {"meta": {"image": "a.jpg"}, "options": ["x"]}) == []
    assert _errors(data, {"meta": {}, "options": []}) == ["'image' is a required property"]
    assert _errors(data, {"meta": {"image": 5}, "options": []})


def test_result_schema_checks_labels_ranges_and_names():
    results = schemas(parse_config(BOXES))["results"]
    good = {
        "id": "r1",
        "type": "rectanglelabels",
        "from_name": "box",
        "to_name": "img",
        "original_width": 640,
        "value": {"x": 10, "y": 20, "width": 30.5, "height": 5, "rotation": 0, "rectanglelabels": ["Car"]},
    }
    assert _errors(results["box"], good) == []
    assert _errors(results["box"], {**good, "value": {**good["value"], "rectanglelabels": ["Tram"]}})
    assert _errors(results["box"], {**good, "value": {**good["value"], "x": 120}})
    assert _errors(results["box"], {**good, "from_name": "other"})
    # dynamic choices (value="$options") accept any strings; a rating above maxRating is refused
    assert (
        _errors(
            results["kind"],
            {"type": "choices", "from_name": "kind", "to_name": "img", "value": {"choices": ["anything"]}},
        )
        == []
    )
    assert _errors(
        results["stars"], {"type": "rating", "from_name": "stars", "to_name": "img", "value": {"rating": 4}}
    )


TEMPLATES = [t.name for t in list_templates()]


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_sample_task_fits_the_schemas(name):
    template = get_template(name)
    out = schemas(parse_config(template.config))
    task = template.task
    assert _errors(out["data"], task.get("data", task)) == []
    for kind in ("annotations", "predictions"):
        for entry in task.get(kind, []):
            for item in entry.get("result", []):
                schema = (
                    out["relation"] if item.get("type") == "relation" else out["results"][item["from_name"]]
                )
                assert _errors(schema, item) == [], (kind, item)
