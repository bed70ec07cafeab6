"""Submit / Update / Skip as a person meets them, and what Label Studio would store.

No draft outlives a Submit (text typed but refused, a duplicate say, is named in the message
instead of coming back as a draft that makes a second annotation); a fresh annotation starts
with the config's defaults (Choice and Label selected="true"; Number defaultValue stored by
Submit); typed text of a TextArea that is hidden does not count where empty annotations are
refused; a Submit blocked by a required field puts the focus on the first missing control."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.helpers import (
    ANNOTATIONS,
    DRAFT,
    draft_values,
    open_task,
    reload,
    seed,
    spans,
    submit,
    validate,
    values,
    wait_saved,
)

NOEMPTY = """async (id) => { const projects = await import('./js/store/projects.js');
  const p = await projects.getProject(id);
  await projects.updateProject(id, { settings: { ...p.settings, enable_empty_annotation: false } }); }"""


def test_no_draft_outlives_a_submit_and_text_not_added_is_named(page, site_url):
    xml = '<View><Text name="text" value="$text"/><TextArea name="answer" toName="text" skipDuplicates="true" maxSubmissions="2"/></View>'
    data = {"text": "Hello"}
    ids = open_task(page, site_url, xml, [data, data])
    first, second = ids["tasks"]
    box = page.get_by_role("textbox", name="answer")
    box.fill("one")
    box.press("Enter")
    box.fill("One")  # a duplicate (any case): typed, never added
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status").filter(has_text="Annotation")).to_have_text(
        re.compile(r'^Annotation \d+ submitted\. Not added: "One" is already there\.$')
    )
    wait_saved(page)  # no draft save of the typing is due or under way
    assert page.evaluate(DRAFT, first) is None
    reload(page)
    expect(page.get_by_role("button", name="Update")).to_be_visible()  # the annotation, not a stale draft
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_role("status").filter(has_text="updated")).to_be_visible()
    assert len(page.evaluate(ANNOTATIONS, first)) == 1

    # the label stream: Submit moves on, and the next screen says what was not added
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{second}?stream=1")
    box.fill("two")
    box.press("Enter")
    box.fill("TWO")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Annotation")).to_have_text(
        re.compile(r'^Annotation \d+ submitted\. Not added: "TWO" is already there\.$')
    )
    wait_saved(page)
    assert page.evaluate(DRAFT, second) is None
    [ann] = page.evaluate(ANNOTATIONS, second)
    assert values(ann) == {"answer": {"text": ["two"]}}
    validate(xml, data, [ann], page, ids["project"])


def test_defaults_of_a_fresh_annotation(page, site_url):
    xml = """<View><Labels name="ner" toName="text"><Label value="Thing"/><Label value="Place" selected="true"/></Labels>
      <Text name="text" value="$text"/>
      <Choices name="mood" toName="text"><Choice value="Happy" selected="true"/><Choice value="Sad"/></Choices>
      <Number name="n" toName="text" defaultValue="5"/>
      <Number name="size" toName="text" perRegion="true" required="true" defaultValue="2"/>
      <Rating name="stars" toName="text" defaultValue="3"/></View>"""
    text = "A phone from Paris."
    data = {"text": text}
    ids = open_task(
        page,
        site_url,
        xml,
        [data, data],
        [
            [],
            [
                {
                    "model_version": "v1",
                    "result": [
                        {
                            "id": "p1",
                            "from_name": "mood",
                            "to_name": "text",
                            "type": "choices",
                            "value": {"choices": ["Sad"]},
                        }
                    ],
                }
            ],
        ],
    )
    task = ids["tasks"][0]
    expect(page.get_by_role("radio", name="Happy")).to_be_checked()
    expect(page.get_by_role("button", name="Place", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("spinbutton", name="n")).to_have_value("5")
    expect(page.get_by_role("radio", name="3 stars")).to_have_attribute(
        "aria-checked", "false"
    )  # LS shows no default rating
    spans(page, text, ("phone", "Paris"))  # with the label picked by selected="true"
    wait_saved(page)
    # the choice is in the result at once; a Number's default only once Submit stores it, as in LS
    assert {k: v for k, v in draft_values(page, task).items() if k != "ner"} == {
        "mood": {"choices": ["Happy"]}
    }
    ann = submit(page, task)
    got = [
        (
            it["from_name"],
            it["value"].get("labels") or it["value"].get("number") or it["value"].get("choices"),
        )
        for it in ann["result"]
    ]
    assert sorted(got, key=str) == sorted(
        [("ner", ["Place"]), ("ner", ["Place"]), ("mood", ["Happy"]), ("n", 5), ("size", 2), ("size", 2)],
        key=str,
    )
    validate(xml, data, [ann], page, ids["project"])

    page.goto(
        f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][1]}"
    )  # pre-labeled: the prediction, not the defaults
    expect(page.get_by_role("radio", name="Sad")).to_be_checked()
    expect(page.get_by_role("radio", name="Happy")).not_to_be_checked()


def test_typed_text_of_a_hidden_textarea_is_not_sent(page, site_url):
    xml = """<View><Text name="text" value="$text"/>
      <Choices name="topic" toName="text"><Choice value="Other"/></Choices>
      <TextArea name="why" toName="text" visibleWhen="choice-selected" whenTagName="topic" whenChoiceValue="Other"/></View>"""
    ids = seed(page, site_url, xml, [{"text": "Hello"}, {"text": "Hello"}])
    page.evaluate(NOEMPTY, ids["project"])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    page.get_by_role("radio", name="Other").click()
    page.get_by_role("textbox", name="why").fill("typed, not added")
    page.get_by_role("radio", name="Other").click()  # unpicked: the TextArea hides, nothing is labeled
    expect(page.get_by_role("textbox", name="why")).to_have_count(0)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_have_text(
        "This project does not accept empty annotations: label something first."
    )
    assert page.evaluate(ANNOTATIONS, ids["tasks"][0]) == []

    page.get_by_role("radio", name="Other").click()  # shown again: the typed text is still there, and counts
    expect(page.get_by_role("textbox", name="why")).to_have_value("typed, not added")
    ann = submit(page, ids["tasks"][0])
    assert values(ann) == {"topic": {"choices": ["Other"]}, "why": {"text": ["typed, not added"]}}


def test_blocked_submit_points_at_the_first_missing_control(page, site_url):
    xml = """<View><Labels name="ner" toName="text"><Label value="Thing"/></Labels><Text name="text" value="$text"/>
      <Number name="n" toName="text" required="true"/>
      <Choices name="mood" toName="text" required="true"><Choice value="Happy"/><Choice value="Sad"/></Choices>
      <TextArea name="note" toName="text" perRegion="true" required="true"/></View>"""
    text = "A phone from Paris."
    open_task(page, site_url, xml, [{"text": text}])
    page.keyboard.press("1")
    panel = spans(page, text, ("phone", "Paris"))
    panel.get_by_role("button", name="phone").click()
    page.get_by_role("textbox", name="note (required)").fill("about the phone")
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Fill in the required fields: n, mood, note (for 1 region)."
    )
    number = page.get_by_role("spinbutton", name="n (required)")
    expect(number).to_be_focused()
    expect(number).to_have_class(re.compile(r"\blc-attention\b"))  # outlined for a moment
    page.screenshot(path="/tmp/lc/inputs-required-focus.png", full_page=True)
    expect(number).not_to_have_class(re.compile(r"\blc-attention\b"), timeout=4000)
    page.keyboard.type("4")

    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("radio", name="Happy")).to_be_focused()
    expect(page.get_by_role("radiogroup", name="mood (required)")).to_have_class(
        re.compile(r"\blc-attention\b")
    )
    page.keyboard.press("Space")

    page.keyboard.press("Control+Enter")  # the region without a note gets selected, its note box focused
    expect(page.get_by_role("alert")).to_have_text("Fill in the required field: note (for 1 region).")
    expect(panel.get_by_role("button", name="Paris")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("textbox", name="note (required)")).to_be_focused()
    page.keyboard.type("about Paris")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()


def test_blocked_submit_points_at_the_repeater_item_missing_a_value(page, site_url):
    xml = """<View><Repeater on="$items" indexFlag="{{idx}}">
      <Text name="text_{{idx}}" value="$items[{{idx}}].text"/>
      <Choices name="lang_{{idx}}" toName="text_{{idx}}" choice="single-radio" required="true"><Choice value="en"/><Choice value="fr"/></Choices>
    </Repeater></View>"""
    ids = open_task(page, site_url, xml, [{"items": [{"text": "one"}, {"text": "deux"}, {"text": "three"}]}])
    page.get_by_role("radiogroup", name="lang_0 (required)").get_by_role("radio", name="en").click()
    page.get_by_role("radiogroup", name="lang_2 (required)").get_by_role("radio", name="en").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_have_text("Fill in the required field: lang_1.")
    expect(
        page.get_by_role("radiogroup", name="lang_1 (required)").get_by_role("radio", name="en")
    ).to_be_focused()
    page.keyboard.press("ArrowDown")  # the arrow keys pick within the focused group: fr
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert sorted((r["from_name"], r["value"]["choices"][0]) for r in ann["result"]) == [
        ("lang_0", "en"),
        ("lang_1", "fr"),
        ("lang_2", "en"),
    ]
