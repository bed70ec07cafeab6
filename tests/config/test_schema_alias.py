"""A Choice's alias is what Label Studio writes in the result: the schema takes it, and the value."""

import jsonschema
import pytest

from labelcore.config.parse import parse_config
from labelcore.config.schema import schemas

XML = """<View><Text name="text" value="$text"/>
  <Choices name="sex" toName="text"><Choice value="Male" alias="M"/><Choice value="Female"/></Choices>
  <Taxonomy name="where" toName="text"><Choice value="Europe" alias="EU"><Choice value="France" alias="FR"/></Choice></Taxonomy>
</View>"""


def item(name, value):
    return {
        "value": value,
        "id": "abc",
        "from_name": name,
        "to_name": "text",
        "type": "choices" if name == "sex" else "taxonomy",
        "origin": "manual",
    }


def test_aliases_and_values_validate():
    found = schemas(parse_config(XML))["results"]
    for choices in (["M"], ["Male"], ["Female"]):
        jsonschema.validate(item("sex", {"choices": choices}), found["sex"])
    jsonschema.validate(item("where", {"taxonomy": [["EU", "FR"]]}), found["where"])


def test_other_values_do_not():
    found = schemas(parse_config(XML))["results"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(item("sex", {"choices": ["F"]}), found["sex"])
