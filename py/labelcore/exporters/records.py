"""From Label Studio task dicts to the per-annotation records every format writes.

A record is one non-skipped annotation of one task (newest first within a task), with its
results grouped by control name; a task without annotations gives one empty record when all
tasks are exported. Results whose control is not in the config (and relations) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from labelcore.config.repeat import Names
from labelcore.errors import DataError, FormatError
from labelcore.exporters.ls_shape import annotations_of
from labelcore.exporters.options import ExportOptions


class ConfigView:
    """The parts of a parsed config the exporters read, computed once."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.controls: dict[str, Any] = dict(config.controls)
        self._names = Names(self.controls, config)
        self._cache: dict[str, Any | None] = {}
        self._tags: dict[str, str | None] = {}

    def tag_of(self, from_name: str) -> str | None:
        """The tag of the control ``from_name`` belongs to (None: not in the config), cached."""
        try:
            return self._tags[from_name]
        except KeyError:
            control = self.control_for(from_name)
            tag = self._tags[from_name] = control.tag if control is not None else None
            return tag

    def control_for(self, from_name: str) -> Any | None:
        """The control a result's ``from_name`` belongs to (a Repeater's ``a_0`` is its ``a_{{idx}}``),
        cached."""
        control = self.controls.get(from_name)
        if control is not None or not self._names.patterns:
            return control
        if from_name not in self._cache:
            self._cache[from_name] = self._names.resolve(from_name)
        return self._cache[from_name]

    def first_key(self, *object_tags: str) -> str:
        """The data key of the first object of one of these tags (else the config's first data key)."""
        for obj in self.config.objects.values():
            if obj.tag in object_tags and obj.data_key:
                return obj.data_key
        if not self.config.data_keys:
            raise FormatError("the config reads no task data ($variable), so there is nothing to export", {})
        return self.config.data_keys[0]

    @staticmethod
    def label_names(control: Any) -> list[str]:
        out: list[str] = []
        stack = list(reversed(control.labels))
        while stack:
            item = stack.pop()
            out.append(item.alias or item.value)
            stack.extend(reversed(getattr(item, "children", None) or []))
        return out

    @cached_property
    def categories(self) -> list[dict[str, Any]]:
        """Classes of region controls (``*Labels``): ``category="N"`` first, the rest alphabetically
        from the lowest free id. Classification controls (Choices, ...) are not classes."""
        fixed: dict[str, int] = {}
        names: set[str] = set()
        for control in self.controls.values():
            if not control.tag.endswith("Labels"):
                continue
            stack = list(control.labels)
            while stack:
                item = stack.pop()
                name = item.alias or item.value
                names.add(name)
                if item.category is not None and name not in fixed:
                    fixed[name] = int(item.category)
                stack.extend(getattr(item, "children", None) or [])
        out = [{"id": cid, "name": name} for name, cid in fixed.items()]
        used = set(fixed.values())
        next_id = 0
        for name in sorted(names - set(fixed)):
            while next_id in used:
                next_id += 1
            out.append({"id": next_id, "name": name})
            used.add(next_id)
        return out


@dataclass(slots=True)
class Record:
    task: dict[str, Any]
    index: int  # position in the input list, for error paths
    annotation: dict[str, Any] | None
    outputs: dict[str, list[dict[str, Any]]]

    @property
    def data(self) -> dict[str, Any]:
        return self.task["data"]

    def field(self, key: str) -> Any:
        return self.annotation.get(key) if self.annotation else None

    def path(self) -> str:
        return f"$[{self.index}]"

    def annotator(self, default: Any = None, keep_int: bool = False) -> Any:
        who = self.annotation.get("completed_by", {}) if self.annotation else {}
        if isinstance(who, dict):
            return who.get("email", default)
        if isinstance(who, int) and keep_int:
            return who
        return str(who)

    def values(self) -> Iterator[dict[str, Any]]:
        for items in self.outputs.values():
            yield from items


def _is_skipped(annotation: dict[str, Any]) -> bool:
    return bool(annotation.get("was_cancelled") or annotation.get("skipped"))


def select_tasks(tasks: list[dict[str, Any]], options: ExportOptions) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(index, task)`` for each task the options choose, checking each is a task dict: with
    ``task_ids``, those tasks in that order (ids not given are skipped), else the input's order;
    scope "annotated" keeps the tasks with at least one annotation, skipped ones too."""
    checked: Iterable[tuple[int, dict[str, Any], list[Any]]] = (
        (index, task, _annotations(task, index)) for index, task in enumerate(tasks)
    )
    if options.task_ids is not None:
        by_id: dict[str, tuple[int, dict[str, Any], list[Any]]] = {}
        for item in checked:
            by_id.setdefault(str(item[1].get("id")), item)
        checked = [by_id[key] for key in dict.fromkeys(str(t) for t in options.task_ids) if key in by_id]
    annotated_only = options.scope == "annotated"
    for index, task, anns in checked:
        if annotated_only and not anns:
            continue
        yield index, task


def _annotations(task: Any, index: int) -> list[Any]:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise DataError("a task must be an object with a 'data' object", {"path": f"$[{index}]"})
    annotations = annotations_of(task)
    if not isinstance(annotations, list):
        raise DataError("'annotations' must be a list", {"path": f"$[{index}].annotations"})
    return annotations


def _created_key(annotation: dict[str, Any]) -> str:
    created = annotation.get("created_at")
    return "" if created is None else str(created)


def records(
    tasks: list[dict[str, Any]],
    config: Any,
    options: ExportOptions,
    view: ConfigView | None = None,
    keep_ids: bool = False,
) -> Iterator[Record]:
    """The records of the chosen tasks; ``keep_ids`` copies each result's ``id``/``parentID``."""
    view = view or ConfigView(config)
    for index, task in select_tasks(tasks, options):
        annotations = annotations_of(task)
        if not annotations:
            yield Record(task, index, None, {})
            continue
        kept = [a for a in annotations if isinstance(a, dict) and not _is_skipped(a)]
        if len(kept) > 1:
            kept.sort(key=_created_key, reverse=True)
        for annotation in kept:
            yield Record(task, index, annotation, _outputs(annotation, view, keep_ids, index))


def _outputs(
    annotation: dict[str, Any], view: ConfigView, keep_ids: bool, index: int
) -> dict[str, list[dict[str, Any]]]:
    """Each result's ``value`` (a shallow copy: formats may add to it) with the control's tag as
    ``type`` and the original image size, grouped by control name."""
    outputs: dict[str, list[dict[str, Any]]] = {}
    result = annotation.get("result") or []
    if not isinstance(result, list):
        raise DataError("an annotation's 'result' must be a list", {"path": f"$[{index}].annotations"})
    tag_of = view.tag_of
    for item in result:
        if not isinstance(item, dict):
            continue
        from_name = item.get("from_name")
        tag = tag_of(from_name) if from_name else None
        if tag is None:
            continue
        raw = item.get("value")
        value = {**raw, "type": tag} if type(raw) is dict else {**dict(raw or {}), "type": tag}
        if "original_width" in item:
            value["original_width"] = item["original_width"]
        if "original_height" in item:
            value["original_height"] = item["original_height"]
        if keep_ids:
            value["id"] = item.get("id")
            value["parentID"] = item.get("parentID")
        group = outputs.get(from_name)
        if group is None:
            outputs[from_name] = [value]
        else:
            group.append(value)
    return outputs
