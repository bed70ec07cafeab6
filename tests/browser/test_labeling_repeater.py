"""A <Repeater> of three items, each with a Text, Labels and Choices, labeled with the keyboard.

The config writes each hotkey once (on lang_{{idx}}, label_{{idx}}); a key acts on the ACTIVE
item only: the first until the person clicks or moves the focus into another, which is then
outlined (aria-current). The annotation names the items as Label Studio does (from_name "lang_1",
to_name "text_1") and validates with the core's result schemas (schema_for) and model check."""

from __future__ import annotations

import json
import re

import jsonschema
from playwright.sync_api import expect

from labelcore.config.parse import parse_config
from labelcore.config.schema import schema_for, schemas
from labelcore.model.check import TaskChecker
from tests.browser.helpers import ANNOTATIONS, seed, select_text

# Hotkeys are assigned in Label Studio's order: PER 1, LOC 2, en 3, fr 4, es 5.
REPEATED = """<View>
  <Header value="Sentences"/>
  <Repeater on="$items" indexFlag="{{idx}}">
    <Text name="text_{{idx}}" value="$items[{{idx}}].text"/>
    <Labels name="label_{{idx}}" toName="text_{{idx}}"><Label value="PER"/><Label value="LOC"/></Labels>
    <Choices name="lang_{{idx}}" toName="text_{{idx}}" choice="single-radio" showInline="true">
      <Choice value="en"/><Choice value="fr"/><Choice value="es"/>
    </Choices>
  </Repeater>
</View>"""

DATA = {
    "items": [{"text": "Ann lives in Rome"}, {"text": "Bob works in Paris"}, {"text": "Cy flies to Oslo"}]
}


def chosen(page) -> list[str | None]:
    """The checked language of each item, read from the screen in one go."""
    return page.evaluate("""() => [...document.querySelectorAll('.lc-repeat')].map((item) =>
      item.querySelector('input[type=radio]:checked')?.value ?? null)""")


def pressed(page, label: str) -> list[bool]:
    return page.evaluate(
        """(label) => [...document.querySelectorAll('.lc-repeat')].map((item) =>
      [...item.querySelectorAll('button[aria-pressed=true]')].some((b) => b.textContent.trim().startsWith(label)))""",
        label,
    )


def check_with_the_core(xml: str, data: dict, result: list[dict]) -> None:
    """Each item against the schema the core finds for its from_name, then the model check."""
    cfg = parse_config(xml)
    found = schemas(cfg)
    for item in result:
        schema = schema_for(found, item)
        assert schema is not None, item["from_name"]
        jsonschema.validate(item, schema)
    task = json.loads(json.dumps({"id": 1, "data": data, "annotations": [{"result": result}]}))
    assert TaskChecker(cfg).check(task) == []


def test_hotkeys_act_on_the_item_being_worked_in(page, site_url):
    ids = seed(page, site_url, REPEATED, [DATA])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    items = [page.get_by_role("group", name=f"Item {n} of 3") for n in (1, 2, 3)]
    expect(items[2].get_by_role("document", name="Text text_2")).to_contain_text("Cy flies to Oslo")

    # nothing clicked yet: the first item is the active one, and a key acts on it alone
    expect(items[0]).to_have_attribute("aria-current", "true")
    page.keyboard.press("4")
    expect(items[0].get_by_role("radio", name="fr")).to_be_checked()
    assert chosen(page) == ["fr", None, None]

    # a click into the second item makes it the active one (outlined); keys now change it only
    items[1].get_by_role("document", name="Text text_1").click()
    expect(items[1]).to_have_attribute("aria-current", "true")
    expect(items[0]).not_to_have_attribute("aria-current", "true")
    assert "lc-repeat-active" in items[1].get_attribute("class")
    page.keyboard.press("3")
    expect(items[1].get_by_role("radio", name="en")).to_be_checked()
    page.keyboard.press("2")
    expect(items[1].get_by_role("button", name=re.compile("^LOC"))).to_have_attribute("aria-pressed", "true")
    assert chosen(page) == ["fr", "en", None]
    assert pressed(page, "LOC") == [False, True, False] and pressed(page, "PER") == [False, False, False]
    page.screenshot(path="/tmp/lc/repeater.png", full_page=True)

    # the focus moved into the third item (the keyboard's way in) makes that one active
    items[2].get_by_role("radio", name="en").focus()
    expect(items[2]).to_have_attribute("aria-current", "true")
    page.keyboard.press("5")
    expect(items[2].get_by_role("radio", name="es")).to_be_checked()
    page.keyboard.press("1")
    assert chosen(page) == ["fr", "en", "es"]
    assert pressed(page, "PER") == [False, False, True] and pressed(page, "LOC") == [False, True, False]

    # the help says so
    page.keyboard.press("Shift+?")
    help_ = page.get_by_role("dialog", name="Hotkeys")
    expect(help_).to_contain_text("they act on the active item only")
    expect(
        help_.get_by_role("row", name=re.compile(r"^3 lang_\{\{idx\}\}: en \(active item\)$"))
    ).to_be_visible()
    page.screenshot(path="/tmp/lc/repeater-help.png")
    help_.get_by_role("button", name="Close").click()

    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    result = ann["result"]
    assert [(it["from_name"], it["to_name"], it["type"], it["value"]) for it in result] == [
        ("lang_0", "text_0", "choices", {"choices": ["fr"]}),
        ("lang_1", "text_1", "choices", {"choices": ["en"]}),
        ("lang_2", "text_2", "choices", {"choices": ["es"]}),
    ]
    assert all(list(it) == ["value", "id", "from_name", "to_name", "type", "origin"] for it in result)
    check_with_the_core(REPEATED, DATA, result)


def test_spans_in_repeated_items_and_custom_nested_flags(page, site_url):
    ids = seed(page, site_url, REPEATED, [DATA])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    second = page.get_by_role("group", name="Item 2 of 3")
    doc = second.get_by_role("document", name="Text text_1")
    doc.click()
    page.keyboard.press("2")  # LOC of the second item
    start = DATA["items"][1]["text"].index("Paris")
    select_text(page, doc, start, start + 5)
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("button", name="Paris")).to_be_visible()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    [span] = ann["result"]
    assert (span["from_name"], span["to_name"], span["value"]) == (
        "label_1",
        "text_1",
        {"start": start, "end": start + 5, "text": "Paris", "labels": ["LOC"]},
    )
    check_with_the_core(REPEATED, DATA, ann["result"])

    # Nested Repeaters with their own flags: every copy finds its control and its object.
    nested = """<View>
  <Repeater on="$docs" indexFlag="{{d}}">
    <Repeater on="$docs[{{d}}].parts" indexFlag="{{p}}">
      <Text name="t_{{d}}_{{p}}" value="$docs[{{d}}].parts[{{p}}]"/>
      <Choices name="ok_{{d}}_{{p}}" toName="t_{{d}}_{{p}}" choice="single-radio"><Choice value="Yes"/><Choice value="No"/></Choices>
    </Repeater>
  </Repeater>
</View>"""
    data = {"docs": [{"parts": ["a one", "a two"]}, {"parts": ["b one"]}]}
    ids = seed(page, site_url, nested, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_role("document", name="Text t_1_0")).to_contain_text("b one")
    expect(page.get_by_role("radio", name="Yes")).to_have_count(3)
    expect(page.locator(".lc-placeholder")).to_have_count(0)
    page.get_by_role("radio", name="No").nth(2).click()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert [(r["from_name"], r["to_name"], r["value"]) for r in ann["result"]] == [
        ("ok_1_0", "t_1_0", {"choices": ["No"]})
    ]
    check_with_the_core(nested, data, ann["result"])


def test_pagination_mode_shows_one_item_at_a_time(page, site_url):
    xml = REPEATED.replace(
        '<Repeater on="$items" indexFlag="{{idx}}">',
        '<Repeater on="$items" indexFlag="{{idx}}" mode="pagination">',
    )
    ids = seed(page, site_url, xml, [DATA])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_role("group", name="Item 1 of 3")).to_be_visible()
    expect(page.get_by_role("group", name=re.compile(r"^Item [23] of 3$"))).to_have_count(0)
    expect(page.get_by_role("button", name="‹ Previous item")).to_be_disabled()
    page.get_by_role("button", name="Next item ›").click()
    second = page.get_by_role("group", name="Item 2 of 3")
    expect(second).to_contain_text("Bob works in Paris")
    page.keyboard.press("5")  # the key acts on the item shown
    expect(second.get_by_role("radio", name="es")).to_be_checked()
    page.keyboard.press("Alt+ArrowRight")  # Label Studio's repeater:next-page
    expect(page.get_by_role("group", name="Item 3 of 3")).to_be_visible()
    expect(page.get_by_role("button", name="Next item ›")).to_be_disabled()
    page.keyboard.press("Alt+ArrowLeft")
    page.keyboard.press("Alt+ArrowLeft")
    expect(page.get_by_role("group", name="Item 1 of 3")).to_be_visible()
    page.get_by_role("button", name="Next item ›").click()
    expect(page.get_by_role("group", name="Item 2 of 3").get_by_role("radio", name="es")).to_be_checked()
    page.screenshot(path="/tmp/lc/repeater-pages.png")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert [(r["from_name"], r["value"]) for r in ann["result"]] == [("lang_1", {"choices": ["es"]})]
    check_with_the_core(xml, DATA, ann["result"])


def test_required_control_in_a_repeater_is_asked_of_each_item(page, site_url):
    xml = REPEATED.replace(
        'choice="single-radio" showInline="true">', 'choice="single-radio" showInline="true" required="true">'
    )
    ids = seed(page, site_url, xml, [DATA])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    items = [page.get_by_role("group", name=f"Item {n} of 3") for n in (1, 2, 3)]
    items[0].get_by_role("radio", name="en").click()
    items[2].get_by_role("radio", name="fr").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Fill in the required field: lang_1."
    )  # the item's copy, by its name
    items[1].get_by_role("radio", name="es").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert sorted(r["from_name"] for r in ann["result"]) == ["lang_0", "lang_1", "lang_2"]
    check_with_the_core(xml, DATA, ann["result"])
