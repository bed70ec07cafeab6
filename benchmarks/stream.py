"""The label stream at scale in headless Chromium: Submit -> the next task shown, on a project of
N tasks (default 100,000) beside the same on a small one (default 1,000) in the same run.

Each project is written straight into IndexedDB through the page: a Text + Choices config, the
first half of the tasks and every third one after annotated by someone else (so the stream skips
tens of thousands of full tasks; one in ten of the later ones skipped, which does not make a task
full), every other one with a scored prediction. Then, per project:

  first open    Label All Tasks (#/projects/<id>/label) -> the first task on screen (the first
                time, the task index is built in its worker)
  submit        a choice picked, then Submit clicked -> the next task's view on screen (the
                annotation written, the index brought up to date, the next task picked and opened);
                the first Submit, then the median / 90th percentile / max of the others
  next (old)    the previous stream's nextTask (every task and annotation of the project read and
                counted) computed in the page, for comparison; and the current nextTask the same way

Figures are printed, with the load average; no asserts on time. Target: submit < 150 ms at 100,000.
Run it with `python3 build.py bench stream` (builds first) or, on a built site,
`LABELCORE_DIST=... python benchmarks/stream.py -n 100000 --small 1000`.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time

from data_manager import ARGS, serve_dist  # the sibling benchmark's Chromium flags and server
from playwright.sync_api import sync_playwright

from labelcore.config.parse import parse_config

XML = """<View><Text name="text" value="$text"/>
  <Choices name="mood" toName="text"><Choice value="Happy"/><Choice value="Sad"/></Choices></View>"""

# Writes `n` tasks (ids from `first`) with annotations and predictions, a transaction per chunk.
SEED_JS = """async ({n, chunk, xml, config, first}) => {
  const {store, projects} = window.labelcore;
  const p = await projects.createProject({name: `Stream ${n}`, label_config: xml});
  await projects.updateProject(p.id, {parsed_config: config});
  const words = ["cat", "dog", "street", "sign", "red", "blue", "river", "mountain", "car", "tree", "house", "bird"];
  const people = [{email: "ana@example.com"}, {email: "bo@example.com"}, {email: "cy@example.com"}];
  const base = Date.parse("2024-01-01T00:00:00Z");
  for (let start = 0; start < n; start += chunk) {
    await store.write(["tasks", "annotations", "predictions"], async (tx) => {
      const ts = tx.objectStore("tasks"), as = tx.objectStore("annotations"), ps = tx.objectStore("predictions");
      const pending = [];
      for (let k = start; k < Math.min(n, start + chunk); k++) {
        const id = first + k, stamp = new Date(base + k * 60000).toISOString();
        pending.push(ts.add({id, project: p.id, data: {text: `${words[k % 12]} ${words[(k * 7) % 12]} number ${k}`},
          meta: {}, created_at: stamp, updated_at: stamp, inner_id: k + 1}));
        if (k < n / 2 || k % 3 === 0) pending.push(as.add({task: id, project: p.id, completed_by: people[k % 3],
          result: [{id: "r" + k, type: "choices", from_name: "mood", to_name: "text", value: {choices: ["Happy"]}}],
          was_cancelled: k >= n / 2 && k % 30 === 0, ground_truth: false, created_at: stamp, updated_at: stamp, lead_time: 2}));
        if (k % 2 === 0) pending.push(ps.add({task: id, project: p.id, score: ((k * 7919) % 1000) / 1000,
          model_version: "v1", result: [], created_at: stamp}));
      }
      await Promise.all(pending);
    });
  }
  return p.id;
}"""

# The task on screen: the title's "Task <id>" once its labeling view is there.
SHOWN = """const shown = () => {
  const h = document.querySelector("h1.lc-title");
  return h && document.querySelector(".lc-view") ? h.textContent.split(" · ")[0] : null;
};"""

FIRST_OPEN_JS = (
    """([hash, name]) => new Promise((resolve) => {
  """
    + SHOWN
    + """
  const mine = () => document.querySelector(".lc-topbar a")?.textContent === `← ${name}` && shown();
  const t0 = performance.now();
  location.hash = hash;
  const poll = () => mine() ? resolve({ms: performance.now() - t0, task: shown()}) : requestAnimationFrame(poll);
  poll();
})"""
)

# Clicks Submit and resolves, in the frame after the next task's view appears, with the ms since.
SUBMIT_JS = (
    """() => new Promise((resolve) => {
  """
    + SHOWN
    + """
  const before = shown();
  const button = [...document.querySelectorAll(".lc-topbar button")].find((b) => b.textContent === "Submit");
  let t0;
  const guard = setTimeout(() => { obs.disconnect(); resolve({ms: NaN, task: null}); }, 60000);
  const obs = new MutationObserver(() => {
    const now = shown();
    if (!now || now === before) return;
    obs.disconnect();
    clearTimeout(guard);
    requestAnimationFrame(() => resolve({ms: performance.now() - t0, task: now}));
  });
  obs.observe(document.body, {childList: true, subtree: true, characterData: true});
  t0 = performance.now();
  button.click();
})"""
)

# The stream's nextTask as it was before store/status.js: every task and annotation read.
OLD_NEXT_JS = """async (pid) => {
  const d = await window.labelcore.store.db();
  const {currentProfile} = await import(new URL("js/store/profiles.js", location.href).href);
  const {getProject} = await import(new URL("js/store/projects.js", location.href).href);
  const project = await getProject(pid), me = await currentProfile();
  const t0 = performance.now();
  const keys = await d.getAllFromIndex("tasks", "project", pid);
  const order = keys.sort((a, b) => (a.inner_id ?? a.id) - (b.inner_id ?? b.id) || a.id - b.id).map((t) => t.id);
  const annotations = await d.getAllFromIndex("annotations", "project", pid);
  const overlap = Math.max(1, Number(project.settings?.maximum_annotations) || 1);
  const same = (by) => by == null || typeof by !== "object" ? (by ?? null) === (me?.id ?? null) : Boolean(me?.email) && by.email === me.email;
  const mine = new Set(), count = new Map();
  for (const a of annotations) {
    if (same(a.completed_by)) mine.add(a.task);
    if (!a.was_cancelled) count.set(a.task, (count.get(a.task) ?? 0) + 1);
  }
  const open = order.filter((id) => !mine.has(id) && (count.get(id) ?? 0) < overlap);
  return {ms: performance.now() - t0, task: open[0] ?? null};
}"""

NEW_NEXT_JS = """async (pid) => {
  const {currentProfile} = await import(new URL("js/store/profiles.js", location.href).href);
  const {getProject} = await import(new URL("js/store/projects.js", location.href).href);
  const {nextTask} = await import(new URL("js/labeling/core/stream.js", location.href).href);
  const project = await getProject(pid), me = await currentProfile();
  const t0 = performance.now();
  const task = await nextTask(project, me);
  return {ms: performance.now() - t0, task};
}"""


def load() -> str:
    return f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)"


def run(page, n: int, first: int, submits: int) -> None:
    t = time.perf_counter()
    pid = page.evaluate(
        SEED_JS, {"n": n, "chunk": 10_000, "xml": XML, "config": parse_config(XML).to_json(), "first": first}
    )
    print(f"\n{n:,} tasks: seeded in {time.perf_counter() - t:.1f} s; {load()}")
    opened = page.evaluate(FIRST_OPEN_JS, [f"#/projects/{pid}/label", f"Stream {n}"])
    print(f"  first open (Label All Tasks -> {opened['task']}): {opened['ms']:7.0f} ms")
    runs = []
    for _ in range(submits):
        page.get_by_role("radio", name="Sad").click()
        runs.append(page.evaluate(SUBMIT_JS))
        if runs[-1]["task"] is None:
            raise SystemExit(f"  Submit did not show a next task (run {len(runs)})")
    rest = sorted(r["ms"] for r in runs[1:])
    p90 = rest[max(0, int(len(rest) * 0.9) - 1)]
    print(
        f"  submit -> next task shown: first {runs[0]['ms']:.0f} ms; then median {statistics.median(rest):.0f} ms, "
        f"p90 {p90:.0f} ms, max {rest[-1]:.0f} ms ({len(rest)} submits, last shown: {runs[-1]['task']})"
    )
    old = [page.evaluate(OLD_NEXT_JS, pid) for _ in range(3)]
    new = [page.evaluate(NEW_NEXT_JS, pid) for _ in range(3)]
    assert old[0]["task"] == new[0]["task"], (old[0], new[0])
    print(
        f"  nextTask alone (median of 3): previous stream (reads every task and annotation) "
        f"{statistics.median(r['ms'] for r in old):.0f} ms, now (the task index) "
        f"{statistics.median(r['ms'] for r in new):.0f} ms -> task {new[0]['task']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="tasks in the large project")
    parser.add_argument("--small", type=int, default=1_000, help="tasks in the baseline project")
    parser.add_argument("--submits", type=int, default=15, help="Submits timed per project")
    ns = parser.parse_args()

    server, url, chromium = serve_dist()
    print(f"start: {load()}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        held: list = []
        # Labeling a stored project needs no Python: hold the core's runtime back (no CPU contention).
        page.route(re.compile(r".*/pyodide/pyodide\.asm\.wasm$"), lambda route: held.append(route))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_function("() => window.labelcore && window.labelcore.projects")
        run(page, ns.small, 1, ns.submits)
        run(page, ns.n, ns.small + 1, ns.submits)
        print(f"\nend: {load()}: figures are wall-clock and include waiting for a CPU")
        browser.close()
    server.shutdown()
    for error in errors:
        print("page error:", error)


if __name__ == "__main__":
    main()
