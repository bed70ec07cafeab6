"""The config area's bridge ops and the ``labelcore validate`` command."""

import json

import pytest

from labelcore import bridge
from labelcore.cli import main

GOOD = '<View>\n  <Image name="img" value="$image"/>\n  <Choices name="c" toName="img"><Choice value="Cat"/></Choices>\n</View>\n'
BAD = '<View>\n  <Imag name="img" value="$image"/>\n  <Choices name="c" toName="img" choice="x"/>\n</View>\n'


def call(op, args):
    return json.loads(bridge.handle(json.dumps({"v": 1, "id": 3, "op": op, "args": args})))


def test_parse_op_returns_json_form_and_data_keys():
    reply = call("config.parse", {"xml": GOOD})
    assert reply["ok"] is True
    result = reply["result"]
    assert result["data_keys"] == ["image"] and result["errors"] == []
    assert result["config"]["controls"][0]["labels"][0]["value"] == "Cat"


def test_parse_op_refuses_an_invalid_config_with_its_place():
    reply = call("config.parse", {"xml": BAD})
    assert reply["ok"] is False
    assert reply["error"]["type"] == "ConfigError"
    assert reply["error"]["where"] == {"line": 2, "col": 3}
    assert "unknown tag <Imag>" in reply["error"]["message"]


def test_validate_op_collects_every_error():
    result = call("config.validate", {"xml": BAD})["result"]
    assert result["ok"] is False
    assert [(e["kind"], e["where"]["line"]) for e in result["errors"]] == [
        ("unknown-tag", 2), ("unknown-toname", 3), ("bad-value", 3)]
    assert all(e["type"] == "ConfigError" for e in result["errors"])
    assert call("config.validate", {"xml": GOOD})["result"] == {"ok": True, "errors": []}


def test_schema_op():
    result = call("config.schema", {"xml": GOOD})["result"]
    assert result["data"]["required"] == ["image"]
    assert result["results"]["c"]["properties"]["value"]["properties"]["choices"]["items"] == {"enum": ["Cat"]}
    assert result["relation"]["properties"]["type"] == {"const": "relation"}


def test_ops_refuse_missing_xml():
    reply = call("config.validate", {})
    assert reply["ok"] is False and reply["error"]["type"] == "BridgeError"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "good.xml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.xml").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_cli_prints_file_line_col_message_and_exits_1(files, capsys):
    code = main(["validate", str(files / "good.xml"), str(files / "bad.xml")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == f"{files / 'bad.xml'}:2:3: unknown tag <Imag> (did you mean 'Image'?)"
    assert len(out) == 3 and all(line.startswith(f"{files / 'bad.xml'}:3:") for line in out[1:])


def test_cli_exits_0_and_prints_json_form(files, capsys):
    assert main(["validate", "--json", str(files / "good.xml")]) == 0
    form = json.loads(capsys.readouterr().out)
    assert form["data_keys"] == ["image"] and form["objects"][0]["tag"] == "Image"


def test_cli_unreadable_file_is_invalid(files, capsys):
    assert main(["validate", str(files / "missing.xml")]) == 1
    assert "missing.xml:1:1: cannot read the file" in capsys.readouterr().err
