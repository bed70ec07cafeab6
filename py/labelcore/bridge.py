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
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict, ValidationError

from labelcore import __version__
from labelcore.errors import BridgeError, LabelcoreError

PROTOCOL_VERSION = 1

# Modules that register ops when imported. Each area of the core owns its module.
OP_MODULES: tuple[str, ...] = ("labelcore.config.ops", "labelcore.templates.ops", "labelcore.importers.ops", "labelcore.exporters.ops")


class NoArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")


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
    args_model: type[BaseModel]
    doc: str


OPS: dict[str, Op] = {}


def op(name: str, args_model: type[BaseModel] = NoArgs):
    """Register ``func(args, ctx) -> JSON-able`` as the op ``name``."""

    def register(func: Callable[[Any, Context], Any]):
        if name in OPS:
            raise ValueError(f"bridge op {name!r} is registered twice")
        OPS[name] = Op(name, func, args_model, (func.__doc__ or "").strip().split("\n")[0])
        return func

    return register


def _load_op_modules() -> None:
    for module in OP_MODULES:
        importlib.import_module(module)


def _validation_where(exc: ValidationError) -> tuple[str, dict[str, Any]]:
    first = exc.errors()[0]
    path = "args" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
    return f"{path}: {first['msg']}", {"path": path}


def dispatch(op_name: str, args: Any, ctx: Context | None = None) -> Any:
    """Run one op in-process (the CLI and tests use this); raises LabelcoreError."""
    entry = OPS.get(op_name)
    if entry is None:
        known = ", ".join(sorted(OPS))
        raise BridgeError(f"unknown op {op_name!r} (known ops: {known})", {"path": "op"})
    try:
        parsed = entry.args_model.model_validate(args if args is not None else {})
    except ValidationError as exc:
        message, where = _validation_where(exc)
        raise BridgeError(f"bad arguments for {op_name}: {message}", where) from None
    return entry.func(parsed, ctx or Context())


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
def _version(args: NoArgs, ctx: Context) -> dict[str, Any]:
    """The core's version and the runtime it runs in."""
    import pydantic

    return {
        "labelcore": __version__,
        "python": platform.python_version(),
        "implementation": sys.implementation.name,
        "platform": sys.platform,
        "pydantic": pydantic.VERSION,
        "protocol": PROTOCOL_VERSION,
    }


@op("core.ops")
def _ops(args: NoArgs, ctx: Context) -> list[dict[str, Any]]:
    """Every op the bridge answers, with the JSON Schema of its arguments."""
    return [{"op": o.name, "doc": o.doc, "args": o.args_model.model_json_schema()}
            for o in sorted(OPS.values(), key=lambda o: o.name)]


_load_op_modules()
