"""The Import dialog in headless Chromium: a CSV and a folder of images land in IndexedDB and are
all there after a reload; a bad file leaves the project unchanged until "Import the valid ones";
a chunked write that dies half way is undone."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.helpers import BOOT_TIMEOUT

SHOTS = Path(os.environ.get("LABELCORE_SHOTS", "/tmp/labelcore-shots"))

TEXT_CONFIG = """<View><Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>"""
IMAGE_CONFIG = """<View><Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Cat"/></RectangleLabels></View>"""
# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"import-{name}.png"))


def new_project(page, name: str, config: str) -> int:
    page.wait_for_function("() => window.labelcore?.projects")  # the app's modules may still be loading
    return page.evaluate(
        """([name, config]) => labelcore.projects.createProject({name, label_config: config})
        .then((p) => p.id)""",
        [name, config],
    )


def stored(page, project: int) -> dict:
    """The project's tasks, annotations, predictions and media, read from IndexedDB."""
    return page.evaluate(
        """async (project) => labelcore.store.read(
        ["tasks", "annotations", "predictions", "media", "settings"], async (tx) => {
          const all = (s) => tx.objectStore(s).index("project").getAll(project);
          const [tasks, annotations, predictions, media] = await Promise.all(
            ["tasks", "annotations", "predictions", "media"].map(all));
          const pending = await tx.objectStore("settings").getAllKeys(IDBKeyRange.bound("import:", "import:\\uffff"));
          return {tasks, annotations, predictions, pending,
                  media: media.map((m) => ({id: m.id, name: m.name, path: m.path, size: m.size, blob: m.blob.size}))};
        })""",
        project,
    )


def open_import(page, site_url: str, project: int):
    page.goto(f"{site_url}#/projects/{project}/data")
    page.get_by_role("button", name="Import", exact=True).first.click()
    return page.get_by_role("dialog", name="Import")


def test_a_csv_and_a_folder_of_images_survive_a_reload(page, site_url, tmp_path):
    # The folder input is the fallback where showDirectoryPicker is missing (Firefox, Safari).
    page.add_init_script("delete window.showDirectoryPicker")
    csv = tmp_path / "reviews.csv"
    rows = [("Great phone, would buy again", "web"), ("Battery died\nafter a day", "store"), ("Fine", "web")]
    csv.write_text("text,source\n" + "".join(f'"{t}",{s}\n' for t, s in rows), encoding="utf-8")
    folder = tmp_path / "cats"
    (folder / "more").mkdir(parents=True)
    for name in ("a.png", "b.png", "more/c.png"):
        (folder / name).write_bytes(PNG)
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")

    page.goto(site_url)
    texts = new_project(page, "Reviews", TEXT_CONFIG)
    images = new_project(page, "Cats", IMAGE_CONFIG)

    dialog = open_import(page, site_url, texts)
    dialog.get_by_label("Files to import").set_input_files(str(csv))
    expect(dialog.locator(".import-format")).to_have_text("CSV", timeout=BOOT_TIMEOUT)
    table = dialog.get_by_role("table", name="First tasks")
    expect(table.get_by_role("row")).to_have_count(4)
    expect(table).to_contain_text("Great phone, would buy again")
    expect(dialog.get_by_role("list", name="Column mapping")).to_contain_text("text → $text")
    shot(page, "preview-csv")
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(dialog.get_by_role("status")).to_have_text("Imported 3 tasks.")
    summary = dialog.get_by_role("definition")
    expect(summary).to_have_text(["3", "0", "0", "0", str(csv.stat().st_size)])
    shot(page, "summary-csv")
    dialog.get_by_role("button", name="Done").click()

    dialog = open_import(page, site_url, images)
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Upload Folder").click()
    chooser.value.set_files(str(folder))
    expect(dialog.locator(".import-format")).to_have_text("MEDIA", timeout=BOOT_TIMEOUT)
    expect(dialog).to_contain_text("1 hidden file was skipped")
    expect(dialog.get_by_role("table", name="First tasks").get_by_role("row")).to_have_count(4)
    shot(page, "preview-folder")
    urls = "https://example.com/cats/d.jpg\nhttps://example.com/cats/e.jpg"
    dialog.get_by_label("Or paste URLs, one per line").fill(urls)
    dialog.get_by_role("button", name="Add URL").click()
    sources = dialog.get_by_role("list", name="Sources").get_by_role("listitem")
    expect(sources).to_have_count(2)
    expect(sources.nth(1)).to_contain_text("URLS", timeout=BOOT_TIMEOUT)
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(dialog.get_by_role("status")).to_have_text("Imported 5 tasks.")
    expect(dialog.get_by_role("definition")).to_have_text(
        ["5", "0", "0", "3", str(3 * len(PNG) + len(urls) + 1)]
    )
    shot(page, "summary-folder")

    page.reload()
    expect(page.get_by_role("heading", name="Cats")).to_be_visible()
    got = stored(page, texts)
    assert [(t["data"]["text"], t["data"]["source"]) for t in got["tasks"]] == rows
    assert [t["inner_id"] for t in got["tasks"]] == [1, 2, 3]
    assert got["media"] == [] and got["pending"] == []

    got = stored(page, images)
    values = [t["data"]["image"] for t in got["tasks"]]
    assert values[3:] == urls.split("\n")
    refs = sorted(values[:3])
    assert all(r.startswith("media://") for r in refs)
    by_id = {m["id"]: m for m in got["media"]}
    assert sorted(m["path"] for m in by_id.values()) == ["cats/a.png", "cats/b.png", "cats/more/c.png"]
    assert all(m["size"] == m["blob"] == len(PNG) for m in by_id.values())
    for ref in refs:
        assert ref.split("/")[2] in by_id and ref.endswith(by_id[ref.split("/")[2]]["name"])
    # A renderer's view: the reference becomes an object URL that loads as an image.
    size = page.evaluate(
        """async (ref) => {
        const { mediaUrl } = await import("./js/store/media.js");
        const img = new Image();
        img.src = await mediaUrl(ref);
        await img.decode();
        return [img.src.slice(0, 5), img.naturalWidth, img.naturalHeight];
      }""",
        refs[0],
    )
    assert size == ["blob:", 1, 1]


def test_a_bad_file_leaves_the_project_unchanged(page, site_url, tmp_path):
    tasks = [
        {
            "data": {"text": "Love it"},
            "annotations": [
                {
                    "result": [
                        {
                            "from_name": "sentiment",
                            "to_name": "text",
                            "type": "choices",
                            "value": {"choices": ["Positive"]},
                        }
                    ]
                }
            ],
            "predictions": [
                {
                    "model_version": "v1",
                    "score": 0.9,
                    "result": [
                        {
                            "from_name": "sentiment",
                            "to_name": "text",
                            "type": "choices",
                            "value": {"choices": ["Positive"]},
                        }
                    ],
                }
            ],
        },
        {
            "data": {"text": "Meh"},
            "annotations": [
                {
                    "result": [
                        {
                            "from_name": "sentiment",
                            "to_name": "text",
                            "type": "choices",
                            "value": {"choices": ["Neutral"]},
                        }
                    ]
                }
            ],
        },
        {"data": {"text": "Broken on arrival"}},
    ]
    bad = tmp_path / "export.json"
    bad.write_text(json.dumps(tasks), encoding="utf-8")
    big = tmp_path / "big.csv"
    big.write_text("text\n" + "".join(f"review number {i}\n" for i in range(300_000)), encoding="utf-8")
    page.goto(site_url)
    project = new_project(page, "Reviews", TEXT_CONFIG)
    dialog = open_import(page, site_url, project)
    # Cancel while a large file is read: nothing is written.
    dialog.get_by_label("Files to import").set_input_files(str(big))
    expect(dialog.locator(".import-format")).to_have_text("CSV", timeout=BOOT_TIMEOUT)
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(dialog.get_by_role("progressbar", name="Reading")).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog.get_by_role("status").filter(has_text="cancelled")).to_have_text(
        "The import was cancelled; nothing was written.", timeout=30_000
    )
    assert stored(page, project)["tasks"] == []
    dialog.get_by_role("button", name="Remove big.csv").click()

    dialog.get_by_label("Files to import").set_input_files(str(bad))
    expect(dialog.locator(".import-format")).to_have_text("JSON", timeout=BOOT_TIMEOUT)
    report = dialog.get_by_role("region", name="Error report")
    expect(report).to_contain_text("$[1].annotations[0].result[0]")
    expect(report).to_contain_text("Neutral")
    dialog.get_by_role("button", name="Import", exact=True).click()
    expect(report).to_contain_text("Nothing was imported: 1 error")
    shot(page, "report")
    got = stored(page, project)
    assert (
        got["tasks"] == [] and got["annotations"] == [] and got["predictions"] == [] and got["pending"] == []
    )

    dialog.get_by_role("button", name="Import the valid ones (2)").click()
    expect(dialog.get_by_role("status")).to_have_text("Imported 2 tasks.")
    expect(dialog.get_by_role("definition")).to_have_text(["2", "1", "1", "0", str(bad.stat().st_size)])
    got = stored(page, project)
    assert [t["data"]["text"] for t in got["tasks"]] == ["Love it", "Broken on arrival"]
    assert [a["task"] for a in got["annotations"]] == [got["tasks"][0]["id"]]
    assert got["annotations"][0]["result"][0]["value"] == {"choices": ["Positive"]}
    assert [(p["task"], p["model_version"], p["score"]) for p in got["predictions"]] == [
        (got["tasks"][0]["id"], "v1", 0.9)
    ]


def test_a_chunked_write_that_fails_is_undone_and_a_left_over_one_is_undone_at_reload(page, site_url):
    page.goto(site_url)
    project = new_project(page, "Big", "")
    # Three pages of 100 tasks, written in chunks (past a one-transaction limit of 150); the third fails.
    error = page.evaluate(
        """async (project) => {
        const { writeImport } = await import("./js/store/imports.js");
        const page = (i) => Array.from({length: 100}, (_, j) => ({data: {text: `t${i}-${j}`}}));
        const source = {total: 300, chunks: 3, chunk: async (i) => { if (i === 2) throw new Error("worker gone"); return page(i); }};
        return writeImport(project, {source, oneTransactionMax: 150}).then(() => "written", (e) => e.message);
      }""",
        project,
    )
    assert error == "worker gone"
    got = stored(page, project)
    assert got["tasks"] == [] and got["pending"] == []
    # A page closed half way leaves its rollback record and first chunks: the next load undoes them.
    page.evaluate(
        """async (project) => {
        const { writeImport } = await import("./js/store/imports.js");
        const source = {total: 300, chunks: 3, chunk: async (i) => {
          if (i === 2) await new Promise(() => {});  // never answers: the page goes away here
          return Array.from({length: 100}, (_, j) => ({data: {text: `t${i}-${j}`}}));
        }};
        // the import's own progress: two chunks written, the third never comes
        await new Promise((written) => writeImport(project, {source, oneTransactionMax: 150,
          onProgress: ({done, phase}) => { if (phase === "write" && done === 200) written(); }}));
      }""",
        project,
    )
    assert len(stored(page, project)["pending"]) == 1
    # While its page is alive (it holds the import's Web Lock), recovery from another tab leaves it alone.
    assert page.evaluate("async () => (await import('./js/store/imports.js')).recoverImports()") == []
    assert len(stored(page, project)["tasks"]) == 200
    page.reload()
    # The closed page's Web Lock is released a moment after it unloads; until then recovery
    # (at start-up, or here) leaves the import alone, as it must for a live page.
    page.wait_for_function("""async () => !(await navigator.locks.query()).held
        .some((lock) => lock.name.startsWith("labelcore:import:"))""")
    page.evaluate("async () => (await import('./js/store/imports.js')).recoverImports()")
    got = stored(page, project)
    assert got["tasks"] == [] and got["pending"] == []
    # A complete chunked write keeps every task, numbered in order, and leaves no record.
    page.evaluate(
        """async (project) => {
        const { writeImport } = await import("./js/store/imports.js");
        const source = {total: 300, chunks: 3, chunk: async (i) => Array.from({length: 100}, (_, j) => ({data: {text: `t${i}-${j}`}}))};
        return writeImport(project, {source, oneTransactionMax: 150});
      }""",
        project,
    )
    got = stored(page, project)
    assert [t["inner_id"] for t in got["tasks"]] == list(range(1, 301)) and got["pending"] == []
    assert got["tasks"][-1]["data"] == {"text": "t2-99"}
