"""Bridge ops of the import area: what the browser's Import dialog and store call.

Small inputs, one call:

- ``import.run`` {config_xml, filename?, format?, text | base64 | data | files, options?}
  -> {ok, detected_format, columns, data_key_mapping, summary, errors, errors_total, tasks}
- ``import.preview`` {config_xml?, filename?, format?, text | base64 | data, limit=10, complete=false}
  -> the same keys, ``tasks`` being the first ``limit`` valid ones (``complete=false``: the text is
  only the head of the file, its unfinished last line is left out)
- ``import.formats`` -> [{name, extensions, description}]
- ``import.importers`` {files: [{name, mime?}]} -> [importer name or null, ...] (which importer
  takes each picked file: the Import dialog groups files by it)

Large inputs, streamed (progress events: ``{done: bytes, total: size, phase: "parse"}``):

- ``import.begin`` {config_xml, filename?, format?, size?, options?} -> {session, format}
- ``import.chunk`` {session, text | base64 | data} -> {bytes, tasks, errors} (counts so far)
- ``import.files`` {session, files: [{name, size, mime?, ref}]} -> the same (media, a folder:
  the browser keeps the bytes as Blobs, ``ref`` goes into the task)
- ``import.end`` {session, chunk_size=5000} -> the report without tasks, plus ``task_chunks``
- ``import.tasks`` {session, chunk} -> {chunk, tasks} (the session is freed after the last chunk)
- ``import.cancel`` {session} -> {cancelled} (frees a session at any point; nothing was written)

``data`` is bytes: the browser sends a file's slices as binary values beside the JSON (a
Uint8Array; a JSON caller writes ``{"$base64": ...}``), cut anywhere, even inside a UTF-8
character. ``options``: ``skip_invalid`` (hand out the valid tasks despite errors), ``max_errors``
(errors listed, default 1000; ``errors_total`` counts them all), ``ref`` (a media file's reference).
With any error and no ``skip_invalid``, ``tasks`` is empty and ``summary.tasks`` is 0: the store
writes the tasks it gets in one transaction, so an import is all or nothing.
"""

from __future__ import annotations

import base64
import binascii
import itertools
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from labelcore.bridge import Context, op
from labelcore.config import parse_config
from labelcore.errors import BridgeError
from labelcore.importers.registry import IMPORTERS, importer_for_file
from labelcore.importers.session import ImportReport, ImportSession

SESSIONS: dict[str, tuple[ImportSession, int | None]] = {}
FINISHED: dict[str, tuple[ImportReport, int]] = {}
_ids = itertools.count(1)


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    skip_invalid: bool = False
    max_errors: int = Field(1000, ge=1)
    ref: str | None = None


class FileRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    size: int = Field(ge=0)
    mime: str | None = None
    ref: str | None = None


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    filename: str = ""
    format: str | None = None
    text: str | None = None
    base64: str | None = None
    data: bytes | None = None


class BeginArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    config_xml: str
    filename: str = ""
    format: str | None = None
    size: int | None = None
    options: Options = Options()


class ChunkArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    session: str
    text: str | None = None
    base64: str | None = None
    data: bytes | None = None


class FilesArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    session: str
    files: list[FileRef]


class EndArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    session: str
    chunk_size: int = Field(5000, ge=1)


class TasksArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    session: str
    chunk: int = Field(ge=0)


class SessionArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    session: str


class RunArgs(Source):
    config_xml: str
    files: list[FileRef] | None = None
    options: Options = Options()


class PreviewArgs(Source):
    config_xml: str | None = None
    limit: int = Field(10, ge=1)
    complete: bool = False


def _bytes(args: Source | ChunkArgs) -> bytes:
    """The input's bytes: ``data`` (bytes beside the JSON), ``base64`` or ``text``."""
    if args.data is not None:
        return args.data
    text, b64 = args.text, args.base64
    if b64 is not None:
        try:
            return base64.b64decode(b64, validate=True)
        except (binascii.Error, ValueError):
            raise BridgeError("args.base64 is not valid base64", {"path": "args.base64"}) from None
    return (text or "").encode("utf-8")


def _new(config_xml: str | None, filename: str, fmt: str | None, options: Options) -> ImportSession:
    config = parse_config(config_xml) if config_xml else None
    return ImportSession(
        config,
        format=fmt,
        filename=filename,
        skip_invalid=options.skip_invalid,
        max_errors=options.max_errors,
        options=options.model_dump(exclude_none=True),
    )


def _session(session_id: str) -> tuple[ImportSession, int | None]:
    found = SESSIONS.get(session_id)
    if found is None:
        raise BridgeError(
            f"no import session {session_id!r} (finished or cancelled?)", {"path": "args.session"}
        )
    return found


def _counts(session: ImportSession) -> dict[str, Any]:
    return {"bytes": session.bytes, "tasks": len(session.tasks), "errors": session.error_count}


@op("import.formats")
def _formats(args: Any, ctx: Context) -> list[dict[str, Any]]:
    """Every import format: name, file extensions, description."""
    return [
        {"name": i.name, "extensions": list(i.extensions), "description": i.description}
        for i in IMPORTERS.values()
    ]


class PickedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    mime: str | None = None


class ImportersArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    files: list[PickedFile]


@op("import.importers", ImportersArgs)
def _importers(args: ImportersArgs, ctx: Context) -> list[str | None]:
    """The importer that takes each picked file (its name's longest extension, else its MIME type)."""
    return [importer_for_file(f.name, f.mime) for f in args.files]


@op("import.run", RunArgs)
def _run(args: RunArgs, ctx: Context) -> dict[str, Any]:
    """Import a small input in one call: checked tasks (all or none) and the report."""
    session = _new(args.config_xml, args.filename, args.format, args.options)
    if args.files is not None:
        session.add_files(f.model_dump() for f in args.files)
    else:
        session.feed(_bytes(args))
    return session.finish().to_dict()


@op("import.preview", PreviewArgs)
def _preview(args: PreviewArgs, ctx: Context) -> dict[str, Any]:
    """The first tasks of an input as they will be imported, its format, columns and first errors."""
    session = _new(args.config_xml, args.filename, args.format, Options(max_errors=args.limit))
    session.feed(_bytes(args))
    session.detect()
    report = session.finish() if args.complete else session.report()
    out = report.to_dict(with_tasks=False)
    out["tasks"] = session.tasks[: args.limit]
    return out


@op("import.begin", BeginArgs)
def _begin(args: BeginArgs, ctx: Context) -> dict[str, Any]:
    """Start a streamed import; returns the session id the other import ops take."""
    session = _new(args.config_xml, args.filename, args.format, args.options)
    session_id = f"import-{next(_ids)}"
    SESSIONS[session_id] = (session, args.size)
    return {"session": session_id, "format": session.info.name if session.info else None}


@op("import.chunk", ChunkArgs)
def _chunk(args: ChunkArgs, ctx: Context) -> dict[str, Any]:
    """Feed the next chunk of bytes (data, text or base64); counts so far."""
    session, size = _session(args.session)
    session.feed(_bytes(args))
    ctx.progress(session.bytes, size, "parse")
    return _counts(session)


@op("import.files", FilesArgs)
def _files(args: FilesArgs, ctx: Context) -> dict[str, Any]:
    """Add media files (name, size, mime, ref): a task per file."""
    session, _size = _session(args.session)
    session.add_files(f.model_dump() for f in args.files)
    ctx.progress(session.files, None, "files")
    return _counts(session)


@op("import.end", EndArgs)
def _end(args: EndArgs, ctx: Context) -> dict[str, Any]:
    """Finish a streamed import: the report; the tasks come with import.tasks, chunk by chunk."""
    session, _size = _session(args.session)
    del SESSIONS[args.session]
    report = session.finish()
    out = report.to_dict(with_tasks=False)
    out["task_chunks"] = -(-len(report.tasks) // args.chunk_size)
    if report.tasks:
        FINISHED[args.session] = (report, args.chunk_size)
    return out


@op("import.tasks", TasksArgs)
def _tasks(args: TasksArgs, ctx: Context) -> dict[str, Any]:
    """One chunk of a finished import's tasks (the last one frees the session)."""
    found = FINISHED.get(args.session)
    if found is None:
        raise BridgeError(f"no finished import {args.session!r} with tasks", {"path": "args.session"})
    report, size = found
    chunks = -(-len(report.tasks) // size)
    if args.chunk >= chunks:
        raise BridgeError(f"chunk {args.chunk} is past the last one ({chunks - 1})", {"path": "args.chunk"})
    if args.chunk == chunks - 1:
        del FINISHED[args.session]
    ctx.progress(args.chunk + 1, chunks, "tasks")
    return {"chunk": args.chunk, "tasks": report.tasks[args.chunk * size : (args.chunk + 1) * size]}


@op("import.cancel", SessionArgs)
def _cancel(args: SessionArgs, ctx: Context) -> dict[str, Any]:
    """Drop an import session, running or finished: nothing of it is kept."""
    found = SESSIONS.pop(args.session, None) or FINISHED.pop(args.session, None)
    return {"cancelled": found is not None}
