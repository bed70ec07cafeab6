"""Image labeling driven with the mouse, as a person labels: a box drawn, moved, resized and
rotated, a polygon with an inserted vertex, a key point, an ellipse, a brush stroke and an
eraser stroke, undo/redo, a reload that restores the draft, Submit. The stored values are
checked against pixel coordinates computed here, the brush RLE against the painted pixels, and
the COCO / VOC / YOLO exports of the task (run by the core in the page) against the same pixels."""

from __future__ import annotations

import base64
import io
import json
import math
import zipfile

import pytest
from playwright.sync_api import expect

from labelcore.config.parse import parse_config
from labelcore.exporters.png import png_grey
from labelcore.exporters.rle import alpha_mask
from tests.browser.helpers import ANNOTATIONS, seed_image

W, H = 400, 300
XML = """<View>
  <Image name="image" value="$image" zoom="true"/>
  <RectangleLabels name="box" toName="image" canRotate="true">
    <Label value="Car" background="#e25b5b"/><Label value="Sign" background="#31a06c"/>
  </RectangleLabels>
  <PolygonLabels name="poly" toName="image"><Label value="Road" background="#617ada"/></PolygonLabels>
  <KeyPointLabels name="kp" toName="image"><Label value="Eye" background="#f0b400"/></KeyPointLabels>
  <EllipseLabels name="ell" toName="image"><Label value="Ball" background="#b04ad8"/></EllipseLabels>
  <BrushLabels name="mask" toName="image"><Label value="Sky" background="#2bb0c9"/></BrushLabels>
</View>"""


EXPORT = """async ([project, xml, format]) => {
  const { exportTasks } = await import('./js/store/exports.js');
  const tasks = await exportTasks(project, {});
  const answer = await window.labelcore.core.call('export.run', { config_xml: xml, tasks, format });
  return { filename: answer.filename, bytes: Array.from(answer.data) };
}"""


def picture() -> bytes:
    return png_grey(bytes((x * 255 // W + y * 255 // H) // 2 for y in range(H) for x in range(W)), H, W)


class Mapper:
    """Image pixels <-> page coordinates, from the stage's view (viewport data-* attributes)."""

    def __init__(self, page):
        self.page = page
        self.refresh()

    def refresh(self):
        v = self.page.locator(".lci-live").evaluate(
            "(c) => { const r = c.getBoundingClientRect(), d = c.parentElement.dataset;"
            " return { left: r.left, top: r.top, s: +d.scale, tx: +d.tx, ty: +d.ty }; }"
        )
        self.left, self.top, self.s, self.tx, self.ty = v["left"], v["top"], v["s"], v["tx"], v["ty"]

    def screen(self, x: float, y: float) -> tuple[int, int]:
        """The whole page pixel nearest to image point (x, y)."""
        return round(self.left + self.tx + self.s * x), round(self.top + self.ty + self.s * y)

    def image(self, sx: float, sy: float) -> tuple[float, float]:
        return (sx - self.left - self.tx) / self.s, (sy - self.top - self.ty) / self.s


def drag(page, a, b, steps=6):
    page.mouse.move(*a)
    page.mouse.down()
    page.mouse.move(*b, steps=steps)
    page.mouse.up()


def capsule(mask: bytearray, a, b, r: float, value: int) -> None:
    """The brush's own rule: every pixel whose centre is within r of segment a-b."""
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    len2 = dx * dx + dy * dy
    for y in range(max(0, math.floor(min(ay, by) - r)), min(H - 1, math.ceil(max(ay, by) + r)) + 1):
        for x in range(max(0, math.floor(min(ax, bx) - r)), min(W - 1, math.ceil(max(ax, bx) + r)) + 1):
            px, py = x + 0.5, y + 0.5
            t = min(1.0, max(0.0, ((px - ax) * dx + (py - ay) * dy) / len2)) if len2 else 0.0
            ex, ey = px - (ax + t * dx), py - (ay + t * dy)
            if ex * ex + ey * ey <= r * r:
                mask[y * W + x] = value


def pct(v: float, size: int) -> float:
    return v / size * 100


def test_draw_edit_every_tool_then_export(page, site_url):
    ids = seed_image(page, site_url, XML, picture())
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_text(f"{W} × {H} px")).to_be_visible()
    page.keyboard.press("Shift+2")  # actual size: one image pixel per page pixel
    expect(page.locator(".lci-viewport")).to_have_attribute("data-scale", "1")
    m = Mapper(page)
    panel = page.get_by_role("complementary", name="Regions panel")
    regions = panel.locator(".lc-region")

    # Rectangle: draw, move, resize, rotate.
    page.keyboard.press("1")  # Car
    a, b = m.screen(40, 30), m.screen(140, 110)
    drag(page, a, b)
    (x0, y0), (x1, y1) = m.image(*a), m.image(*b)
    box = {"x": x0, "y": y0, "w": x1 - x0, "h": y1 - y0}
    expect(panel).to_contain_text("Car")
    page.mouse.click(*m.screen(90, 70))  # select
    a = m.screen(90, 70)
    b = (a[0] + 20, a[1] + 10)
    drag(page, a, b)
    box["x"] += 20
    box["y"] += 10
    corner = m.screen(box["x"] + box["w"], box["y"] + box["h"])
    b = (corner[0] + 30, corner[1] + 25)
    drag(page, corner, b)
    bx, by = m.image(*b)
    box["w"], box["h"] = bx - box["x"], by - box["y"]
    cx, cy = box["x"] + box["w"] / 2, box["y"] + box["h"] / 2
    handle = m.screen(cx, box["y"] - 22)
    target = m.screen(cx + 60, cy - 104)
    drag(page, handle, target)
    tx_, ty_ = m.image(*target)
    angle = math.degrees(math.atan2(ty_ - cy, tx_ - cx)) + 90
    rad = math.radians(angle)
    ox = box["w"] / 2 * math.cos(rad) - box["h"] / 2 * math.sin(rad)
    oy = box["w"] / 2 * math.sin(rad) + box["h"] / 2 * math.cos(rad)
    box.update(x=cx - ox, y=cy - oy, rotation=angle % 360)
    page.screenshot(path="/tmp/lc/image-box.png")

    # Polygon: four clicks, close on the first point, then a vertex inserted on an edge.
    page.keyboard.press("Escape")
    page.keyboard.press("3")  # Road
    corners = [m.screen(*p) for p in [(30, 180), (150, 170), (170, 260), (40, 270)]]
    for c in corners + corners[:1]:
        page.mouse.click(*c)
    poly = [m.image(*c) for c in corners]
    mid = ((corners[1][0] + corners[2][0]) // 2, (corners[1][1] + corners[2][1]) // 2)
    page.mouse.click(*m.screen(90, 220))  # select it
    page.mouse.dblclick(*mid)
    poly.insert(2, m.image(*mid))

    # Key point and ellipse.
    page.keyboard.press("Escape")
    page.keyboard.press("4")  # Eye
    kp = m.screen(300, 60)
    page.mouse.click(*kp)
    page.keyboard.press("5")  # Ball
    a, b = m.screen(250, 150), m.screen(330, 210)
    drag(page, a, b)
    (e0x, e0y), (e1x, e1y) = m.image(*a), m.image(*b)
    expect(regions).to_have_count(4)
    page.keyboard.press("Control+z")
    expect(regions).to_have_count(3)
    page.keyboard.press("Control+Shift+z")
    expect(regions).to_have_count(4)

    # Brush stroke (size 15), then an eraser stroke (size 5) across it.
    page.keyboard.press("6")  # Sky -> brush tool
    page.get_by_label("Brush size").select_option("15")
    a, b = m.screen(220, 250), m.screen(330, 250)
    drag(page, a, b, steps=5)
    expect(regions).to_have_count(5)
    page.keyboard.press("e")
    page.get_by_label("Brush size").select_option("5")
    c, d = m.screen(270, 235), m.screen(270, 265)
    drag(page, c, d, steps=5)
    centre = lambda p: (math.floor(m.image(*p)[0]) + 0.5, math.floor(m.image(*p)[1]) + 0.5)  # noqa: E731
    painted = bytearray(W * H)
    capsule(painted, centre(a), centre(b), 7.5, 255)
    capsule(painted, centre(c), centre(d), 2.5, 0)
    page.screenshot(path="/tmp/lc/image-all.png")

    # The draft survives a reload.
    expect(page.get_by_text("Draft saved")).to_be_visible()
    page.reload()
    expect(page.get_by_text("Restored your unsaved work")).to_be_visible()
    expect(regions).to_have_count(5)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()

    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    by_type = {it["type"]: it for it in ann["result"]}
    assert set(by_type) == {
        "rectanglelabels",
        "polygonlabels",
        "keypointlabels",
        "ellipselabels",
        "brushlabels",
    }
    for it in ann["result"]:
        assert (it["original_width"], it["original_height"], it["image_rotation"]) == (W, H, 0)
        assert it["origin"] == "manual" and it["to_name"] == "image"
    approx = lambda v: pytest.approx(v, abs=1e-6)  # noqa: E731
    assert by_type["rectanglelabels"]["value"] == {
        "x": approx(pct(box["x"], W)),
        "y": approx(pct(box["y"], H)),
        "width": approx(pct(box["w"], W)),
        "height": approx(pct(box["h"], H)),
        "rotation": approx(box["rotation"]),
        "rectanglelabels": ["Car"],
    }
    assert 0 < box["rotation"] < 90
    assert by_type["polygonlabels"]["value"] == {
        "points": [[approx(pct(x, W)), approx(pct(y, H))] for x, y in poly],
        "closed": True,
        "polygonlabels": ["Road"],
    }
    kx, ky = m.image(*kp)
    assert by_type["keypointlabels"]["value"] == {
        "x": approx(pct(kx, W)),
        "y": approx(pct(ky, H)),
        "width": approx(pct(1, W)),
        "keypointlabels": ["Eye"],
    }
    assert by_type["ellipselabels"]["value"] == {
        "x": approx(pct((e0x + e1x) / 2, W)),
        "y": approx(pct((e0y + e1y) / 2, H)),
        "radiusX": approx(pct((e1x - e0x) / 2, W)),
        "radiusY": approx(pct((e1y - e0y) / 2, H)),
        "rotation": 0,
        "ellipselabels": ["Ball"],
    }
    brush = by_type["brushlabels"]["value"]
    assert brush["format"] == "rle" and brush["brushlabels"] == ["Sky"]
    assert alpha_mask(brush["rle"], W, H) == bytes(painted)
    assert 0 < sum(1 for v in painted if v) < W * H

    # The exports carry the same pixels.
    page.wait_for_selector('.core-status[data-state="ready"]', timeout=90_000)

    def export(fmt: str) -> dict[str, bytes]:
        answer = page.evaluate(EXPORT, [ids["project"], XML, fmt])
        data = bytes(answer["bytes"])
        if data[:2] != b"PK":
            return {answer["filename"]: data}
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {n: z.read(n) for n in z.namelist()}

    [coco] = [json.loads(v) for n, v in export("COCO").items() if n.endswith(".json")]
    rad = math.radians(box["rotation"])
    xs = [
        box["x"],
        box["x"] + box["w"] * math.cos(rad),
        box["x"] + box["w"] * math.cos(rad) - box["h"] * math.sin(rad),
        box["x"] - box["h"] * math.sin(rad),
    ]
    ys = [
        box["y"],
        box["y"] + box["w"] * math.sin(rad),
        box["y"] + box["w"] * math.sin(rad) + box["h"] * math.cos(rad),
        box["y"] + box["h"] * math.cos(rad),
    ]
    cats = {c["id"]: c["name"] for c in coco["categories"]}
    by_cat = {cats[a["category_id"]]: a for a in coco["annotations"]}
    assert by_cat["Car"]["bbox"] == [
        approx(min(xs)),
        approx(min(ys)),
        approx(max(xs) - min(xs)),
        approx(max(ys) - min(ys)),
    ]
    assert by_cat["Road"]["segmentation"] == [[approx(c) for p in poly for c in p]]
    assert coco["images"][0]["width"] == W and coco["images"][0]["height"] == H

    [xml] = [v.decode() for n, v in export("VOC").items() if n.endswith(".xml")]
    assert "<name>Car</name>" in xml and f"<width>{W}</width>" in xml

    # With a KeyPointLabels in the config, YOLO writes the pose form: the box as drawn (rotation
    # dropped) then its key points.
    yolo = export("YOLO")
    classes = yolo["classes.txt"].decode().split()
    [rows] = [
        [r.split() for r in v.decode().splitlines()] for n, v in yolo.items() if n.startswith("labels/")
    ]
    [car] = rows
    assert classes[int(car[0])] == "Car"
    assert [float(v) for v in car[1:5]] == [
        pytest.approx(v, abs=1e-5)
        for v in [(box["x"] + box["w"] / 2) / W, (box["y"] + box["h"] / 2) / H, box["w"] / W, box["h"] / H]
    ]
    # The pose format has no rotated box: with KeyPointLabels, YOLO_OBB writes YOLO's pose lines too,
    # as Label Studio does (rotated corners and polygons are checked by the exporters' golden tests).
    obb = export("YOLO_OBB")
    assert {n: v for n, v in obb.items() if n.startswith("labels/")} == {
        n: v for n, v in yolo.items() if n.startswith("labels/")
    }


MULTI = """<View>
  <Image name="img" valueList="$images"/>
  <RectangleLabels name="box" toName="img"><Label value="Cat" background="#e25b5b"/></RectangleLabels>
  <Choices name="kind" toName="img" perRegion="true"><Choice value="Adult"/><Choice value="Kitten"/></Choices>
</View>"""

SEED_MULTI = """async ([xml, config, pngs, prediction]) => {
  const { projects, store } = window.labelcore;
  const R = await import('./js/store/records.js');
  const p = await projects.createProject({ name: 'Gallery', label_config: xml });
  await projects.updateProject(p.id, { parsed_config: config });
  const ids = await store.write(['media', 'tasks', 'predictions'], async (tx) => {
    const refs = [];
    for (const [i, png] of pngs.entries()) {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      await tx.objectStore('media').add({ id: `g${i}`, project: p.id, name: `g${i}.png`, path: `g${i}.png`, type: 'image/png',
        size: bytes.length, blob: new Blob([bytes], { type: 'image/png' }) });
      refs.push(`media://g${i}/g${i}.png`);
    }
    const id = await tx.objectStore('tasks').add(R.taskRecord({ data: { images: refs }, meta: {}, inner_id: 1,
      created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }, { project: p.id }));
    await tx.objectStore('predictions').add(R.predictionRecord(prediction, { task: id, project: p.id }));
    return [id];
  });
  return { project: p.id, tasks: ids };
}"""


def test_prediction_on_the_second_image_corrected_and_classified(page, site_url):
    sizes = [(200, 100), (100, 200)]
    pngs = [
        base64.b64encode(png_grey(bytes([90 + 60 * i]) * (w * h), h, w)).decode()
        for i, (w, h) in enumerate(sizes)
    ]
    pred = {
        "result": [
            {
                "original_width": 100,
                "original_height": 200,
                "image_rotation": 0,
                "item_index": 1,
                "value": {
                    "x": 10,
                    "y": 10,
                    "width": 50,
                    "height": 25,
                    "rotation": 0,
                    "rectanglelabels": ["Cat"],
                },
                "id": "pred000001",
                "from_name": "box",
                "to_name": "img",
                "type": "rectanglelabels",
            }
        ],
        "score": 0.75,
        "model_version": "cats-v1",
        "created_at": "2025-01-02T00:00:00Z",
    }
    page.goto(site_url)
    expect(page.get_by_role("button", name="Create Project").first).to_be_visible()
    ids = page.evaluate(SEED_MULTI, [MULTI, parse_config(MULTI).to_json(), pngs, pred])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_role("region", name="Prediction")).to_contain_text("cats-v1")
    stage = page.locator(".lci-viewport")
    expect(page.get_by_text("200 × 100 px · image 1 of 2")).to_be_visible()
    expect(stage).to_have_attribute("data-drawn", "0")  # the predicted box is on the second image
    page.keyboard.press("Control+ArrowRight")
    expect(page.get_by_text("100 × 200 px · image 2 of 2")).to_be_visible()
    expect(stage).to_have_attribute("data-drawn", "1")
    page.keyboard.press("Shift+2")
    expect(stage).to_have_attribute("data-scale", "1")
    m = Mapper(page)

    inside = m.screen(30, 30)  # inside the box (10..60, 20..70 px)
    page.mouse.click(*inside)
    drag(page, inside, (inside[0] + 10, inside[1] + 20))
    expect(page.get_by_role("region", name="Prediction")).to_contain_text("changed")
    page.get_by_text("Kitten").click()
    page.keyboard.press("Control+d")  # duplicate: a second region, selected
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.locator(".lc-region")).to_have_count(2)
    page.keyboard.press("Alt+l")  # lock the copy: dragging it does nothing
    drag(page, inside, (inside[0] + 40, inside[1] + 40))

    page.keyboard.press("Control+ArrowLeft")
    expect(page.get_by_text("200 × 100 px · image 1 of 2")).to_be_visible()
    expect(stage).to_have_attribute("data-drawn", "0")
    page.keyboard.press("Shift+2")
    expect(stage).to_have_attribute("data-scale", "1")
    m.refresh()
    page.keyboard.press("1")
    drag(page, m.screen(20, 20), m.screen(120, 70))
    expect(stage).to_have_attribute("data-drawn", "1")
    page.screenshot(path="/tmp/lc/image-gallery.png")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()

    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    assert ann["parent_prediction"] is not None
    boxes = [it for it in ann["result"] if it["type"] == "rectanglelabels"]
    moved = next(it for it in boxes if it["id"] == "pred000001")
    assert moved["origin"] == "prediction-changed" and moved["item_index"] == 1
    assert moved["value"]["x"] == pytest.approx(10 + 10 / 100 * 100) and moved["value"]["y"] == pytest.approx(
        10 + 20 / 200 * 100
    )
    [kind] = [it for it in ann["result"] if it["type"] == "choices" and it["id"] == "pred000001"]
    assert kind["value"]["choices"] == ["Kitten"] and kind["value"]["x"] == moved["value"]["x"]
    copy = next(it for it in boxes if it["id"] not in ("pred000001",) and it.get("item_index") == 1)
    assert copy["value"] == moved["value"]  # locked: the drag left it in place
    new = next(it for it in boxes if it.get("item_index") == 0)
    assert (new["original_width"], new["original_height"]) == sizes[0] and new["origin"] == "manual"
    assert new["value"]["x"] == pytest.approx(20 / 200 * 100) and new["value"]["width"] == pytest.approx(
        100 / 200 * 100
    )
