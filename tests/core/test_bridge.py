"""The bridge: one JSON request in, one JSON reply out, errors typed."""

import json

import pytest
from pydantic import BaseModel

import labelcore
from labelcore import bridge
from labelcore.errors import ConfigError, DataError, LabelcoreError


def call(op, args=None, rid=1, progress=None):
    return json.loads(bridge.handle(json.dumps({"v": 1, "id": rid, "op": op, "args": args}), progress))


def test_version_reply():
    reply = call("core.version", rid=41)
    assert reply["ok"] is True and reply["id"] == 41 and reply["v"] == 1
    assert reply["result"]["labelcore"] == labelcore.__version__
    assert reply["result"]["protocol"] == bridge.PROTOCOL_VERSION


def test_ops_lists_every_registered_op_with_its_schema():
    result = call("core.ops")["result"]
    assert [o["op"] for o in result] == sorted(bridge.OPS)
    assert all(o["args"]["type"] == "object" for o in result)


def test_unknown_op_is_a_typed_error():
    reply = call("core.nope", rid=5)
    assert reply == {
        "v": 1,
        "id": 5,
        "ok": False,
        "error": {
            "type": "BridgeError",
            "message": f"unknown op 'core.nope' (known ops: {', '.join(sorted(bridge.OPS))})",
            "where": {"path": "op"},
        },
    }


def test_bad_arguments_name_the_field():
    reply = call("core.version", {"extra": 1})
    assert reply["error"]["type"] == "BridgeError"
    assert reply["error"]["where"] == {"path": "args.extra"}
    assert "args.extra" in reply["error"]["message"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "request is not JSON"),
        ("[1, 2]", "request must be an object with a string 'op'"),
        ('{"op": 3}', "request must be an object with a string 'op'"),
    ],
)
def test_malformed_requests(text, message):
    reply = json.loads(bridge.handle(text))
    assert reply["ok"] is False and reply["error"]["type"] == "BridgeError"
    assert reply["error"]["message"].startswith(message)


def test_wrong_protocol_version():
    reply = json.loads(bridge.handle(json.dumps({"v": 2, "id": 1, "op": "core.version"})))
    assert reply["error"]["where"] == {"path": "v"}


class _Args(BaseModel):
    n: int


@pytest.fixture
def temp_ops():
    added = []

    def add(name, func, model=_Args):
        bridge.op(name, model)(func)
        added.append(name)

    yield add
    for name in added:
        del bridge.OPS[name]


def test_core_errors_keep_type_message_and_where(temp_ops):
    def bad_config(args, ctx):
        raise ConfigError("toName 'img' names no object tag", {"line": 3, "col": 5})

    temp_ops("test.config_error", bad_config)
    reply = call("test.config_error", {"n": 1})
    assert reply["error"] == {
        "type": "ConfigError",
        "message": "toName 'img' names no object tag",
        "where": {"line": 3, "col": 5},
    }


def test_a_bug_is_an_internal_error_with_traceback(temp_ops):
    def buggy(args, ctx):
        return {}["missing"]

    temp_ops("test.buggy", buggy)
    reply = call("test.buggy", {"n": 1})
    assert reply["error"]["type"] == "InternalError"
    assert reply["error"]["message"] == "KeyError: 'missing'"
    assert "Traceback" in reply["error"]["details"]["traceback"]


def test_progress_goes_out_on_the_same_channel(temp_ops):
    def counting(args, ctx):
        for i in range(args.n):
            ctx.progress(i + 1, args.n, "count")
        return args.n

    temp_ops("test.count", counting)
    sent = []
    reply = call("test.count", {"n": 3}, rid=9, progress=sent.append)
    assert reply["result"] == 3
    assert [json.loads(s) for s in sent] == [
        {"v": 1, "id": 9, "progress": {"done": i, "total": 3, "phase": "count"}} for i in (1, 2, 3)
    ]


def test_registering_an_op_twice_is_refused(temp_ops):
    temp_ops("test.once", lambda a, c: None)
    with pytest.raises(ValueError, match="registered twice"):
        bridge.op("test.once")(lambda a, c: None)


def test_error_family_and_locations():
    assert issubclass(ConfigError, LabelcoreError) and issubclass(DataError, LabelcoreError)
    assert str(ConfigError("bad tag", {"line": 3, "col": 5})) == "line 3, col 5: bad tag"
    assert str(DataError("ragged row", {"row": 12})) == "row 12: ragged row"
    assert str(DataError("bad label", {"path": "$[0].annotations[1]"})) == "$[0].annotations[1]: bad label"
    assert str(LabelcoreError("plain")) == "plain"
    assert DataError("x", {"row": 2}, column="text").to_dict() == {
        "type": "DataError",
        "message": "x",
        "where": {"row": 2},
        "details": {"column": "text"},
    }


def test_importing_the_bridge_defers_pydantic_and_the_op_modules():
    """The worker reports ready once the bridge answers; the areas load after (bridge.warm)."""
    import subprocess
    import sys

    code = (
        "import sys, json, labelcore.bridge as b; "
        "r = json.loads(b.handle(json.dumps({'id': 1, 'op': 'core.version'}))); "
        "print(r['ok'], 'pydantic' in sys.modules, any(m in sys.modules for m in b.OP_MODULES)); "
        "b.warm(); print(all(m in sys.modules for m in b.OP_MODULES))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "False", "False", "True"]


def test_an_unregistered_op_loads_the_areas_first():
    """A request for an area's op works without an explicit warm()."""
    import subprocess
    import sys

    code = (
        "import json, labelcore.bridge as b; "
        "r = json.loads(b.handle(json.dumps({'id': 1, 'op': 'templates.list', 'args': {}}))); "
        "print(r['ok'], len(r['result']) > 0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "True"]


@pytest.fixture
def echo_bytes(temp_ops):
    from pydantic import BaseModel as _BM

    class BytesArgs(_BM):
        name: str
        data: bytes
        more: dict[str, bytes] = {}

    def echo(args, ctx):
        return {
            "name": args.name,
            "size": len(args.data),
            "reversed": args.data[::-1],
            "more": {k: v.upper() for k, v in args.more.items()},
        }

    temp_ops("test.bytes", echo, BytesArgs)


def test_binary_values_travel_beside_the_json(echo_bytes):
    request = json.dumps(
        {
            "v": 1,
            "id": 3,
            "op": "test.bytes",
            "args": {"name": "a.png", "data": {"$binary": 0}, "more": {"k": {"$binary": 1}}},
        }
    )
    out = bridge.handle_binary(request, None, [b"\x00\x01\xff", memoryview(b"ab")])
    reply = json.loads(out[0])
    assert reply["ok"], reply
    assert reply["result"] == {
        "name": "a.png",
        "size": 3,
        "reversed": {"$binary": 0},
        "more": {"k": {"$binary": 1}},
    }
    assert out[1:] == [b"\xff\x01\x00", b"AB"]


def test_binary_proxies_are_read_with_to_bytes(echo_bytes):
    class FakeUint8Array:  # what a JsProxy of a Uint8Array offers in Pyodide
        def to_bytes(self):
            return b"xyz"

    request = json.dumps({"v": 1, "id": 1, "op": "test.bytes", "args": {"name": "n", "data": {"$binary": 0}}})
    out = bridge.handle_binary(request, None, [FakeUint8Array()])
    assert out[1:] == [b"zyx"]


def test_plain_json_callers_get_base64(echo_bytes):
    import base64 as b64

    request = json.dumps(
        {
            "v": 1,
            "id": 1,
            "op": "test.bytes",
            "args": {"name": "n", "data": {"$base64": b64.b64encode(b"hello").decode()}},
        }
    )
    reply = json.loads(bridge.handle(request))
    assert reply["result"]["reversed"] == {"$base64": b64.b64encode(b"olleh").decode()}


@pytest.mark.parametrize(
    "value, buffers, message",
    [
        ({"$binary": 2}, [b"x"], "request names binary value 2, but 1 came with it"),
        ({"$base64": "***"}, [], "a $base64 value is not base64"),
    ],
)
def test_bad_binary_references_are_typed_errors(echo_bytes, value, buffers, message):
    request = json.dumps({"v": 1, "id": 1, "op": "test.bytes", "args": {"name": "n", "data": value}})
    reply = json.loads(bridge.handle_binary(request, None, buffers)[0])
    assert reply["error"]["type"] == "BridgeError" and reply["error"]["message"] == message


def test_a_result_that_is_not_json_is_an_internal_error(temp_ops):
    temp_ops("test.set", lambda a, c: {1, 2})
    reply = json.loads(bridge.handle(json.dumps({"v": 1, "id": 4, "op": "test.set", "args": {"n": 1}})))
    assert reply["id"] == 4 and reply["error"]["type"] == "InternalError"
    assert "not JSON" in reply["error"]["message"]
