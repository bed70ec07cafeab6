"""The Export dialog, used as a person uses it: open a project, Export, pick a format and the
tasks, Export, and open the file that downloads. Projects are written straight into IndexedDB
through the page (as the import and labeling screens would), then every download is checked
by hand-computed facts and against the same export run by the core in CPython."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import zipfile

from playwright.sync_api import expect

from labelcore.cli import main
from labelcore.config import parse_config
from labelcore.exporters import ExportOptions, run_export
from labelcore.exporters.png import png_grey
from tests.browser.helpers import wait_ready

# Writes one project with its media, tasks, annotations and predictions through the app's record
# builders (store/records.js); a data value "@media:N" becomes the reference
# ("media://<id>/<name>", store/media.js) of the N-th stored media file; a task, annotation or
# prediction with an "id" keeps it. Returns {project, media: [refs], tasks: [ids]}.
SEED = """async ({name, xml, media, tasks}) => {
  const {core, projects, store} = window.labelcore;
  const R = await import("./js/store/records.js");
  const parsed = await core.call("config.parse", {xml});
  const project = await projects.createProject({name, label_config: xml});
  await projects.updateProject(project.id, {parsed_config: parsed.config});
  const refs = await store.write(["media"], (tx) => Promise.all(media.map(async (m, i) => {
    const bytes = Uint8Array.from(atob(m.base64), (c) => c.charCodeAt(0));
    const id = `p${project.id}m${i}`;
    await tx.objectStore("media").add({id, project: project.id, name: m.name, path: m.name, type: m.type,
                                       size: bytes.length, blob: new Blob([bytes], {type: m.type})});
    return `media://${id}/${encodeURIComponent(m.name)}`;
  })));
  const taskIds = await store.write(["tasks", "annotations", "predictions"], async (tx) => {
    const ids = [];
    for (const [i, t] of tasks.entries()) {
      const data = Object.fromEntries(Object.entries(t.data).map(([k, v]) =>
        [k, typeof v === "string" && v.startsWith("@media:") ? refs[Number(v.slice(7))] : v]));
      const stamp = "2024-03-0" + (i + 1) + "T10:00:00.000Z";
      const id = await tx.objectStore("tasks").add(R.taskRecord({created_at: stamp, updated_at: stamp, inner_id: i + 1, ...t, data},
                                                                {project: project.id, id: t.id}));
      const at = (row) => ({task: id, project: project.id, id: row.id});
      for (const a of t.annotations) await tx.objectStore("annotations").add(R.annotationRecord(a, at(a)));
      for (const p of t.predictions ?? []) await tx.objectStore("predictions").add(R.predictionRecord(p, at(p)));
      ids.push(id);
    }
    return ids;
  });
  return {project: project.id, media: refs, tasks: taskIds};
}"""

IMAGE_XML = """<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Person"/><Label value="Car"/></RectangleLabels>
</View>"""
TEXT_XML = """<View>
  <Labels name="ner" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
  <Text name="text" value="$text"/>
</View>"""


def _annotation(n: int, result: list, **extra) -> dict:
    return {
        "completed_by": 1,
        "result": result,
        "was_cancelled": False,
        "ground_truth": False,
        "created_at": f"2024-04-0{n}T12:00:00.000Z",
        "updated_at": f"2024-04-0{n}T12:00:00.000Z",
        "lead_time": 4.5,
        **extra,
    }


def _box(rid: str, x, y, w, h, label: str, size: tuple[int, int] | None) -> dict:
    item = {
        "id": rid,
        "type": "rectanglelabels",
        "from_name": "label",
        "to_name": "image",
        "origin": "manual",
        "value": {"x": x, "y": y, "width": w, "height": h, "rotation": 0, "rectanglelabels": [label]},
    }
    if size:
        item["original_width"], item["original_height"] = size
    return item


def _span(rid: str, start: int, end: int, text: str, label: str) -> dict:
    return {
        "id": rid,
        "type": "labels",
        "from_name": "ner",
        "to_name": "text",
        "origin": "manual",
        "value": {"start": start, "end": end, "text": text, "labels": [label]},
    }


def _png(width: int, height: int) -> str:
    return base64.b64encode(png_grey(bytes(width * height), height, width)).decode()


def _open(page, site_url: str, seed: dict) -> dict:
    page.goto(site_url)
    wait_ready(page)
    ids = page.evaluate(SEED, seed)
    page.goto(f"{site_url}#/projects/{ids['project']}")
    expect(page.get_by_role("heading", name=seed["name"])).to_be_visible()
    return ids


def _export(page, fmt: str, scope: str = "Annotated tasks only", predictions: bool = False):
    """Open the dialog, choose the format, the tasks and whether predictions go, Export; the
    download's bytes and name."""
    page.get_by_role("button", name="Export").click()
    dialog = page.get_by_role("dialog", name="Export data")
    radio = dialog.get_by_role("radio", name=fmt, exact=True)
    radio.check()
    dialog.get_by_role("radio", name=re.compile("^" + re.escape(scope))).check()
    if predictions:
        dialog.get_by_role("checkbox", name=re.compile("^Include predictions")).check()
    with page.expect_download() as info:
        dialog.get_by_role("button", name="Export", exact=True).click()
    download = info.value
    expect(dialog.get_by_role("status")).to_contain_text("Downloaded")
    expect(dialog.get_by_role("progressbar", name="Export progress")).to_have_attribute(
        "aria-valuenow", "100"
    )
    dialog.get_by_role("button", name="Close", exact=True).last.click()
    expect(dialog).to_be_hidden()
    return download.path().read_bytes(), download.suggested_filename


def _cpython(xml: str, tasks: list[dict], fmt: str, **options) -> dict[str, bytes]:
    return run_export(fmt, tasks, parse_config(xml), ExportOptions(**options))


def test_image_project_exports_coco_and_yolo(page, site_url):
    big = _annotation(
        1, [_box("a1", 10, 20, 30, 40, "Car", (200, 100)), _box("a2", 50, 0, 50, 50, "Person", (200, 100))]
    )
    # The second image's results carry no original size: the dialog reads it from the stored PNG.
    small = _annotation(2, [_box("b1", 50, 50, 25, 50, "Person", None)])
    skipped = _annotation(3, [], was_cancelled=True)
    seed = {
        "name": "Street scenes",
        "xml": IMAGE_XML,
        "media": [
            {"name": "street.png", "type": "image/png", "base64": _png(200, 100)},
            {"name": "corner.png", "type": "image/png", "base64": _png(40, 30)},
            {"name": "empty.png", "type": "image/png", "base64": _png(10, 10)},
        ],
        "tasks": [
            {"data": {"image": "@media:0"}, "annotations": [big]},
            {"data": {"image": "@media:1"}, "annotations": [small, skipped]},
            {"data": {"image": "@media:2"}, "annotations": []},
        ],
    }
    ids = _open(page, site_url, seed)

    coco_bytes, coco_name = _export(page, "COCO")
    assert re.fullmatch(rf"project-{ids['project']}-at-\d{{4}}-\d\d-\d\d-\d\d-\d\d-coco\.json", coco_name)
    coco = json.loads(coco_bytes)
    assert coco["categories"] == [{"id": 0, "name": "Car"}, {"id": 1, "name": "Person"}]
    images = {img["file_name"]: img for img in coco["images"]}
    assert set(images) == {"images/street.png", "images/corner.png"}, "the unannotated task is not exported"
    assert (images["images/corner.png"]["width"], images["images/corner.png"]["height"]) == (40, 30)
    boxes = sorted((a["image_id"], a["category_id"], a["bbox"]) for a in coco["annotations"])
    street, corner = images["images/street.png"]["id"], images["images/corner.png"]["id"]
    assert boxes == sorted(
        [(street, 0, [20, 20, 60, 40]), (street, 1, [100, 0, 100, 50]), (corner, 1, [20, 15, 10, 15])]
    )

    yolo_bytes, yolo_name = _export(page, "YOLO")
    assert yolo_name.endswith("-yolo.zip")
    yolo = zipfile.ZipFile(io.BytesIO(yolo_bytes))
    archive = yolo
    assert sorted(archive.namelist()) == [
        "classes.txt",
        "labels/corner.txt",
        "labels/street.txt",
        "notes.json",
    ]
    assert archive.read("classes.txt").decode().split() == ["Car", "Person"]
    street_lines = [
        [float(v) for v in line.split()] for line in archive.read("labels/street.txt").decode().splitlines()
    ]
    assert sorted(street_lines) == [[0, 0.25, 0.4, 0.3, 0.4], [1, 0.75, 0.25, 0.5, 0.5]]
    assert [float(v) for v in archive.read("labels/corner.txt").decode().split()] == [
        1,
        0.625,
        0.75,
        0.25,
        0.5,
    ]

    # "with images": the stored files travel with the labels, byte for byte.
    zipped, _ = _export(page, "COCO with Images")
    archive = zipfile.ZipFile(io.BytesIO(zipped))
    assert sorted(archive.namelist()) == ["images/corner.png", "images/street.png", "result.json"]
    assert archive.read("images/corner.png") == base64.b64decode(seed["media"][1]["base64"])
    assert json.loads(archive.read("result.json")) == coco

    # The same tasks through the core in CPython give the same files (the page sent what it stored).
    tasks = [
        {"id": tid, "data": {"image": ref}, "annotations": t["annotations"]}
        for tid, ref, t in zip(ids["tasks"], ids["media"], seed["tasks"])
    ]
    names = {ref: m["name"] for ref, m in zip(ids["media"], seed["media"])}
    expected = _cpython(IMAGE_XML, tasks, "YOLO", media_names=names)
    assert {n: yolo.read(n) for n in yolo.namelist()} == expected


def test_text_project_exports_csv_and_conll(page, site_url):
    text = "Angela Merkel visited Berlin."
    seed = {
        "name": "News NER",
        "xml": TEXT_XML,
        "media": [],
        "tasks": [
            {
                "data": {"text": text},
                "annotations": [
                    _annotation(
                        1, [_span("s1", 0, 13, "Angela Merkel", "PER"), _span("s2", 22, 28, "Berlin", "LOC")]
                    )
                ],
            },
            {"data": {"text": "Nothing to see."}, "annotations": []},
            {"data": {"text": "Skipped one."}, "annotations": [_annotation(2, [], was_cancelled=True)]},
        ],
    }
    ids = _open(page, site_url, seed)

    # Only formats that fit a text config are offered.
    page.get_by_role("button", name="Export").click()
    dialog = page.get_by_role("dialog", name="Export data")
    expect(dialog.get_by_role("radio", name="CONLL2003", exact=True)).to_be_visible()
    assert dialog.get_by_role("radio", name="COCO", exact=True).count() == 0
    dialog.get_by_role("button", name="Cancel").click()

    csv_bytes, csv_name = _export(page, "CSV", scope="All tasks")
    assert csv_name.endswith("-csv.csv")
    rows = list(csv.DictReader(io.StringIO(csv_bytes.decode())))
    assert [r["text"] for r in rows] == [text, "Nothing to see."], (
        "all tasks, the skipped annotation left out"
    )
    first = rows[0]
    assert first["id"] == str(ids["tasks"][0]) and first["annotator"] == "1" and first["lead_time"] == "4.5"
    assert [v["labels"] for v in json.loads(first["ner"])] == [["PER"], ["LOC"]]
    assert rows[1]["ner"] == "" and rows[1]["id"] == str(ids["tasks"][1])

    # The Data Manager's selection: one task ticked there is the one exported, as Label Studio JSON.
    page.get_by_role("checkbox", name=f"Select task {ids['tasks'][2]}").check()
    json_bytes, _ = _export(page, "JSON", scope="Selected tasks (1)")
    [task] = json.loads(json_bytes)
    assert (
        task["id"] == ids["tasks"][2] and task["data"] == {"text": "Skipped one."} and task["inner_id"] == 3
    )
    assert (task["total_annotations"], task["cancelled_annotations"], task["total_predictions"]) == (0, 1, 0)
    [skip] = task["annotations"]
    assert skip["was_cancelled"] is True and skip["task"] == ids["tasks"][2] and skip["lead_time"] == 4.5
    assert {"id", "completed_by", "result", "ground_truth", "created_at", "updated_at", "project"} <= set(
        skip
    )
    assert "predictions" not in task, "predictions only when asked for"
    page.get_by_role("checkbox", name=f"Select task {ids['tasks'][2]}").uncheck()

    conll_bytes, conll_name = _export(page, "CONLL2003")
    assert conll_name.endswith("-conll2003.conll")
    lines = conll_bytes.decode().splitlines()
    assert lines[0] == "-DOCSTART- -X- O"
    tokens = [line.split() for line in lines[1:] if line.strip()]
    assert [(t[0], t[-1]) for t in tokens] == [
        ("Angela", "B-PER"),
        ("Merkel", "I-PER"),
        ("visited", "O"),
        ("Berlin", "B-LOC"),
        (".", "O"),
    ]


def test_json_export_is_the_clis_byte_for_byte(page, site_url, tmp_path):
    """The JSON the Export dialog downloads is what `labelcore export` writes from a tasks file
    holding the same tasks: the core alone decides the shape (key order, counts, defaults) and
    which tasks go (annotated only, all, a selection), for the page and the command line."""
    text = "Grüße aus Köln 🙂"
    tasks = [
        {
            "id": 501,
            "data": {"text": text},
            "meta": {"source": "mail"},
            "created_at": "2024-05-01T08:00:00.000Z",
            "updated_at": "2024-05-01T08:00:00.000Z",
            "inner_id": 1,
            "annotations": [
                _annotation(1, [_span("s1", 10, 14, "Köln", "LOC")], id=9001),
                _annotation(2, [], id=9002, was_cancelled=True, completed_by=2),
            ],
            "predictions": [
                {
                    "id": 7001,
                    "result": [_span("q1", 0, 5, "Grüße", "PER")],
                    "score": 0.25,
                    "model_version": "ner-v2",
                    "created_at": "2024-05-01T09:00:00.000Z",
                }
            ],
        },
        {
            "id": 502,
            "data": {"text": "Nothing here."},
            "meta": {},
            "created_at": "2024-05-02T08:00:00.000Z",
            "updated_at": "2024-05-02T08:00:00.000Z",
            "inner_id": 2,
            "annotations": [],
        },
        {
            "id": 503,
            "data": {"text": "Only skipped."},
            "meta": {},
            "created_at": "2024-05-03T08:00:00.000Z",
            "updated_at": "2024-05-03T08:00:00.000Z",
            "inner_id": 3,
            "annotations": [_annotation(3, [], id=9003, was_cancelled=True)],
        },
    ]
    ids = _open(page, site_url, {"name": "Same bytes", "xml": TEXT_XML, "media": [], "tasks": tasks})
    assert ids["tasks"] == [501, 502, 503]
    # The tasks file: the same tasks of the same project (annotations name no task: the core adds it).
    for task in tasks:
        task["project"] = ids["project"]
    (tmp_path / "config.xml").write_text(TEXT_XML, encoding="utf-8")
    (tmp_path / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")

    def cli(name: str, *flags: str) -> bytes:
        out = tmp_path / name
        assert (
            main(
                [
                    "export",
                    "--config",
                    str(tmp_path / "config.xml"),
                    "--tasks",
                    str(tmp_path / "tasks.json"),
                    "--format",
                    "JSON",
                    "-o",
                    str(out),
                    *flags,
                ]
            )
            == 0
        )
        return (out / "result.json").read_bytes()

    annotated, _ = _export(page, "JSON")
    assert annotated == cli("annotated")
    got = json.loads(annotated)
    assert [t["id"] for t in got] == [501, 503], "the skipped-only task counts as annotated; 502 does not"
    assert list(got[0])[:4] == ["id", "annotations", "drafts", "data"] and "predictions" not in got[0]
    assert (got[0]["total_annotations"], got[0]["cancelled_annotations"], got[0]["total_predictions"]) == (
        1,
        1,
        1,
    )
    assert [(a["id"], a["task"], a["project"], a["result_count"]) for a in got[0]["annotations"]] == [
        (9001, 501, ids["project"], 1),
        (9002, 501, ids["project"], 0),
    ]

    assert _export(page, "JSON", scope="All tasks")[0] == cli("all", "--all-tasks")

    with_predictions, _ = _export(page, "JSON", predictions=True)
    assert with_predictions == cli("predictions", "--predictions")
    [prediction] = json.loads(with_predictions)[0]["predictions"]
    assert (prediction["id"], prediction["task"], prediction["model_version"]) == (7001, 501, "ner-v2")

    for task_id in (501, 502):
        page.get_by_role("checkbox", name=f"Select task {task_id}").check()
    selected, _ = _export(page, "JSON", scope="Selected tasks (2)")
    assert selected == cli("selected", "--task-ids", "501,502")
    assert [t["id"] for t in json.loads(selected)] == [501, 502], "a selection goes whole, annotated or not"
