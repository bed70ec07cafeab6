"""What the browser tests share: seeding a project in the page's IndexedDB, opening a task on the
labeling screen, acting on it (selecting text with the mouse), and reading back what the app wrote
(the saved draft, the annotations) once the app says it is written. Test modules import from here
and never from one another.

Waiting: no fixed sleeps. A change the app writes later (a draft due after typing, a Data Manager
tab saved after its last change) is shown by `<html data-saved="false">` until it is in IndexedDB
(site/js/lib/saved.js); `wait_saved` waits for that.
"""

from __future__ import annotations

import base64
import json
import re

import jsonschema
from playwright.sync_api import expect

from labelcore.config.parse import parse_config
from labelcore.config.schema import schema_for, schemas
from labelcore.model.check import TaskChecker

READY = '.core-status[data-state="ready"]'
BOOT_TIMEOUT = 90_000  # ms: Pyodide takes ~5 s on a 2-core machine; leave room under load

NER = """<View>
  <Labels name="label" toName="text">
    <Label value="PER" background="#e25b5b"/>
    <Label value="LOC" background="#31a06c"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations><Relation value="lives_in"/></Relations>
  <TextArea name="note" toName="text" perRegion="true" placeholder="Note on the region"/>
</View>"""

SEED = """async ([xml, config, tasks, predictions]) => {
  const projects = await import('./js/store/projects.js');
  const { write } = await import('./js/store/db.js');
  const R = await import('./js/store/records.js');
  const p = await projects.createProject({ name: 'Labeling test', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  const ids = await write(['tasks', 'predictions'], async (tx) => {
    const out = [];
    for (const [i, data] of tasks.entries()) {
      const id = await tx.objectStore('tasks').add(R.taskRecord({ data, meta: {}, inner_id: i + 1,
        created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }, { project: p.id }));
      out.push(id);
      for (const pred of predictions[i] ?? []) await tx.objectStore('predictions').add(R.predictionRecord(pred, { task: id, project: p.id }));
    }
    return out;
  });
  return { project: p.id, tasks: ids };
}"""

# One stored PNG (media img0001, street.png) and one task showing it.
SEED_IMAGE = """async ([xml, config, png]) => {
  const { projects, store } = window.labelcore;
  const R = await import('./js/store/records.js');
  const p = await projects.createProject({ name: 'Image test', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const ids = await store.write(['media', 'tasks'], async (tx) => {
    await tx.objectStore('media').add({ id: 'img0001', project: p.id, name: 'street.png', path: 'street.png', type: 'image/png',
      size: bytes.length, blob: new Blob([bytes], { type: 'image/png' }) });
    return [await tx.objectStore('tasks').add(R.taskRecord({ data: { image: 'media://img0001/street.png' }, meta: {}, inner_id: 1,
      created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }, { project: p.id }))];
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

ANNOTATIONS = """async (task) => {
  const { annotationsOfTask } = await import('./js/store/annotations.js');
  return annotationsOfTask(task);
}"""

EXPORT_JSON = """async ([project, xml]) => {
  const { exportTasks } = await import('./js/store/exports.js');
  const tasks = await exportTasks(project, {});
  const answer = await window.labelcore.core.call('export.run', { config_xml: xml, tasks, format: 'JSON' });
  return new TextDecoder().decode(answer.data);
}"""


# ---------------------------------------------------------------- the app's signals


def wait_ready(page, timeout: int = BOOT_TIMEOUT) -> None:
    """The Python core answers (the status line says ready)."""
    page.wait_for_selector(READY, timeout=timeout)


def wait_saved(page) -> None:
    """Every change the page holds is written to IndexedDB (nothing due, nothing in flight)."""
    expect(page.locator("html")).to_have_attribute("data-saved", "true")


def no_python(page) -> None:
    """Pyodide's runtime answers 404: the core fails fast and the screens under test must not care."""
    page.route(
        re.compile(r".*/pyodide/pyodide\.asm\.wasm$"),
        lambda route: route.fulfill(status=404, body="held back"),
    )


# ---------------------------------------------------------------- seeding and opening


def seed(page, site_url, xml, tasks, predictions=None) -> dict:
    """A project with this config and these tasks (and predictions, one list per task): {project, tasks}."""
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    config = parse_config(xml).to_json()
    return page.evaluate(SEED, [xml, config, tasks, predictions or []])


def seed_image(page, site_url, xml, png: bytes) -> dict:
    """A project with this config and one task showing the PNG (stored as media img0001)."""
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    return page.evaluate(SEED_IMAGE, [xml, parse_config(xml).to_json(), base64.b64encode(png).decode()])


def open_task(page, site_url, xml, tasks, predictions=None, index=0) -> dict:
    """Seed, then open task `index` on the labeling screen, its view drawn."""
    ids = seed(page, site_url, xml, tasks, predictions)
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][index]}")
    page.wait_for_selector(".lc-view")
    expect(page.get_by_role("button", name=re.compile(r"^(Submit|Update)$"))).to_be_visible()
    return ids


def reload(page) -> None:
    page.reload()
    page.wait_for_selector(".lc-view")


# ---------------------------------------------------------------- acting


def utf16(text: str, index: int) -> int:
    """A Python str index as a JS string index (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def select_text(page, locator, start: int, end: int) -> None:
    """Drag the mouse over [start, end) (JS string offsets) of the text under `locator`."""
    box = locator.evaluate(
        """(root, [start, end]) => {
      const nodes = []; const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement.closest('[data-lc-skip]')) nodes.push(n);
      const at = (off, end) => { let acc = 0; for (const n of nodes) { if (off < acc + n.length || (end && off === acc + n.length)) return [n, off - acc]; acc += n.length; } };
      const r = document.createRange(); r.setStart(...at(start, false)); r.setEnd(...at(end, true));
      const rects = [...r.getClientRects()].filter((q) => q.width > 0);
      const a = rects[0], b = rects[rects.length - 1];
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }""",
        [start, end],
    )
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=3)
    page.mouse.move(box["x2"], box["y2"], steps=3)
    page.mouse.up()


def spans(page, text, words):
    """Select each word of the task's text with the mouse (a region each); the regions panel."""
    doc = page.get_by_role("document", name="Text text")
    for word in words:
        i = text.index(word)
        select_text(page, doc, i, i + len(word))
    return page.get_by_role("complementary", name="Regions panel")


def submit(page, task) -> dict:
    """Submit with ctrl+enter from wherever the focus is; the stored annotation."""
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, task)
    assert all(list(it) == ["value", "id", "from_name", "to_name", "type", "origin"] for it in ann["result"])
    return ann


# ---------------------------------------------------------------- reading back


def draft_result(page, task: int) -> list[dict] | None:
    """The result of the saved draft of a task, or None when there is no draft."""
    draft = page.evaluate(DRAFT, task)
    return draft["result"] if draft else None


def draft_values(page, task) -> dict:
    """from_name -> value of each item of the saved draft's result ({} without a draft)."""
    draft = page.evaluate(DRAFT, task)
    return {it["from_name"]: it["value"] for it in (draft or {}).get("result", [])}


def values(ann) -> dict:
    return {it["from_name"]: it["value"] for it in ann["result"]}


def validate(
    xml: str, task_data: dict, annotations: list[dict], page=None, project: int | None = None
) -> None:
    """The task validates against the config's result schemas and the model check. With a page
    and a project, so does the project's JSON export made by the core in that page (what a
    person downloads), and it carries these annotations' results unchanged."""
    cfg = parse_config(xml)
    sch = schemas(cfg)
    tasks = [{"id": 1, "data": task_data, "annotations": annotations}]
    if page is not None:
        wait_ready(page)
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
