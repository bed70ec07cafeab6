"""One test per kind of bad input: a clear message, its location, and nothing to write."""

from __future__ import annotations

import json

from labelcore.config import parse_config
from labelcore.importers import ImportSession
from tests.importers.helpers import IMAGE_BOXES, only_error, run_import


def _box(label="Car", **value):
    return {
        "id": "r1",
        "type": "rectanglelabels",
        "from_name": "label",
        "to_name": "image",
        "value": {"x": 1, "y": 2, "width": 3, "height": 4, "rectanglelabels": [label], **value},
    }


def _tasks_json(result):
    return json.dumps(
        [{"data": {"image": "a.jpg"}}, {"data": {"image": "b.jpg"}, "annotations": [{"result": result}]}]
    ).encode()


def test_malformed_json():
    error = only_error(run_import(b'[{"data": {"text": "a"}},\n {"data": }]', "tasks.json"))
    assert error["message"] == "the file is not valid JSON: Expecting value (at line 2, column 11)"
    assert error["where"] == {"line": 2, "col": 11}


def test_malformed_json_message_names_its_place():
    # the decoder's own message ends in "starting at": the sentence goes on with the place
    error = only_error(run_import(b'[{"data": {"text": "a}}]', "tasks.json"))
    assert error["message"] == "the file is not valid JSON: Unterminated string starting at line 1, column 20"


def test_ragged_csv_row():
    error = only_error(run_import(b"text,source\nfine,web\nragged,web,extra\n", "reviews.csv"))
    assert error["message"] == "the row has 3 cells but the header has 2 columns (text, source)"
    assert error["where"] == {"row": 3}


def test_missing_data_key_in_csv_header_is_named_up_front():
    error = only_error(run_import(b"review,source\nfine,web\n", "reviews.csv"))
    assert error["message"] == (
        "the file has no column for the data key 'text' (read by <Text name=\"text\">); "
        "its columns are: review, source"
    )
    assert error["where"] == {"row": 1}


def test_missing_data_key_in_every_json_task_is_one_whole_file_error():
    error = only_error(run_import(b'[{"review": "a"}, {"review": "b"}]', "tasks.json"))
    assert (
        error["message"]
        == "no task has the data key 'text' that <Text name=\"text\"> reads (the tasks' keys: review)"
    )
    assert error["where"] == {"path": "$"}


def test_missing_data_key_in_one_task_names_the_task():
    error = only_error(run_import(b'[{"text": "a"}, {"review": "b"}]', "tasks.json"))
    assert error["message"] == (
        "the task has no data key 'text' that <Text name=\"text\"> reads (the task's keys: review)"
    )
    assert error["where"] == {"path": "$[1].data"}


def test_unknown_label_in_annotation():
    error = only_error(run_import(_tasks_json([_box("Bus")]), "tasks.json", IMAGE_BOXES))
    assert (
        error["message"] == "'Bus' is not a label of <RectangleLabels name=\"label\"> (labels: Car, Person)"
    )
    assert error["where"] == {"path": "$[1].annotations[0].result[0].value.rectanglelabels[0]"}


def test_wrong_value_shape():
    error = only_error(run_import(_tasks_json([_box(x="12%")]), "tasks.json", IMAGE_BOXES))
    assert error["message"] == "Input should be a number"
    assert error["where"] == {"path": "$[1].annotations[0].result[0].value.x"}


def test_wrong_data_type_for_image():
    error = only_error(run_import(b'[{"image": {"url": "a.jpg"}}]', "tasks.json", IMAGE_BOXES))
    assert (
        error["message"]
        == "<Image name=\"image\"> needs a string (URL) or a list of them in 'image', not dict {'url': 'a.jpg'}"
    )
    assert error["where"] == {"path": "$[0].data.image"}


def test_non_utf8_csv_names_byte_offset_and_line_across_chunks():
    data = "text\ncafé\n".encode() + "naïve\n".encode("latin-1")
    error = only_error(run_import(data, "reviews.csv", chunk=4))
    assert error["message"].startswith(
        "the file is not UTF-8 text: byte 0xef at offset 13 (line 3) is not UTF-8"
    )
    assert error["where"] == {"line": 3, "byte": 13}


def test_utf16_file_is_named():
    error = only_error(run_import("text\nhi\n".encode("utf-16"), "reviews.csv"))
    assert error["message"] == "the file is UTF-16 text; save it as UTF-8 and import it again"


def test_empty_file():
    error = only_error(run_import(b"", "reviews.csv"))
    assert error["message"] == "reviews.csv is empty (0 bytes): nothing to import"
    assert error["where"] == {"line": 1}


def test_header_only_csv_holds_no_tasks():
    error = only_error(run_import(b"text\n", "reviews.csv"))
    assert error["message"] == "reviews.csv holds no tasks: nothing to import"


def test_zero_byte_media_file():
    session = ImportSession(parse_config(IMAGE_BOXES), format="media")
    session.add_files(
        [
            {"name": "a.jpg", "size": 10, "ref": "media://1"},
            {"name": "trip/b.jpg", "size": 0, "ref": "media://2"},
        ]
    )
    error = only_error(session.finish())
    assert error["message"] == "'trip/b.jpg' is empty (0 bytes); the file may not have been copied completely"
    assert error["where"] == {"file": "trip/b.jpg", "index": 1}


def test_unclosed_quote_in_csv():
    error = only_error(run_import(b'text\n"never closed\nmore\n', "reviews.csv"))
    assert error["message"] == "row 2 is not valid CSV: unexpected end of data"
    assert error["where"] == {"row": 2}


def test_bare_value_with_several_data_keys():
    config = '<View><Image name="i" value="$image"/><Text name="t" value="$text"/></View>'
    error = only_error(run_import(b"https://x.org/a.jpg\n", "list.urls", config))
    assert error["message"].startswith("the config reads several data keys (image, text)")


def test_bare_json_values_need_a_config_with_one_data_key():
    # Label Studio: a non-object task is refused unless the config reads exactly one data key
    assert [t["data"] for t in run_import(b'[1, 2, "three"]', "a.json").tasks] == [
        {"text": 1},
        {"text": 2},
        {"text": "three"},
    ]
    several = '<View><Image name="i" value="$image"/><Text name="t" value="$text"/></View>'
    for config, why in [
        (None, "there is no labeling config yet"),
        (several, "several data keys (image, text)"),
    ]:
        report = run_import(b'[1, 2, "three"]', "a.json", config)
        assert report.tasks == [] and [e.where for e in report.errors] == [
            {"path": f"$[{i}]"} for i in range(3)
        ]
        message = report.errors[2].message
        assert (
            message.startswith("the item at index 2 is a string ('three'), not a task object: ")
            and why in message
        )


def test_skip_invalid_hands_out_the_valid_tasks_with_the_report():
    report = run_import(b'text\na\n"b",x\nc\n', "r.csv", skip_invalid=True)
    assert [t["data"]["text"] for t in report.tasks] == ["a", "c"]
    assert [e.where for e in report.errors] == [{"row": 3}]
    assert report.summary == {
        "tasks": 2,
        "valid": 2,
        "invalid": 1,
        "annotations": 0,
        "predictions": 0,
        "files": 0,
        "bytes": 15,
    }


def test_max_errors_lists_some_and_counts_all():
    data = b"text,b\n" + b"x\n" * 50
    report = run_import(data, "r.csv", max_errors=5)
    assert len(report.errors) == 5 and report.errors_total == 50 and report.tasks == []
