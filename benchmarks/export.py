"""Export speed: each format on 10,000 annotated tasks (image boxes, and NER text), Labelcore vs
label-studio-sdk's converter on the same input in the same CPython process. Prints times and the
ratio (LS time / ours; the target is >= 5x). Ours includes writing its files to disk, as the
converter does. No assertions on time.

    .venv/bin/python benchmarks/export.py [--tasks 10000] [--formats COCO,YOLO]
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from labelcore.config import parse_config
from labelcore.exporters import ExportOptions, run_export

IMAGE_XML = """<View><Image name="image" value="$image"/>
<RectangleLabels name="label" toName="image"><Label value="Car"/><Label value="Person"/><Label value="Sign"/></RectangleLabels>
<PolygonLabels name="poly" toName="image"><Label value="Road"/></PolygonLabels></View>"""
TEXT_XML = """<View><Labels name="label" toName="text"><Label value="PER"/><Label value="ORG"/><Label value="LOC"/></Labels>
<Text name="text" value="$text"/></View>"""
IMAGE_FORMATS = ["JSON", "JSON_MIN", "CSV", "TSV", "COCO", "VOC", "YOLO", "YOLO_OBB"]
TEXT_FORMATS = ["JSON", "JSON_MIN", "CSV", "TSV", "CONLL2003"]
WORDS = ("the quick brown fox met Angela Merkel in Berlin while Acme Corp. said prices rose 3% "
         "on Tuesday, and officials in New York didn't comment").split()


def _annotation(i: int, result: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": i, "completed_by": 1 + i % 5, "result": result, "was_cancelled": False,
            "created_at": f"2024-01-01T00:00:{i % 60:02d}Z", "updated_at": "2024-01-02T00:00:00Z", "lead_time": 3.5}


def image_tasks(n: int, rng: random.Random) -> list[dict[str, Any]]:
    tasks = []
    for i in range(n):
        result = []
        for j in range(3):
            x, y = rng.uniform(0, 70), rng.uniform(0, 70)
            result.append({"id": f"r{i}_{j}", "type": "rectanglelabels", "from_name": "label", "to_name": "image",
                           "original_width": 1280, "original_height": 720,
                           "value": {"x": x, "y": y, "width": rng.uniform(1, 25), "height": rng.uniform(1, 25),
                                     "rotation": rng.choice([0, 0, 15]), "rectanglelabels": [rng.choice(["Car", "Person", "Sign"])]}})
        result.append({"id": f"p{i}", "type": "polygonlabels", "from_name": "poly", "to_name": "image",
                       "original_width": 1280, "original_height": 720,
                       "value": {"points": [[10, 80], [90, 80], [95, 99], [5, 99]], "polygonlabels": ["Road"]}})
        tasks.append({"id": i + 1, "data": {"image": f"/data/upload/1/img_{i:05d}.jpg"}, "annotations": [_annotation(i, result)]})
    return tasks


def text_tasks(n: int, rng: random.Random) -> list[dict[str, Any]]:
    tasks = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(30)]
        text = " ".join(words) + "."
        result, pos = [], 0
        for k, word in enumerate(words):
            if k % 7 == 3:
                result.append({"id": f"s{i}_{k}", "type": "labels", "from_name": "label", "to_name": "text",
                               "value": {"start": pos, "end": pos + len(word), "text": word,
                                         "labels": [rng.choice(["PER", "ORG", "LOC"])]}})
            pos += len(word) + 1
        tasks.append({"id": i + 1, "data": {"text": text}, "annotations": [_annotation(i, result)]})
    return tasks


def time_ours(fmt: str, tasks: list[dict[str, Any]], xml: str, out: Path) -> float:
    start = time.perf_counter()
    files = run_export(fmt, tasks, parse_config(xml), ExportOptions())
    for name, data in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return time.perf_counter() - start


def time_theirs(fmt: str, source: Path, xml: str, out: Path) -> float | None:
    try:
        from label_studio_sdk.converter import Converter
    except ImportError:
        return None
    logging.disable(logging.CRITICAL)
    start = time.perf_counter()
    Converter(xml, str(out.parent), download_resources=False).convert(str(source), str(out), fmt, is_dir=False)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--formats", default="", help="comma-separated subset")
    ns = parser.parse_args(argv)
    only = {f for f in ns.formats.split(",") if f}
    rng = random.Random(5)
    projects = [("image", IMAGE_XML, image_tasks(ns.tasks, rng), IMAGE_FORMATS),
                ("text", TEXT_XML, text_tasks(ns.tasks, rng), TEXT_FORMATS)]
    print(f"{ns.tasks} annotated tasks per project, CPython {sys.version.split()[0]}")
    print(f"{'project':<7} {'format':<10} {'labelcore s':>12} {'label-studio s':>15} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for project, xml, tasks, formats in projects:
            source = root / f"{project}.json"
            source.write_text(json.dumps(tasks), encoding="utf-8")
            for fmt in formats:
                if only and fmt not in only:
                    continue
                ours = time_ours(fmt, tasks, xml, root / f"ours-{project}-{fmt}")
                theirs = time_theirs(fmt, source, xml, root / f"ls-{project}-{fmt}")
                ratio = f"{theirs / ours:6.1f}x" if theirs else "   n/a"
                shown = f"{theirs:15.3f}" if theirs else f"{'(not installed)':>15}"
                print(f"{project:<7} {fmt:<10} {ours:12.3f} {shown} {ratio:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
