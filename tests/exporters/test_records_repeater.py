"""The exporters find a Repeater copy's control (lang_2 -> lang_{{idx}}) with the config's own
Repeater matcher: custom and nested flags, indexes as Label Studio writes them."""

from labelcore.config.parse import parse_config
from labelcore.exporters.records import ConfigView

CONFIG = """<View>
  <Repeater on="$docs" indexFlag="{{d}}">
    <Text name="text_{{d}}" value="$docs[{{d}}].text"/>
    <Choices name="lang_{{d}}" toName="text_{{d}}"><Choice value="en"/></Choices>
    <Repeater on="$docs[{{d}}].parts" indexFlag="{{p}}">
      <Text name="part_{{d}}_{{p}}" value="$docs[{{d}}].parts[{{p}}]"/>
      <Labels name="ner_{{d}}_{{p}}" toName="part_{{d}}_{{p}}"><Label value="PER"/></Labels>
    </Repeater>
  </Repeater>
  <Text name="title" value="$title"/>
  <Choices name="kind" toName="title"><Choice value="A"/></Choices>
</View>"""


def test_repeated_names_find_their_control():
    view = ConfigView(parse_config(CONFIG))
    assert view.control_for("kind").tag == "Choices"
    assert view.control_for("lang_0").tag == "Choices"
    assert view.control_for("lang_12").tag == "Choices"
    assert view.control_for("ner_1_3").tag == "Labels"
    assert view.tag_of("ner_0_0") == "Labels"


def test_names_no_control_writes_are_not_guessed():
    view = ConfigView(parse_config(CONFIG))
    for name in ["lang", "lang_", "lang_01", "lang_x", "ner_1", "ner_1_2_3", "kind_0", "lang_{{d}}x"]:
        assert view.control_for(name) is None, name
        assert view.tag_of(name) is None, name
