"""The gallery through the bridge (templates.list / templates.get) and the CLI."""

from __future__ import annotations

import json

import pytest

from labelcore.bridge import dispatch, handle
from labelcore.cli import main
from labelcore.config import parse_config
from labelcore.errors import BridgeError
from labelcore.templates import GROUPS, get_template, list_templates


def test_list_op_returns_groups_and_infos():
    result = dispatch("templates.list", {})
    assert result["groups"] == list(GROUPS)
    assert [t["name"] for t in result["templates"]] == [i.name for i in list_templates()]
    assert set(result["templates"][0]) == {
        "name",
        "title",
        "group",
        "description",
        "keywords",
        "order",
        "cannot_draw",
    }


def test_list_op_filters_by_group_and_query():
    result = dispatch("templates.list", {"group": "Time Series Analysis", "query": "ecg"})
    assert [t["name"] for t in result["templates"]] == ["signal-quality"]


def test_get_op_returns_a_template_that_parses():
    result = dispatch("templates.get", {"name": "taxonomy"})
    cfg = parse_config(result["config"])
    assert cfg.controls["topic"].type == "taxonomy"
    assert result["task"]["data"]["text"]
    json.dumps(result)  # the reply crosses the worker boundary as JSON


def test_get_op_unknown_name_is_a_data_error_with_a_suggestion():
    reply = json.loads(handle(json.dumps({"id": 3, "op": "templates.get", "args": {"name": "taxonmy"}})))
    assert reply["ok"] is False
    assert reply["error"]["type"] == "DataError"
    assert reply["error"]["message"] == "no template named 'taxonmy' (did you mean 'taxonomy'?)"
    assert reply["error"]["where"] == {"path": "name"}


def test_ops_refuse_unknown_arguments():
    with pytest.raises(BridgeError):
        dispatch("templates.list", {"groups": "Videos"})
    with pytest.raises(BridgeError):
        dispatch("templates.get", {})


def test_cli_lists_templates_under_their_group(capsys):
    assert main(["templates", "--group", "Videos"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Videos"
    assert lines[1].split()[0] == "video-classification"
    assert len(lines) == 1 + len(list_templates("Videos"))


def test_cli_lists_every_group_in_order(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    headers = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headers == list(GROUPS)


def test_cli_show_prints_the_config_xml(capsys):
    assert main(["templates", "--show", "ocr"]) == 0
    out = capsys.readouterr().out
    assert parse_config(out).controls["transcription"].attrs["perRegion"] is True


def test_cli_show_task_prints_the_sample_task(capsys):
    assert main(["templates", "--show", "text-classification", "--task"]) == 0
    assert "review" in json.loads(capsys.readouterr().out)["data"]


def test_cli_json_listing(capsys):
    assert main(["templates", "--json", "--search", "rlhf"]) == 0
    assert [t["name"] for t in json.loads(capsys.readouterr().out)] == ["rlhf-preference"]


def test_cli_unknown_template_exits_2_with_suggestion(capsys):
    assert main(["templates", "--show", "orc"]) == 2
    assert "no template named 'orc' (did you mean 'ocr'?)" in capsys.readouterr().err


def test_templates_name_the_tags_they_cannot_draw_yet():
    by_name = {t["name"]: t for t in dispatch("templates.list", {})["templates"]}
    assert by_name["speech-transcription"]["cannot_draw"] == ["Audio"]
    assert by_name["object-detection"]["cannot_draw"] == []
    for name, info in by_name.items():
        assert info["cannot_draw"] == parse_config(get_template(name).config).cannot_draw, name
