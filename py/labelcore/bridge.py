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

import importlib
import json
import platform
import sys
import traceback
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any, Callable

from labelcore import __version__
from labelcore.errors import BridgeError, LabelcoreError

if TYPE_CHECKING:  # pydantic is imported on first use: the bridge answers before it loads
    from pydantic import BaseModel, ValidationError

PROTOCOL_VERSION = 1

# Modules that register ops when imported. Each area of the core owns its module. They are
# imported on the first request for an op that is not registered yet (or by warm()), so the
# worker is ready as soon as the bridge itself is: start-up does not pay for every area.
OP_MODULES: tuple[str, ...] = ("labelcore.config.ops", "labelcore.templates.ops", "labelcore.importers.ops", "labelcore.exporters.ops")


NO_ARGS_SCHEMA = {"type": "object", "properties": {}, "additionalProperties": False}


@dataclass
class Context:
    """What an op may use besides its arguments: a way to report progress."""

    request_id: Any = None
    _progress: Callable[[str], None] | None = None

    def progress(self, done: int, total: int | None = None, phase: str = "") -> None:
        if self._progress is None:
            return
        msg = {"v": PROTOCOL_VERSION, "id": self.request_id,
               "progress": {"done": done, "total": total, "phase": phase}}
        self._progress(json.dumps(msg))


@dataclass(frozen=True)
class Op:
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
        raise BridgeError(f"bad arguments for {entry.name}: {where['path']}: {entry.name} takes no arguments", where)
    from pydantic import ValidationError

    try:
        return entry.args_model.model_validate(args if args is not None else {})
    except ValidationError as exc:
        message, where = _validation_where(exc)
        raise BridgeError(f"bad arguments for {entry.name}: {message}", where) from None


def handle(request: str, progress: Callable[[str], None] | None = None) -> str:
    """Answer one JSON request with one JSON reply (the worker's only entry point)."""
    req_id = None
    try:
        try:
            msg = json.loads(request)
        except json.JSONDecodeError as exc:
            raise BridgeError(f"request is not JSON: {exc.msg}", {"col": exc.colno}) from None
        if not isinstance(msg, dict) or not isinstance(msg.get("op"), str):
            raise BridgeError("request must be an object with a string 'op'", {"path": "op"})
        req_id = msg.get("id")
        if msg.get("v", PROTOCOL_VERSION) != PROTOCOL_VERSION:
            raise BridgeError(f"protocol version {msg.get('v')!r} is not {PROTOCOL_VERSION}", {"path": "v"})
        result = dispatch(msg["op"], msg.get("args"), Context(req_id, progress))
        reply = {"v": PROTOCOL_VERSION, "id": req_id, "ok": True, "result": result}
    except LabelcoreError as exc:
        reply = {"v": PROTOCOL_VERSION, "id": req_id, "ok": False, "error": exc.to_dict()}
    except Exception as exc:  # a bug in the core: say so, with the traceback
        reply = {"v": PROTOCOL_VERSION, "id": req_id, "ok": False, "error": {
            "type": "InternalError",
            "message": f"{type(exc).__name__}: {exc}",
            "where": {},
            "details": {"traceback": traceback.format_exc()},
        }}
    return json.dumps(reply, ensure_ascii=False)


@op("core.version")
def _version(args: None, ctx: Context) -> dict[str, Any]:
    """The core's version and the runtime it runs in."""
    return {
        "labelcore": __version__,
        "python": platform.python_version(),
        "implementation": sys.implementation.name,
        "platform": sys.platform,
        "pydantic": metadata.version("pydantic"),
        "protocol": PROTOCOL_VERSION,
    }


@op("core.ops")
def _ops(args: None, ctx: Context) -> list[dict[str, Any]]:
    """Every op the bridge answers, with the JSON Schema of its arguments."""
    warm()
    return [{"op": o.name, "doc": o.doc, "args": o.args_schema()}
            for o in sorted(OPS.values(), key=lambda o: o.name)]

