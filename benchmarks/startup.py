"""Start-up figures in headless Chromium, in one run (median of N each):

  shell   navigation start -> the project list rendered (performance mark "labelcore:shell")
  ready   navigation start -> the Python core answered core.version in the worker
  warm    navigation start -> every area of the core imported (config, import, export...), which
          the worker does right after ready; reported, not part of the ratio
  bare    navigation start -> a bare loadPyodide() of the same files in a module worker (baseline)

each with a cold cache (a new profile per load) and a warm one (a persistent profile,
relaunched per load). Prints the figures, the ratio ready/bare and what the core adds to the
bare runtime in ms (ready - bare, of the medians). Targets: shell < 1 s,
ready/bare <= 1.3. Run it with `python3 build.py bench startup` (it builds first).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import tempfile
import threading
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

BASELINE_HTML = """<!doctype html><meta charset="utf-8"><title>bare loadPyodide</title>
<script type="module" src="baseline.js"></script>"""
BASELINE_JS = """const w = new Worker(new URL("baseline-worker.js", import.meta.url), {type: "module"});
w.onmessage = (e) => { if (e.data.ok) performance.mark("bare:ready"); else window.bareError = e.data.error; };"""
BASELINE_WORKER = """import { loadPyodide } from "../labelcore/pyodide/pyodide.mjs";
loadPyodide({indexURL: new URL("../labelcore/pyodide/", import.meta.url).href})
  .then((py) => { py.runPython("1 + 1"); postMessage({ok: true}); }, (e) => postMessage({ok: false, error: String(e)}));"""


def load_build():
    spec = importlib.util.spec_from_file_location("labelcore_build", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mark(page, name: str, timeout: float = 120_000) -> float:
    page.wait_for_function(f"() => performance.getEntriesByName({name!r}).length > 0", timeout=timeout)
    return page.evaluate(f"() => performance.getEntriesByName({name!r})[0].startTime")


def app_load(page, url: str) -> tuple[float, float, float]:
    page.goto(url)
    shell = mark(page, "labelcore:shell")
    ready = mark(page, "labelcore:core-ready")
    warm = mark(page, "labelcore:core-warm")
    return shell, ready, warm


def bare_load(page, url: str) -> float:
    page.goto(url)
    return mark(page, "bare:ready")


def measure(pw, chromium: str, profile: Path | None, fn, url: str):
    """One load in a fresh browser: a new empty profile, or the given persistent one."""
    if profile is None:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        ctx = browser.new_context()
    else:
        browser = None
        ctx = pw.chromium.launch_persistent_context(str(profile), executable_path=chromium, args=ARGS)
    try:
        return fn(ctx.new_page(), url)
    finally:
        ctx.close()
        if browser:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=3, help="loads per figure (median)")
    ns = parser.parse_args()
    build = load_build()
    chromium = os.environ.get("LABELCORE_CHROMIUM") or build.find_chromium()
    dist = Path(os.environ.get("LABELCORE_DIST", ROOT / "dist"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "labelcore").symlink_to(dist, target_is_directory=True)
        (root / "bench").mkdir()
        (root / "bench" / "baseline.html").write_text(BASELINE_HTML)
        (root / "bench" / "baseline.js").write_text(BASELINE_JS)
        (root / "bench" / "baseline-worker.js").write_text(BASELINE_WORKER)
        server = build.make_server(root, port=0, quiet=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        app_url, bare_url = f"{base}/labelcore/", f"{base}/bench/baseline.html"
        results: dict[str, list[float]] = {}
        with sync_playwright() as pw:
            for cache in ("cold", "warm"):
                profiles = {}
                if cache == "warm":  # one load to fill each persistent profile first
                    for kind, fn, url in (("app", app_load, app_url), ("bare", bare_load, bare_url)):
                        profiles[kind] = root / f"profile-{kind}"
                        measure(pw, chromium, profiles[kind], fn, url)
                for _ in range(ns.n):  # interleaved, so drift in machine load hits both alike
                    shell, ready, warm = measure(pw, chromium, profiles.get("app"), app_load, app_url)
                    bare = measure(pw, chromium, profiles.get("bare"), bare_load, bare_url)
                    results.setdefault(f"{cache} shell", []).append(shell)
                    results.setdefault(f"{cache} ready", []).append(ready)
                    results.setdefault(f"{cache} warm", []).append(warm)
                    results.setdefault(f"{cache} bare", []).append(bare)
        server.shutdown()
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"start-up, median of {ns.n} loads (ms from navigation start; all runs in brackets)")
    for key, values in results.items():
        print(f"  {key:<11} {med[key]:8.0f}   [{', '.join(f'{v:.0f}' for v in values)}]")
    for cache in ("cold", "warm"):
        ratio = med[f"{cache} ready"] / med[f"{cache} bare"]
        print(
            f"  {cache} ready/bare = {ratio:.2f}  (target <= 1.3); ready - bare = "
            f"{med[f'{cache} ready'] - med[f'{cache} bare']:.0f} ms"
        )
    print(f"  shell < 1 s: cold {med['cold shell']:.0f} ms, warm {med['warm shell']:.0f} ms")


if __name__ == "__main__":
    main()
