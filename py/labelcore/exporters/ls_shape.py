"""A task as Label Studio's JSON export writes it: its keys, their order, the counts and defaults.

The one place this shape is decided. The CLI hands a tasks file (Label Studio JSON), the browser
hands the records it stored (a task record with its annotation and prediction records nested, or
a ``total_predictions`` count when the predictions were not read); both come out the same.

- Keys Label Studio writes on every task / annotation / prediction come first, in its order,
  with the value it writes when Labelcore has nothing to say; a given value wins; unknown keys
  are kept, after them (a round trip keeps them).
- ``total_annotations`` / ``cancelled_annotations`` are counted from the annotations (skipped
  ones are cancelled); ``total_predictions`` from the predictions when given, else the count given.
- An annotation or prediction names its task and project (``task``, ``project``) as Label
  Studio's do; when the input leaves them out, they are the task's.
- ``predictions`` is written only when they are asked for.
"""

from __future__ import annotations

from typing import Any

ANNOTATION_DEFAULTS: dict[str, Any] = {
    "id": None,
    "completed_by": None,
    "result": [],
    "was_cancelled": False,
    "ground_truth": False,
    "created_at": None,
    "updated_at": None,
    "draft_created_at": None,
    "lead_time": None,
    "prediction": {},
    "result_count": 0,
    "import_id": None,
    "last_action": None,
    "bulk_created": False,
    "task": None,
    "project": None,
    "updated_by": None,
    "parent_prediction": None,
    "parent_annotation": None,
    "last_created_by": None,
}
PREDICTION_DEFAULTS: dict[str, Any] = {
    "id": None,
    "result": [],
    "model_version": "",
    "score": None,
    "cluster": None,
    "neighbors": None,
    "mislabeling": 0,
    "created_at": None,
    "updated_at": None,
    "model": None,
    "model_run": None,
    "task": None,
    "project": None,
}
TASK_KEYS_FIRST: tuple[str, ...] = (
    "id",
    "annotations",
    "drafts",
    "predictions",
    "data",
    "meta",
    "created_at",
    "updated_at",
    "inner_id",
    "total_annotations",
    "cancelled_annotations",
    "total_predictions",
    "comment_count",
    "unresolved_comment_count",
    "last_comment_updated_at",
    "project",
    "updated_by",
    "comment_authors",
)
# Written when the task does not say (Labelcore keeps no comments).
TASK_DEFAULTS: dict[str, Any] = {
    "drafts": [],
    "meta": {},
    "comment_count": 0,
    "unresolved_comment_count": 0,
    "last_comment_updated_at": None,
    "updated_by": None,
    "comment_authors": [],
}


def _child(record: Any, defaults: dict[str, Any], task: dict[str, Any]) -> dict[str, Any]:
    out = {**defaults, "task": task.get("id"), "project": task.get("project")}
    if isinstance(record, dict):
        out.update(record)
    result = out["result"]
    out["result"] = result if isinstance(result, list) else []
    return out


def ls_annotation(record: Any, task: dict[str, Any]) -> dict[str, Any]:
    """One annotation of ``task`` as Label Studio exports it."""
    out = _child(record, ANNOTATION_DEFAULTS, task)
    out["was_cancelled"] = bool(out["was_cancelled"])
    out["ground_truth"] = bool(out["ground_truth"])
    if not isinstance(record, dict) or "result_count" not in record:
        out["result_count"] = len(out["result"])
    return out


def ls_prediction(record: Any, task: dict[str, Any]) -> dict[str, Any]:
    """One prediction of ``task`` as Label Studio exports it."""
    return _child(record, PREDICTION_DEFAULTS, task)


def annotations_of(task: dict[str, Any]) -> list[Any]:
    """A task's annotations (``completions``: Label Studio's name before 1.0)."""
    return task.get("annotations") or task.get("completions") or []


def ls_task(task: dict[str, Any], include_predictions: bool) -> dict[str, Any]:
    """A task with its annotations (and predictions, when asked for) as Label Studio exports it."""
    annotations = [ls_annotation(a, task) for a in annotations_of(task)]
    cancelled = sum(1 for a in annotations if a["was_cancelled"])
    predictions = task.get("predictions")
    values = {**TASK_DEFAULTS, **{k: v for k, v in task.items() if k not in ("completions", "predictions")}}
    values.update(
        annotations=annotations,
        meta=values["meta"] if values["meta"] is not None else {},
        inner_id=task["inner_id"] if task.get("inner_id") is not None else task.get("id"),
        total_annotations=len(annotations) - cancelled,
        cancelled_annotations=cancelled,
        total_predictions=len(predictions)
        if isinstance(predictions, list)
        else task.get("total_predictions", 0),
    )
    if include_predictions:
        values["predictions"] = [ls_prediction(p, task) for p in predictions or []]
    out = {key: values[key] for key in TASK_KEYS_FIRST if key in values}
    for key, value in values.items():
        out.setdefault(key, value)
    return out
