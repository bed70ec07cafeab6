"""One import, start to finish: detect the format, parse chunk by chunk, check, report.

:class:`ImportSession` is what the bridge ops and the CLI drive::

    session = ImportSession(config, filename="tasks.csv")
    session.feed(chunk) ...            # or session.add_files([...]) for media
    report = session.finish()          # tasks (all or none, unless skip_invalid), errors, summary

Every task is checked against the model (``labelcore.model``) and the config
(:class:`~labelcore.model.check.TaskChecker`). Any error means no task is
handed out, unless ``skip_invalid``: then the valid ones are, with the report.
A data key the config reads that no task (or no CSV column) has is one
whole-file error, named before any row is looked at when the file has a header.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from labelcore.errors import DataError, LabelcoreError
from labelcore.importers.detect import detect_format
from labelcore.importers.registry import (
    UNDEFINED,
    ImporterInfo,
    Item,
    ParseContext,
    get_importer,
    importer_for_name,
)
from labelcore.model.check import MISSING_KEY, TaskChecker, shape_problems

COLUMN_SAMPLE = 1000  # at most this many data keys are listed as a JSON file's columns (it has no header)


@dataclass
class ImportReport:
    format: str
    tasks: list[dict[str, Any]]
    errors: list[LabelcoreError]
    errors_total: int
    columns: list[str]
    data_key_mapping: dict[str, str | None]
    summary: dict[str, int]
    ok: bool = field(init=False)

    def __post_init__(self) -> None:
        self.ok = self.errors_total == 0

    def to_dict(self, with_tasks: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": self.ok,
            "detected_format": self.format,
            "columns": self.columns,
            "data_key_mapping": self.data_key_mapping,
            "summary": self.summary,
            "errors": [e.to_dict() for e in self.errors],
            "errors_total": self.errors_total,
        }
        if with_tasks:
            out["tasks"] = self.tasks
        return out


class ImportSession:
    def __init__(
        self,
        config: Any = None,
        *,
        format: str | None = None,
        filename: str = "",
        skip_invalid: bool = False,
        max_errors: int = 1000,
        options: dict[str, Any] | None = None,
    ):
        self.config = config
        self.checker = TaskChecker(config) if config is not None else None
        self.filename = filename
        self.skip_invalid = skip_invalid
        self.max_errors = max_errors
        self.ctx = ParseContext(filename, dict(options or {}), self._key_for, self._on_columns)
        info = get_importer(format) if format else importer_for_name(filename) if filename else None
        self.info: ImporterInfo | None = None
        self.parser = None
        self._head = b""
        if info is not None:
            self._start(info)
        self.tasks: list[dict[str, Any]] = []
        self._errors: list[tuple[int, LabelcoreError]] = []
        self._missing: dict[str, list[tuple[int, LabelcoreError]]] = {}
        self._missing_count: dict[str, int] = {}
        self._whole_file: list[LabelcoreError] = []
        self.error_count = 0
        self.failed = False
        self.seen = 0  # items the parser gave
        self.checked = 0  # tasks that reached the config check
        self.invalid = 0
        self.bytes = 0
        self.files = 0
        self.undefined_key: str | None = None  # the data key $undefined$ became, once a bare value needed one
        self._columns: dict[str, None] = {}

    # -- input ------------------------------------------------------------------------------------

    def _start(self, info: ImporterInfo) -> None:
        self.info = info
        self.parser = info.parser(self.ctx)

    def feed(self, chunk: bytes) -> None:
        self.bytes += len(chunk)
        if self.failed:
            return
        if self.parser is None:  # no name, no format: wait for enough bytes to tell
            self._head += chunk
            if len(self._head) < 4096:
                return
            chunk, self._head = self._head, b""
            self._start(get_importer(detect_format(chunk)))
        self._run(lambda: self.parser.feed(chunk))

    def add_files(self, files: Iterable[dict[str, Any]]) -> None:
        if self.parser is None:
            self._start(get_importer("media"))
        for f in files:
            self.bytes += int(f.get("size") or 0)
            self._run(
                lambda f=f: self.parser.add_file(
                    self.files, f["name"], int(f.get("size") or 0), f.get("ref") or f["name"], f.get("mime")
                )
            )
            self.files += 1

    def _run(self, parse: Any) -> None:
        if self.failed:
            return
        try:
            self._take(parse())
        except LabelcoreError as exc:
            self.failed = True
            self._whole_file.append(exc)

    def detect(self) -> None:
        """Settle the format now from what was fed so far (a short input, or a preview's head)."""
        if self.parser is None and self._head and not self.failed:
            head, self._head = self._head, b""
            self._start(get_importer(detect_format(head)))
            self._run(lambda: self.parser.feed(head))

    def finish(self) -> ImportReport:
        self.detect()
        if self.parser is None:
            if not self.failed:
                self._fail_empty()
            return self.report()
        self._run(lambda: self.parser.close())
        if not self.failed and self.seen == 0:
            self._fail_empty()
        return self.report()

    def _fail_empty(self) -> None:
        what = "is empty (0 bytes)" if self.bytes == 0 else "holds no tasks"
        self._whole_file.append(
            DataError(f"{self.filename or 'the input'} {what}: nothing to import", {"line": 1})
        )
        self.failed = True

    # -- checking ---------------------------------------------------------------------------------

    def _take(self, items: Iterable[Item]) -> None:
        checker = self.checker
        for where, task, error in items:
            self.seen += 1
            if error is not None:
                self.invalid += 1
                self._error(where, "", error)
                continue
            if (
                len(self._columns) < COLUMN_SAMPLE
                and self.parser.columns is None
                and isinstance(task["data"], dict)
            ):
                self._columns.update(dict.fromkeys(task["data"]))
            problems = shape_problems(task)
            if not problems and checker is not None:
                self.checked += 1
                problems = checker.check(task)
            if problems:
                self.invalid += 1
                for p in problems:
                    self._error(where, p.path, p.message, p.key if p.code == MISSING_KEY else None)
                continue
            self.tasks.append(task)

    def _error(self, where: dict[str, Any], path: str, message: str, missing: str | None = None) -> None:
        at = {**where, "path": where["path"] + path} if path and "path" in where else where
        entries = self._errors if missing is None else self._missing.setdefault(missing, [])
        if len(entries) < self.max_errors:
            entries.append((self.seen, DataError(message, at)))
        if missing is None:
            self.error_count += 1
        else:
            self._missing_count[missing] = self._missing_count.get(missing, 0) + 1

    def _key_for(self) -> str:
        if self.undefined_key is None:
            self.undefined_key = undefined_key(self.config)
        return self.undefined_key

    def _on_columns(self, columns: list[str]) -> None:
        if self.checker is None:
            return
        missing = self.checker.missing_keys(columns)
        if missing:
            names = ", ".join(f"'{k}' (read by {self.checker.reader_name(k)})" for k in missing)
            raise DataError(
                f"the file has no column for the data key{'s' if len(missing) > 1 else ''} {names}; "
                f"its columns are: {', '.join(columns)}",
                {"row": 1},
            )

    # -- report -----------------------------------------------------------------------------------

    def report(self) -> ImportReport:
        errors = list(self._whole_file)
        ordered = list(self._errors)
        total = self.error_count
        for key, entries in self._missing.items():
            if self._missing_count[key] == self.checked:
                reader = self.checker.reader_name(key) if self.checker else "the config"
                keys = ", ".join(self._columns) or "none"
                errors.append(
                    DataError(
                        f"no task has the data key '{key}' that {reader} reads (the tasks' keys: {keys})",
                        {"path": "$"},
                    )
                )
            else:
                ordered += entries
                total += self._missing_count[key]
        ordered.sort(key=lambda entry: entry[0])
        errors += [e for _seq, e in ordered[: self.max_errors]]
        total += len(errors) - min(len(ordered), self.max_errors)
        write = self.tasks if (total == 0 or self.skip_invalid) and not self._whole_file else []
        columns = list(self.parser.columns if self.parser and self.parser.columns else self._columns)
        mapping: dict[str, str | None] = {
            c: c if self.checker and c in self.checker.data_keys else None for c in columns
        }
        if self.undefined_key not in (None, UNDEFINED):
            mapping[UNDEFINED] = self.undefined_key
        return ImportReport(
            format=self.info.name if self.info else "",
            tasks=write,
            errors=errors,
            errors_total=total,
            columns=columns,
            data_key_mapping=mapping,
            summary={
                "tasks": len(write),
                "valid": len(self.tasks),
                "invalid": self.invalid,
                "annotations": sum(len(t.get("annotations") or ()) for t in write),
                "predictions": sum(len(t.get("predictions") or ()) for t in write),
                "files": self.files,
                "bytes": self.bytes,
            },
        )


def undefined_key(config: Any) -> str:
    """The data key a bare value (a line, a file, a URL) goes under, Label Studio's ``$undefined$`` rule:
    the config's one data key; a config that reads several has no key for it (an error)."""
    if config is None:
        return UNDEFINED
    if config.bare_key is not None:
        return config.bare_key
    keys = list(config.data_keys)
    if not keys:
        raise DataError(
            "the config reads no data key ($name), so there is nowhere to put the imported values",
            {"path": "$"},
        )
    raise DataError(
        f"the config reads several data keys ({', '.join(keys)}), so a bare value (a line, a file, "
        f"a URL) has no single key to go under; import a CSV or JSON file that names its keys",
        {"path": "$"},
    )
