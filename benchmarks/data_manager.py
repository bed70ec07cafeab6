"""The Data Manager at scale in headless Chromium: a project of N tasks (default 100,000, a third
annotated, half with a scored prediction) written straight into IndexedDB through the page, then

  first rows   the project's Data Manager opened from the home screen -> first row on screen
  whole        the whole index read (the table stops saying "reading")
  reload       a reload at the Data Manager's address -> first row (page boot included), then
               the same with a filtered and sorted tab (needs the whole index: the kept copy)
  filter       "Annotations is greater than 0" typed into a filter -> table updated
  sort         a click on the "Prediction score" header -> table updated (then descending)
  search       a search for a word -> table updated
  scroll       the table scrolled from top to bottom, a step per frame: frame times (max, p95), and
               long animation frames (PerformanceObserver) split into script / rAF / style+layout

Figures are printed (median of --repeat runs where it applies); no asserts on time. Targets:
first rows < 1 s, filter or sort < 300 ms, no scroll frame over 50 ms.
Run it with `python3 build.py bench data_manager` (builds first) or, on a built site,
`LABELCORE_DIST=... python benchmarks/data_manager.py -n 100000`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-gpu",
]

# Writes `n` tasks (explicit ids 1..n) with annotations and predictions, in chunks of one
# transaction each, into a new project whose parsed config has an Image and a Text data key.
SEED_JS = """async ({n, chunk}) => {
  const {store, projects} = window.labelcore;
  const p = await projects.createProject({name: `Benchmark ${n}`, description: "Data Manager benchmark"});
  await projects.updateProject(p.id, {parsed_config: {
    objects: [{name: "image", tag: "Image", value: "$image", data_key: "image"},
              {name: "text", tag: "Text", value: "$text", data_key: "text"}],
    controls: [{name: "label", tag: "Choices", to_name: ["text"], type: "choices", labels: []}],
    data_keys: ["image", "text"], relations: [], layout: null}});
  const words = ["cat", "dog", "street", "sign", "red", "blue", "river", "mountain", "car", "tree", "house", "bird"];
  const people = [{email: "ana@example.com"}, {email: "bo@example.com"}, {email: "cy@example.com"}];
  const base = Date.parse("2024-01-01T00:00:00Z");
  let annId = 1, predId = 1;
  for (let start = 1; start <= n; start += chunk) {
    await store.write(["tasks", "annotations", "predictions"], async (tx) => {
      const ts = tx.objectStore("tasks"), as = tx.objectStore("annotations"), ps = tx.objectStore("predictions");
      const pending = [];
      for (let id = start; id < Math.min(n + 1, start + chunk); id++) {
        const stamp = new Date(base + id * 60000).toISOString();
        const text = `${words[id % 12]} ${words[(id * 7) % 12]} ${words[(id * 13) % 11]} number ${id}`;
        pending.push(ts.add({id, project: p.id, data: {image: "favicon.svg", text}, meta: {},
          created_at: stamp, updated_at: stamp, inner_id: id}));
        if (id % 3 === 0) pending.push(as.add({id: annId++, task: id, project: p.id, completed_by: people[(id / 3) % 3],
          result: [{id: "r" + id, type: "choices", from_name: "label", to_name: "text", value: {choices: ["A"]}}],
          was_cancelled: id % 30 === 0, ground_truth: false, created_at: stamp, updated_at: stamp, lead_time: (id % 50) + 1.5}));
        if (id % 2 === 0) pending.push(ps.add({id: predId++, task: id, project: p.id, score: ((id * 7919) % 1000) / 1000,
          model_version: "v1", result: [], created_at: stamp}));
      }
      await Promise.all(pending);
    });
  }
  return p.id;
}"""

# Runs `act()` and resolves with the ms until the table shows the new query's rows (the
# data-query attribute changed and a frame was painted).
TIME_JS = """(actName) => new Promise((resolve) => {
  const query = () => document.querySelector(".dm-scroll")?.dataset.query;
  const before = query();
  const t0 = performance.now();
  const done = (ms) => {
    obs.disconnect();
    clearTimeout(guard);
    const rows = Number(document.querySelector(".dm-scroll")?.dataset.rows);
    requestAnimationFrame(() => setTimeout(() => resolve({ms: ms ?? performance.now() - t0, rows}), 0));
  };
  // The whole page is watched: the table element may be replaced, not only changed.
  const obs = new MutationObserver(() => { if (query() !== undefined && query() !== before) done(); });
  obs.observe(document.body, {attributes: true, attributeFilter: ["data-query"], subtree: true, childList: true});
  const guard = setTimeout(() => done(NaN), 60000);
  window.__dmActs[actName]();
})"""

ACTS_JS = """() => {
  const setInput = (el, value) => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    set.call(el, value);
    el.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const header = (title) => [...document.querySelectorAll(".dm-sort")].find((b) => b.textContent.startsWith(title));
  window.__dmActs = {
    filter: () => setInput(document.querySelector('[aria-label="Filter 1 value"]'), "0"),
    unfilter: () => setInput(document.querySelector('[aria-label="Filter 1 value"]'), ""),
    sort: () => header("Prediction score").click(),
    search: () => {
      const box = document.querySelector(".dm-search");
      setInput(box, "mountain river");
      box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
    },
    unsearch: () => {
      const box = document.querySelector(".dm-search");
      setInput(box, "");
      box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
    },
  };
}"""

FIRST_ROWS_JS = """(hash) => new Promise((resolve) => {
  const t0 = performance.now();
  location.hash = hash;
  const poll = () => document.querySelector(".dm-row") ? resolve(performance.now() - t0) : requestAnimationFrame(poll);
  poll();
})"""

# Scrolls one step per frame and records, besides rAF-to-rAF frame times, every long animation
# frame (PerformanceObserver "long-animation-frame", Chromium's Performance panel data) with its
# script, rendering-callback and style/layout shares, and every long task.
SCROLL_JS = """(step) => new Promise((resolve) => {
  const el = document.querySelector(".dm-scroll");
  const frames = [], loafs = [], longtasks = [];
  const observers = [];
  const observe = (type, sink) => {
    try {
      const o = new PerformanceObserver((list) => sink.push(...list.getEntries()));
      o.observe({type, buffered: false});
      observers.push(o);
    } catch { /* entry type not supported */ }
  };
  observe("long-animation-frame", loafs);
  observe("longtask", longtasks);
  const height = el.scrollHeight, view = el.clientHeight;  // read once: the loop only writes
  let top = el.scrollTop;
  let last = performance.now();
  const finish = () => {
    frames.shift();
    setTimeout(() => {
      for (const o of observers) { o.takeRecords?.(); o.disconnect(); }
      resolve({frames, rowsInDom: document.querySelectorAll(".dm-row").length,
        loafs: loafs.map((e) => ({
          duration: e.duration,
          script: (e.scripts ?? []).reduce((s, x) => s + x.duration, 0),
          render: e.renderStart ? (e.styleAndLayoutStart || e.startTime + e.duration) - e.renderStart : 0,
          layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          blocking: e.blockingDuration ?? 0,
          sources: (e.scripts ?? []).map((x) => `${x.invoker} ${x.sourceFunctionName || ""} ${(x.sourceURL || "").split("/").pop()}`.trim()),
        })),
        longtasks: longtasks.map((e) => e.duration)});
    }, 100);
  };
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    if (top + view >= height - 2) { finish(); return; }
    top = Math.min(height - view, top + step);
    el.scrollTop = top;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => { last = now; top += step; el.scrollTop = top; requestAnimationFrame(tick); });
})"""

# After a reload: ms since navigation start until rows are on screen (and, if given, the table
# holds `rows` rows: the tab's own query, not a first page), checked every frame.
RELOAD_ROWS_JS = """(rows) => new Promise((resolve) => {
  const poll = () => {
    const table = document.querySelector(".dm-scroll");
    const ok = table && document.querySelector(".dm-row") && (rows == null || Number(table.dataset.rows) === rows);
    if (ok) resolve(performance.now()); else requestAnimationFrame(poll);
  };
  poll();
})"""


def loaf_summary(loafs: list[dict]) -> str:
    """Long animation frames: how many, the longest, and where the time of the long ones went."""
    if not loafs:
        return "long animation frames (> 50 ms): 0"
    longest = max(loafs, key=lambda e: e["duration"])
    mean = lambda key: statistics.fmean(e[key] for e in loafs)  # noqa: E731
    sources: dict[str, int] = {}
    for e in loafs:
        for src in e["sources"]:
            sources[src] = sources.get(src, 0) + 1
    top = ", ".join(f"{k} x{v}" for k, v in sorted(sources.items(), key=lambda kv: -kv[1])[:3])
    return (
        f"long animation frames (> 50 ms): {len(loafs)}, longest {longest['duration']:.0f} ms "
        f"(script {longest['script']:.0f}, rAF/observers {longest['render']:.0f}, style+layout {longest['layout']:.0f}); "
        f"mean of long ones: script {mean('script'):.0f}, rAF/observers {mean('render'):.0f}, "
        f"style+layout {mean('layout'):.0f} ms" + (f"; scripts seen: {top}" if top else "")
    )


# The table shows every task (not a first page, nor an out-of-date copy being brought up to date).
WHOLE_JS = """() => { const foot = document.querySelector(".dm-foot"); return foot && !foot.textContent.includes("reading"); }"""


def trace_summary(path: str, frames: int) -> str:
    """The renderer main thread during the scroll, from a trace: its CPU time per frame (a figure
    that waiting for a CPU on a loaded machine does not inflate), and its tasks over 50 ms, wall
    against CPU time (a task whose CPU time is far below its wall time was waiting, not working)."""
    events = json.loads(Path(path).read_text())
    events = events.get("traceEvents", events) if isinstance(events, dict) else events
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
    }
    tasks = [
        e
        for e in events
        if (e.get("pid"), e.get("tid")) in main
        and e.get("ph") == "X"
        and e.get("name") in ("RunTask", "ThreadControllerImpl::RunTask")
    ]
    cpu = sum(e.get("tdur", 0) for e in tasks) / 1000
    line = f"trace: renderer main thread CPU {cpu:.0f} ms in all, {cpu / max(frames, 1):.2f} ms per frame"
    long = [e for e in tasks if e.get("dur", 0) > 50_000]
    if long:
        worst = max(long, key=lambda e: e["dur"])
        line += (
            f"; {len(long)} tasks over 50 ms, wall {sum(e['dur'] for e in long) / 1000:.0f} ms, CPU "
            f"{sum(e.get('tdur', 0) for e in long) / 1000:.0f} ms (longest: wall {worst['dur'] / 1000:.0f} ms, "
            f"CPU {worst.get('tdur', 0) / 1000:.0f} ms)"
        )
    return line


def load_build():
    spec = importlib.util.spec_from_file_location("labelcore_build", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve_dist():
    """The built site served on 127.0.0.1 at /labelcore/ (as the tests serve it): (server, url, chromium)."""
    build = load_build()
    dist = Path(os.environ.get("LABELCORE_DIST", ROOT / "dist"))
    chromium = os.environ.get("LABELCORE_CHROMIUM") or build.find_chromium()
    server = build.make_server(dist, port=0, prefix="/labelcore/", quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/labelcore/", chromium


def timed(page, act: str) -> dict:
    return page.evaluate(TIME_JS, act)


def report(title: str, page, act: str, undo: str, repeat: int) -> None:
    """Time `act` `repeat` times (undoing it in between) and print the median."""
    runs = []
    for _ in range(repeat):
        runs.append(timed(page, act))
        timed(page, undo)
    print(f"{title} {statistics.median(r['ms'] for r in runs):7.0f} ms  ({runs[0]['rows']:,} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="tasks in the project")
    parser.add_argument("--repeat", type=int, default=3, help="runs per filter/sort/search figure (median)")
    parser.add_argument("--step", type=int, default=2000, help="pixels scrolled per frame")
    parser.add_argument("--with-core", action="store_true", help="let the Python core boot meanwhile")
    parser.add_argument("--screenshot", help="save a PNG of the Data Manager here")
    parser.add_argument(
        "--trace",
        help="save a Chromium trace of the scroll here (and print wall vs CPU time of its long tasks)",
    )
    ns = parser.parse_args()

    server, url, chromium = serve_dist()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        held: list = []
        # The Data Manager never needs Python: hold the core's runtime back so its boot does not
        # compete for the CPU with what is measured (pass --with-core to let it load).
        if not ns.with_core:
            page.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: held.append(route))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_function("() => window.labelcore && window.labelcore.projects")
        t = time.perf_counter()
        pid = page.evaluate(SEED_JS, {"n": ns.n, "chunk": 10_000})
        print(f"seeded {ns.n:,} tasks into IndexedDB in {time.perf_counter() - t:.1f} s")

        first = page.evaluate(FIRST_ROWS_JS, f"#/projects/{pid}/data")
        print(f"first rows (from the home screen):  {first:7.0f} ms")
        t = time.perf_counter()
        page.wait_for_function(WHOLE_JS, timeout=300_000)
        print(f"whole index read (table complete):  {(time.perf_counter() - t) * 1000 + first:7.0f} ms")
        page.reload()
        reload = page.evaluate(RELOAD_ROWS_JS, None)
        print(f"first rows (reload, page boot incl.): {reload:5.0f} ms")
        page.evaluate(ACTS_JS)

        page.get_by_role("button", name="Filters").click()
        page.get_by_role("button", name="Add filter").click()
        page.get_by_label("Filter 1 column").select_option(label="Annotations")
        page.get_by_label("Filter 1 operator").select_option(label="is greater than")
        report("filter (annotations > 0):        ", page, "filter", "unfilter", ns.repeat)
        page.get_by_role("button", name="Done").click()

        asc, desc = [], []
        for _ in range(ns.repeat):
            asc.append(timed(page, "sort")["ms"])
            desc.append(timed(page, "sort")["ms"])
            timed(page, "sort")  # back to the default order
        print(
            f"sort (prediction score, asc/desc):  {statistics.median(asc):7.0f} / {statistics.median(desc):.0f} ms"
        )

        report("search (2 words in the data):    ", page, "search", "unsearch", ns.repeat)

        # A filtered, sorted tab after a reload: needs the whole index (the persisted one, if any).
        page.get_by_role("button", name="Filters").click()
        timed(page, "filter")
        expected = timed(page, "sort")["rows"]
        page.get_by_role("button", name="Done").click()
        page.wait_for_timeout(600)  # the tab saves 300 ms after the last change
        page.reload()
        filtered = page.evaluate(RELOAD_ROWS_JS, expected)
        print(f"first rows (reload, filtered+sorted tab): {filtered:5.0f} ms  ({expected:,} rows)")
        page.evaluate(ACTS_JS)
        page.get_by_role("button", name="Filters (1)").click()
        timed(page, "unfilter")
        timed(page, "sort")
        timed(page, "sort")  # ascending -> descending -> the default order
        page.get_by_role("button", name="Done").click()

        if ns.screenshot:
            page.screenshot(path=ns.screenshot)
        if ns.trace:
            browser.start_tracing(page=page, path=ns.trace, categories=["toplevel"])
        scroll = page.evaluate(SCROLL_JS, ns.step)
        if ns.trace:
            browser.stop_tracing()
            print(trace_summary(ns.trace, len(scroll["frames"])))
        frames = sorted(scroll["frames"])
        p95 = frames[int(len(frames) * 0.95) - 1] if frames else 0
        print(
            f"scroll top -> bottom: {len(frames)} frames, max {frames[-1]:.1f} ms, p95 {p95:.1f} ms, "
            f"median {statistics.median(frames):.1f} ms, frames over 50 ms: {sum(f > 50 for f in frames)}, "
            f"rows in the DOM: {scroll['rowsInDom']}"
        )
        print(loaf_summary(scroll["loafs"]))
        if scroll["longtasks"]:
            print(f"long tasks: {len(scroll['longtasks'])}, longest {max(scroll['longtasks']):.0f} ms")
        print(
            f"load average during the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())} "
            f"({os.cpu_count()} CPUs): figures are wall-clock and include waiting for a CPU"
        )
        if errors:
            print("page errors:", *errors, sep="\n  ")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
