"""Chunk boundaries never change the result: quoted newlines, multibyte characters, CRLF."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from labelcore.importers.detect import detect_format
from tests.importers.helpers import run_import

CSV = (
    '\ufefftext;note\r\n"line one\r\nline two; still one cell";ok\r\n'
    '"She said ""hi"" 👋";\r\nplain;"x\ny"\r\n'
).encode()


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=len(CSV)))
def test_csv_same_tasks_for_every_chunk_size(chunk: int):
    whole = run_import(CSV, "notes.csv")
    assert whole.ok and len(whole.tasks) == 3
    assert run_import(CSV, "notes.csv", chunk=chunk).tasks == whole.tasks


def test_csv_cells():
    tasks = run_import(CSV, "notes.csv").tasks
    assert tasks[0]["data"] == {"text": "line one\r\nline two; still one cell", "note": "ok"}
    assert tasks[1]["data"] == {"text": 'She said "hi" 👋', "note": ""}
    assert tasks[2]["data"] == {"text": "plain", "note": "x\ny"}


def test_semicolons_only_win_when_more_than_commas():
    tasks = run_import(b"text,note\nsemi;colon,1\n", "a.csv").tasks
    assert tasks == [{"data": {"text": "semi;colon", "note": 1}}]


def test_blank_lines_are_skipped_but_rows_keep_spreadsheet_numbers():
    report = run_import(b"text,b\n\nok,1\n\nbad\n", "a.csv")
    assert [e.where for e in report.errors] == [{"row": 5}]


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=40))
def test_jsonl_and_txt_chunks(chunk: int):
    jsonl = '{"text": "é1"}\r\n\n{"data": {"text": "ü2"}}\n{"text": "3"}'.encode()
    assert [t["data"]["text"] for t in run_import(jsonl, "a.jsonl", chunk=chunk).tasks] == ["é1", "ü2", "3"]
    txt = "α\r\nβ\n\nγ".encode()
    assert [t["data"]["text"] for t in run_import(txt, "a.txt", chunk=chunk).tasks] == ["α", "β", "γ"]


def test_jsonl_bad_line_has_line_and_index():
    report = run_import(b'{"text": "a"}\n\n{"text": \n', "a.jsonl")
    assert [(e.where, e.message) for e in report.errors] == [
        ({"line": 3, "path": "$[1]"}, "the line is not valid JSON: Expecting value (at column 10)")
    ]


def test_format_detected_without_a_name():
    assert detect_format(b'[{"text": "a"}]') == "json"
    assert detect_format(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert detect_format(b'{"text": "a",\n "b": 1}') == "json"
    assert detect_format(b"text,b\n1,2\n") == "csv"
    assert detect_format(b"text\tb\n1\t2\n") == "tsv"
    assert detect_format(b"https://a.org/x.jpg\nhttps://a.org/y.jpg\n") == "urls"
    assert detect_format(b"just words\nmore words\n") == "txt"


def test_json_items_without_data_are_wrapped_and_one_object_is_one_task():
    assert run_import(b'[{"text": "a"}, "b"]', "a.json").tasks == [
        {"data": {"text": "a"}},
        {"data": {"text": "b"}},
    ]
    assert run_import(b'{"text": "a"}', "a.json").tasks == [{"data": {"text": "a"}}]
    report = run_import(b'[{"data": "a"}, [1]]', "a.json")
    assert [(e.where["path"], e.message) for e in report.errors] == [
        ("$[0]", "'data' must be an object of data keys, not a string"),
        ("$[1]", "a task must be an object (or a bare string or number), not a list"),
    ]
