"""Choices and Taxonomy show exactly what the annotation holds, after every click and hotkey.

Regression for a bug found in the quick start: a click on a choice was cancelled
(preventDefault) so the store could decide; the browser then rolled the input back after
Preact had already re-rendered, so the screen could show a choice other than the saved one
(or none) until something else re-rendered. After a page reload the first choice on the first
task often looked "not taken". Every step here compares the inputs on screen with the saved
draft, with no waiting that could let an unrelated re-render hide the fault."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import ANNOTATIONS, draft_result, seed, select_text, validate

FORM = """<View>
  <Labels name="ner" toName="text"><Label value="Thing"/></Labels>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text" choice="single-radio" showInline="true">
    <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/>
  </Choices>
  <Choices name="flag" toName="text" choice="single">
    <Choice value="Spam" hotkey="s"/><Choice value="Ad" hotkey="a"/>
  </Choices>
  <Choices name="topics" toName="text" choice="multiple">
    <Choice value="Sports"/><Choice value="Tech"/>
  </Choices>
  <Taxonomy name="place" toName="text">
    <Choice value="Europe"><Choice value="France"/><Choice value="Spain"/></Choice>
    <Choice value="Asia"/>
  </Taxonomy>
  <Choices name="kind" toName="text" perRegion="true">
    <Choice value="Big"/><Choice value="Small"/>
  </Choices>
</View>"""

TEXT = "A new phone from Paris."

# The inputs on screen, by choice value (a Taxonomy path's last part): {value: checked}.
ON_SCREEN = """() => Object.fromEntries([...document.querySelectorAll('.lc-main input[type=radio], .lc-main input[type=checkbox]')]
  .map((i) => [i.value.split('/').at(-1), i.checked]))"""


def screen_matches(page, expected: dict[str, bool]):
    """Every named input shows `expected` (unnamed ones must be unchecked): read at once."""
    shown = page.evaluate(ON_SCREEN)
    wanted = {name: expected.get(name, False) for name in shown}
    assert shown == wanted


def test_clicks_and_hotkeys_show_what_is_saved_also_after_a_reload(page, site_url):
    ids = seed(page, site_url, FORM, [{"text": TEXT}, {"text": "Second"}])
    task = ids["tasks"][0]
    page.goto(f"{site_url}#/projects/{ids['project']}/data")
    page.reload()  # the quick start's path: a reload, then Label All Tasks, then a click at once
    page.get_by_role("button", name="Label All Tasks").click()
    expect(page.get_by_text(TEXT)).to_be_visible()

    europe = page.get_by_role("button", name="Expand Europe")
    europe.click()
    steps = [
        (lambda: page.get_by_role("radio", name="Positive").click(), {"Positive"}),
        (lambda: page.get_by_role("radio", name="Negative").click(), {"Negative"}),
        (lambda: page.get_by_role("radio", name="Spam").click(), {"Negative", "Spam"}),
        (
            lambda: page.get_by_role("radio", name="Spam").click(),
            {"Negative"},
        ),  # single: a second click clears
        (lambda: page.keyboard.press("a"), {"Negative", "Ad"}),
        (lambda: page.get_by_role("checkbox", name="Sports").click(), {"Negative", "Ad", "Sports"}),
        (lambda: page.get_by_role("checkbox", name="Tech").click(), {"Negative", "Ad", "Sports", "Tech"}),
        (lambda: page.get_by_role("checkbox", name="Sports").click(), {"Negative", "Ad", "Tech"}),
        (lambda: page.get_by_role("checkbox", name="France").click(), {"Negative", "Ad", "Tech", "France"}),
        (
            lambda: page.get_by_role("checkbox", name="Asia").click(),
            {"Negative", "Ad", "Tech", "France", "Asia"},
        ),
        (lambda: page.get_by_role("checkbox", name="France").click(), {"Negative", "Ad", "Tech", "Asia"}),
        (lambda: page.keyboard.press("Control+z"), {"Negative", "Ad", "Tech", "France", "Asia"}),
        (lambda: page.keyboard.press("Control+Shift+z"), {"Negative", "Ad", "Tech", "Asia"}),
    ]
    for act, on in steps:
        act()
        screen_matches(page, {name: True for name in on})

    saved = {r["from_name"]: r["value"] for r in draft_result(page, task) or [] if r["type"] != "labels"}
    assert saved == {
        "sentiment": {"choices": ["Negative"]},
        "flag": {"choices": ["Ad"]},
        "topics": {"choices": ["Tech"]},
        "place": {"taxonomy": [["Asia"]]},
    }

    page.reload()
    expect(page.get_by_text("Restored your unsaved work on this task.")).to_be_visible()
    page.get_by_role("button", name="Expand Europe").click()
    screen_matches(page, {"Negative": True, "Ad": True, "Tech": True, "Asia": True})
    page.get_by_role("radio", name="Neutral").click()  # the first click after the reload is taken and shown
    screen_matches(page, {"Neutral": True, "Ad": True, "Tech": True, "Asia": True})
    expect(
        page.get_by_text("Restored your unsaved work on this task.")
    ).to_be_hidden()  # the work is this visit's now

    # A per-region choice, once a region is selected: shown, and stored on that region.
    expect(page.get_by_role("radio", name="Small")).to_have_count(0)  # perRegion: only with a region selected
    page.get_by_role("button", name="Thing").click()
    select_text(page, page.get_by_role("document", name="Text text"), 2, 5)
    page.get_by_role("complementary", name="Regions panel").get_by_role("button", name="new").click()
    page.get_by_role("radio", name="Small").click()
    expect(page.get_by_role("radio", name="Small")).to_be_checked()
    expect(page.get_by_role("radio", name="Big")).not_to_be_checked()

    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Task 2", exact=False)).to_be_visible()  # the stream moves on
    [ann] = page.evaluate(ANNOTATIONS, task)
    by_name = {
        (r["from_name"], r.get("id") is not None and r["from_name"] == "kind"): r["value"]
        for r in ann["result"]
    }
    assert by_name[("sentiment", False)] == {"choices": ["Neutral"]}
    assert by_name[("kind", True)]["choices"] == ["Small"]
    validate(FORM, {"text": TEXT}, [ann], page, ids["project"])
