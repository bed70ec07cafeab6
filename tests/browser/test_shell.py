"""The built site in headless Chromium, served at a sub-path: shell first, Python in a worker,
typed errors, data that survives a reload, and no request that leaves 127.0.0.1."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

import labelcore
from tests.browser.helpers import BOOT_TIMEOUT, wait_ready


def test_project_list_renders_before_python_is_ready(context, site_url):
    page = context.new_page()
    held = []
    # Hold Pyodide's runtime back: the shell must not wait for it.
    wasm = re.compile(r".*/pyodide/pyodide\.asm\.wasm$")
    page.route(wasm, lambda route: held.append(route))
    with page.expect_request(wasm, timeout=BOOT_TIMEOUT):  # the worker asks for it
        page.goto(site_url)
        expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
        expect(page.get_by_role("button", name="Create Project").first).to_be_enabled()
    status = page.get_by_role("status")
    expect(status).to_have_attribute("data-state", "loading")
    expect(status).to_contain_text("Python core loading")
    # (the route handler has run by now: its message came before the answers to these calls)
    assert held, "the worker never asked for pyodide.asm.wasm"
    for route in held:
        route.continue_()
    wait_ready(page)
    expect(status).to_contain_text(f"Python core ready · labelcore {labelcore.__version__}")


def test_python_answers_in_the_worker(page, site_url):
    page.goto(site_url)
    wait_ready(page)
    version = page.evaluate("() => labelcore.core.call('core.version')")
    assert version["labelcore"] == labelcore.__version__
    assert version["implementation"] == "cpython" and version["platform"] == "emscripten"
    assert version["python"].startswith("3.14.")
    assert version["pydantic"] == "2.14.3"
    ops = page.evaluate("() => labelcore.core.call('core.ops')")
    assert {"core.version", "core.ops"} <= {o["op"] for o in ops}


def test_python_errors_come_back_typed(page, site_url):
    page.goto(site_url)
    wait_ready(page)
    unknown = page.evaluate("""() => labelcore.core.call('no.such.op').then(
        () => null, (e) => ({name: e.name, type: e.type, message: e.message, where: e.where}))""")
    assert unknown["type"] == unknown["name"] == "BridgeError"
    assert unknown["message"].startswith("unknown op 'no.such.op'")
    assert unknown["where"] == {"path": "op"}
    bad_args = page.evaluate("""() => labelcore.core.call('core.version', {surprise: 1}).then(
        () => null, (e) => ({type: e.type, where: e.where}))""")
    assert bad_args == {"type": "BridgeError", "where": {"path": "args.surprise"}}


def test_a_project_survives_a_reload_and_deletes(page, site_url):
    page.goto(site_url)
    page.get_by_role("button", name="Create Project").first.click()
    dialog = page.get_by_role("dialog", name="Create Project")
    dialog.get_by_label("Project Name").fill("Street signs")
    dialog.get_by_label("Description").fill("Boxes around every sign")
    dialog.get_by_role("radio", name="#31A06C").click()
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Street signs")).to_be_visible()
    assert re.search(r"#/projects/\d+$", page.url)

    page.reload()
    expect(page.get_by_role("heading", name="Street signs")).to_be_visible()
    page.get_by_role("link", name="Projects").first.click()
    card = page.get_by_role("list", name="Projects").get_by_role("listitem")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Boxes around every sign")
    expect(card).to_contain_text("0 tasks")
    stored = page.evaluate("() => labelcore.projects.listProjects()")
    assert [(p["name"], p["color"]) for p in stored] == [("Street signs", "#31A06C")]

    page.get_by_role("button", name="Actions for Street signs").click()
    page.get_by_role("menuitem", name="Delete").click()
    page.get_by_role("dialog", name="Delete project").get_by_role("button", name="Delete").click()
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
    left = page.evaluate("""async () => { const db = await labelcore.store.db();
        return Object.fromEntries(await Promise.all([...db.objectStoreNames].filter((s) => !["profiles", "settings"].includes(s))
            .map(async (s) => [s, await db.count(s)]))); }""")
    assert set(left.values()) == {0}, f"the deleted project left records behind: {left}"
    page.reload()
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()


def test_an_empty_name_is_refused_and_nothing_is_written(page, site_url):
    page.goto(site_url)
    page.get_by_role("button", name="Create Project").first.click()
    dialog = page.get_by_role("dialog", name="Create Project")
    dialog.get_by_label("Project Name").fill("   ")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.get_by_role("alert")).to_have_text("A project needs a name.")
    assert page.evaluate("() => labelcore.projects.listProjects()") == []


def test_a_missing_wheel_fails_loudly(context, site_url):
    page = context.new_page()
    page.route(
        re.compile(r".*/pyodide/typing_inspection-[^/]*\.whl$"),
        lambda route: route.fulfill(status=404, body="gone"),
    )
    page.goto(site_url)
    status = page.get_by_role("status")
    expect(status).to_have_attribute("data-state", "failed", timeout=BOOT_TIMEOUT)
    expect(status).to_contain_text("Python core failed")
    expect(status).to_contain_text("typing-inspection")
    # The shell still works without Python, and calls get a typed error rather than hanging.
    expect(page.get_by_role("button", name="Create Project").first).to_be_enabled()
    err = page.evaluate("() => labelcore.core.call('core.version').then(() => null, (e) => e.type)")
    assert err == "CoreUnavailable"


def test_every_request_stays_on_127_0_0_1(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    wait_ready(page)
    page.evaluate("() => labelcore.core.call('core.version')")
    urls = context.request_log.urls
    paths = {urlsplit(u).path for u in urls}
    # The recorder saw the worker's own traffic too, not just the page's.
    assert "/labelcore/pyodide/pyodide.asm.wasm" in paths
    assert any(p.endswith(".whl") for p in paths)
    assert {urlsplit(u).hostname for u in urls if urlsplit(u).scheme in ("http", "https")} == {"127.0.0.1"}
    assert all(p.startswith("/labelcore/") for p in paths), "a URL escaped the site's sub-path"


def test_a_failed_write_leaves_the_previous_state(page, site_url):
    page.goto(site_url)
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
    outcome = page.evaluate("""async () => {
        const { store, projects } = labelcore;
        const p = await projects.createProject({ name: "Kept" });
        let error = null;
        try {
            await store.write(["projects", "tasks"], async (tx) => {
                await tx.objectStore("tasks").add({ project: p.id, data: { text: "half" } });
                await tx.objectStore("projects").put({ ...p, name: "Changed" });
                throw new Error("disk full (simulated)");
            });
        } catch (e) { error = e.message; }
        const db = await store.db();
        return { error, name: (await db.get("projects", p.id)).name,
                 tasks: await db.countFromIndex("tasks", "project", p.id), version: db.version };
    }""")
    assert outcome == {
        "error": "disk full (simulated)",
        "name": "Kept",
        "tasks": 0,
        "version": page.evaluate("() => labelcore.store.DB_VERSION"),
    }
    page.reload()
    card = page.get_by_role("list", name="Projects").get_by_role("listitem")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Kept")


V1_SCHEMA = """() => new Promise((resolve, reject) => {
    // The database exactly as version 1 of the app left it, with a project and a task in it.
    const open = indexedDB.open("labelcore", 1);
    open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore("projects", { keyPath: "id", autoIncrement: true }).createIndex("updated_at", "updated_at");
        const tasks = db.createObjectStore("tasks", { keyPath: "id", autoIncrement: true });
        tasks.createIndex("project", "project");
        tasks.createIndex("project_inner", ["project", "inner_id"]);
        for (const name of ["annotations", "predictions"]) {
            const s = db.createObjectStore(name, { keyPath: "id", autoIncrement: true });
            s.createIndex("task", "task");
            s.createIndex("project", "project");
        }
        const drafts = db.createObjectStore("drafts", { keyPath: "id", autoIncrement: true });
        drafts.createIndex("task_annotator", ["task", "annotator"], { unique: true });
        drafts.createIndex("project", "project");
        db.createObjectStore("media", { keyPath: "id", autoIncrement: true }).createIndex("project", "project");
        db.createObjectStore("profiles", { keyPath: "id", autoIncrement: true });
        db.createObjectStore("views", { keyPath: "id", autoIncrement: true }).createIndex("project", "project");
        db.createObjectStore("settings", { keyPath: "key" });
    };
    open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(["projects", "tasks"], "readwrite");
        const stamp = "2025-01-01T00:00:00.000Z";
        tx.objectStore("projects").add({ name: "From v1", description: "", color: "#617ADA", label_config: "",
            parsed_config: null, settings: {}, created_at: stamp, updated_at: stamp });
        tx.objectStore("tasks").add({ project: 1, data: { text: "kept" }, meta: {}, inner_id: 1, created_at: stamp, updated_at: stamp });
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
})"""


def test_an_older_database_is_upgraded_with_its_data(page, site_url):
    page.goto(site_url + "build-info.json")  # same origin, no app code: the old database stays as it is
    page.evaluate(V1_SCHEMA)
    page.goto(site_url)
    card = page.get_by_role("list", name="Projects").get_by_role("listitem")
    expect(card).to_contain_text("From v1")
    expect(card).to_contain_text("1 task")
    state = page.evaluate("""async () => {
        const db = await labelcore.store.db();
        return { version: db.version, latest: labelcore.store.DB_VERSION, stores: [...db.objectStoreNames],
                 text: (await db.getAll("tasks"))[0].data.text };
    }""")
    assert state["version"] == state["latest"] >= 2
    assert state["text"] == "kept"
    assert {
        "projects",
        "tasks",
        "annotations",
        "predictions",
        "drafts",
        "media",
        "profiles",
        "views",
        "settings",
    } <= set(state["stores"])
