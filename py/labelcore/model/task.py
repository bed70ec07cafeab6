"""Task, Annotation, Prediction and Draft: Label Studio's task JSON as models.

``TASK`` and ``TASKS`` are type adapters built once (validation of a million
tasks goes through them). Every model keeps unknown keys and key order; dump
with :func:`labelcore.model.base.to_json` (or ``exclude_unset=True``) to get
the same JSON back.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from labelcore.model.base import Bool, Id, Int, LSModel, Num
from labelcore.model.result import ResultItem


class _Resulted(LSModel):
    id: Id | None = None
    result: list[ResultItem] = []
    created_at: str | None = None
    updated_at: str | None = None


class Annotation(_Resulted):
    """``completed_by`` is a user id, or ``{email}`` on import; ``was_cancelled`` = skipped."""

    completed_by: Int | str | dict[str, Any] | None = None
    was_cancelled: Bool | None = None
    ground_truth: Bool | None = None
    lead_time: Num | None = None
    prediction: dict[str, Any] | None = None
    parent_prediction: Int | None = None
    parent_annotation: Int | None = None


class Prediction(_Resulted):
    score: Num | None = None
    model_version: str | None = None


class Draft(_Resulted):
    lead_time: Num | None = None
    user: Int | str | None = None


class Task(LSModel):
    """``data`` holds what the config's ``$keys`` read; everything else is optional."""

    id: Id | None = None
    data: dict[str, Any]
    meta: dict[str, Any] | None = None
    annotations: list[Annotation] = []
    predictions: list[Prediction] = []
    drafts: list[Draft] = []


TASK: TypeAdapter[Task] = TypeAdapter(Task)
TASKS: TypeAdapter[list[Task]] = TypeAdapter(list[Task])
