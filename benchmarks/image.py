"""Image labeling at scale in headless Chromium: one image (default 4,000 x 3,000 px, a stored
PNG Blob) with 1,000 boxes (a prediction, so the labeling screen opens on them), then

  render   the task's address set -> every box drawn on the stage (data-drawn = 1000)
  pan      the image dragged with the middle button, a move per step: frame times
  zoom     wheel steps in and out over the image: frame times
  drag     one box selected and dragged across the image: frame times

Frame times are the gaps between animation frames during each gesture (max, p95, count over
50 ms), with the stage's own draw times (all boxes / live layer) and the long tasks the page
reported. Target: no frame over 50 ms. Figures are printed; nothing is asserted.
Run it with `python3 build.py bench image` (builds first) or, on a built site,
`LABELCORE_DIST=... python benchmarks/image.py --boxes 1000 --size 4000x3000`.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import os
import random
import statistics
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from labelcore.config.parse import parse_config
from labelcore.exporters.png import png_grey

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
XML = """<View>
  <Image name="image" value="$image" zoom="true"/>
  <RectangleLabels name="box" toName="image">
    <Label value="Car"/><Label value="Person"/><Label value="Sign"/><Label value="Bike"/>
  </RectangleLabels>
</View>"""

SEED_JS = """async ({xml, config, png, result}) => {
  const {projects, store} = window.labelcore;
  const p = await projects.createProject({name: "Image benchmark", label_config: xml});
  await projects.updateProject(p.id, {parsed_config: config});
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const [task] = await store.write(["media", "tasks", "predictions"], async (tx) => {
    await tx.objectStore("media").add({id: "bench0001", project: p.id, name: "big.png", path: "big.png", type: "image/png",
      size: bytes.length, blob: new Blob([bytes], {type: "image/png"})});
    const id = await tx.objectStore("tasks").add({project: p.id, data: {image: "media://bench0001/big.png"}, meta: {}, inner_id: 1,
      created_at: "2025-01-01T00:00:00.000Z", updated_at: "2025-01-01T00:00:00.000Z"});
    await tx.objectStore("predictions").add({project: p.id, task: id, result, score: 0.9, model_version: "bench",
      created_at: "2025-01-01T00:00:00.000Z"});
    return [id];
  });
  return {project: p.id, task};
}"""

# Sets the address and resolves with the ms until `count` regions are drawn.
RENDER_JS = """([hash, count]) => new Promise((resolve) => {
  const t0 = performance.now();
  location.hash = hash;
  const check = () => {
    const el = document.querySelector(`.lci-viewport[data-drawn="${count}"]`);
    if (el) requestAnimationFrame(() => resolve(performance.now() - t0)); else requestAnimationFrame(check);
  };
  check();
})"""

# Frame gaps and long tasks between start() and stop().
FRAMES_JS = """() => {
  window.__bench?.stop();
  const gaps = [], long = [], el = document.querySelector(".lci-viewport");
  let last = performance.now(), on = true;
  const tick = (t) => { gaps.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  try { obs.observe({type: "longtask"}); } catch {}
  const drawn = {base: el.lcStats.base.length, live: el.lcStats.live.length};
  window.__bench = {stop() {
    on = false; obs.disconnect();
    return {gaps, long, base: el.lcStats.base.slice(drawn.base), live: el.lcStats.live.slice(drawn.live)};
  }};
}"""


def boxes(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    labels = ["Car", "Person", "Sign", "Bike"]
    out = []
    for i in range(n):
        w, h = rng.uniform(1, 6), rng.uniform(1, 6)
        out.append(
            {
                "original_width": 0,
                "original_height": 0,
                "image_rotation": 0,
                "value": {
                    "x": rng.uniform(0, 100 - w),
                    "y": rng.uniform(0, 100 - h),
                    "width": w,
                    "height": h,
                    "rotation": 0,
                    "rectanglelabels": [labels[i % 4]],
                },
                "id": f"b{i:09d}",
                "from_name": "box",
                "to_name": "image",
                "type": "rectanglelabels",
            }
        )
    return out


def picture(width: int, height: int) -> bytes:
    row = bytes((x * 7) & 0xFF for x in range(width))
    return png_grey(b"".join(row[y % 64 :] + row[: y % 64] for y in range(height)), height, width, level=1)


def summary(name: str, got: dict) -> str:
    gaps = sorted(got["gaps"][1:]) or [0.0]
    p95 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.95))]
    over = sum(1 for g in gaps if g > 50)
    base = got["base"] or [0.0]
    live = got["live"] or [0.0]
    return (
        f"{name:<6} frames {len(gaps):>4}  max {max(gaps):6.1f} ms  p95 {p95:5.1f} ms  over 50 ms: {over:<3}"
        f" | draw all boxes max {max(base):5.1f} ms (median {statistics.median(base):4.1f}, x{len(got['base'])})"
        f"  live max {max(live):4.1f} ms | long tasks {len(got['long'])}"
        + (f" (max {max(got['long']):.0f} ms)" if got["long"] else "")
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boxes", type=int, default=1000)
    ap.add_argument("--size", default="4000x3000", help="image size WxH in pixels")
    ap.add_argument("--steps", type=int, default=60, help="mouse steps per gesture")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    spec = importlib.util.spec_from_file_location("labelcore_build", ROOT / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    dist = Path(os.environ.get("LABELCORE_DIST") or ROOT / "dist")
    if not (dist / "index.html").exists():
        raise SystemExit(f"no built site at {dist}: run `python3 build.py bench image`")
    server = build.make_server(dist, port=0, prefix="/labelcore/", quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    t0 = time.perf_counter()
    png = picture(width, height)
    print(
        f"image {width} x {height} px, PNG {len(png) / 1e6:.1f} MB (made in {time.perf_counter() - t0:.1f} s); {args.boxes} boxes;"
        f" machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (frame gaps are wall time: a busy machine inflates them)"
    )
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=os.environ.get("LABELCORE_CHROMIUM") or build.find_chromium(), args=ARGS
            )
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/labelcore/")
            page.get_by_role("button", name="Create Project").first.wait_for()
            # The Python core boots in a worker; let it finish so it does not share the CPU.
            page.wait_for_selector('.core-status[data-state="ready"]', timeout=120_000)
            result = boxes(args.boxes)
            for it in result:
                it["original_width"], it["original_height"] = width, height
            ids = page.evaluate(
                SEED_JS,
                {
                    "xml": XML,
                    "config": parse_config(XML).to_json(),
                    "png": base64.b64encode(png).decode(),
                    "result": result,
                },
            )
            ms = page.evaluate(RENDER_JS, [f"#/projects/{ids['project']}/label/{ids['task']}", args.boxes])
            print(f"render {ms:7.1f} ms  (address set -> {args.boxes} boxes drawn over the decoded image)")
            view = page.locator(".lci-viewport").bounding_box()
            cx, cy = view["x"] + view["width"] / 2, view["y"] + view["height"] / 2
            page.wait_for_timeout(300)

            page.evaluate(FRAMES_JS)
            page.mouse.move(cx, cy)
            page.mouse.down(button="middle")
            for i in range(args.steps):
                page.mouse.move(cx + 200 * ((i % 20) / 20 - 0.5), cy + 120 * ((i % 15) / 15 - 0.5))
            page.mouse.up(button="middle")
            page.wait_for_timeout(100)
            print(summary("pan", page.evaluate("() => window.__bench.stop()")))

            page.evaluate(FRAMES_JS)
            page.mouse.move(cx, cy)
            for i in range(args.steps):
                page.mouse.wheel(0, -100 if (i // 10) % 2 == 0 else 100)
            page.wait_for_timeout(100)
            print(summary("zoom", page.evaluate("() => window.__bench.stop()")))

            page.keyboard.press("Shift+1")
            page.keyboard.press("v")
            first = result[0]["value"]
            page.wait_for_timeout(200)
            s = float(page.locator(".lci-viewport").get_attribute("data-scale"))
            tx = float(page.locator(".lci-viewport").get_attribute("data-tx"))
            ty = float(page.locator(".lci-viewport").get_attribute("data-ty"))
            bx = view["x"] + tx + s * (first["x"] + first["width"] / 2) / 100 * width
            by = view["y"] + ty + s * (first["y"] + first["height"] / 2) / 100 * height
            page.mouse.click(bx, by)
            page.evaluate(FRAMES_JS)
            page.mouse.move(bx, by)
            page.mouse.down()
            for i in range(args.steps):
                page.mouse.move(bx + 3 * i, by + 2 * i)
            page.mouse.up()
            page.wait_for_timeout(100)
            print(summary("drag", page.evaluate("() => window.__bench.stop()")))
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
