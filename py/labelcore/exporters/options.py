"""What an export is asked to do, besides the tasks and the config."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Which tasks an export takes (records.select_tasks applies it). "view" and "selection" are the
# Data Manager's tab and ticked tasks: exactly the tasks in task_ids, annotated or not.
Scope = Literal["annotated", "all", "view", "selection"]


class ExportOptions(BaseModel):
    """Choices made in the Export dialog (or on the command line)."""

    model_config = ConfigDict(extra="forbid")

    scope: Scope = Field(
        "annotated",
        description="'annotated': only tasks with at least one annotation (skipped ones count); "
        "'all': every task given; 'view' / 'selection': the tasks in task_ids",
    )
    task_ids: list[int | str] | None = Field(
        None,
        description="Export only these tasks (the Data Manager's filter or selection), in the order given",
    )
    include_predictions: bool = Field(
        False,
        description="Keep each task's predictions (JSON writes them; other formats read annotations only)",
    )
    media: dict[str, bytes] = Field(
        default_factory=dict,
        description="Media stored in the project: the reference a task holds"
        " (e.g. 'media://7' or a file name) -> bytes",
    )
    media_names: dict[str, str] = Field(
        default_factory=dict, description="File name to write for a media reference that is not a path or URL"
    )
    image_sizes: dict[str, tuple[int, int]] = Field(
        default_factory=dict,
        description="Media reference -> (width, height) for results without original sizes",
    )
    created: str = Field("", description="Timestamp written into COCO's info block (blank: none)")

    @model_validator(mode="after")
    def _ids_for_view(self) -> ExportOptions:
        if self.scope in ("view", "selection") and self.task_ids is None:
            raise ValueError(f"scope {self.scope!r} exports the tasks in task_ids, and none are given")
        return self
