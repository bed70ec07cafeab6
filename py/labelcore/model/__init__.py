"""Label Studio's task model: tasks, annotations, predictions, drafts and result items.

Also the check of tasks against a labeling config (:mod:`labelcore.model.check`).
"""

from __future__ import annotations

import importlib
from typing import Any

# name -> the module defining it. Loaded on first access (PEP 562): importing
# labelcore.model.check for data-only tasks then builds none of the pydantic models.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(("LSModel", "to_json"), "base"),
    **dict.fromkeys(("RESULT_MODELS", "OtherResult", "RelationResult", "ResultItem"), "result"),
    **dict.fromkeys(("TASK", "TASKS", "Annotation", "Draft", "Prediction", "Task"), "task"),
    **dict.fromkeys(("LABEL_FIELDS", "VALUES"), "values"),
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "LSModel",
    "to_json",
    "Task",
    "Annotation",
    "Prediction",
    "Draft",
    "ResultItem",
    "RelationResult",
    "OtherResult",
    "RESULT_MODELS",
    "VALUES",
    "LABEL_FIELDS",
    "TASK",
    "TASKS",
]
