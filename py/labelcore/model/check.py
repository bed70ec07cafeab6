"""Tasks checked against a labeling config: data keys, data types, and every result item.

:class:`TaskChecker` is built once per import from a parsed config
(``labelcore.config.LabelConfig``) and then answers, per task dict already
shaped like the model, a list of :class:`Problem`: a JSON path relative to the
task (``.annotations[0].result[1].value.labels[0]``) and a message. It checks

- each ``$key`` the config reads is in ``data`` (a dotted key may be flat or nested),
  and its value fits the object tag reading it (``DATA_TYPES``: Image str/list, ...);
- each result item: ``from_name`` is a control, ``to_name`` one of its ``toName``,
  ``type`` the control's, label/choice values exist (Taxonomy paths follow the
  tree; dynamic ``value="$key"`` controls are not checked), and relation
  ``from_id``/``to_id`` name items of the same result.

Controls and objects inside a ``<Repeater>`` are written with its index flag
(``lang_{{idx}}``, ``toName="text_{{idx}}"``); results name one item each, as
Label Studio writes them (``from_name: "lang_0"``, ``to_name: "text_0"``). Such a
name is accepted when the item exists in this task (its index is within the
task's list) and ``to_name`` is the control's ``toName`` with the same index; the
name as written (``lang_{{idx}}``) names no item and is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import ValidationError

from labelcore.config.refs import read
from labelcore.config.repeat import Repeats, fill


# The task and value models load on first use: a data-only task (every CSV row) never needs
# them, and building them is most of `labelcore import`'s start-up.
@cache
def _task_model() -> Any:
    from labelcore.model.task import TASK

    return TASK


@cache
def _label_fields() -> dict[str, str]:
    from labelcore.model.values import LABEL_FIELDS

    return LABEL_FIELDS


# object tag -> (accepted Python types of its data value, how a person names them)
DATA_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "Image": ((str, list), "a string (URL) or a list of them"),
    "Text": ((str, int, float, list), "a string, a number or a list"),
}

RESULT_LISTS = ("annotations", "predictions", "drafts")
MISSING_KEY = "missing_data_key"


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the task: "" (the task itself), ".data.image", ".annotations[0]..."
    message: str
    code: str = "invalid"
    key: str | None = None


@dataclass(frozen=True)
class _Control:
    name: str
    tag: str
    type: str
    to_name: frozenset[str]
    labels: frozenset[str] | None  # None: values are not checked (dynamic, or no Label children)
    tree: dict[str, Any] | None  # Taxonomy / nested choices: value -> subtree


def _loc_path(loc: tuple[Any, ...]) -> str:
    """A pydantic error location as a JSON path; the union tag after ``result[k]`` is dropped."""
    out = ""
    for i, part in enumerate(loc):
        if i >= 2 and loc[i - 2] == "result" and isinstance(loc[i - 1], int):
            continue
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def shape_problems(task: dict[str, Any]) -> list[Problem]:
    """What keeps ``task`` from being a :class:`~labelcore.model.Task` (empty: it is one).

    A task that is only ``{"data": {...}}`` is one by construction, so the
    full model runs only for tasks with more in them (annotations, ids, ...).
    """
    if len(task) == 1 and type(task.get("data")) is dict:
        return []
    try:
        _task_model().validate_python(task)
    except ValidationError as exc:
        return [Problem(_loc_path(e["loc"]), e["msg"], "shape") for e in exc.errors(include_url=False)]
    return []


def _label_names(item: Any) -> list[str]:
    return [item.value] + ([item.alias] if getattr(item, "alias", None) else [])


def _tree(items: Iterable[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        sub = _tree(getattr(item, "children", None) or [])
        for name in _label_names(item):
            out[name] = sub
    return out


def _control(ctl: Any) -> _Control:
    attrs = ctl.attrs or {}
    dynamic = str(attrs.get("value") or "").startswith("$") or bool(attrs.get("apiUrl"))
    names = {n for item in ctl.labels for n in _label_names(item)}
    labels = None if dynamic or not ctl.labels else frozenset(names)
    tree = None if labels is None else _tree(ctl.labels)
    return _Control(ctl.name, ctl.tag, ctl.type, frozenset(ctl.to_name), labels, tree)


def _base(kind: str) -> str:
    return kind[:-6] if kind.endswith("labels") else kind


def types_fit(result_type: str, control_type: str) -> bool:
    """``<Labels>`` may label any region type; a shape and its ``*labels`` form are one type."""
    if result_type == control_type:
        return True
    if control_type == "labels":
        return result_type.endswith("labels")
    return bool(_base(result_type)) and _base(result_type) == _base(control_type)


def _has_path(tree: dict[str, Any], path: list[Any]) -> bool:
    node: dict[str, Any] | None = tree
    for step in path:
        if not isinstance(step, str) or node is None or step not in node:
            return False
        node = node[step]
    return True


def _lookup(data: dict[str, Any], key: str) -> tuple[bool, Any]:
    return read(data, "$" + key)


@dataclass(frozen=True)
class _Scope:
    """What the check of one result item may look at besides the item: its result's ids, the task's data."""

    ids: set[Any]
    data: dict[str, Any]


class TaskChecker:
    """Checks task dicts (shaped like :class:`labelcore.model.Task`) against one config."""

    def __init__(self, config: Any):
        self.config = config
        self.controls = {name: _control(c) for name, c in config.controls.items()}
        self.repeats = Repeats(config)
        self.data_keys = [k for k in config.data_keys if "{{" not in k]
        readers: dict[str, list[Any]] = {}
        for obj in config.objects.values():
            if obj.data_key:
                readers.setdefault(obj.data_key, []).append(obj)
        self.readers = readers
        self._type_checks: list[tuple[str, tuple[type, ...], str, str]] = [
            (key, DATA_TYPES[obj.tag][0], DATA_TYPES[obj.tag][1], self.reader_name(key))
            for key in self.data_keys
            for obj in readers.get(key, [])
            if obj.tag in DATA_TYPES
        ]

    def reader_name(self, key: str) -> str:
        objs = self.readers.get(key) or []
        return ", ".join(f'<{o.tag} name="{o.name}">' for o in objs) or "the config"

    def missing_keys(self, keys: Iterable[str]) -> list[str]:
        """Data keys the config reads that ``keys`` (a file's columns) lack, in config order."""
        have = set(keys)
        return [k for k in self.data_keys if k not in have and k.split(".")[0] not in have]

    def check(self, task: dict[str, Any]) -> list[Problem]:
        problems = self.check_data(task["data"])
        for list_name in RESULT_LISTS:
            for j, entry in enumerate(task.get(list_name) or ()):
                result = entry.get("result") or []
                if result:
                    problems += self.check_result(result, f".{list_name}[{j}].result", task["data"])
        return problems

    def check_data(self, data: dict[str, Any]) -> list[Problem]:
        problems: list[Problem] = []
        for key in self.data_keys:
            if key not in data and not _lookup(data, key)[0]:
                problems.append(
                    Problem(
                        ".data",
                        f"the task has no data key '{key}' that {self.reader_name(key)} "
                        f"reads (the task's keys: {', '.join(map(str, data)) or 'none'})",
                        MISSING_KEY,
                        key,
                    )
                )
        for key, types, wanted, reader in self._type_checks:
            found, value = _lookup(data, key)
            if found and (not isinstance(value, types) or isinstance(value, bool)):
                problems.append(
                    Problem(
                        f".data.{key}",
                        f"{reader} needs {wanted} in '{key}', not {type(value).__name__} {value!r:.40}",
                    )
                )
        return problems

    def check_result(self, result: list[dict[str, Any]], path: str, data: dict[str, Any]) -> list[Problem]:
        """Problems of one annotation's (or prediction's) ``result`` of a task whose data is ``data``."""
        problems: list[Problem] = []
        scope = _Scope({item.get("id") for item in result}, data)
        for k, item in enumerate(result):
            at = f"{path}[{k}]"
            check = ITEM_CHECKS.get(item.get("type"), _check_region)
            problems += check(self, item, at, scope)
        return problems

    def control_of(self, from_name: Any, data: dict[str, Any]) -> tuple[_Control | None, dict[str, int], str]:
        """``(control, {flag: index}, why not)`` for a result's ``from_name`` in a task with ``data``.

        A control outside Repeaters is found by its name; one inside by the name of an item
        (``lang_3`` of ``lang_{{idx}}``, indices ``{"{{idx}}": 3}``) that exists in ``data``.
        Without a control, ``why not`` says what is wrong.
        """
        name = str(from_name)
        if name in self.controls:
            tag = self.repeats.tags.get(name)
            if tag is None or tag.pattern is None:
                return self.controls[name], {}, ""
            return (
                None,
                {},
                (
                    f"from_name '{name}' is the name as written inside <Repeater on={tag.levels[-1].on!r}>"
                    f": a result names one item, e.g. '{fill(name, dict.fromkeys(tag.group_flags, 0))}'"
                ),
            )
        found = self.repeats.find(name, "control")
        if found is None:
            return (
                None,
                {},
                (
                    f"from_name '{name}' names no control tag in the config "
                    f"(controls: {', '.join(self.controls) or 'none'})"
                ),
            )
        tag, indices = found
        absent = self.repeats.absent(tag, indices, data)
        if absent:
            ctl = self.controls[tag.name]
            return (
                None,
                {},
                (
                    f"from_name '{name}' names an item of <{ctl.tag} name=\"{ctl.name}\"> that this task "
                    f"does not have: {absent}"
                ),
            )
        return self.controls[tag.name], indices, ""

    def missing_object(self, to_name: str, data: dict[str, Any]) -> str | None:
        """Why ``to_name``, the name of an item of a repeated object (``text_3``), is not in this task."""
        if to_name in self.config.objects:
            return None
        found = self.repeats.find(to_name, "object")
        return self.repeats.absent(*found, data) if found else None


def _check_relation(checker: TaskChecker, item: dict[str, Any], at: str, scope: _Scope) -> list[Problem]:
    return [
        Problem(f"{at}.{end}", f"relation {end} '{item[end]}' names no item of the same result")
        for end in ("from_id", "to_id")
        if item[end] not in scope.ids
    ]


def _check_to_name(
    checker: TaskChecker,
    ctl: _Control,
    indices: dict[str, int],
    item: dict[str, Any],
    at: str,
    data: dict[str, Any],
) -> list[Problem]:
    """``to_name`` is one of the control's toName (for a repeated item, with its index) and exists in
    the task."""
    wanted = sorted(fill(t, indices) for t in ctl.to_name)
    to_names = str(item.get("to_name", "")).split(",")
    if not all(t in wanted for t in to_names):
        of = f" for its item '{item.get('from_name')}'" if indices else ""
        return [
            Problem(
                f"{at}.to_name",
                f"to_name '{item.get('to_name')}' is not a toName of "
                f'<{ctl.tag} name="{ctl.name}">{of} ({", ".join(wanted)})',
            )
        ]
    for name in to_names:
        absent = checker.missing_object(name, data)
        if absent:
            return [
                Problem(f"{at}.to_name", f"to_name '{name}' names an item this task does not have: {absent}")
            ]
    return []


def _check_region(checker: TaskChecker, item: dict[str, Any], at: str, scope: _Scope) -> list[Problem]:
    ctl, indices, why = checker.control_of(item.get("from_name"), scope.data)
    if ctl is None:
        return [Problem(f"{at}.from_name", why)]
    problems = _check_to_name(checker, ctl, indices, item, at, scope.data)
    kind = item.get("type", "")
    if not types_fit(kind, ctl.type):
        problems.append(
            Problem(
                f"{at}.type",
                f"type '{kind}' does not fit <{ctl.tag} name=\"{ctl.name}\">, which writes '{ctl.type}'",
            )
        )
        return problems
    field = _label_fields().get(kind)
    value = item.get("value") or {}
    if field and ctl.labels is not None and isinstance(value.get(field), list):
        for n, label in enumerate(value[field]):
            if isinstance(label, list):
                ok = ctl.tree is not None and _has_path(ctl.tree, label)
            else:
                ok = label in ctl.labels
            if not ok:
                problems.append(
                    Problem(
                        f"{at}.value.{field}[{n}]",
                        f'{label!r} is not a label of <{ctl.tag} name="{ctl.name}"> '
                        f"(labels: {', '.join(sorted(ctl.labels))})",
                    )
                )
    return problems


ItemCheck = Callable[[TaskChecker, dict[str, Any], str, _Scope], list[Problem]]
# result type -> how its items are checked against the config; every other type is a region/classification
ITEM_CHECKS: dict[str | None, ItemCheck] = {"relation": _check_relation}
