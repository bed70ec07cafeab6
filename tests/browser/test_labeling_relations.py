"""Relations drawn as arrows, as a person makes them: on a text (click a span, alt+r, click the
other span), the arrow clicked to cycle its direction and given a label; on an image (two boxes,
alt+r between them), the arrow following the view when it zooms; a per-region choice on a box
carrying the image keys Label Studio writes. Stored results validate against the config."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from labelcore.exporters.png import png_grey
from tests.browser.helpers import ANNOTATIONS, seed, seed_image, select_text, validate

TEXT_XML = """<View>
  <Labels name="label" toName="text"><Label value="PER" background="#e25b5b"/><Label value="LOC" background="#31a06c"/></Labels>
  <Text name="text" value="$text"/>
  <Relations><Relation value="lives_in"/><Relation value="visits"/></Relations>
</View>"""

ARROW_MID = """(p) => { const l = p.getTotalLength(), a = p.getPointAtLength(l / 2), s = p.getPointAtLength(0), e = p.getPointAtLength(l);
  const m = p.getScreenCTM(); const t = (q) => ({ x: q.x * m.a + m.e, y: q.y * m.d + m.f });
  return { mid: t(a), start: t(s), end: t(e) }; }"""


def box_of(locator):
    return locator.evaluate(
        "(el) => { const r = el.getClientRects()[0]; return { x: (r.left + r.right) / 2, top: r.top }; }"
    )


def test_text_relation_arrow_direction_and_label(page, site_url):
    text = "Ann lives in Rome and visits Oslo."
    ids = seed(page, site_url, TEXT_XML, [{"text": text}])
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    doc = page.get_by_role("document", name="Text text")
    expect(doc).to_contain_text("Rome")
    for word, key in (("Ann", "1"), ("Rome", "2")):
        page.keyboard.press(key)
        select_text(page, doc, text.index(word), text.index(word) + len(word))
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("listitem", name=re.compile("^Region "))).to_have_count(2)

    # click Ann in the text, alt+r, click Rome in the text
    doc.locator("[data-region]", has_text="Ann").click()
    page.keyboard.press("Alt+r")
    expect(panel.get_by_role("status")).to_contain_text("Click the region the relation goes to")
    doc.locator("[data-region]", has_text="Rome").click()
    arrow = page.get_by_role("button", name=re.compile(r"^Arrow PER: Ann [→←↔] LOC: Rome"))
    expect(arrow).to_be_visible()
    line = arrow.locator(".lc-arrow-line")
    ends = line.evaluate(ARROW_MID)
    ann, rome = (
        box_of(doc.locator("[data-region]", has_text="Ann")),
        box_of(doc.locator("[data-region]", has_text="Rome")),
    )
    assert abs(ends["start"]["x"] - ann["x"]) < 2 and abs(ends["start"]["y"] - ann["top"]) < 2
    assert abs(ends["end"]["x"] - rome["x"]) < 2 and abs(ends["end"]["y"] - rome["top"]) < 2
    assert ends["mid"]["y"] < min(ann["top"], rome["top"])  # arched above the text
    assert line.get_attribute("marker-end") and not line.get_attribute("marker-start")

    # a click on the arrow cycles right -> left -> bi
    page.mouse.click(ends["mid"]["x"], ends["mid"]["y"])
    expect(arrow).to_have_attribute("data-direction", "left")
    assert line.get_attribute("marker-start") and not line.get_attribute("marker-end")
    page.mouse.click(ends["mid"]["x"], ends["mid"]["y"])
    expect(arrow).to_have_attribute("data-direction", "bi")
    expect(panel.get_by_role("button", name="Direction bi")).to_be_visible()
    panel.get_by_role("combobox", name="Relation label").select_option("visits")
    expect(arrow.locator(".lc-arrow-tag")).to_have_text("visits")
    arrow.focus()
    page.keyboard.press("Enter")  # the keyboard cycles too: bi -> right
    expect(arrow).to_have_attribute("data-direction", "right")
    page.keyboard.press("Control+z")
    expect(arrow).to_have_attribute("data-direction", "bi")
    page.screenshot(path="/tmp/lc/relation-text.png")

    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann_rec] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    by_text = {it["value"]["text"]: it["id"] for it in ann_rec["result"] if it["type"] == "labels"}
    [rel] = [it for it in ann_rec["result"] if it["type"] == "relation"]
    assert rel == {
        "from_id": by_text["Ann"],
        "to_id": by_text["Rome"],
        "type": "relation",
        "direction": "bi",
        "labels": ["visits"],
    }
    validate(TEXT_XML, {"text": text}, [ann_rec], page, ids["project"])


W, H = 400, 300
IMAGE_XML = """<View>
  <Image name="image" value="$image" zoom="true"/>
  <RectangleLabels name="box" toName="image"><Label value="Car" background="#e25b5b"/><Label value="Sign" background="#31a06c"/></RectangleLabels>
  <Choices name="state" toName="image" perRegion="true"><Choice value="Parked"/><Choice value="Moving"/></Choices>
  <Relations><Relation value="next_to"/></Relations>
</View>"""

VIEW = """(v) => { const r = v.getBoundingClientRect(), d = v.dataset; return { left: r.left, top: r.top, s: +d.scale, tx: +d.tx, ty: +d.ty }; }"""


def test_image_relation_arrow_follows_zoom_and_per_region_keys(page, site_url):
    png = png_grey(bytes((x + y) % 256 for y in range(H) for x in range(W)), H, W)
    ids = seed_image(page, site_url, IMAGE_XML, png)
    page.goto(f"{site_url}#/projects/{ids['project']}/label/{ids['tasks'][0]}")
    expect(page.get_by_text(f"{W} × {H} px")).to_be_visible()
    viewport = page.locator(".lci-viewport")

    def screen(x, y):
        v = viewport.evaluate(VIEW)
        return v["left"] + v["tx"] + v["s"] * x, v["top"] + v["ty"] + v["s"] * y

    def drag(a, b):
        page.mouse.move(*a)
        page.mouse.down()
        page.mouse.move(*b, steps=5)
        page.mouse.up()

    page.keyboard.press("1")
    drag(screen(40, 40), screen(140, 120))
    page.keyboard.press("2")
    drag(screen(240, 150), screen(360, 260))
    panel = page.get_by_role("complementary", name="Regions panel")
    expect(panel.get_by_role("listitem", name=re.compile("^Region "))).to_have_count(2)
    page.mouse.click(*screen(90, 80))  # select the car
    page.get_by_role("radio", name="Parked").click()  # a per-region choice on it
    page.keyboard.press("Alt+r")
    page.mouse.click(*screen(300, 200))  # the sign
    arrow = page.get_by_role("button", name=re.compile(r"^Arrow Car: .* [→←↔] Sign: "))
    expect(arrow).to_be_visible()

    def check_ends():
        ends = arrow.locator(".lc-arrow-line").evaluate(ARROW_MID)
        car, sign = screen(90, 40), screen(300, 150)  # top centres of the boxes
        assert abs(ends["start"]["x"] - car[0]) < 2 and abs(ends["start"]["y"] - car[1]) < 2, (ends, car)
        assert abs(ends["end"]["x"] - sign[0]) < 2 and abs(ends["end"]["y"] - sign[1]) < 2, (ends, sign)

    def redrawn():
        """The arrow is drawn for the view as it is now (it follows a frame after the view changes)."""
        page.wait_for_function(f"""() => {{
          const v = ({VIEW})(document.querySelector('.lci-viewport'));
          const line = document.querySelector('.lc-relations-layer .lc-arrow-line');
          if (!line) return false;
          const ends = ({ARROW_MID})(line);
          const near = (p, x, y) => Math.abs(p.x - (v.left + v.tx + v.s * x)) < 2 && Math.abs(p.y - (v.top + v.ty + v.s * y)) < 2;
          return near(ends.start, 90, 40) && near(ends.end, 300, 150);
        }}""")

    check_ends()
    before = viewport.get_attribute("data-scale")
    page.keyboard.press("Shift+2")  # actual size: the view changes, the arrow follows
    expect(viewport).not_to_have_attribute("data-scale", before)
    redrawn()
    check_ends()
    page.screenshot(path="/tmp/lc/relation-image.png")

    # Zoomed in on the car, the sign is out of the image's view: its end stays on the view's
    # edge (dashed, and its name says so) instead of being drawn over the rest of the page.
    page.mouse.move(*screen(60, 50))
    for _ in range(30):  # zoomBy 1.1 a step: about 17 times
        page.mouse.wheel(0, -200)
    out_of_view = page.get_by_role("button", name=re.compile(r"^Arrow Car: .*\(an end is out of view\)$"))
    expect(out_of_view).to_be_visible()
    ends = out_of_view.locator(".lc-arrow-line").evaluate(ARROW_MID)
    box = viewport.bounding_box()
    for end in (ends["start"], ends["end"]):
        assert (
            box["x"] - 1 <= end["x"] <= box["x"] + box["width"] + 1
            and box["y"] - 1 <= end["y"] <= box["y"] + box["height"] + 1
        ), (end, box)
    page.screenshot(path="/tmp/lc/relation-image-out-of-view.png")
    page.keyboard.press("Shift+2")
    expect(arrow).to_be_visible()
    redrawn()
    check_ends()

    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("button", name="Update")).to_be_visible()
    [ann] = page.evaluate(ANNOTATIONS, ids["tasks"][0])
    boxes = {it["value"]["rectanglelabels"][0]: it for it in ann["result"] if it["type"] == "rectanglelabels"}
    [choice] = [it for it in ann["result"] if it["type"] == "choices"]
    car = boxes["Car"]
    assert list(choice) == [
        "original_width",
        "original_height",
        "image_rotation",
        "value",
        "id",
        "from_name",
        "to_name",
        "type",
        "origin",
    ]
    assert (choice["original_width"], choice["original_height"], choice["image_rotation"]) == (W, H, 0)
    assert choice["id"] == car["id"] and choice["to_name"] == "image"
    positional = {k: v for k, v in car["value"].items() if k != "rectanglelabels"}
    assert choice["value"] == {**positional, "choices": ["Parked"]}
    [rel] = [it for it in ann["result"] if it["type"] == "relation"]
    assert rel == {
        "from_id": car["id"],
        "to_id": boxes["Sign"]["id"],
        "type": "relation",
        "direction": "right",
    }
    validate(IMAGE_XML, {"image": "media://img0001/street.png"}, [ann], page, ids["project"])
