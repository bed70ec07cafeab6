"""The config area's bridge ops and the ``labelcore validate`` command."""

import json

import pytest

from labelcore import bridge
from labelcore.cli import main

GOOD = '<View>\n  <Image name="img" value="$image"/>\n  <Choices name="c" toName="img"><Choice value="Cat"/></Choices>\n</View>\n'
BAD = '<View>\n  <Imag name="img" value="$image"/>\n  <Choices name="c" toName="img" choice="x"/>\n</View>\n'
# Label Studio accepts this one (its own gallery has a label twice): a warning, not an error.
ODD = '<View>\n  <Image name="img" value="$image"/>\n  <Choices name="c" toName="img">\n    <Choice value="A"/><Choice value="A"/>\n  </Choices>\n</View>\n'


def call(op, args):
    return json.loads(bridge.handle(json.dumps({"v": 1, "id": 3, "op": op, "args": args})))


def test_parse_op_returns_json_form_and_data_keys():
    reply = call("config.parse", {"xml": GOOD})
    assert reply["ok"] is True
    result = reply["result"]
    assert result["data_keys"] == ["image"] and result["errors"] == [] and result["warnings"] == []
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
        ("unknown-tag", 2),
        ("unknown-toname", 3),
        ("bad-value", 3),
    ]
    assert all(e["type"] == "ConfigError" and e["severity"] == "error" for e in result["errors"])
    assert result["warnings"] == []
    assert call("config.validate", {"xml": GOOD})["result"] == {"ok": True, "errors": [], "warnings": []}


def test_warnings_do_not_refuse_a_config():
    result = call("config.validate", {"xml": ODD})["result"]
    assert result["ok"] is True and result["errors"] == []
    assert result["warnings"] == [
        {
            "type": "ConfigError",
            "severity": "warning",
            "kind": "duplicate-label",
            "message": "<Choices name='c'> has the label 'A' twice (first at line 4, col 5)",
            "where": {"line": 4, "col": 32},
        }
    ]
    parsed = call("config.parse", {"xml": ODD})["result"]
    assert (
        parsed["warnings"]
        == parsed["config"]["warnings"]
        == [{k: v for k, v in result["warnings"][0].items() if k != "type"}]
    )


def test_schema_op():
    result = call("config.schema", {"xml": GOOD})["result"]
    assert result["data"]["required"] == ["image"]
    assert result["results"]["c"]["properties"]["value"]["properties"]["choices"]["items"] == {
        "enum": ["Cat"]
    }
    assert result["relation"]["properties"]["type"] == {"const": "relation"}


def test_ops_refuse_missing_xml():
    reply = call("config.validate", {})
    assert reply["ok"] is False and reply["error"]["type"] == "BridgeError"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "good.xml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.xml").write_text(BAD, encoding="utf-8")
    (tmp_path / "odd.xml").write_text(ODD, encoding="utf-8")
    return tmp_path


def test_cli_prints_file_line_col_message_and_exits_1(files, capsys):
    code = main(["validate", str(files / "good.xml"), str(files / "bad.xml")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == f"{files / 'bad.xml'}:2:3: unknown tag <Imag> (did you mean 'Image'?)"
    assert len(out) == 3 and all(line.startswith(f"{files / 'bad.xml'}:3:") for line in out[1:])


def test_cli_prints_warnings_and_exits_0_when_there_are_only_warnings(files, capsys):
    assert main(["validate", str(files / "good.xml"), str(files / "odd.xml")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{files / 'odd.xml'}:4:32: warning: <Choices name='c'> has the label 'A' twice (first at line 4, col 5)"
    ]
    assert main(["validate", str(files / "odd.xml"), str(files / "bad.xml")]) == 1


def test_cli_json_keeps_stdout_for_the_json(files, capsys):
    assert main(["validate", "--json", str(files / "odd.xml")]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["warnings"][0]["kind"] == "duplicate-label"
    assert ":4:32: warning: " in captured.err


def test_cli_exits_0_and_prints_json_form(files, capsys):
    assert main(["validate", "--json", str(files / "good.xml")]) == 0
    form = json.loads(capsys.readouterr().out)
    assert form["data_keys"] == ["image"] and form["objects"][0]["tag"] == "Image"


def test_cli_unreadable_file_is_invalid(files, capsys):
    assert main(["validate", str(files / "missing.xml")]) == 1
    assert "missing.xml:1:1: cannot read the file" in capsys.readouterr().err
