"""Export speed: each format on 10,000 annotated tasks (image boxes, and NER text), Labelcore vs
label-studio-sdk's converter (the oracle) on the same input in the same CPython process.

How it is measured (CPython part):
- Both sides start from the same task list already in memory: the converter's file reader
  (ijson over a JSON file) is replaced by a loop over that list, so neither side pays for parsing.
- "convert" is the conversion to its output in memory: ours returns ``{path: bytes}``; the
  converter's ``open``/``os`` calls are redirected to an in-memory file table (its code runs
  unchanged, only the file system is swapped). "write" puts those files on disk with one shared
  writer (the same cost for the same files) and is printed separately; "total" adds the two.
- Each figure is the median of ``--repeat`` runs (>= 3); the two sides alternate run by run (and
  which one goes first) so machine noise hits both alike. Times are wall clock, in seconds; the
  "cpu" column is the convert ratio in process CPU time (steadier on a busy machine).
- JSON: the converter copies the input file (shutil.copy2), there is no conversion to compare;
  the copy time is printed instead of a ratio.
No assertions on time.

    .venv/bin/python benchmarks/export.py [--tasks 10000] [--repeat 3] [--formats COCO,YOLO] [--part cpython]
    python3 build.py bench export          (builds the site first: the browser half needs it)

The browser half (benchmarks/export_browser.py) runs the same exports in the site's Pyodide
worker and prints the ratio to CPython (target <= 2.5x).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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
WORDS = (
    "the quick brown fox met Angela Merkel in Berlin while Acme Corp. said prices rose 3% "
    "on Tuesday, and officials in New York didn't comment"
).split()


def _annotation(i: int, result: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": i,
        "completed_by": 1 + i % 5,
        "result": result,
        "was_cancelled": False,
        "created_at": f"2024-01-01T00:00:{i % 60:02d}Z",
        "updated_at": "2024-01-02T00:00:00Z",
        "lead_time": 3.5,
    }


def image_tasks(n: int, rng: random.Random) -> list[dict[str, Any]]:
    tasks = []
    for i in range(n):
        result = []
        for j in range(3):
            x, y = rng.uniform(0, 70), rng.uniform(0, 70)
            result.append(
                {
                    "id": f"r{i}_{j}",
                    "type": "rectanglelabels",
                    "from_name": "label",
                    "to_name": "image",
                    "original_width": 1280,
                    "original_height": 720,
                    "value": {
                        "x": x,
                        "y": y,
                        "width": rng.uniform(1, 25),
                        "height": rng.uniform(1, 25),
                        "rotation": rng.choice([0, 0, 15]),
                        "rectanglelabels": [rng.choice(["Car", "Person", "Sign"])],
                    },
                }
            )
        result.append(
            {
                "id": f"p{i}",
                "type": "polygonlabels",
                "from_name": "poly",
                "to_name": "image",
                "original_width": 1280,
                "original_height": 720,
                "value": {"points": [[10, 80], [90, 80], [95, 99], [5, 99]], "polygonlabels": ["Road"]},
            }
        )
        tasks.append(
            {
                "id": i + 1,
                "data": {"image": f"/data/upload/1/img_{i:05d}.jpg"},
                "annotations": [_annotation(i, result)],
            }
        )
    return tasks


def text_tasks(n: int, rng: random.Random) -> list[dict[str, Any]]:
    tasks = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(30)]
        text = " ".join(words) + "."
        result, pos = [], 0
        for k, word in enumerate(words):
            if k % 7 == 3:
                result.append(
                    {
                        "id": f"s{i}_{k}",
                        "type": "labels",
                        "from_name": "label",
                        "to_name": "text",
                        "value": {
                            "start": pos,
                            "end": pos + len(word),
                            "text": word,
                            "labels": [rng.choice(["PER", "ORG", "LOC"])],
                        },
                    }
                )
            pos += len(word) + 1
        tasks.append({"id": i + 1, "data": {"text": text}, "annotations": [_annotation(i, result)]})
    return tasks


# ---- CPython: Labelcore vs label-studio-sdk -------------------------------------------------


class MemoryFiles:
    """An in-memory file table standing in for ``open``/``io``/``os`` in the converter's modules."""

    def __init__(self) -> None:
        self.files: dict[str, io.StringIO | io.BytesIO] = {}

    def open(self, path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "r" in mode and "+" not in mode:
            return open(path, mode, *args, **kwargs)  # noqa: SIM115 - reading input: the real file
        handle = io.BytesIO() if "b" in mode else io.StringIO()
        handle.close = lambda: None  # type: ignore[method-assign]  # keep the text after `with`
        self.files[os.fspath(path)] = handle
        return handle

    def module_proxy(self, real: Any, **overrides: Any) -> Any:
        return type(
            "Proxy",
            (),
            {
                "__getattr__": staticmethod(lambda name: getattr(real, name)),
                **{k: staticmethod(v) for k, v in overrides.items()},
            },
        )()

    def os_proxy(self) -> Any:
        files = self.files
        path = self.module_proxy(os.path, exists=lambda p: os.fspath(p) in files or os.path.exists(p))
        return self.module_proxy(
            os,
            path=path,
            replace=lambda a, b: files.__setitem__(os.fspath(b), files.pop(os.fspath(a))),
            remove=lambda p: files.pop(os.fspath(p)),
        )

    def contents(self, root: Path) -> dict[str, bytes]:
        out = {}
        for name, handle in self.files.items():
            data = handle.getvalue()
            out[Path(name).relative_to(root).as_posix()] = (
                data.encode("utf-8") if isinstance(data, str) else data
            )
        return out


@contextlib.contextmanager
def converter_in_memory(memory: MemoryFiles) -> Iterator[None]:
    """Swap the file system of the converter's writing modules for ``memory`` while it runs."""
    from label_studio_sdk.converter import converter as conv_mod  # noqa: PLC0415
    from label_studio_sdk.converter.exports import csv2, yolo  # noqa: PLC0415

    patches = {"open": memory.open, "io": memory.module_proxy(io, open=memory.open), "os": memory.os_proxy()}
    saved = [(m, k, m.__dict__.get(k)) for m in (conv_mod, csv2, yolo) for k in patches]
    for module, key, _ in saved:
        setattr(module, key, patches[key])
    try:
        yield
    finally:
        for module, key, old in saved:
            if old is None:
                delattr(module, key)
            else:
                setattr(module, key, old)


def converter_for(xml: str, tasks: list[dict[str, Any]], root: Path) -> Any:
    """label-studio-sdk's Converter reading ``tasks`` from memory instead of a JSON file (or None)."""
    try:
        from label_studio_sdk.converter import Converter  # noqa: PLC0415
    except ImportError:
        return None

    class InMemory(Converter):  # type: ignore[misc, valid-type]
        def iter_from_json_file(self, json_file: Any) -> Iterator[dict[str, Any]]:
            for task in tasks:
                for item in self.annotation_result_from_task(task) or ():
                    if item is not None:
                        yield item

    logging.disable(logging.CRITICAL)
    return InMemory(xml, str(root), download_resources=False)


def write_files(root: Path, files: dict[str, bytes]) -> None:
    """The one writer both sides' outputs go through."""
    made: set[Path] = set()
    for name, data in files.items():
        target = root / name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)


def timed(func: Callable[[], Any], cpu: list[float] | None = None) -> tuple[float, Any]:
    """Wall seconds and the result; the process's CPU seconds are appended to ``cpu`` if given."""
    start, start_cpu = time.perf_counter(), time.process_time()
    result = func()
    if cpu is not None:
        cpu.append(time.process_time() - start_cpu)
    return time.perf_counter() - start, result


def bench_format(fmt: str, xml: str, tasks: list[dict[str, Any]], root: Path, repeat: int) -> dict[str, Any]:
    """Medians of convert and write times for both sides, runs interleaved."""
    config = parse_config(xml)
    converter = converter_for(xml, tasks, root)
    times: dict[str, list[float]] = {
        k: [] for k in ("ours", "ours_write", "theirs", "theirs_write", "ours_cpu", "theirs_cpu")
    }
    counts = {}

    def ours(run: int) -> None:
        spent, files = timed(lambda: run_export(fmt, tasks, config, ExportOptions()), times["ours_cpu"])
        times["ours"].append(spent)
        target = root / f"ours-{run}"
        times["ours_write"].append(timed(lambda: write_files(target, files))[0])
        counts["ours"] = len(files)
        shutil.rmtree(target)

    def theirs(run: int) -> None:
        out = root / f"ls-{run}"
        memory = MemoryFiles()
        with converter_in_memory(memory):
            spent, _ = timed(
                lambda: converter.convert("tasks.json", str(out), fmt, is_dir=False), times["theirs_cpu"]
            )
        files = memory.contents(out)
        times["theirs"].append(spent)
        times["theirs_write"].append(timed(lambda: write_files(root / f"ls-w{run}", files))[0])
        counts["theirs"] = len(files)
        shutil.rmtree(root / f"ls-w{run}", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)

    sides = [ours] + ([theirs] if converter is not None else [])
    for run in range(repeat):
        for side in sides if run % 2 == 0 else sides[::-1]:
            side(run)
    out = {k: statistics.median(v) for k, v in times.items() if v}
    out["files"] = counts
    return out


def bench_json_copy(tasks: list[dict[str, Any]], root: Path, repeat: int) -> float:
    """What the converter does for JSON from a file: copy it (the median of ``repeat`` copies)."""
    source = root / "tasks.json"
    source.write_text(json.dumps(tasks), encoding="utf-8")
    spent = [timed(lambda: shutil.copy2(source, root / "copy.json"))[0] for _ in range(repeat)]
    return statistics.median(spent)


def cpython_report(ns: argparse.Namespace) -> None:
    only = {f for f in ns.formats.split(",") if f}
    rng = random.Random(5)
    projects = [
        ("image", IMAGE_XML, image_tasks(ns.tasks, rng), IMAGE_FORMATS),
        ("text", TEXT_XML, text_tasks(ns.tasks, rng), TEXT_FORMATS),
    ]
    print(
        f"{ns.tasks} annotated tasks per project, CPython {sys.version.split()[0]}, "
        f"median of {ns.repeat}, seconds; ratio = label-studio / labelcore"
    )
    print(
        f"{'project':<7} {'format':<10} {'ours':>7} {'LS':>7} {'ratio':>6}   "
        f"{'write':>6} {'LS write':>8} {'total':>6} {'LS total':>8} {'ratio':>6}  {'cpu':>5}  files"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for project, xml, tasks, formats in projects:
            for fmt in formats:
                if only and fmt not in only:
                    continue
                r = bench_format(fmt, xml, tasks, root, ns.repeat) if fmt != "JSON" else None
                if r is None:
                    ours = statistics.median(
                        timed(
                            lambda fmt=fmt, tasks=tasks, xml=xml: run_export(fmt, tasks, parse_config(xml))
                        )[0]
                        for _ in range(ns.repeat)
                    )
                    copy = bench_json_copy(tasks, root, ns.repeat)
                    print(
                        f"{project:<7} {fmt:<10} {ours:7.3f}   (LS copies the input file: {copy:.3f} s; no ratio)"
                    )
                elif "theirs" not in r:
                    print(f"{project:<7} {fmt:<10} {r['ours']:7.3f}   (label-studio-sdk not installed)")
                else:
                    total, ls_total = r["ours"] + r["ours_write"], r["theirs"] + r["theirs_write"]
                    print(
                        f"{project:<7} {fmt:<10} {r['ours']:7.3f} {r['theirs']:7.3f} {r['theirs'] / r['ours']:5.1f}x   "
                        f"{r['ours_write']:6.3f} {r['theirs_write']:8.3f} {total:6.3f} {ls_total:8.3f} "
                        f"{ls_total / total:5.1f}x  {r['theirs_cpu'] / r['ours_cpu']:4.1f}x  "
                        f"{r['files']['ours']}/{r['files']['theirs']}",
                        flush=True,
                    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per side (the median is shown)")
    parser.add_argument("--formats", default="", help="comma-separated subset")
    parser.add_argument(
        "--part",
        choices=("both", "cpython", "browser"),
        default="both",
        help="the CPython half (vs label-studio-sdk), the browser half (vs CPython), or both",
    )
    parser.add_argument(
        "--media-mb", type=int, default=32, help="stored media in the binary bridge figure (0: none)"
    )
    ns = parser.parse_args(argv)
    if ns.part != "browser":
        cpython_report(ns)
    if ns.part != "cpython":
        from export_browser import browser_report  # noqa: PLC0415 - needs Playwright and a built site

        rng = random.Random(5)
        projects = [
            ("image", IMAGE_XML, image_tasks(ns.tasks, rng), IMAGE_FORMATS),
            ("text", TEXT_XML, text_tasks(ns.tasks, rng), TEXT_FORMATS),
        ]
        browser_report(projects, ns.repeat, {f for f in ns.formats.split(",") if f}, ns.media_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
