"""The Data Manager in headless Chromium: a project's tasks in the table, sorted, filtered with
Label Studio's operators, tabs that survive a reload, selection (rows, all-but) and bulk actions
that change IndexedDB, and a click on a row that opens the task in the label stream.
None of this needs Python: the core's runtime is held back so the tests stay light."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import wait_saved

N = 30
TEXTS = ["a red car", "a river bank", "the blue house", "river and sea", "a tree"]

# 30 tasks: every third annotated (by ana or bo), every other one predicted (score (id*37 % 100)/100).
SEED_JS = """async ({n, texts}) => {
  const {store, projects} = window.labelcore;
  const p = await projects.createProject({name: "Street scenes", description: "Data Manager test"});
  await projects.updateProject(p.id, {parsed_config: {
    objects: [{name: "image", tag: "Image", value: "$image", data_key: "image"},
              {name: "text", tag: "Text", value: "$text", data_key: "text"}],
    controls: [{name: "label", tag: "Choices", to_name: ["text"], type: "choices", labels: []}],
    data_keys: ["image", "text"], relations: [], layout: null}});
  await store.write(["tasks", "annotations", "predictions"], async (tx) => {
    for (let i = 1; i <= n; i++) {
      const stamp = new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
      const task = await tx.objectStore("tasks").add({project: p.id, data: {image: "favicon.svg", text: texts[i % texts.length] + " " + i},
        meta: {}, created_at: stamp, updated_at: stamp, inner_id: i});
      if (i % 3 === 0) await tx.objectStore("annotations").add({task, project: p.id, completed_by: {email: i % 2 ? "ana@example.com" : "bo@example.com"},
        result: [], was_cancelled: false, ground_truth: false, created_at: stamp, updated_at: stamp, lead_time: i});
      if (i % 2 === 0) await tx.objectStore("predictions").add({task, project: p.id, score: (i * 37 % 100) / 100,
        model_version: "v1", created_at: stamp,
        result: [{id: "p" + i, type: "choices", from_name: "label", to_name: "text", value: {choices: ["A"]}}]});
    }
  });
  return p.id;
}"""

COUNTS_JS = """async (pid) => {
  const d = await window.labelcore.store.db();
  const c = (s) => d.countFromIndex(s, "project", pid);
  return {tasks: await c("tasks"), annotations: await c("annotations"), predictions: await c("predictions")};
}"""

VIEWS_JS = """async ([fn, ...args]) => (await import(new URL("js/store/views.js", location.href).href))[fn](...args)"""


def open_project(page, site_url):
    page.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: None)  # Python is not needed
    page.goto(site_url)
    page.wait_for_function("() => window.labelcore && window.labelcore.projects")
    pid = page.evaluate(SEED_JS, {"n": N, "texts": TEXTS})
    page.goto(f"{site_url}#/projects/{pid}/data")
    table = page.get_by_role("table", name="Tasks")
    expect(table).to_have_attribute("aria-rowcount", str(N + 1))
    expect(page.get_by_text(f"{N} tasks", exact=True)).to_be_visible()
    return pid, table


def task_ids_on_screen(table):
    return [int(x) for x in table.locator(".dm-row").evaluate_all("rows => rows.map(r => r.dataset.task)")]


def test_sort_filter_search_and_tabs_survive_a_reload(page, site_url):
    pid, table = open_project(page, site_url)
    assert task_ids_on_screen(table)[:3] == [1, 2, 3]
    row = table.get_by_role("row").filter(has_text="river and sea 3")
    expect(row.get_by_role("cell").nth(3)).to_have_text("1")  # annotations
    expect(row.locator(".dm-person")).to_have_attribute("title", "ana@example.com")

    # Sort by prediction score, highest first (tasks without a prediction go last either way).
    page.get_by_role("button", name="Prediction score").click()
    page.get_by_role("button", name="Prediction score").click()
    expect(page.get_by_role("columnheader", name="Prediction score")).to_have_attribute(
        "aria-sort", "descending"
    )
    scores = {i: (i * 37 % 100) / 100 for i in range(2, N + 1, 2)}
    best = sorted(scores, key=lambda i: (-scores[i], -i))
    assert task_ids_on_screen(table)[:5] == best[:5]

    # Filters: annotations > 0, or text contains "river" (case-insensitive).
    page.get_by_role("button", name="Filters").click()
    page.get_by_role("button", name="Add filter").click()
    page.get_by_label("Filter 1 column").select_option(label="Annotations")
    page.get_by_label("Filter 1 operator").select_option(label="is greater than")
    page.get_by_label("Filter 1 value").fill("0")
    expect(page.get_by_text(f"{N // 3} of {N} tasks")).to_be_visible()
    page.get_by_role("button", name="Add filter").click()
    page.get_by_label("Combine filters with").select_option("or")
    page.get_by_label("Filter 2 column").select_option(label="text")
    page.get_by_label("Filter 2 operator").select_option(label="contains")
    page.get_by_label("Filter 2 value").fill("RIVER")
    wanted = {i for i in range(1, N + 1) if i % 3 == 0 or "river" in TEXTS[i % len(TEXTS)]}
    expect(page.get_by_text(f"{len(wanted)} of {N} tasks")).to_be_visible()
    assert set(task_ids_on_screen(table)) == wanted
    # A broken regex says so instead of failing.
    page.get_by_label("Filter 2 operator").select_option(label="matches regex")
    page.get_by_label("Filter 2 value").fill("(")
    expect(page.get_by_role("alert").filter(has_text="Not a valid regular expression")).to_be_visible()
    page.get_by_label("Filter 2 value").fill("^the")
    wanted = {i for i in range(1, N + 1) if i % 3 == 0 or TEXTS[i % len(TEXTS)].startswith("the")}
    expect(page.get_by_text(f"{len(wanted)} of {N} tasks")).to_be_visible()
    page.get_by_role("button", name="Done").click()

    # Columns: hide one; resize one from the keyboard.
    page.get_by_role("button", name="Columns").click()
    page.get_by_role("group", name="Columns").get_by_role("checkbox", name="Skipped").uncheck()
    expect(page.get_by_role("columnheader", name="Skipped")).to_have_count(0)
    page.get_by_role("separator", name="Resize text column").press("ArrowRight")

    # A second tab shows everything; the first keeps its filters, order and columns after a reload.
    page.get_by_role("button", name="Add tab").click()
    expect(page.get_by_role("tab", name="Tab 2")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text(f"{N} tasks", exact=True)).to_be_visible()
    page.get_by_role("tab", name="Default").click()
    wait_saved(page)  # the tab is saved a moment after the last change
    page.reload()
    expect(page.get_by_role("tab", name="Default")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text(f"{len(wanted)} of {N} tasks")).to_be_visible()
    expect(page.get_by_role("button", name="Filters (2)")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Skipped")).to_have_count(0)
    expect(page.get_by_role("separator", name="Resize text column")).to_have_attribute("aria-valuenow", "276")
    ordered = [
        i for i in best + [i for i in range(1, N + 1) if i not in scores] if i in wanted
    ]  # empty: last, by id
    views = page.evaluate(VIEWS_JS, ["listViews", pid])
    assert [v["title"] for v in views] == ["Default", "Tab 2"]
    assert page.evaluate(VIEWS_JS, ["taskIdsForView", pid, views[0]["id"]]) == ordered

    # Search narrows the tab further.
    page.get_by_role("searchbox", name="Search tasks").fill("blue house")
    page.get_by_role("searchbox", name="Search tasks").press("Enter")
    expect(page.get_by_text(f"{len([i for i in wanted if i % 5 == 2])} of {N} tasks")).to_be_visible()


def test_selection_bulk_actions_and_opening_a_task(page, site_url):
    pid, table = open_project(page, site_url)
    assert page.evaluate(COUNTS_JS, pid) == {"tasks": N, "annotations": N // 3, "predictions": N // 2}

    # All but one: the scope the Export dialog reads.
    page.get_by_role("checkbox", name="Select all tasks").check()
    page.get_by_role("checkbox", name="Select task 2", exact=True).uncheck()
    expect(page.get_by_role("button", name=f"{N - 1} tasks selected")).to_be_visible()
    scope = page.evaluate(VIEWS_JS, ["currentScope", pid])
    assert scope["selection"] == {"all": True, "included": [], "excluded": [2]}
    assert page.evaluate(VIEWS_JS, ["scopeTaskIds", scope]) == [i for i in range(1, N + 1) if i != 2]

    # Predictions become annotations (not twice), on every selected task that has one.
    page.get_by_role("button", name=f"{N - 1} tasks selected").click()
    page.get_by_role("menuitem", name="Create Annotations From Predictions").click()
    page.get_by_role("dialog", name="Create Annotations From Predictions").get_by_role(
        "button", name="Create"
    ).click()
    expect(
        page.get_by_role("status").filter(has_text="Created 14 annotations from predictions.")
    ).to_be_visible()
    created = page.evaluate(
        """async (pid) => (await (await window.labelcore.store.db()).getAllFromIndex("annotations", "project", pid))
        .filter((a) => a.parent_prediction != null)""",
        pid,
    )
    assert sorted(a["task"] for a in created) == list(range(4, N + 1, 2))
    assert all(a["result"][0]["origin"] == "prediction" and a["was_cancelled"] is False for a in created)

    # Pick rows, delete them with everything they own.
    page.get_by_role("checkbox", name="Select task 3", exact=True).check()
    page.get_by_role("checkbox", name="Select task 4", exact=True).check()
    page.get_by_role("button", name="2 tasks selected").click()
    page.get_by_role("menuitem", name="Delete tasks").click()
    dialog = page.get_by_role("dialog", name="Delete tasks")
    expect(dialog).to_contain_text("Delete 2 tasks")
    dialog.get_by_role("button", name="Delete").click()
    expect(page.get_by_text(f"{N - 2} tasks", exact=True)).to_be_visible()
    assert page.evaluate(COUNTS_JS, pid) == {
        "tasks": N - 2,
        "annotations": N // 3 + 14 - 2,
        "predictions": N // 2 - 1,
    }

    page.get_by_role("checkbox", name="Select task 6", exact=True).check()
    page.get_by_role("button", name="1 task selected").click()
    page.get_by_role("menuitem", name="Delete predictions").click()
    page.get_by_role("dialog", name="Delete predictions").get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status").filter(has_text="Deleted 1 prediction.")).to_be_visible()
    assert page.evaluate(COUNTS_JS, pid)["predictions"] == N // 2 - 2

    # A click on a row opens that task in the label stream, with the tab it came from.
    view_id = page.evaluate(VIEWS_JS, ["currentScope", pid])["viewId"]
    table.get_by_role("row").filter(has_text="a red car 5").click()
    assert page.url.endswith(f"#/projects/{pid}/label/5?view={view_id}")


def test_deleting_tasks_deletes_their_stored_files(page, site_url):
    """Tasks point at their files as media://<id>/<name>; deleting the tasks removes those Blobs
    (and only those), in the same transaction."""
    page.goto(site_url)
    left = page.evaluate("""async () => {
      const { createProject } = await import('./js/store/projects.js');
      const { write, db } = await import('./js/store/db.js');
      const media = await import('./js/store/media.js');
      const { deleteTasks } = await import('./js/store/tasks.js');
      const p = await createProject({ name: 'Files' });
      const ids = await write(['tasks', 'media'], async (tx) => {
        const out = [];
        for (const name of ['a.png', 'b.png', 'c.png']) {
          const id = media.newMediaId();
          await media.putMedia(tx, [media.mediaRecord(p.id, id, new File([name], name, { type: 'image/png' }))]);
          out.push(await tx.objectStore('tasks').add({ project: p.id, data: { image: media.mediaRef(id, name) } }));
        }
        return out;
      });
      await deleteTasks(p.id, ids.slice(0, 2));
      return (await (await db()).getAll('media')).map((m) => m.name);
    }""")
    assert left == ["c.png"]


ADD_ANNOTATION_JS = """async ({pid, task}) => {
  const stamp = new Date().toISOString();
  await window.labelcore.store.write(["annotations"], (tx) => tx.objectStore("annotations").add({task, project: pid,
    completed_by: {email: "cy@example.com"}, was_cancelled: false, ground_truth: true, created_at: stamp, updated_at: stamp,
    lead_time: 3, result: [{id: "g1", type: "choices", from_name: "label", to_name: "text", value: {choices: ["Cat"]}}]}));
}"""


def headers(page):
    return page.locator(".dm-head .dm-th-title").all_inner_texts()


def test_kept_index_catches_up_new_columns_and_column_order(page, site_url):
    """The index is kept in IndexedDB; an annotation written while the Data Manager is closed shows
    after a reload (its task read again); result, model version and Boolean columns filter; columns
    move from the menu and the keyboard, and stay moved; bulk deletions count their progress."""
    pid, table = open_project(page, site_url)
    kept = page.evaluate(
        "async (pid) => (await (await window.labelcore.store.db()).get('task_index', pid))?.size", pid
    )
    assert kept == N
    page.goto(site_url)  # away from the Data Manager: a write it does not hear of
    page.wait_for_function("() => window.labelcore && window.labelcore.projects")
    page.evaluate(ADD_ANNOTATION_JS, {"pid": pid, "task": 7})
    page.goto(f"{site_url}#/projects/{pid}/data")
    row = table.get_by_role("row").filter(has_text="the blue house 7")
    expect(row).to_contain_text("Cat")
    expect(row.locator(".dm-person")).to_have_attribute("title", "cy@example.com")

    page.get_by_role("button", name="Filters").click()
    page.get_by_role("button", name="Add filter").click()
    page.get_by_label("Filter 1 column").select_option(label="Ground truth")
    page.get_by_label("Filter 1 value").select_option(label="yes")
    expect(page.get_by_text(f"1 of {N} tasks")).to_be_visible()
    assert task_ids_on_screen(table) == [7]
    page.get_by_label("Filter 1 column").select_option(label="Model version")
    page.get_by_label("Filter 1 value").fill("v1")
    expect(page.get_by_text(f"{N // 2} of {N} tasks")).to_be_visible()
    page.get_by_role("button", name="Remove filter 1").click()
    page.get_by_role("button", name="Done").click()
    page.get_by_role("searchbox", name="Search tasks").fill("cat")
    page.get_by_role("searchbox", name="Search tasks").press("Enter")
    expect(page.get_by_text(f"1 of {N} tasks")).to_be_visible()
    page.get_by_role("searchbox", name="Search tasks").fill("")
    page.get_by_role("searchbox", name="Search tasks").press("Enter")

    assert headers(page)[:3] == ["ID", "Completed", "Annotations"]
    page.get_by_role("button", name="Columns").click()
    page.get_by_role("button", name="Move Annotations up").click()
    page.get_by_role("button", name="Columns").click()
    expect(page.locator(".dm-head .dm-th-title").nth(1)).to_have_text("Annotations")
    page.get_by_role("columnheader", name="ID").get_by_role("button").press("Alt+Shift+ArrowRight")
    expect(page.locator(".dm-head .dm-th-title").first).to_have_text("Annotations")
    assert headers(page)[:3] == ["Annotations", "ID", "Completed"]
    row = table.get_by_role("row").filter(has_text="the blue house 7")
    expect(row.get_by_role("cell").nth(1)).to_have_text("1")  # the cells follow their header
    wait_saved(page)  # the tab is saved a moment after the last change
    page.reload()
    expect(page.locator(".dm-head .dm-th-title").first).to_have_text("Annotations")
    assert headers(page)[:3] == ["Annotations", "ID", "Completed"]

    calls = page.evaluate(
        """async (pid) => {
      const { deleteAnnotations } = await import(new URL("js/store/tasks.js", location.href).href);
      const calls = [];
      await deleteAnnotations(pid, [3, 6, 7, 9], { onProgress: (done, total, phase) => calls.push([done, total, phase]) });
      return calls;
    }""",
        pid,
    )
    assert calls[0] == [0, 4, "records deleted"] and calls[-1] == [4, 4, "records deleted"]
