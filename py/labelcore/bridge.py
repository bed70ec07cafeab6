"""The one surface the browser worker calls: ``{v, id, op, args}`` in, a reply out.

Ops are registered by name with :func:`op`; each has a pydantic model for its
arguments, so a request with wrong arguments is refused with the path of the
bad field before the op runs. Replies are JSON text::

    {"v": 1, "id": 7, "ok": true, "result": {...}}
    {"v": 1, "id": 7, "ok": false, "error": {"type": "ConfigError", "message": "...", "where": {...}}}

Progress goes out through the ``progress`` callable the caller passes to
:func:`handle` (the worker posts it on the same channel as the reply)::

    {"v": 1, "id": 7, "progress": {"done": 5000, "total": 100000, "phase": "validate"}}

An exception that is not a :class:`LabelcoreError` is a bug in the core: it is
answered as ``InternalError`` with the traceback in ``details`` (the worker logs
it to the console), never swallowed.
"""

from __future__ import annotations

import base64
import binascii
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from labelcore import __version__
from labelcore.errors import BridgeError, LabelcoreError

if TYPE_CHECKING:  # pydantic is imported on first use: the bridge answers before it loads
    from pydantic import BaseModel, ValidationError

PROTOCOL_VERSION = 1

# Modules that register ops when imported. Each area of the core owns its module. They are
# imported on the first request for an op that is not registered yet (or by warm()), so the
# worker is ready as soon as the bridge itself is: start-up does not pay for every area.
OP_MODULES: tuple[str, ...] = (
    "labelcore.config.ops",
    "labelcore.templates.ops",
    "labelcore.importers.ops",
    "labelcore.exporters.ops",
)


NO_ARGS_SCHEMA = {"type": "object", "properties": {}, "additionalProperties": False}


class Context:
    """What an op may use besides its arguments: a way to report progress."""

    __slots__ = ("request_id", "_progress")

    def __init__(self, request_id: Any = None, progress: Callable[[str], None] | None = None):
        self.request_id = request_id
        self._progress = progress

    def progress(self, done: int, total: int | None = None, phase: str = "") -> None:
        if self._progress is None:
            return
        msg = {
            "v": PROTOCOL_VERSION,
            "id": self.request_id,
            "progress": {"done": done, "total": total, "phase": phase},
        }
        self._progress(json.dumps(msg))


class Op(NamedTuple):
    name: str
    func: Callable[[Any, Context], Any]
    args_model: type[BaseModel] | None  # None: the op takes no arguments
    doc: str

    def args_schema(self) -> dict[str, Any]:
        return NO_ARGS_SCHEMA if self.args_model is None else self.args_model.model_json_schema()


OPS: dict[str, Op] = {}


def op(name: str, args_model: type[BaseModel] | None = None):
    """Register ``func(args, ctx) -> JSON-able`` as the op ``name``."""

    def register(func: Callable[[Any, Context], Any]):
        if name in OPS:
            raise ValueError(f"bridge op {name!r} is registered twice")
        OPS[name] = Op(name, func, args_model, (func.__doc__ or "").strip().split("\n")[0])
        return func

    return register


_loaded = False


def warm() -> None:
    """Import every op module (the worker calls this right after it reports ready)."""
    global _loaded
    if not _loaded:
        for module in OP_MODULES:
            importlib.import_module(module)
        _loaded = True


def _validation_where(exc: ValidationError) -> tuple[str, dict[str, Any]]:
    first = exc.errors()[0]
    path = "args" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
    return f"{path}: {first['msg']}", {"path": path}


def dispatch(op_name: str, args: Any, ctx: Context | None = None) -> Any:
    """Run one op in-process (the CLI and tests use this); raises LabelcoreError."""
    entry = OPS.get(op_name)
    if entry is None and not _loaded:
        warm()
        entry = OPS.get(op_name)
    if entry is None:
        known = ", ".join(sorted(OPS))
        raise BridgeError(f"unknown op {op_name!r} (known ops: {known})", {"path": "op"})
    return entry.func(_parse_args(entry, args), ctx or Context())


def _parse_args(entry: Op, args: Any) -> Any:
    if entry.args_model is None:
        if args in (None, {}):
            return None
        first = next(iter(args)) if isinstance(args, dict) else None
        where = {"path": f"args.{first}"} if first is not None else {"path": "args"}
        raise BridgeError(
            f"bad arguments for {entry.name}: {where['path']}: {entry.name} takes no arguments", where
        )
    from pydantic import ValidationError

    try:
        return entry.args_model.model_validate(args if args is not None else {})
    except ValidationError as exc:
        message, where = _validation_where(exc)
        raise BridgeError(f"bad arguments for {entry.name}: {message}", where) from None


def _decode_binary(text: str, buffers: Sequence[Any]) -> Any:
    """Parse a request, turning {"$binary": i} into buffers[i] and {"$base64": s} into bytes."""
    if "$binary" not in text and "$base64" not in text:
        return json.loads(text)  # the common case pays nothing for binary support

    def hook(obj: dict[str, Any]) -> Any:
        if len(obj) == 1:
            if "$binary" in obj:
                index = obj["$binary"]
                if not isinstance(index, int) or not 0 <= index < len(buffers):
                    raise BridgeError(
                        f"request names binary value {index!r}, but {len(buffers)} came with it",
                        {"path": "args"},
                    )
                return _as_bytes(buffers[index])
            if "$base64" in obj:
                try:
                    return base64.b64decode(obj["$base64"], validate=True)
                except (binascii.Error, TypeError, ValueError):
                    raise BridgeError("a $base64 value is not base64", {"path": "args"}) from None
        return obj

    return json.loads(text, object_hook=hook)


def _as_bytes(value: Any) -> bytes:
    """bytes from bytes-likes, or from a browser Uint8Array proxy (which has to_bytes())."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    to_bytes = getattr(value, "to_bytes", None)
    if callable(to_bytes):
        return to_bytes()
    raise BridgeError(f"a binary value of type {type(value).__name__} is not bytes", {"path": "args"})


def _answer(request: str, progress: Callable[[str], None] | None, buffers: Sequence[Any]) -> dict[str, Any]:
    req_id = None
    try:
        try:
            msg = _decode_binary(request, buffers)
        except json.JSONDecodeError as exc:
            raise BridgeError(f"request is not JSON: {exc.msg}", {"col": exc.colno}) from None
        if not isinstance(msg, dict) or not isinstance(msg.get("op"), str):
            raise BridgeError("request must be an object with a string 'op'", {"path": "op"})
        req_id = msg.get("id")
        if msg.get("v", PROTOCOL_VERSION) != PROTOCOL_VERSION:
            raise BridgeError(f"protocol version {msg.get('v')!r} is not {PROTOCOL_VERSION}", {"path": "v"})
        result = dispatch(msg["op"], msg.get("args"), Context(req_id, progress))
        return {"v": PROTOCOL_VERSION, "id": req_id, "ok": True, "result": result}
    except LabelcoreError as exc:
        return {"v": PROTOCOL_VERSION, "id": req_id, "ok": False, "error": exc.to_dict()}
    except Exception as exc:  # a bug in the core: say so, with the traceback
        return {
            "v": PROTOCOL_VERSION,
            "id": req_id,
            "ok": False,
            "error": {
                "type": "InternalError",
                "message": f"{type(exc).__name__}: {exc}",
                "where": {},
                "details": {"traceback": _traceback()},
            },
        }


def _traceback() -> str:
    import traceback  # only on the error path: start-up does not pay for it

    return traceback.format_exc()


def _distribution_version(name: str) -> str:
    """The installed version of distribution ``name``: the Version header of its METADATA.

    On the way to the worker's first answer, so it reads the header itself: in Pyodide,
    importing ``importlib.metadata`` costs ~60 ms and its ``version()`` ~150 ms more (it parses
    the file with the ``email`` package). A wheel install names the folder
    ``{name}-{version}.dist-info`` (PEP 427 escaping) on ``sys.path``; anything else (an egg,
    an editable install, a zip) is left to ``importlib.metadata``.
    """
    prefix = name.replace("-", "_").lower() + "-"
    for entry in sys.path:
        try:
            folders = os.listdir(entry or ".")
        except OSError:  # a zip on sys.path, or a folder that is gone
            continue
        for folder in folders:
            if folder.lower().startswith(prefix) and folder.endswith(".dist-info"):
                version = _metadata_version(os.path.join(entry or ".", folder, "METADATA"))
                if version:
                    return version
    from importlib import metadata

    return metadata.version(name)


def _metadata_version(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    break  # the end of the headers
                key, sep, value = line.partition(":")
                if sep and key.strip().lower() == "version":
                    return value.strip()
    except OSError:
        pass
    return None


def _dump(reply: dict[str, Any], on_bytes: Callable[[bytes], Any]) -> str:
    try:
        return json.dumps(reply, ensure_ascii=False, default=lambda o: _encode(o, on_bytes))
    except Exception as exc:  # an op returned something that is not JSON: a bug in the core
        return json.dumps(
            {
                "v": PROTOCOL_VERSION,
                "id": reply.get("id"),
                "ok": False,
                "error": {
                    "type": "InternalError",
                    "message": f"the reply is not JSON: {exc}",
                    "where": {},
                    "details": {"traceback": _traceback()},
                },
            }
        )


def _encode(obj: Any, on_bytes: Callable[[bytes], Any]) -> Any:
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return on_bytes(bytes(obj))
    raise TypeError(f"{type(obj).__name__} is not JSON serializable")


def handle(request: str, progress: Callable[[str], None] | None = None) -> str:
    """Answer one JSON request with one JSON reply; bytes in the result come as {"$base64": s}."""
    reply = _answer(request, progress, ())
    return _dump(reply, lambda data: {"$base64": base64.b64encode(data).decode("ascii")})


def handle_binary(
    request: str, progress: Callable[[str], None] | None = None, buffers: Sequence[Any] = ()
) -> list[Any]:
    """The worker's entry point: binary values travel beside the JSON, never inside it.

    ``{"$binary": i}`` in the request stands for ``buffers[i]``; the reply is
    ``[reply_json, buffer0, buffer1, ...]`` with each ``bytes`` of the result replaced by
    ``{"$binary": i}``. Megabytes of media or a zip cross the worker boundary as bytes, not
    as base64 text four thirds their size that both sides must encode and decode.
    """
    out: list[bytes] = []

    def keep(data: bytes) -> dict[str, int]:
        out.append(data)
        return {"$binary": len(out) - 1}

    text = _dump(_answer(request, progress, buffers), keep)
    return [text, *out]


@op("core.version")
def _version(args: None, ctx: Context) -> dict[str, Any]:
    """The core's version and the runtime it runs in."""
    return {
        "labelcore": __version__,
        "python": sys.version.split()[0],
        "implementation": sys.implementation.name,
        "platform": sys.platform,
        "pydantic": _distribution_version("pydantic"),
        "protocol": PROTOCOL_VERSION,
    }


@op("core.ops")
def _ops(args: None, ctx: Context) -> list[dict[str, Any]]:
    """Every op the bridge answers, with the JSON Schema of its arguments."""
    warm()
    return [
        {"op": o.name, "doc": o.doc, "args": o.args_schema()}
        for o in sorted(OPS.values(), key=lambda o: o.name)
    ]
