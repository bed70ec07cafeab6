"""Parse + validate a labeling config with 300 labels and 20 controls; print the median time.

Run: ``python benchmarks/config.py [--runs N]`` for CPython; ``python3 build.py bench config`` builds
the site and also times the same config (``build_config()``) in the browser worker: headless
Chromium, the site served on 127.0.0.1, the ``config.parse`` and ``config.validate`` ops called
through the page's core client (the time the Labeling Setup screen waits: bridge + Pyodide).
``--no-browser`` skips that half. Prints figures, asserts nothing about time.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "py"))

from labelcore.config import parse_config, validate_config  # noqa: E402

CONTROL_TAGS = ("RectangleLabels", "PolygonLabels", "KeyPointLabels", "BrushLabels", "EllipseLabels")


def build_config(labels: int = 300, controls: int = 20) -> str:
    """An image config: ``controls`` label controls sharing ``labels`` labels, plus classifications."""
    label_controls = controls // 2
    per_control = labels // label_controls
    parts = ["<View>", '  <Image name="image" value="$image" zoom="true"/>']
    for c in range(label_controls):
        tag = CONTROL_TAGS[c % len(CONTROL_TAGS)]
        parts.append(f'  <{tag} name="regions_{c}" toName="image" strokeWidth="2">')
        parts += [
            f'    <Label value="class {c}-{i}" category="{c * per_control + i}"/>' for i in range(per_control)
        ]
        parts.append(f"  </{tag}>")
    for c in range(controls - label_controls):
        parts.append(
            f'  <Choices name="choice_{c}" toName="image" perRegion="true" whenTagName="regions_{c}">'
        )
        parts += ['    <Choice value="yes"/>', '    <Choice value="no"/>']
        parts.append("  </Choices>")
    parts.append("</View>")
    return "\n".join(parts)


def _median_ms(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# In the page: warm up once, then time each op `runs` times through the core client (ms, median).
BROWSER_TIMING = """async ({xml, runs}) => {
  const core = window.labelcore.core;
  await core.whenReady();
  const out = {};
  for (const op of ['config.parse', 'config.validate']) {
    const first = await core.call(op, {xml});
    if (op === 'config.validate' && !first.ok) throw new Error(JSON.stringify(first.errors.slice(0, 3)));
    const times = [];
    for (let k = 0; k < runs; k++) {
      const start = performance.now();
      await core.call(op, {xml});
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    out[op] = times[Math.floor(times.length / 2)];
  }
  out.version = core.state.version;
  return out;
}"""


def browser_figures(xml: str, runs: int) -> dict | None:
    """Median ms of config.parse / config.validate in the browser worker (None without a built site)."""
    root = Path(__file__).resolve().parent.parent
    dist = Path(os.environ.get("LABELCORE_DIST", root / "dist"))
    if not (dist / "index.html").exists():
        print(f"browser: skipped (no built site at {dist}; `python3 build.py bench config` builds one)")
        return None
    spec = importlib.util.spec_from_file_location("labelcore_build", root / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    chromium = os.environ.get("LABELCORE_CHROMIUM") or build.find_chromium()
    if not chromium:
        print("browser: skipped (no Chromium; `python3 build.py bench config` installs one)")
        return None
    import threading

    from playwright.sync_api import sync_playwright

    server = build.make_server(dist, port=0, prefix="/labelcore/", quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium,
                args=["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--disable-gpu"],
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/labelcore/")
            page.wait_for_function("() => window.labelcore?.core", timeout=60_000)
            figures = page.evaluate(BROWSER_TIMING, {"xml": xml, "runs": runs})
            browser.close()
    finally:
        server.shutdown()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-browser", action="store_true", help="CPython figures only")
    ns = parser.parse_args()
    runs = ns.runs
    xml = build_config()
    cfg = parse_config(xml)
    n_labels = sum(len(c.labels) for c in cfg.controls.values() if c.tag != "Choices")
    assert not validate_config(xml)
    print(
        f"config: {len(xml):,} bytes, {len(cfg.controls)} controls, {n_labels} labels "
        f"({platform.python_implementation()} {platform.python_version()}, {runs} runs)"
    )
    print(f"parse_config (parse + validate): median {_median_ms(lambda: parse_config(xml), runs):.2f} ms")
    print(f"validate_config (all errors):    median {_median_ms(lambda: validate_config(xml), runs):.2f} ms")
    print(f"to_json:                         median {_median_ms(cfg.to_json, runs):.2f} ms")
    if ns.no_browser:
        return
    figures = browser_figures(xml, runs)
    if figures:
        version = figures["version"] or {}
        print(
            f"browser worker (Pyodide, Python {version.get('python')}; round trip through the core client, {runs} runs):"
        )
        print(f"config.parse (parse + validate + JSON form): median {figures['config.parse']:.2f} ms")
        print(f"config.validate (all errors):                median {figures['config.validate']:.2f} ms")


if __name__ == "__main__":
    main()
