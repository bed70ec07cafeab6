"""Annotation tabs and instructions, as an annotator meets them: the project's instructions open
with the task (sanitized: nothing runs) and on demand; another annotator's annotation and a
prediction are viewed read-only in tabs, copied into new annotations of the current annotator,
edited and submitted; the originals stay as they were. Stored results validate."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from labelcore.config.parse import parse_config
from tests.browser.helpers import ANNOTATIONS, NER, select_text, validate

TEXT = "Zoë met Ana in Lisbon."
INSTRUCTIONS = (
    '<h3>Tag people and places</h3><p>Mark every <b>person</b> as PER.<img src="x" onerror="window.__pwned=1">'
    '<script>window.__pwned=2</script><a href="javascript:window.__pwned=3">help</a></p>'
)


def span(rid, word, label, origin="manual"):
    i = TEXT.index(word)
    return {
        "value": {"start": i, "end": i + len(word), "text": word, "labels": [label]},
        "id": rid,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": origin,
    }


SEED = """async ([xml, config, text, instructions, adaResult, predResult]) => {
  const projects = await import('./js/store/projects.js');
  const profiles = await import('./js/store/profiles.js');
  const { write } = await import('./js/store/db.js');
  const R = await import('./js/store/records.js');
  const ada = await profiles.createProfile({ name: 'Ada Lovelace', email: 'ada@example.org' });
  const bob = await profiles.createProfile({ name: 'Bob Stone', email: 'bob@example.org' });  // the current annotator
  const p = await projects.createProject({ name: 'Tabs test', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  await projects.updateSettings(p.id, { expert_instruction: instructions, show_instruction: true, maximum_annotations: 3 });
  return write(['tasks', 'annotations', 'predictions'], async (tx) => {
    const task = await tx.objectStore('tasks').add(R.taskRecord({ data: { text }, meta: {}, inner_id: 1,
      created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }, { project: p.id }));
    const ann = await tx.objectStore('annotations').add(R.annotationRecord({ completed_by: ada.id, result: adaResult, was_cancelled: false,
      ground_truth: false, lead_time: 4, created_at: '2025-01-02T00:00:00.000Z', updated_at: '2025-01-02T00:00:00.000Z' }, { project: p.id, task }));
    await tx.objectStore('predictions').add(R.predictionRecord({ result: predResult, score: 0.5, model_version: 'v7',
      created_at: '2025-01-03T00:00:00.000Z' }, { project: p.id, task }));
    return { project: p.id, task, ann, ada: ada.id, bob: bob.id };
  });
}"""


def test_tabs_view_copy_and_instructions(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    ada_result = [span("ada0000001", "Zoë", "PER"), span("ada0000002", "Lisbon", "LOC")]
    pred_result = [span("prd0000001", "Ana", "PER")]
    ids = page.evaluate(SEED, [NER, parse_config(NER).to_json(), TEXT, INSTRUCTIONS, ada_result, pred_result])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['task']}")

    # the instructions open with the task, sanitized
    dialog = page.get_by_role("dialog", name="Instructions")
    expect(dialog).to_contain_text("Mark every person as PER.")
    expect(dialog.get_by_role("heading", name="Tag people and places")).to_be_visible()
    assert dialog.locator("script, [onerror], [href^='javascript']").count() == 0
    page.screenshot(path="/tmp/lc/instructions.png")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert page.evaluate("() => window.__pwned") is None
    page.get_by_role("button", name="Instructions").click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)

    tabs = page.get_by_role("tablist", name="Annotations")
    expect(tabs.get_by_role("tab")).to_have_text(
        ["Yours (new)", f"#{ids['ann']} Ada Lovelace", "Prediction v7 (0.5)"]
    )
    expect(tabs.get_by_role("tab", name="Yours (new)")).to_have_attribute("aria-selected", "true")
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("listitem", name=re.compile("^Region "))).to_have_count(
        1
    )  # pre-labeled from the prediction

    # Ada's annotation, read-only: no label to pick, selecting text adds nothing
    tabs.get_by_role("tab", name=re.compile("Ada Lovelace")).click()
    view = page.get_by_role("tabpanel", name=re.compile("Ada Lovelace"))
    expect(view).to_contain_text("read-only")
    expect(view.get_by_role("listitem", name=re.compile("^Region "))).to_have_count(2)
    expect(view.get_by_role("button", name="PER")).to_be_disabled()
    page.keyboard.press("1")  # no label hotkeys on a read-only tab
    doc = view.get_by_role("document", name="Text text")
    select_text(page, doc, TEXT.index("Ana"), TEXT.index("Ana") + 3)
    expect(view.get_by_role("listitem", name=re.compile("^Region "))).to_have_count(2)
    page.screenshot(path="/tmp/lc/tabs-readonly.png")

    # Copy it into a new annotation of mine, add a span, Submit
    view.get_by_role("button", name="Copy").click()
    expect(tabs.get_by_role("tab", name="Yours (new)")).to_have_attribute("aria-selected", "true")
    expect(panel.get_by_role("listitem", name=re.compile("^Region "))).to_have_count(2)
    page.keyboard.press("1")
    doc = page.get_by_role("document", name="Text text")
    select_text(page, doc, TEXT.index("Ana"), TEXT.index("Ana") + 3)
    expect(panel.get_by_role("listitem", name=re.compile("^Region "))).to_have_count(3)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("status").filter(has_text="submitted")).to_be_visible()
    expect(page.get_by_role("button", name="Update")).to_be_visible()

    # the prediction, reached with the keyboard, copied into another new annotation
    mine = tabs.get_by_role("tab", name=re.compile("^Yours #"))
    mine.focus()
    page.keyboard.press("ArrowLeft")  # wraps to the last tab: the prediction
    expect(tabs.get_by_role("tab", name="Prediction v7 (0.5)")).to_have_attribute("aria-selected", "true")
    page.get_by_role("tabpanel", name="Prediction v7 (0.5)").get_by_role("button", name="Copy").click()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()  # the second Submit is written
    expect(tabs.get_by_role("tab")).to_have_count(4)  # mine (newest) + Ada's + my first + the prediction

    anns = {a["id"]: a for a in page.evaluate(ANNOTATIONS, ids["task"])}
    assert anns[ids["ann"]]["result"] == ada_result  # untouched
    first, second = sorted(
        (a for a in anns.values() if a["completed_by"] == ids["bob"]), key=lambda a: a["id"]
    )
    assert [it["value"]["text"] for it in first["result"]] == ["Zoë", "Lisbon", "Ana"]
    assert first["result"][:2] == ada_result and first["result"][2]["origin"] == "manual"
    assert first["parent_prediction"] is None
    assert (
        second["result"] == [{**pred_result[0], "origin": "prediction"}]
        and second["parent_prediction"] is not None
    )
    validate(NER, {"text": TEXT}, list(anns.values()), page, ids["project"])
