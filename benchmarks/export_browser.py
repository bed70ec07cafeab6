"""The browser half of benchmarks/export.py: the same exports in the Pyodide worker of the built
site (headless Chromium), timed against the same op in CPython.

For each format, on the same task list as the CPython half:
- ``worker``: run_export inside the worker (between the op's two progress events), against
  run_export in CPython: the ratio is Pyodide's cost for the format itself (target <= 2.5x).
- ``op``: the whole ``export.run`` call from the page (structured clone to the worker,
  JSON text to Python, pydantic, the export, the file back as a transferred buffer), against
  ``bridge.handle`` of the same request in CPython (JSON in, JSON out with the file as base64, decode).
  ``to`` is the page -> args parsed part, ``from`` the export done -> answer in the page part
  (the zip, the JSON reply and the buffer's trip back).
Then, once per project, the Export dialog's path: the stored records read from IndexedDB
(store/exports.js), then shaped and exported by the core; with the page's JS heap before, at the
peak and after (was the page's copy of the tasks released once posted?). And the binary bridge
on its own: a "with images" export carrying stored media as bytes, MB/s each way.
"""

from __future__ import annotations

import base64
import json
import os
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-gpu",
    "--enable-precise-memory-info",
    "--js-flags=--expose-gc",
]

# One export.run from the page with the tasks the page already holds; times split by the op's
# progress events (args parsed -> export done).
CALL_JS = """async ({xml, format, options}) => {
  const marks = {};
  options = options ?? {};
  if (options.media) {  // stored media reach the worker as bytes, as the Export dialog sends them
    options = {...options, media: Object.fromEntries(Object.entries(options.media).map(([k, v]) => [k, Uint8Array.fromBase64(v)]))};
  }
  const t0 = performance.now();
  const answer = await labelcore.core.call("export.run",
      {config_xml: xml, tasks: window.benchTasks, format, options},
      {onProgress: () => { if (marks.parsed == null) marks.parsed = performance.now(); else marks.exported = performance.now(); }});
  const t1 = performance.now();
  const bytes = answer.data;  // a Uint8Array transferred from the worker
  const t2 = performance.now();
  return {toCore: marks.parsed - t0, core: marks.exported - marks.parsed, fromCore: t1 - marks.exported,
          decode: t2 - t1, total: t2 - t0, size: bytes.length};
}"""

# A project of `n` tasks written into IndexedDB as the import and labeling screens write them.
SEED_JS = """async ({xml, text}) => {
  const {projects, store} = window.labelcore;
  const tasks = JSON.parse(text);
  const project = await projects.createProject({name: "bench", label_config: xml});
  await store.write(["tasks", "annotations"], async (tx) => {
    const ts = tx.objectStore("tasks"), as = tx.objectStore("annotations");
    const pending = [];
    for (const [i, t] of tasks.entries()) {
      const stamp = "2024-01-01T00:00:00.000Z";
      const id = await ts.add({project: project.id, data: t.data, meta: {}, created_at: stamp, updated_at: stamp, inner_id: i + 1});
      for (const a of t.annotations) { const {id: _drop, ...rest} = a; pending.push(as.add({...rest, task: id, project: project.id})); }
    }
    await Promise.all(pending);
  });
  return project.id;
}"""

# The Export dialog's own path (ui/export/run.js), with the page's heap around it.
DIALOG_JS = """async ({projectId, format}) => {
  const run = await import(new URL("js/ui/export/run.js", location.href).href);
  const project = await labelcore.projects.getProject(projectId);
  const info = (await labelcore.core.call("export.formats", {config_xml: project.label_config})).find((f) => f.name === format);
  const heap = () => { gc(); return performance.memory.usedJSHeapSize; };
  const before = heap();
  let peak = 0;
  const result = await run.runExport(labelcore.core, project, {format: info, scope: "annotated"}, (s) => {
    if (s.phase.startsWith("Exporting") && !peak) peak = performance.memory.usedJSHeapSize;
  });
  const size = result.bytes.length;
  result.bytes = null;
  await new Promise((r) => setTimeout(r, 50));
  return {...result.timing, tasks: result.tasks, size, heapBefore: before, heapPeak: peak, heapAfter: heap()};
}"""


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def cpython_op(
    xml: str, tasks: list[dict[str, Any]], fmt: str, options: dict[str, Any] | None = None
) -> dict[str, float]:
    """The same export.run through bridge.handle in CPython (JSON in and out, base64 decoded), ms."""
    from labelcore import bridge

    marks: list[float] = []
    request = json.dumps(
        {
            "v": 1,
            "id": 1,
            "op": "export.run",
            "args": {"config_xml": xml, "tasks": tasks, "format": fmt, "options": options or {}},
        }
    )
    t0 = time.perf_counter()
    reply = json.loads(bridge.handle(request, lambda _text: marks.append(time.perf_counter())))
    t1 = time.perf_counter()
    base64.b64decode(reply["result"]["data"]["$base64"])
    t2 = time.perf_counter()
    ms = 1000.0
    return {
        "toCore": (marks[0] - t0) * ms,
        "core": (marks[1] - marks[0]) * ms,
        "fromCore": (t1 - marks[1]) * ms,
        "decode": (t2 - t1) * ms,
        "total": (t2 - t0) * ms,
    }


class Site:
    """The built site served on 127.0.0.1 and one Chromium page on it with the core ready."""

    def __init__(self, pw: Any, dist: Path, chromium: str, build: Any) -> None:
        self.server = build.make_server(dist, port=0, prefix="/labelcore/", quiet=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        self.page = self.browser.new_page()
        self.page.goto(f"http://127.0.0.1:{self.server.server_address[1]}/labelcore/")
        self.page.wait_for_selector('.core-status[data-state="ready"]', timeout=120_000)
        self.page.wait_for_function("() => labelcore.core.state.warm === true", timeout=120_000)

    def close(self) -> None:
        self.browser.close()
        self.server.shutdown()


def _row(label: str, fmt: str, worker: dict[str, float], cpy: dict[str, float]) -> str:
    return (
        f"{label:<7} {fmt:<18} {worker['core']:8.0f} {cpy['core']:8.0f} {worker['core'] / cpy['core']:5.2f}x   "
        f"{worker['total']:8.0f} {cpy['total']:8.0f} {worker['total'] / cpy['total']:5.2f}x   "
        f"{worker['toCore']:6.0f} {worker['fromCore']:6.0f} {worker['decode']:5.0f}"
    )


def _paired(
    n: int, browser: Callable[[], dict[str, float]], cpython: Callable[[], dict[str, float]]
) -> tuple[dict[str, float], dict[str, float]]:
    """Medians of ``n`` runs of each, alternating which goes first, so machine load hits both alike."""
    runs: tuple[list[dict[str, float]], list[dict[str, float]]] = ([], [])
    for i in range(n):
        order = ((0, browser), (1, cpython)) if i % 2 == 0 else ((1, cpython), (0, browser))
        for side, func in order:
            runs[side].append(func())
    return _median(runs[0]), _median(runs[1])


def media_case(n_images: int, size: int) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """COCO_WITH_IMAGES input: one box per image, `size` bytes of stored media each (as base64)."""
    tasks, media = [], {}
    blob = base64.b64encode(b"\xff\xd8" + os.urandom(size - 2)).decode("ascii")
    for i in range(n_images):
        ref = f"media://{i + 1}"
        media[ref] = blob
        tasks.append(
            {
                "id": i + 1,
                "data": {"image": ref},
                "annotations": [
                    {
                        "id": i + 1,
                        "completed_by": 1,
                        "was_cancelled": False,
                        "result": [
                            {
                                "id": f"b{i}",
                                "type": "rectanglelabels",
                                "from_name": "label",
                                "to_name": "image",
                                "original_width": 640,
                                "original_height": 480,
                                "value": {
                                    "x": 10,
                                    "y": 10,
                                    "width": 20,
                                    "height": 20,
                                    "rectanglelabels": ["Car"],
                                },
                            }
                        ],
                    }
                ],
            }
        )
    return tasks, media


def browser_report(
    projects: list[tuple[str, str, list[dict[str, Any]], list[str]]],
    repeat: int,
    only: set[str],
    media_mb: int,
) -> None:
    import importlib.util

    from playwright.sync_api import sync_playwright

    spec = importlib.util.spec_from_file_location("labelcore_build", ROOT / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    dist = Path(os.environ.get("LABELCORE_DIST") or ROOT / "dist")
    chromium = os.environ.get("LABELCORE_CHROMIUM") or build.find_chromium()
    if not (dist / "index.html").exists() or not chromium:
        print(f"\nbrowser: skipped (no built site at {dist} or no Chromium): `python3 build.py bench export`")
        return
    print(
        f"\nbrowser worker (Pyodide, headless Chromium) vs CPython, ms, median of {repeat}; "
        "ratio = browser / CPython (target <= 2.5x)"
    )
    print(
        f"{'project':<7} {'format':<18} {'worker':>8} {'CPython':>8} {'ratio':>6}   {'op':>8} {'CPython':>8} "
        f"{'ratio':>6}   {'to':>6} {'from':>6} {'b64':>5}"
    )
    with sync_playwright() as pw:
        site = Site(pw, dist, chromium, build)
        page = site.page
        try:
            for label, xml, tasks, formats in projects:
                text = json.dumps(tasks)
                page.evaluate("(text) => { window.benchTasks = JSON.parse(text); }", text)
                for fmt in formats:
                    if only and fmt not in only:
                        continue
                    worker, cpy = _paired(
                        repeat,
                        lambda xml=xml, fmt=fmt: page.evaluate(CALL_JS, {"xml": xml, "format": fmt}),
                        lambda xml=xml, tasks=tasks, fmt=fmt: cpython_op(xml, tasks, fmt),
                    )
                    print(_row(label, fmt, worker, cpy), flush=True)
                page.evaluate("() => { window.benchTasks = null; }")
                _dialog_path(
                    page,
                    label,
                    xml,
                    text,
                    next((f for f in ("COCO", "CONLL2003") if f in formats), formats[-1]),
                    repeat,
                )
            _media_path(page, projects[0][1], media_mb, repeat)
        finally:
            site.close()


def _dialog_path(page: Any, label: str, xml: str, text: str, fmt: str, repeat: int) -> None:
    project_id = page.evaluate(SEED_JS, {"xml": xml, "text": text})
    runs = [page.evaluate(DIALOG_JS, {"projectId": project_id, "format": fmt}) for _ in range(repeat)]
    r = _median(runs)
    mb = 1024 * 1024
    print(
        f"{label:<7} dialog path, {fmt}: {r['tasks']:.0f} tasks; IndexedDB read + assemble {r['read']:.0f} ms, "
        f"to worker {r['toCore']:.0f}, export {r['core']:.0f}, back {r['fromCore']:.0f}, decode {r['decode']:.0f}, "
        f"total {r['total']:.0f} ms; tasks JSON {len(text) / mb:.1f} MB; page heap {r['heapBefore'] / mb:.0f} MB before, "
        f"{r['heapPeak'] / mb:.0f} MB while exporting, {r['heapAfter'] / mb:.0f} MB after",
        flush=True,
    )


def _media_path(page: Any, xml: str, media_mb: int, repeat: int) -> None:
    if media_mb <= 0:
        return
    per_image = 256 * 1024
    tasks, media = media_case(max(1, media_mb * 4), per_image)
    mb = len(media) * per_image / (1024 * 1024)
    options = {"media": media, "media_names": {ref: f"img_{i:05d}.jpg" for i, ref in enumerate(media)}}
    page.evaluate("(text) => { window.benchTasks = JSON.parse(text); }", json.dumps(tasks))
    worker, cpy = _paired(
        repeat,
        lambda: page.evaluate(CALL_JS, {"xml": xml, "format": "COCO_WITH_IMAGES", "options": options}),
        lambda: cpython_op(xml, tasks, "COCO_WITH_IMAGES", options),
    )
    page.evaluate("() => { window.benchTasks = null; }")
    print(_row("media", "COCO_WITH_IMAGES", worker, cpy))
    print(
        f"binary bridge, {mb:.0f} MB of stored images in and a {worker['size'] / 1048576:.0f} MB zip out: "
        f"to worker {worker['toCore']:.0f} ms ({mb / worker['toCore'] * 1000:.0f} MB/s), export+zip {worker['core']:.0f} ms, "
        f"back {worker['fromCore']:.0f} ms ({worker['size'] / 1048576 / worker['fromCore'] * 1000:.0f} MB/s), "
        f"decode {worker['decode']:.0f} ms; CPython op {cpy['total']:.0f} ms "
        f"(to {cpy['toCore']:.0f}, export {cpy['core']:.0f}, back {cpy['fromCore']:.0f})"
    )
