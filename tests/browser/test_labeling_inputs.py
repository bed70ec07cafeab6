"""TextArea, Number and DateTime as a person uses them, and what Label Studio would store.

TextArea: text typed but not added with Enter is never lost — a reload right after typing keeps
it, Submit (or ctrl+enter) adds it as Enter would, a required TextArea counts it, a change to an
added line (editable) is saved as it is typed, and with perRegion each region keeps its own typed
text. DateTime stores its value in its `format` (d3/strftime directives) and reads it back when
reopened. Number never holds a value off its step or outside min/max, and a slider nobody moved
does not look set. None of them shows its raw name as a caption.
As in Label Studio: a TextArea with rows > 1 takes Enter as a new line and shift+Enter adds, rows="1"
adds on Enter and shows no Add button (showSubmitButton overrides both), and text is added as typed;
a Number is saved as it is typed, and its hotkey steps it up, back to 0 after max."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import (
    ANNOTATIONS,
    DRAFT,
    draft_values,
    open_task,
    reload,
    spans,
    submit,
    validate,
    values,
    wait_saved,
)

# WCAG contrast ratio of an element's text colour on the page's surface colour.
CONTRAST = """(el) => {
  const rgb = (css) => {
    const c = document.createElement('canvas').getContext('2d');
    c.fillStyle = css; c.fillRect(0, 0, 1, 1);
    return [...c.getImageData(0, 0, 1, 1).data].slice(0, 3);
  };
  const lum = (v) => { const [r, g, b] = v.map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const fg = lum(rgb(getComputedStyle(el).color));
  const bg = lum(rgb(getComputedStyle(document.documentElement).getPropertyValue('--surface').trim()));
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}"""


PLAIN = '<View><Text name="text" value="$text"/><TextArea name="answer" toName="text" placeholder="Answer"/></View>'


def test_textarea_typed_text_survives_a_reload_and_submit_adds_it(page, site_url):
    data = {"text": "Hello world"}
    ids = open_task(page, site_url, PLAIN, [data])
    task = ids["tasks"][0]
    page.get_by_role("textbox", name="answer").fill("typed, Enter not pressed")
    reload(page)  # at once: no time for the draft's own save

    box = page.get_by_role("textbox", name="answer")
    expect(box).to_have_value("typed, Enter not pressed")
    expect(page.get_by_text("Restored your unsaved work on this task.")).to_be_visible()
    expect(page.get_by_role("button", name="Undo")).to_be_disabled()  # typing is not an undo step
    wait_saved(page)  # the draft saved after the typing stopped holds it too
    draft = page.evaluate(DRAFT, task)
    assert draft["result"] == [] and list(draft["pending"].values()) == ["typed, Enter not pressed"]
    reload(page)
    expect(page.get_by_role("textbox", name="answer")).to_have_value("typed, Enter not pressed")

    page.get_by_role("textbox", name="answer").focus()
    ann = submit(page, task)  # ctrl+enter from the text box adds the typed text first
    assert values(ann) == {"answer": {"text": ["typed, Enter not pressed"]}}
    expect(page.get_by_role("textbox", name="answer")).to_have_value("")
    expect(page.get_by_text("typed, Enter not pressed", exact=True)).to_be_visible()
    page.screenshot(path="/tmp/lc/inputs-textarea.png", full_page=True)
    validate(PLAIN, data, [ann], page, ids["project"])


def test_required_textarea_counts_the_typed_text(page, site_url):
    xml = '<View><Text name="text" value="$text"/><TextArea name="answer" toName="text" required="true" rows="3"/></View>'
    data = {"text": "Hello"}
    ids = open_task(page, site_url, xml, [data])
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_have_text("Fill in the required field: answer.")
    page.get_by_role("textbox", name="answer (required)").fill("a first line\na second line")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert values(ann) == {"answer": {"text": ["a first line\na second line"]}}
    validate(xml, data, [ann], page, ids["project"])


def test_editable_line_is_saved_as_typed(page, site_url):
    xml = '<View><Text name="text" value="$text"/><TextArea name="answer" toName="text" editable="true" skipDuplicates="true"/></View>'
    data = {"text": "Hello"}
    ids = open_task(page, site_url, xml, [data])
    task = ids["tasks"][0]
    box = page.get_by_role("textbox", name="answer", exact=True)
    for text in ("first", "second"):
        box.fill(text)
        box.press("Enter")
    page.get_by_role("textbox", name="answer text 1").fill("first, corrected")
    reload(page)  # still in the line, at once

    line = page.get_by_role("textbox", name="answer text 1")
    expect(line).to_have_value("first, corrected")
    assert draft_values(page, task) == {
        "answer": {"text": ["first", "second"]}
    }  # not in the result until it is left
    line.press("Enter")
    wait_saved(page)
    assert draft_values(page, task) == {"answer": {"text": ["first, corrected", "second"]}}
    page.get_by_role("button", name="Undo").click()  # the whole change is one step
    expect(page.get_by_role("textbox", name="answer text 1")).to_have_value("first")
    page.get_by_role("button", name="Redo").click()
    expect(page.get_by_role("textbox", name="answer text 1")).to_have_value("first, corrected")

    # skipDuplicates: a line cannot become another one (any case); it says so and keeps the line
    second = page.get_by_role("textbox", name="answer text 2")
    second.fill("FIRST, corrected")
    second.press("Enter")
    expect(page.get_by_role("status").filter(has_text="already there")).to_be_visible()
    expect(second).to_have_value("second")

    # a change left by a click elsewhere is kept, even by a click that deletes another line
    page.get_by_role("textbox", name="answer text 2").fill("second, corrected")
    page.get_by_role("button", name="Delete answer text 1").click()
    expect(page.get_by_role("textbox", name="answer text 1")).to_have_value("second, corrected")
    expect(page.get_by_role("textbox", name="answer text 2")).to_have_count(0)

    page.get_by_role("textbox", name="answer text 1").fill(
        "second, corrected again"
    )  # left as it is: Submit takes it
    ann = submit(page, task)
    assert values(ann) == {"answer": {"text": ["second, corrected again"]}}
    validate(xml, data, [ann], page, ids["project"])


def test_per_region_typed_text_stays_with_its_region(page, site_url):
    xml = """<View><Labels name="ner" toName="text"><Label value="Thing"/></Labels><Text name="text" value="$text"/>
      <TextArea name="note" toName="text" perRegion="true"/></View>"""
    text = "A new phone from Paris."
    data = {"text": text}
    ids = open_task(page, site_url, xml, [data])
    task = ids["tasks"][0]
    page.keyboard.press("1")
    panel = spans(page, text, ("phone", "Paris"))
    note = page.get_by_role("textbox", name="note")

    panel.get_by_role("button", name="phone").click()
    note.fill("about the phone")
    panel.get_by_role("button", name="Paris").click()
    expect(note).to_have_value("")  # Paris has nothing typed
    note.press("Enter")
    note.fill("about Paris")
    panel.get_by_role("button", name="phone").click()
    expect(note).to_have_value("about the phone")
    assert "note" not in draft_values(page, task)

    reload(page)
    panel.get_by_role("button", name="Paris").click()
    expect(note).to_have_value("about Paris")
    panel.get_by_role("button", name="phone").click()
    expect(note).to_have_value("about the phone")
    note.press("Enter")  # added on phone, the region it was typed on
    expect(page.get_by_text("about the phone", exact=True)).to_be_visible()
    page.screenshot(path="/tmp/lc/inputs-per-region.png", full_page=True)

    ann = submit(page, task)  # Paris's typed text is added by the Submit
    notes = {
        (it["value"]["start"], it["value"]["end"]): it["value"]["text"]
        for it in ann["result"]
        if it["from_name"] == "note"
    }
    phone, paris = text.index("phone"), text.index("Paris")
    assert notes == {(phone, phone + 5): ["about the phone"], (paris, paris + 5): ["about Paris"]}
    regions = {
        it["id"]: (it["value"]["start"], it["value"]["end"])
        for it in ann["result"]
        if it["from_name"] == "ner"
    }
    assert all(
        regions[it["id"]] == (it["value"]["start"], it["value"]["end"])
        for it in ann["result"]
        if it["from_name"] == "note"
    )
    validate(xml, data, [ann], page, ids["project"])


DATES = """<View><Text name="text" value="$text"/>
  <DateTime name="day" toName="text" only="date" format="%d/%m/%Y"/>
  <DateTime name="when" toName="text" only="date,time" format="%b %e, %Y %I:%M %p"/>
  <DateTime name="yday" toName="text" only="date" format="%Y-%j"/>
  <DateTime name="year" toName="text" only="year" format="%Y"/>
  <DateTime name="plain" toName="text" only="date" format="%Y-%m-%d"/>
  <DateTime name="clock" toName="text" only="time" format="%d/%m/%Y"/>
</View>"""


def test_datetime_stores_its_format_and_reads_it_back(page, site_url):
    data = {"text": "Hello"}
    ids = open_task(
        page,
        site_url,
        DATES,
        [data, data],
        [
            [],
            [
                {
                    "model_version": "v1",
                    "result": [
                        {
                            "id": "p1",
                            "from_name": "day",
                            "to_name": "text",
                            "type": "datetime",
                            "value": {"datetime": "2024-02-03"},
                        }
                    ],
                }
            ],
        ],
    )
    task = ids["tasks"][0]
    date = lambda name: page.get_by_label(name, exact=True)  # noqa: E731
    date("day").fill("2024-02-03")
    date("when").fill("2024-02-03T14:05")
    date("yday").fill("2024-02-03")
    date("year").fill("2024")
    date("year").press("Tab")
    date("plain").fill("2024-02-03")
    date("clock").fill("09:30")
    expected = {
        "day": {"datetime": "03/02/2024"},
        "when": {"datetime": "Feb  3, 2024 02:05 PM"},
        "yday": {"datetime": "2024-034"},
        "year": {"datetime": "2024"},
        "plain": {"datetime": "2024-02-03"},
        "clock": {"datetime": "09:30"},
    }
    wait_saved(page)
    assert draft_values(page, task) == expected
    for name in ("day", "when", "year"):
        expect(page.get_by_text(name, exact=True)).to_have_count(0)  # no raw-name caption
    ann = submit(page, task)
    assert values(ann) == expected

    reload(page)  # reopened from the annotation: every value read back through its format
    for name, shown in {
        "day": "2024-02-03",
        "when": "2024-02-03T14:05",
        "yday": "2024-02-03",
        "year": "2024",
        "plain": "2024-02-03",
        "clock": "09:30",
    }.items():
        expect(date(name)).to_have_value(shown)
    validate(DATES, data, [ann], page, ids["project"])

    # a saved value that does not fit the format is kept, and the screen says so
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][1]}")
    expect(
        page.get_by_role("status").filter(has_text='"2024-02-03" does not fit the format "%d/%m/%Y"')
    ).to_be_visible()
    expect(date("day")).to_have_value("")
    page.screenshot(path="/tmp/lc/inputs-datetime.png", full_page=True)
    ann = submit(page, ids["tasks"][1])
    assert values(ann) == {"day": {"datetime": "2024-02-03"}}


NUMBERS = """<View><Text name="text" value="$text"/>
  <Number name="n" toName="text" min="0" max="10" step="0.5"/>
  <Number name="s" toName="text" min="1" max="5" slider="true"/>
  <Rating name="stars" toName="text"/>
</View>"""


def test_number_keeps_to_its_step_and_an_untouched_slider_is_unset(page, site_url):
    data = {"text": "Hello"}
    ids = open_task(page, site_url, NUMBERS, [data])
    task = ids["tasks"][0]
    n = page.get_by_role("spinbutton", name="n")
    n.fill("3.3")
    n.press("Tab")
    expect(n).to_have_value("3.5")
    expect(
        page.get_by_role("status").filter(has_text="the two nearest valid values are 3 and 3.5")
    ).to_be_visible()
    n.fill("3.3")  # again: the store holds 3.5 already, the box must still show it
    n.press("Tab")
    expect(n).to_have_value("3.5")
    n.fill("12")
    n.press("Tab")
    expect(n).to_have_value("10")
    wait_saved(page)
    assert draft_values(page, task)["n"] == {"number": 10}
    n.fill("2.5")
    n.press("Tab")
    expect(n).to_have_value("2.5")
    expect(page.locator(".lc-input-note")).to_have_count(0)

    slider = page.get_by_role("slider", name="s")
    expect(slider).to_have_attribute("aria-valuetext", "not set")
    expect(page.locator(".lc-number output")).to_have_text("not set")
    wait_saved(page)
    assert "s" not in draft_values(page, task)
    slider.focus()
    page.keyboard.press("Home")  # at min already: the key still sets it
    expect(page.locator(".lc-number output")).to_have_text("1")
    expect(slider).not_to_have_attribute("aria-valuetext", "not set")
    expect(page.get_by_text("n", exact=True)).to_have_count(0)
    expect(page.get_by_text("s", exact=True)).to_have_count(0)

    star = page.get_by_role("radio", name="5 stars")
    assert star.evaluate(CONTRAST) >= 3  # an unselected star is visible on the page
    page.get_by_role("radio", name="4 stars").click()
    page.screenshot(path="/tmp/lc/inputs-number.png", full_page=True)
    ann = submit(page, task)
    assert values(ann) == {"n": {"number": 2.5}, "s": {"number": 1}, "stars": {"rating": 4}}
    validate(NUMBERS, data, [ann], page, ids["project"])


def test_number_is_saved_as_typed(page, site_url):
    xml = """<View><Text name="text" value="$text"/><Number name="n" toName="text" required="true"/>
      <Number name="m" toName="text" min="5" max="20"/></View>"""
    data = {"text": "Hello"}
    ids = open_task(page, site_url, xml, [data, data])
    task = ids["tasks"][0]
    n = page.get_by_role("spinbutton", name="n (required)")
    n.click()
    page.keyboard.type("7")
    reload(page)  # at once: no blur, no Enter
    expect(n).to_have_value("7")
    m = page.get_by_role("spinbutton", name="m")
    m.click()
    page.keyboard.type(
        "12"
    )  # passes through 1 (below min) on the way: the box is not rewritten under the typing
    expect(m).to_have_value("12")
    expect(page.locator(".lc-input-note")).to_have_count(0)
    page.keyboard.press("Control+Enter")  # a required Number typed in counts, from the box itself
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    expect(n).to_have_value("7")
    [ann] = page.evaluate(ANNOTATIONS, task)
    assert values(ann) == {"n": {"number": 7}, "m": {"number": 12}}
    validate(xml, data, [ann], page, ids["project"])


def test_textarea_enter_and_add_button_follow_rows(page, site_url):
    xml = """<View><Text name="text" value="$text"/>
      <TextArea name="transcript" toName="text" rows="3"/>
      <TextArea name="tag" toName="text"/>
      <TextArea name="tagged" toName="text" showSubmitButton="true"/>
      <TextArea name="bare" toName="text" rows="2" showSubmitButton="false"/></View>"""
    data = {"text": "Hello"}
    ids = open_task(page, site_url, xml, [data])
    group = lambda name: page.get_by_role("group", name=name, exact=True)  # noqa: E731
    expect(group("transcript").get_by_role("button", name="Add")).to_be_visible()  # rows > 1: Add shows
    expect(group("tag").get_by_role("button", name="Add")).to_have_count(0)  # rows="1": Enter adds, no button
    expect(group("tagged").get_by_role("button", name="Add")).to_be_visible()
    expect(group("bare").get_by_role("button", name="Add")).to_have_count(0)

    page.get_by_role("textbox", name="transcript").click()
    page.keyboard.type("line one")
    page.keyboard.press("Enter")  # a new line
    page.keyboard.type("line two ")
    page.keyboard.press("Shift+Enter")  # adds, exactly as typed
    expect(page.get_by_role("textbox", name="transcript")).to_have_value("")
    page.get_by_role("textbox", name="tag", exact=True).fill("  spaced  ")
    page.get_by_role("textbox", name="tag", exact=True).press("Enter")
    page.get_by_role("textbox", name="bare").fill("kept for Submit")
    page.screenshot(path="/tmp/lc/inputs-textarea-rows.png", full_page=True)
    ann = submit(page, ids["tasks"][0])
    assert values(ann) == {
        "transcript": {"text": ["line one\nline two "]},
        "tag": {"text": ["  spaced  "]},
        "bare": {"text": ["kept for Submit"]},
    }
    validate(xml, data, [ann], page, ids["project"])


def test_number_hotkey_steps_up_and_wraps_after_max(page, site_url):
    xml = '<View><Text name="text" value="$text"/><Number name="n" toName="text" hotkey="n" max="3"/></View>'
    ids = open_task(page, site_url, xml, [{"text": "Hello"}])
    task = ids["tasks"][0]
    box = page.get_by_role("spinbutton", name="n")
    page.locator("body").click(position={"x": 5, "y": 5})
    for shown in ("1", "2", "3", "0", "1"):  # one up each press; after max, 0 (Label Studio's increaseValue)
        page.keyboard.press("n")
        expect(box).to_have_value(shown)
    wait_saved(page)
    assert draft_values(page, task) == {"n": {"number": 1}}
    page.get_by_role("button", name="Hotkeys").click()
    expect(page.get_by_role("dialog", name="Hotkeys").get_by_role("row", name="n n (Number)")).to_be_visible()
