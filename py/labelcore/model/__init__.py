"""Label Studio's task model: tasks, annotations, predictions, drafts and result items.

Also the check of tasks against a labeling config (:mod:`labelcore.model.check`).
"""

from labelcore.model.base import LSModel, to_json
from labelcore.model.result import RESULT_MODELS, OtherResult, RelationResult, ResultItem
from labelcore.model.task import TASK, TASKS, Annotation, Draft, Prediction, Task
from labelcore.model.values import LABEL_FIELDS, VALUES

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
