"""Keyboard span selection on HyperText and Paragraphs, as on Text: put the caret in the
object, extend it with shift+arrows, release shift; the spans match the mouse-made ones."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from playwright.sync_api import expect

_spec = importlib.util.spec_from_file_location("labeling_text", Path(__file__).with_name("test_labeling_text.py"))
_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_text)
seed, validate, ANNOTATIONS = _text.seed, _text.validate, _text.ANNOTATIONS

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
    assert ht["value"] == {"start": "/div[1]/p[1]/b[1]/text()[1]", "end": "/div[1]/p[1]/text()[2]", "startOffset": 0, "endOffset": 6,
                           "globalOffsets": {"start": 6, "end": 17}, "text": "brave world", "hypertextlabels": ["Thing"]}
    assert para["value"] == {"start": "1", "end": "1", "startOffset": 4, "endOffset": 11, "text": "are you", "paragraphlabels": ["Question"]}
    validate(XML, data, [ann], page, ids["project"])
