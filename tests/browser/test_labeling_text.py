"""The labeling screen on text, as a person uses it: NER spans on a text with emoji selected
with the mouse (offsets = Label Studio's UTF-16 offsets), a relation, undo/redo, a reload that
restores everything, Submit then Update; the stored annotation validates against the config."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.helpers import ANNOTATIONS, NER, seed, select_text, utf16, validate

TEXT = "Zoë 👩‍💻 met Ana in São Paulo 🇧🇷, e\u0301 voilà 東京."


def test_ner_spans_relation_undo_reload_submit_update(page, site_url):
    ids = seed(page, site_url, NER, [{"text": TEXT}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label")
    text = page.get_by_role("document", name="Text text")
    expect(text).to_contain_text("São Paulo")
    assert re.search(rf"#/projects/{ids['project']}/label/{ids['tasks'][0]}\?stream=1$", page.url)

    spans = [("Zoë", "PER"), ("São Paulo", "LOC"), ("東京", "LOC")]
    active = None
    for word, label in spans:
        if label != active:  # a label stays picked for the next span, as in Label Studio
            page.keyboard.press("1" if label == "PER" else "2")
            active = label
        i = TEXT.index(word)
        select_text(page, text, utf16(TEXT, i), utf16(TEXT, i + len(word)))
    # the keyboard: a caret in the text, shift+arrows extend, releasing shift makes the span
    page.keyboard.press("1")
    ana = utf16(TEXT, TEXT.index("Ana"))
    text.focus()
    text.evaluate(
        """(root, off) => { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let acc = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) { if (off <= acc + n.length) { getSelection().collapse(n, off - acc); return; } acc += n.length; } }""",
        ana,
    )
    page.keyboard.down("Shift")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.up("Shift")
    spans.append(("Ana", "PER"))
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("listitem", name=re.compile(r"^Region "))).to_have_count(4)
    expect(page.get_by_role("textbox", name="note")).to_have_count(
        0
    )  # perRegion: only with a region selected
    panel.get_by_role("button", name="Ana").click()
    note = page.get_by_role("textbox", name="note")
    note.fill("a friend")
    note.press("Enter")
    expect(panel.get_by_role("region", name="Details")).to_contain_text("note: a friend")

    # a relation: select Zoë, alt+r, click São Paulo
    panel.get_by_role("button", name="Zoë").click()
    page.keyboard.press("Alt+r")
    panel.get_by_role("button", name="São Paulo").click()
    expect(
        panel.get_by_role("listitem", name=re.compile(r"^Relation PER: Zoë to LOC: São Paulo"))
    ).to_have_count(1)
    panel.get_by_role("combobox", name="Relation label").select_option("lives_in")

    # undo the label choice and the relation, redo both
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+z")
    page.keyboard.press("Control+z")
    expect(panel.get_by_role("listitem", name=re.compile(r"^Relation "))).to_have_count(0)
    page.keyboard.press("Control+Shift+z")
    page.keyboard.press("Control+Shift+z")
    expect(panel.get_by_role("listitem", name=re.compile(r"^Relation "))).to_have_count(1)
    # one more undo so the redo stack is not empty when we reload
    page.keyboard.press("Control+z")
    expect(page.get_by_text("Draft saved")).to_be_visible()
    page.screenshot(path="/tmp/lc/ner.png", full_page=True)

    page.reload()
    expect(page.get_by_text("Restored your unsaved work on this task.")).to_be_visible()
    expect(panel.get_by_role("listitem", name=re.compile(r"^Region "))).to_have_count(4)
    expect(page.get_by_role("button", name="Redo")).to_be_enabled()
    page.get_by_role("button", name="Redo").click()
    expect(panel.get_by_role("combobox", name="Relation label")).to_have_value("lives_in")

    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("No more tasks to label")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    regions = [it for it in ann["result"] if it["type"] == "labels"]
    [per] = [it for it in ann["result"] if it["type"] == "textarea"]
    ana_item = next(it for it in regions if it["value"]["text"] == "Ana")
    assert per["id"] == ana_item["id"] and per["from_name"] == "note" and per["to_name"] == "text"
    assert per["value"] == {"start": ana, "end": ana + 3, "text": ["a friend"]}
    got = sorted(
        (it["value"]["start"], it["value"]["end"], it["value"]["text"], it["value"]["labels"][0])
        for it in regions
    )
    want = sorted(
        (utf16(TEXT, TEXT.index(w)), utf16(TEXT, TEXT.index(w) + len(w)), w, lab) for w, lab in spans
    )
    assert got == want
    for it in regions:
        assert list(it) == ["value", "id", "from_name", "to_name", "type", "origin"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{10}", it["id"]) and it["origin"] == "manual"
    [rel] = [it for it in ann["result"] if it["type"] == "relation"]
    by_text = {it["value"]["text"]: it["id"] for it in regions}
    assert rel == {
        "from_id": by_text["Zoë"],
        "to_id": by_text["São Paulo"],
        "type": "relation",
        "direction": "right",
        "labels": ["lives_in"],
    }
    assert ann["was_cancelled"] is False and ann["lead_time"] > 0 and ann["completed_by"] is not None
    validate(NER, {"text": TEXT}, [ann], page, ids["project"])

    # open it again by id: Update edits the same annotation
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    panel.get_by_role("listitem", name=re.compile(r"^Region LOC: 東京")).get_by_role(
        "button", name="Delete region"
    ).click()
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_text(f"Annotation {ann['id']} updated.")).to_be_visible()
    [again] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert again["id"] == ann["id"] and len([it for it in again["result"] if it["type"] == "labels"]) == 3
    assert again["updated_at"] >= ann["updated_at"]
