"""The typed form of a parsed labeling config (pydantic models).

``LabelConfig.to_json()`` is what the UI renders from and what a project
stores: objects with their data keys, controls with their labels (colours and
hotkeys filled in), the data keys, and the layout tree.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


def _places() -> Any:
    """Where each attribute is written (lowercased name -> {line, col}); kept out of the JSON form."""
    return Field(default_factory=dict, exclude=True, repr=False)


class LabelItem(BaseModel):
    """A ``<Label>`` / ``<Choice>`` (or Taxonomy node, or ``<Relation>``) of a control."""

    value: str
    alias: str | None = None
    background: str
    hotkey: str | None = None
    category: int | None = None
    selected: bool = False
    attrs: dict[str, Any] = Field(default_factory=dict)
    children: list["LabelItem"] = Field(default_factory=list)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class ObjectTag(BaseModel):
    """A tag that shows task data: Image, Text, Audio, ..."""

    name: str
    tag: str
    value: str | None = None
    data_key: str | None = None
    attrs: dict[str, Any] = Field(default_factory=dict)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class ControlTag(BaseModel):
    """A tag that writes results: Choices, RectangleLabels, TextArea, ..."""

    name: str
    tag: str
    to_name: list[str] = Field(default_factory=list)
    type: str
    labels: list[LabelItem] = Field(default_factory=list)
    attrs: dict[str, Any] = Field(default_factory=dict)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class LayoutNode(BaseModel):
    """One element of the config as written, for rendering the layout (View, Header, ...)."""

    tag: str
    attrs: dict[str, Any] = Field(default_factory=dict)
    text: str = ""
    children: list["LayoutNode"] = Field(default_factory=list)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class LabelConfig(BaseModel):
    """A parsed labeling config."""

    objects: dict[str, ObjectTag] = Field(default_factory=dict)
    controls: dict[str, ControlTag] = Field(default_factory=dict)
    data_keys: list[str] = Field(default_factory=list)
    relations: list[LabelItem] = Field(default_factory=list)
    layout: LayoutNode | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON form the UI renders from (objects and controls as lists, in document order).

        ``relations`` holds the Relation labels of ``<Relations>`` (which usually has no name).
        """
        return {
            "objects": [o.model_dump(mode="json") for o in self.objects.values()],
            "controls": [c.model_dump(mode="json") for c in self.controls.values()],
            "data_keys": list(self.data_keys),
            "relations": [r.model_dump(mode="json") for r in self.relations],
            "layout": self.layout.model_dump(mode="json") if self.layout else None,
        }

    def labels_of(self, control: str) -> list[str]:
        """The label values of one control, in order (Taxonomy: top level only)."""
        return [item.value for item in self.controls[control].labels]
