"""Label Studio's JSON export shape and the choice of tasks, decided once in the core for the CLI
and the browser (which hands its stored records: see site/js/store/exports.js)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from labelcore.bridge import dispatch
from labelcore.cli import main
from labelcore.config import parse_config
from labelcore.errors import DataError
from labelcore.exporters import ExportOptions, run_export
from labelcore.exporters.ls_shape import ANNOTATION_DEFAULTS, TASK_KEYS_FIRST, ls_task
from tests.exporters.harness import FIXTURES, load_case

XML = """<View><Text name="text" value="$text"/>
  <Choices name="mood" toName="text"><Choice value="Up"/><Choice value="Down"/></Choices></View>"""


def _choice(rid: str, value: str) -> dict:
    return {
        "id": rid,
        "type": "choices",
        "from_name": "mood",
        "to_name": "text",
        "value": {"choices": [value]},
    }


def _tasks() -> list[dict]:
    return [
        {
            "id": 1,
            "data": {"text": "one"},
            "project": 4,
            "annotations": [
                {
                    "id": 10,
                    "completed_by": 2,
                    "result": [_choice("a", "Up")],
                    "created_at": "2024-01-01T00:00:00Z",
                }
            ],
            "predictions": [{"id": 70, "result": [_choice("p", "Down")], "score": 0.5}],
        },
        {"id": 2, "data": {"text": "two"}, "project": 4, "annotations": []},
        {
            "id": 3,
            "data": {"text": "three"},
            "project": 4,
            "custom": {"kept": True},
            "annotations": [{"id": 11, "was_cancelled": True, "result": []}],
            "total_predictions": 5,
        },
    ]


def test_task_shape_key_order_counts_and_defaults() -> None:
    first, _, third = (ls_task(t, include_predictions=False) for t in _tasks())
    assert list(first)[:4] == ["id", "annotations", "drafts", "data"], "Label Studio's key order"
    assert [k for k in first if k in TASK_KEYS_FIRST] == [k for k in TASK_KEYS_FIRST if k in first]
    assert (first["total_annotations"], first["cancelled_annotations"], first["total_predictions"]) == (
        1,
        0,
        1,
    )
    assert (
        "predictions" not in first
        and first["inner_id"] == 1
        and first["drafts"] == []
        and first["meta"] == {}
    )
    [annotation] = first["annotations"]
    assert list(annotation) == list(ANNOTATION_DEFAULTS), "every Label Studio annotation key, in its order"
    assert (annotation["task"], annotation["project"], annotation["result_count"]) == (1, 4, 1)
    assert annotation["lead_time"] is None and annotation["prediction"] == {}
    # A skipped annotation is cancelled; a count given without the predictions is kept; unknown keys survive.
    assert (third["total_annotations"], third["cancelled_annotations"], third["total_predictions"]) == (
        0,
        1,
        5,
    )
    assert list(third)[-1] == "custom" and third["custom"] == {"kept": True}
    with_predictions = ls_task(_tasks()[0], include_predictions=True)
    assert list(with_predictions)[:4] == ["id", "annotations", "drafts", "predictions"]
    [prediction] = with_predictions["predictions"]
    assert (prediction["task"], prediction["model_version"], prediction["score"]) == (1, "", 0.5)


@pytest.mark.parametrize("include", [False, True])
def test_the_shape_is_stable_when_exported_again(include: bool) -> None:
    tasks = _tasks() if not include else _tasks()[:2]  # (task 3 gives a count, not its predictions)
    once = [ls_task(t, include_predictions=include) for t in tasks]
    assert [ls_task(t, include_predictions=include) for t in once] == once


@pytest.mark.parametrize(
    "options,ids",
    [
        ({}, [1, 3]),
        ({"scope": "all"}, [1, 2, 3]),
        ({"scope": "selection", "task_ids": [3, 2]}, [3, 2]),
        ({"scope": "view", "task_ids": ["2", 1, 99]}, [2, 1]),
        ({"task_ids": [3, 2, 1]}, [3, 1]),
    ],
)
def test_scope_and_task_ids_choose_and_order(options: dict, ids: list) -> None:
    out = json.loads(run_export("JSON", _tasks(), parse_config(XML), ExportOptions(**options))["result.json"])
    assert [t["id"] for t in out] == ids
    assert dispatch("export.select", {"tasks": _tasks(), "options": options}) == ids


def test_view_scope_needs_task_ids_and_an_empty_choice_is_refused() -> None:
    with pytest.raises(ValidationError):
        ExportOptions(scope="view")
    args = {"config_xml": XML, "tasks": [t for t in _tasks() if t["id"] == 2], "format": "JSON"}
    with pytest.raises(DataError, match="No task has an annotation yet"):
        dispatch("export.run", args)
    reply = dispatch("export.run", {**args, "options": {"scope": "all"}})
    assert reply["tasks"] == 1 and json.loads(reply["data"])[0]["id"] == 2


def test_cli_task_ids(tmp_path: Path) -> None:
    _config, tasks, _options, _xml = load_case("ner")
    case = FIXTURES / "ner"
    ids = [t["id"] for t in tasks][::-1][:2]
    assert (
        main(
            [
                "export",
                "--config",
                str(case / "config.xml"),
                "--tasks",
                str(case / "tasks.json"),
                "--format",
                "JSON",
                "--task-ids",
                ",".join(map(str, ids)),
                "-o",
                str(tmp_path),
            ]
        )
        == 0
    )
    assert [t["id"] for t in json.loads((tmp_path / "result.json").read_text())] == ids
