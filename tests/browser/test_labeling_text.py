"""The labeling screen on text, as a person uses it: NER spans on a text with emoji selected
with the mouse (offsets = Label Studio's UTF-16 offsets), a relation, undo/redo, a reload that
restores everything, Submit then Update; the stored annotation validates against the config."""

from __future__ import annotations

import json
import re

import jsonschema
from playwright.sync_api import expect

from labelcore.config.parse import parse_config
from labelcore.config.schema import schema_for, schemas
from labelcore.model.check import TaskChecker

NER = """<View>
  <Labels name="label" toName="text">
    <Label value="PER" background="#e25b5b"/>
    <Label value="LOC" background="#31a06c"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations><Relation value="lives_in"/></Relations>
  <TextArea name="note" toName="text" perRegion="true" placeholder="Note on the region"/>
</View>"""

TEXT = "Zoë 👩‍💻 met Ana in São Paulo 🇧🇷, e\u0301 voilà 東京."

SEED = """async ([xml, config, tasks, predictions]) => {
  const projects = await import('./js/store/projects.js');
  const { write } = await import('./js/store/db.js');
  const p = await projects.createProject({ name: 'Labeling test', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  const ids = await write(['tasks', 'predictions'], async (tx) => {
    const out = [];
    for (const [i, data] of tasks.entries()) {
      const id = await tx.objectStore('tasks').add({ project: p.id, data, meta: {}, inner_id: i + 1,
        created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' });
      out.push(id);
      for (const pred of predictions[i] ?? []) await tx.objectStore('predictions').add({ ...pred, task: id, project: p.id });
    }
    return out;
  });
  return { project: p.id, tasks: ids };
}"""

# The current annotator's saved draft of a task (after every queued write), or None.
DRAFT = """async (task) => {
  const { draftsSettled, getDraft } = await import('./js/store/drafts.js');
  await draftsSettled();
  const me = (await (await import('./js/store/profiles.js')).currentProfile())?.id ?? 0;
  return (await getDraft(task, me)) ?? null;
}"""


def draft_result(page, task: int) -> list[dict] | None:
    """The result of the saved draft of a task, or None when there is no draft."""
    draft = page.evaluate(DRAFT, task)
    return draft["result"] if draft else None


ANNOTATIONS = """async (task) => {
  const { annotationsOfTask } = await import('./js/store/annotations.js');
  return annotationsOfTask(task);
}"""


def utf16(text: str, index: int) -> int:
    """A Python str index as a JS string index (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def seed(page, site_url, xml, tasks, predictions=None):
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    config = parse_config(xml).to_json()
    return page.evaluate(SEED, [xml, config, tasks, predictions or []])


def select_text(page, locator, start: int, end: int):
    """Drag the mouse over [start, end) (JS string offsets) of the text under `locator`."""
    box = locator.evaluate("""(root, [start, end]) => {
      const nodes = []; const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement.closest('[data-lc-skip]')) nodes.push(n);
      const at = (off, end) => { let acc = 0; for (const n of nodes) { if (off < acc + n.length || (end && off === acc + n.length)) return [n, off - acc]; acc += n.length; } };
      const r = document.createRange(); r.setStart(...at(start, false)); r.setEnd(...at(end, true));
      const rects = [...r.getClientRects()].filter((q) => q.width > 0);
      const a = rects[0], b = rects[rects.length - 1];
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }""", [start, end])
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=3)
    page.mouse.move(box["x2"], box["y2"], steps=3)
    page.mouse.up()


EXPORT_JSON = """async ([project, xml]) => {
  const { exportTasks } = await import('./js/store/exports.js');
  const tasks = await exportTasks(project, {});
  const answer = await window.labelcore.core.call('export.run', { config_xml: xml, tasks, format: 'JSON' });
  return new TextDecoder().decode(answer.data);
}"""


def validate(xml: str, task_data: dict, annotations: list[dict], page=None, project: int | None = None) -> None:
    """The task validates against the config's result schemas and the model check. With a page
    and a project, so does the project's JSON export made by the core in that page (what a
    person downloads), and it carries these annotations' results unchanged."""
    cfg = parse_config(xml)
    sch = schemas(cfg)
    tasks = [{"id": 1, "data": task_data, "annotations": annotations}]
    if page is not None:
        page.wait_for_selector('.core-status[data-state="ready"]', timeout=90_000)
        exported = json.loads(page.evaluate(EXPORT_JSON, [project, xml]))
        by_id = {a["id"]: a for t in exported for a in t["annotations"]}
        for ann in annotations:
            assert by_id[ann["id"]]["result"] == ann["result"]
        tasks = exported
    for task in tasks:
        for ann in task["annotations"]:
            for item in ann["result"]:
                schema = schema_for(sch, item)  # a Repeater's copy ("lang_1") by its control ("lang_{{idx}}")
                assert schema is not None, item
                jsonschema.validate(item, schema)
        problems = TaskChecker(cfg).check(json.loads(json.dumps(task)))
        assert not problems, problems


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
    text.evaluate("""(root, off) => { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let acc = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) { if (off <= acc + n.length) { getSelection().collapse(n, off - acc); return; } acc += n.length; } }""", ana)
    page.keyboard.down("Shift")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.up("Shift")
    spans.append(("Ana", "PER"))
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("listitem", name=re.compile(r"^Region "))).to_have_count(4)
    expect(page.get_by_role("textbox", name="note")).to_have_count(0)  # perRegion: only with a region selected
    panel.get_by_role("button", name="Ana").click()
    note = page.get_by_role("textbox", name="note")
    note.fill("a friend")
    note.press("Enter")
    expect(panel.get_by_role("region", name="Details")).to_contain_text("note: a friend")

    # a relation: select Zoë, alt+r, click São Paulo
    panel.get_by_role("button", name="Zoë").click()
    page.keyboard.press("Alt+r")
    panel.get_by_role("button", name="São Paulo").click()
    expect(panel.get_by_role("listitem", name=re.compile(r"^Relation PER: Zoë to LOC: São Paulo"))).to_have_count(1)
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
    got = sorted((it["value"]["start"], it["value"]["end"], it["value"]["text"], it["value"]["labels"][0]) for it in regions)
    want = sorted((utf16(TEXT, TEXT.index(w)), utf16(TEXT, TEXT.index(w) + len(w)), w, lab) for w, lab in spans)
    assert got == want
    for it in regions:
        assert list(it) == ["value", "id", "from_name", "to_name", "type", "origin"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{10}", it["id"]) and it["origin"] == "manual"
    [rel] = [it for it in ann["result"] if it["type"] == "relation"]
    by_text = {it["value"]["text"]: it["id"] for it in regions}
    assert rel == {"from_id": by_text["Zoë"], "to_id": by_text["São Paulo"], "type": "relation", "direction": "right", "labels": ["lives_in"]}
    assert ann["was_cancelled"] is False and ann["lead_time"] > 0 and ann["completed_by"] is not None
    validate(NER, {"text": TEXT}, [ann], page, ids["project"])

    # open it again by id: Update edits the same annotation
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    panel.get_by_role("listitem", name=re.compile(r"^Region LOC: 東京")).get_by_role("button", name="Delete region").click()
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_text(f"Annotation {ann['id']} updated.")).to_be_visible()
    [again] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert again["id"] == ann["id"] and len([it for it in again["result"] if it["type"] == "labels"]) == 3
    assert again["updated_at"] >= ann["updated_at"]
