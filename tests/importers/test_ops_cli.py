"""The import ops as the browser calls them, and the ``labelcore import`` command."""

from __future__ import annotations

import base64
import json

import pytest

from labelcore import bridge
from labelcore.cli import main
from labelcore.errors import BridgeError
from tests.importers.helpers import TEXT_CHOICES


def _dispatch(op: str, args: dict, events: list | None = None):
    ctx = bridge.Context(1, events.append if events is not None else None)
    return bridge.dispatch(op, args, ctx)


def test_streamed_import_with_progress_and_chunked_tasks():
    events: list[str] = []
    data = "text,n\n" + "".join(f'"row {i}\nsecond line",{i}\n' for i in range(25))
    session = _dispatch("import.begin", {"config_xml": TEXT_CHOICES, "filename": "a.csv", "size": len(data)})[
        "session"
    ]
    raw = data.encode()
    for i in range(0, len(raw), 100):
        counts = _dispatch(
            "import.chunk",
            {"session": session, "base64": base64.b64encode(raw[i : i + 100]).decode()},
            events,
        )
    assert counts["bytes"] == len(raw)
    assert json.loads(events[-1])["progress"] == {"done": len(raw), "total": len(raw), "phase": "parse"}
    report = _dispatch("import.end", {"session": session, "chunk_size": 10})
    assert report["ok"] and report["summary"]["tasks"] == 25 and report["task_chunks"] == 3
    tasks = [
        t for c in range(3) for t in _dispatch("import.tasks", {"session": session, "chunk": c})["tasks"]
    ]
    assert [t["data"]["n"] for t in tasks] == list(
        range(25)
    )  # a column of integers: ints, as in Label Studio
    with pytest.raises(BridgeError, match="no finished import"):
        _dispatch("import.tasks", {"session": session, "chunk": 0})


def test_cancel_drops_the_session():
    session = _dispatch("import.begin", {"config_xml": TEXT_CHOICES, "filename": "a.txt"})["session"]
    _dispatch("import.chunk", {"session": session, "text": "one\n"})
    assert _dispatch("import.cancel", {"session": session}) == {"cancelled": True}
    with pytest.raises(BridgeError, match="no import session"):
        _dispatch("import.chunk", {"session": session, "text": "two\n"})


def test_run_preview_and_files():
    bad = _dispatch("import.run", {"config_xml": TEXT_CHOICES, "filename": "a.csv", "text": 'text\n"x",y\n'})
    assert bad["tasks"] == [] and bad["errors"][0]["where"] == {"row": 2}
    preview = _dispatch("import.preview", {"text": "text,n\nhello,1\nunfinished ro", "limit": 5})
    assert preview["detected_format"] == "csv" and preview["columns"] == ["text", "n"]
    assert preview["tasks"] == [{"data": {"text": "hello", "n": "1"}}]
    files = _dispatch(
        "import.run",
        {
            "config_xml": TEXT_CHOICES.replace("Text", "Image").replace("$text", "$img"),
            "files": [{"name": "a.png", "size": 5, "ref": "media://9"}],
        },
    )
    assert files["tasks"] == [{"data": {"img": "media://9"}}] and files["summary"]["files"] == 1
    with pytest.raises(BridgeError, match="base64"):
        _dispatch("import.run", {"config_xml": TEXT_CHOICES, "base64": "***"})
    assert {f["name"] for f in _dispatch("import.formats", {})} >= {"csv", "json", "media", "urls"}


def test_the_core_says_which_importer_takes_each_picked_file():
    files = [
        {"name": "dir/Tasks.CSV"},
        {"name": "lines.ndjson"},
        {"name": "a/cat.jpeg", "mime": "image/jpeg"},
        {"name": "scan", "mime": "application/pdf"},
        {"name": "notes.bin", "mime": "application/octet-stream"},
        {"name": "page.html"},
    ]
    assert _dispatch("import.importers", {"files": files}) == ["csv", "jsonl", "media", "media", None, "html"]


def test_cli_writes_tasks_or_fails_with_the_report(tmp_path, capsys):
    config = tmp_path / "config.xml"
    config.write_text(TEXT_CHOICES)
    good, bad, out = tmp_path / "good.csv", tmp_path / "bad.json", tmp_path / "tasks.json"
    good.write_text("text\nhello\nworld\n")
    bad.write_text(
        '[{"text": "a"}, {"data": {"text": "b"}, "annotations": [{"result": [{"id": "c", '
        '"type": "choices", "from_name": "sentiment", "to_name": "text", "value": {"choices": ["Meh"]}}]}]}]'
    )
    assert main(["import", str(good), "--config", str(config), "-o", str(out)]) == 0
    assert json.loads(out.read_text()) == [{"data": {"text": "hello"}}, {"data": {"text": "world"}}]
    out.unlink()
    assert main(["import", str(good), str(bad), "--config", str(config), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{bad}:$[1].annotations[0].result[0].value.choices[0]: 'Meh' is not a label of "
        f'<Choices name="sentiment"> (labels: Negative, Positive)'
    )
    assert not out.exists()
    assert main(["import", str(good), str(bad), "--config", str(config), "--skip-invalid"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_slices_arrive_as_bytes_cut_anywhere_even_inside_a_character():
    raw = "text\nCafé crème\nnaïve\n".encode()
    cut = raw.index("é".encode()) + 1  # between the two bytes of é
    session = _dispatch("import.begin", {"config_xml": TEXT_CHOICES, "filename": "a.csv"})["session"]
    for part in (raw[:cut], raw[cut:]):
        request = {"v": 1, "id": 1, "op": "import.chunk", "args": {"session": session, "data": "$binary"}}
        reply = json.loads(
            bridge.handle_binary(json.dumps(request).replace('"$binary"', '{"$binary": 0}'), None, [part])[0]
        )
        assert reply["ok"], reply
    assert reply["result"]["bytes"] == len(raw)
    _dispatch("import.end", {"session": session})
    tasks = _dispatch("import.tasks", {"session": session, "chunk": 0})["tasks"]
    assert [t["data"]["text"] for t in tasks] == ["Café crème", "naïve"]
