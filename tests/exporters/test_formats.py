"""Which formats fit which config, the doc covers them all, errors name where, ops and CLI."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from labelcore.bridge import dispatch
from labelcore.cli import main
from labelcore.config import parse_config
from labelcore.errors import BridgeError, DataError, FormatError
from labelcore.exporters import FORMATS, ExportOptions, formats_for, run_export
from tests.exporters.harness import FIXTURES, load_case

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"
TABLES = {"JSON", "JSON_MIN", "CSV", "TSV"}


def names(xml: str) -> set[str]:
    return {f.name for f in formats_for(parse_config(xml))}


def test_every_registered_format_is_documented() -> None:
    headings = set(re.findall(r"^## (\S+)$", DOC.read_text(encoding="utf-8"), re.M))
    missing = set(FORMATS) - headings
    assert not missing, f"docs/formats.md has no section for {sorted(missing)}"


@pytest.mark.parametrize(
    "case,expected",
    [
        (
            "image_simple",
            TABLES
            | {
                "COCO",
                "COCO_WITH_IMAGES",
                "VOC",
                "YOLO",
                "YOLO_WITH_IMAGES",
                "YOLO_OBB",
                "YOLO_OBB_WITH_IMAGES",
            },
        ),
        ("ner", TABLES | {"CONLL2003"}),
        ("brush", TABLES | {"BRUSH_TO_PNG", "BRUSH_TO_NUMPY", "BRUSH_TO_COCO"}),
        ("asr", TABLES | {"ASR_MANIFEST"}),
        (
            "keypoints",
            TABLES
            | {
                "VOC",
                "COCO",
                "COCO_WITH_IMAGES",
                "YOLO",
                "YOLO_WITH_IMAGES",
                "YOLO_OBB",
                "YOLO_OBB_WITH_IMAGES",
            },
        ),
    ],
)
def test_formats_that_fit(case: str, expected: set[str]) -> None:
    assert names((FIXTURES / case / "config.xml").read_text()) == expected


def test_more_than_one_data_key_gets_tables_only() -> None:
    xml = (
        '<View><Image name="a" value="$a"/><Text name="t" value="$t"/>'
        '<RectangleLabels name="r" toName="a"><Label value="X"/></RectangleLabels></View>'
    )
    assert names(xml) == TABLES


def test_keypoints_without_boxes_get_no_coco_or_yolo() -> None:
    xml = '<View><Image name="a" value="$a"/><KeyPointLabels name="k" toName="a"><Label value="n"/></KeyPointLabels></View>'
    assert names(xml) == TABLES | {"YOLO_OBB", "YOLO_OBB_WITH_IMAGES"}


def test_format_that_does_not_fit_is_refused() -> None:
    config, tasks, options, _ = load_case("ner")
    with pytest.raises(FormatError, match="cannot export this project's config") as exc:
        run_export("COCO", tasks, config, options)
    assert exc.value.where == {"path": "format"}
    with pytest.raises(FormatError, match="unknown export format 'NOPE'"):
        run_export("NOPE", tasks, config, options)


def test_bad_task_names_its_path() -> None:
    config, tasks, options, _ = load_case("ner")
    with pytest.raises(DataError) as exc:
        run_export("CSV", tasks + [{"id": 9}], config, options)
    assert exc.value.where == {"path": f"$[{len(tasks)}]"}


def test_corrupt_brush_rle_is_a_data_error() -> None:
    config, tasks, options, _ = load_case("brush")
    tasks[0]["annotations"][0]["result"][0]["value"]["rle"] = [0, 0, 1]
    with pytest.raises(DataError, match="brush 'rle' ends before") as exc:
        run_export("BRUSH_TO_PNG", tasks, config, options)
    assert exc.value.where["path"].startswith("$[0].annotations")


def test_selection_and_scope() -> None:
    config, tasks, _options, _ = load_case("ner")
    only = run_export("JSON_MIN", tasks, config, ExportOptions(task_ids=[403, 404]))
    assert [r["id"] for r in json.loads(only["result.json"])] == [403]
    every = run_export("JSON_MIN", tasks, config, ExportOptions(scope="all", task_ids=[403, 404]))
    assert [r["id"] for r in json.loads(every["result.json"])] == [403, 404]


def test_predictions_only_when_asked() -> None:
    config, tasks, _options, _ = load_case("image_simple")
    without = json.loads(run_export("JSON", tasks, config, ExportOptions())["result.json"])
    with_ = json.loads(
        run_export("JSON", tasks, config, ExportOptions(include_predictions=True))["result.json"]
    )
    assert "predictions" not in without[0] and with_[0]["predictions"][0]["model_version"] == "yolo-v1"


def test_ops_formats_and_run_zip() -> None:
    _config, tasks, _options, xml = load_case("image_simple")
    listed = {f["name"] for f in dispatch("export.formats", {"config_xml": xml})}
    assert "COCO" in listed and "CONLL2003" not in listed
    progress: list[str] = []
    from labelcore.bridge import Context

    reply = dispatch(
        "export.run", {"config_xml": xml, "tasks": tasks, "format": "YOLO"}, Context(1, progress.append)
    )
    assert reply["filename"] == "yolo.zip" and reply["mime"] == "application/zip" and progress
    archive = zipfile.ZipFile(io.BytesIO(reply["data"]))
    assert "classes.txt" in archive.namelist()
    single = dispatch("export.run", {"config_xml": xml, "tasks": tasks, "format": "COCO"})
    assert single["filename"] == "result.json"
    assert json.loads(single["data"])["categories"]


def test_op_refuses_media_that_is_not_base64() -> None:
    _config, tasks, _options, xml = load_case("image_simple")
    with pytest.raises(BridgeError, match="not base64"):
        dispatch(
            "export.run",
            {
                "config_xml": xml,
                "tasks": tasks,
                "format": "COCO_WITH_IMAGES",
                "options": {"media": {"x": "***"}},
            },
        )


def test_cli_export_to_dir_and_zip(tmp_path: Path, capsys) -> None:
    case = FIXTURES / "ner"
    args = ["export", "--config", str(case / "config.xml"), "--tasks", str(case / "tasks.json"), "--format"]
    assert main(args + ["CONLL2003", "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "result.conll").read_text().startswith("-DOCSTART- -X- O\n")
    assert main(args + ["JSON_MIN", "-o", str(tmp_path / "x.zip"), "--all-tasks"]) == 0
    assert zipfile.ZipFile(tmp_path / "x.zip").namelist() == ["result.json"]
    assert main(["formats", "--config", str(case / "config.xml")]) == 0
    listed = capsys.readouterr().out
    assert "CONLL2003" in listed and "COCO" not in listed
    assert main(args + ["COCO", "-o", str(tmp_path / "no")]) == 2
