"""What an export is asked to do, besides the tasks and the config."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ExportOptions(BaseModel):
    """Choices made in the Export dialog (or on the command line)."""

    model_config = ConfigDict(extra="forbid")

    scope: Literal["annotated", "all"] = Field(
        "annotated", description="'annotated': only tasks with at least one annotation; 'all': every task given")
    task_ids: list[int | str] | None = Field(
        None, description="Export only these tasks (the Data Manager's filter or selection), in the order given")
    include_predictions: bool = Field(
        False, description="Keep each task's predictions (JSON writes them; other formats read annotations only)")
    media: dict[str, bytes] = Field(
        default_factory=dict,
        description="Media stored in the project: the reference a task holds"
        " (e.g. 'media://7' or a file name) -> bytes")
    media_names: dict[str, str] = Field(
        default_factory=dict, description="File name to write for a media reference that is not a path or URL")
    image_sizes: dict[str, tuple[int, int]] = Field(
        default_factory=dict, description="Media reference -> (width, height) for results without original sizes")
    created: str = Field("", description="Timestamp written into COCO's info block (blank: none)")
