"""Keyboard span selection on HyperText and Paragraphs, as on Text: put the caret in the
object, extend it with shift+arrows, release shift; the spans match the mouse-made ones."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import ANNOTATIONS, draft_result, seed, select_text, validate

XML = """<View>
  <HyperTextLabels name="ents" toName="page"><Label value="Thing"/></HyperTextLabels>
  <HyperText name="page" value="$html"/>
  <ParagraphLabels name="intent" toName="chat"><Label value="Question"/></ParagraphLabels>
  <Paragraphs name="chat" value="$chat" layout="dialogue"/>
</View>"""

# put the caret at a text offset of the element (skipping author badges), as a click would
CARET = """(root, off) => { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let acc = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) { if (n.parentElement.closest('[data-lc-skip]')) continue;
    if (off <= acc + n.length) { getSelection().collapse(n, off - acc); return; } acc += n.length; } }"""


def shift_select(page, locator, offset, count):
    locator.focus()
    locator.evaluate(CARET, offset)
    page.keyboard.down("Shift")
    for _ in range(count):
        page.keyboard.press("ArrowRight")
    page.keyboard.up("Shift")


def test_keyboard_spans_on_hypertext_and_paragraphs(page, site_url):
    html_doc = "<div><p>Hello <b>brave</b> world</p></div>"
    chat = [{"author": "Ann", "text": "Hi there!"}, {"author": "Bot", "text": "How are you?"}]
    data = {"html": html_doc, "chat": chat}
    ids = seed(page, site_url, XML, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    doc = page.get_by_role("document", name="HyperText page")
    expect(doc).to_contain_text("brave")
    page.get_by_role("button", name="Thing").click()
    shift_select(page, doc, len("Hello "), len("brave world"))
    page.get_by_role("button", name="Question").click()
    dialogue = page.get_by_role("document", name="Paragraphs chat")
    shift_select(page, dialogue, len("Hi there!") + len("How "), len("are you"))
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("listitem")).to_have_count(2)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    ht, para = sorted(ann["result"], key=lambda it: it["type"])
    assert ht["value"] == {
        "start": "/div[1]/p[1]/b[1]/text()[1]",
        "end": "/div[1]/p[1]/text()[2]",
        "startOffset": 0,
        "endOffset": 6,
        "globalOffsets": {"start": 6, "end": 17},
        "text": "brave world",
        "hypertextlabels": ["Thing"],
    }
    assert para["value"] == {
        "start": "1",
        "end": "1",
        "startOffset": 4,
        "endOffset": 11,
        "text": "are you",
        "paragraphlabels": ["Question"],
    }
    validate(XML, data, [ann], page, ids["project"])


def test_hotkeys_of_choices_from_task_data_and_none_under_a_dialog(page, site_url):
    xml = '<View><Text name="text" value="$text"/><Choices name="c" toName="text" value="$opts"/></View>'
    data = {"text": "Pick one", "opts": [{"value": "Opt1", "hotkey": "q"}, {"value": "Opt2", "hotkey": "w"}]}
    ids = seed(page, site_url, xml, [data])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_text("Pick one")).to_be_visible()
    page.keyboard.press("q")
    expect(
        page.get_by_role("checkbox", name="Opt1").or_(page.get_by_role("radio", name="Opt1"))
    ).to_be_checked()

    page.get_by_role("button", name="Hotkeys").click()
    help_ = page.get_by_role("dialog", name="Hotkeys")
    expect(help_).to_contain_text("c: Opt2")  # the task's choices are listed with their keys
    page.keyboard.press("w")  # the dialog is over the screen: nothing changes behind it
    page.keyboard.press("Control+z")
    page.keyboard.press("Escape")
    expect(help_).to_be_hidden()
    assert [r["value"] for r in draft_result(page, ids["tasks"][0])] == [{"choices": ["Opt1"]}]
    page.keyboard.press("w")
    expect(
        page.get_by_role("checkbox", name="Opt2").or_(page.get_by_role("radio", name="Opt2"))
    ).to_be_checked()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert [r["value"] for r in ann["result"]] == [{"choices": ["Opt2"]}]
    validate(xml, data, [ann], page, ids["project"])


def test_rating_hotkey_steps_up_and_wraps(page, site_url):
    xml = '<View><Text name="text" value="$text"/><Rating name="r" toName="text" maxRating="3" hotkey="r"/></View>'
    ids = seed(page, site_url, xml, [{"text": "Rate me"}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_text("Rate me")).to_be_visible()
    for stars in ("1 star", "2 stars", "3 stars"):
        page.keyboard.press("r")
        expect(page.get_by_role("radio", name=stars)).to_have_attribute("aria-checked", "true")
    page.keyboard.press("r")  # past the last star: none again
    expect(page.locator(".lc-star.lc-on")).to_have_count(0)
    page.keyboard.press("r")
    page.keyboard.press("r")
    assert [r["value"] for r in draft_result(page, ids["tasks"][0])] == [{"rating": 2}]
    page.keyboard.press("Shift+?")
    expect(page.get_by_role("dialog", name="Hotkeys")).to_contain_text("r (Rating)")


def test_ctrl_h_hides_and_shows_every_region(page, site_url):
    xml = '<View><Labels name="label" toName="text"><Label value="PER"/></Labels><Text name="text" value="$text"/></View>'
    text = "Ann met Bob."
    ids = seed(page, site_url, xml, [{"text": text}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    doc = page.get_by_role("document", name="Text text")
    expect(doc).to_contain_text(text)
    page.keyboard.press("1")
    for word in ("Ann", "Bob"):
        i = text.index(word)
        select_text(page, doc, i, i + len(word))
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("button", name="Hide region")).to_have_count(2)
    page.keyboard.press("Control+h")
    expect(panel.get_by_role("button", name="Show region")).to_have_count(2)
    expect(page.locator(".lc-hl")).to_have_count(0)
    page.keyboard.press("Control+h")
    expect(panel.get_by_role("button", name="Hide region")).to_have_count(2)
    page.keyboard.press("Control+z")  # an edit like any other: undone
    expect(panel.get_by_role("button", name="Show region")).to_have_count(2)
