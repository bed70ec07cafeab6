"""Results of controls inside a <Repeater>: Label Studio names them by item ("lang_0" of
"lang_{{idx}}", to_name "text_0"). The check accepts exactly the items the task has, with the
matching to_name, and says where and why it refuses anything else."""

from __future__ import annotations

import json

from labelcore.config import parse_config
from labelcore.importers.session import ImportSession
from labelcore.model.check import TaskChecker

XML = """<View>
  <Header value="$title"/>
  <Repeater on="$items" indexFlag="{{idx}}">
    <Text name="text_{{idx}}" value="$items[{{idx}}].text"/>
    <Choices name="lang_{{idx}}" toName="text_{{idx}}"><Choice value="en"/><Choice value="fr"/></Choices>
    <Labels name="label_{{idx}}" toName="text_{{idx}}"><Label value="PER"/><Label value="LOC"/></Labels>
  </Repeater>
  <Text name="summary" value="$summary"/>
  <Choices name="best" toName="summary,text_0,text_2"><Choice value="yes"/></Choices>
</View>"""
CFG = parse_config(XML)
CHECK = TaskChecker(CFG)
DATA = {
    "title": "t",
    "summary": "s",
    "items": [{"text": "Hello Ann"}, {"text": "Bonjour Paris"}, {"text": "Hola"}],
}


def choice(from_name="lang_1", to_name="text_1", value="fr", **kw):
    return {
        "value": {"choices": [value]},
        "id": "c1",
        "from_name": from_name,
        "to_name": to_name,
        "type": "choices",
        "origin": "manual",
        **kw,
    }


def span(from_name="label_1", to_name="text_1", label="LOC"):
    return {
        "value": {"start": 8, "end": 13, "text": "Paris", "labels": [label]},
        "id": "s1",
        "from_name": from_name,
        "to_name": to_name,
        "type": "labels",
        "origin": "manual",
    }


def problems(*result, data=DATA, key="annotations"):
    task = json.loads(json.dumps({"data": data, key: [{"result": list(result)}]}))
    return [(p.path, p.message) for p in CHECK.check(task)]


def test_each_item_that_exists_is_accepted_with_its_own_to_name():
    assert (
        problems(
            choice("lang_0", "text_0", "en"),
            choice("lang_2", "text_2"),
            span(),
            span("label_0", "text_0", "PER"),
            choice("best", "text_2", "yes"),
        )
        == []
    )
    assert problems(choice("lang_1", "text_1"), key="predictions") == []


def test_an_index_past_the_tasks_list_is_refused():
    assert problems(choice("lang_3", "text_3")) == [
        (
            ".annotations[0].result[0].from_name",
            "from_name 'lang_3' names an item of <Choices name=\"lang_{{idx}}\"> that this task does not have: "
            "<Repeater on='$items'> has 3 items (0 to 2) in this task",
        )
    ]
    one = {**DATA, "items": DATA["items"][:1]}
    assert problems(span(), data=one) == [
        (
            ".annotations[0].result[0].from_name",
            "from_name 'label_1' names an item of <Labels name=\"label_{{idx}}\"> that this task does not have: "
            "<Repeater on='$items'> has 1 item (0 to 0) in this task",
        )
    ]
    assert problems(choice("lang_0", "text_0"), data={**DATA, "items": []})[0][1].endswith(
        "<Repeater on='$items'> has no items in this task"
    )
    assert problems(choice("lang_0", "text_0"), data={**DATA, "items": "one"})[-1] == (
        ".annotations[0].result[0].from_name",
        "from_name 'lang_0' names an item of <Choices name=\"lang_{{idx}}\"> that this task does not have: "
        "<Repeater on='$items'> repeats over a str in this task, not a list",
    )


def test_a_to_name_of_another_item_or_another_object_is_refused():
    assert problems(choice("lang_1", "text_2")) == [
        (
            ".annotations[0].result[0].to_name",
            "to_name 'text_2' is not a toName of <Choices name=\"lang_{{idx}}\"> for its item 'lang_1' (text_1)",
        )
    ]
    assert problems(span("label_0", "summary")) == [
        (
            ".annotations[0].result[0].to_name",
            "to_name 'summary' is not a toName of <Labels name=\"label_{{idx}}\"> for its item 'label_0' (text_0)",
        )
    ]
    # a control outside the Repeater naming one item: that item must exist too
    assert problems(choice("best", "text_2", "yes"), data={**DATA, "items": DATA["items"][:2]}) == [
        (
            ".annotations[0].result[0].to_name",
            "to_name 'text_2' names an item this task does not have: <Repeater on='$items'> has 2 items (0 to 1) "
            "in this task",
        )
    ]


def test_names_that_are_no_item_are_refused():
    controls = "(controls: lang_{{idx}}, label_{{idx}}, best)"
    for name in ("lang_01", "lang_x", "lang_", "lang_1_", "text_1", "lang_\u0663", "Lang_1"):
        assert problems(choice(name, "text_1")) == [
            (
                ".annotations[0].result[0].from_name",
                f"from_name '{name}' names no control tag in the config {controls}",
            )
        ]
    assert problems(choice("lang_{{idx}}", "text_{{idx}}")) == [
        (
            ".annotations[0].result[0].from_name",
            "from_name 'lang_{{idx}}' is the name as written inside <Repeater on='$items'>: a result names one item, "
            "e.g. 'lang_0'",
        )
    ]


def test_labels_and_type_of_an_item_are_checked_as_its_control_s():
    assert problems(span(label="ORG")) == [
        (
            ".annotations[0].result[0].value.labels[0]",
            "'ORG' is not a label of <Labels name=\"label_{{idx}}\"> (labels: LOC, PER)",
        )
    ]
    assert problems({**choice(), "type": "labels"}) == [
        (
            ".annotations[0].result[0].type",
            "type 'labels' does not fit <Choices name=\"lang_{{idx}}\">, which writes 'choices'",
        )
    ]


NESTED = parse_config("""<View>
  <Repeater on="$docs" indexFlag="{{d}}">
    <Repeater on="$docs[{{d}}].pages" indexFlag="{{p}}">
      <Text name="page_{{d}}_{{p}}" value="$docs[{{d}}].pages[{{p}}].text"/>
      <Choices name="ok_{{d}}_{{p}}" toName="page_{{d}}_{{p}}"><Choice value="yes"/></Choices>
    </Repeater>
  </Repeater>
</View>""")


def test_nested_repeaters_check_each_level_against_its_own_list():
    data = {"docs": [{"pages": [{"text": "a"}]}, {"pages": [{"text": "b"}, {"text": "c"}]}]}
    check = TaskChecker(NESTED)

    def run(from_name, to_name):
        task = {"data": data, "annotations": [{"result": [choice(from_name, to_name, "yes")]}]}
        return [(p.path, p.message) for p in check.check(task)]

    assert run("ok_1_1", "page_1_1") == [] and run("ok_0_0", "page_0_0") == []
    assert run("ok_0_1", "page_0_1") == [
        (
            ".annotations[0].result[0].from_name",
            "from_name 'ok_0_1' names an item of <Choices name=\"ok_{{d}}_{{p}}\"> that this task does not have: "
            "<Repeater on='$docs[{{d}}].pages'> (here '$docs[0].pages') has 1 item (0 to 0) in this task",
        )
    ]
    assert run("ok_1_1", "page_1_0")[0][0] == ".annotations[0].result[0].to_name"


def test_an_import_reports_the_item_with_its_place():
    tasks = [
        {
            "data": DATA,
            "annotations": [{"result": [choice("lang_0", "text_0", "en"), choice("lang_5", "text_5")]}],
        }
    ]
    session = ImportSession(CFG, filename="tasks.json")
    session.feed(json.dumps(tasks).encode())
    report = session.finish()
    assert not report.ok and report.tasks == []
    [error] = report.errors
    assert error.where["path"].endswith("[0].annotations[0].result[1].from_name")
    assert "from_name 'lang_5' names an item" in error.message and "has 3 items (0 to 2)" in error.message

    fine = [{"data": DATA, "annotations": [{"result": [choice("lang_2", "text_2"), span()]}]}]
    session = ImportSession(CFG, filename="tasks.json")
    session.feed(json.dumps(fine).encode())
    assert session.finish().ok
