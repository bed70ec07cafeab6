"""The typed form of a parsed labeling config (pydantic models).

``LabelConfig.to_json()`` is what the UI renders from and what a project
stores: objects with their data keys, controls with their labels (colours and
hotkeys filled in), the data keys, and the layout tree. It says what the config
means so the UI never re-derives it: each control's result type and value key,
whether each tag can be drawn, the parsed ``$key`` references of every value
(``refs``, see :mod:`labelcore.config.refs`) and the name patterns of tags inside
Repeaters. Its ``version`` (:data:`PARSED_VERSION`) changes with that form: a
project stored with an older one is parsed again before it is labeled.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

# The parsed form's version: bump it when to_json() gains or changes what the UI reads
# (site/js/labeling/core/data.js PARSED_VERSION must match; a contract test checks).
PARSED_VERSION = 4


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
    children: list[LabelItem] = Field(default_factory=list)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class ObjectTag(BaseModel):
    """A tag that shows task data: Image, Text, Audio, ...

    Inside a ``<Repeater>``, ``repeater`` is the data key of its list and ``name`` is the name as
    written (e.g. ``page_{{idx}}``): Label Studio shows it once per item, the flag replaced by 0, 1, ...
    """

    name: str
    tag: str
    value: str | None = None
    data_key: str | None = None
    repeater: str | None = None
    drawable: bool = False
    attrs: dict[str, Any] = Field(default_factory=dict)
    refs: dict[str, Any] = Field(default_factory=dict)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class ControlTag(BaseModel):
    """A tag that writes results: Choices, RectangleLabels, TextArea, ...

    ``type`` is the result type it writes; ``value_key`` the key of the result's ``value`` that
    holds its labels, choices, text, rating, ... (``None``: a plain Rectangle, Polygon, ... has none).
    """

    name: str
    tag: str
    to_name: list[str] = Field(default_factory=list)
    type: str
    value_key: str | None = None
    drawable: bool = False
    repeater: str | None = None
    labels: list[LabelItem] = Field(default_factory=list)
    attrs: dict[str, Any] = Field(default_factory=dict)
    refs: dict[str, Any] = Field(default_factory=dict)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class LayoutNode(BaseModel):
    """One element of the config as written, for rendering the layout (View, Header, ...)."""

    tag: str
    attrs: dict[str, Any] = Field(default_factory=dict)
    refs: dict[str, Any] = Field(default_factory=dict)
    text: str = ""
    children: list[LayoutNode] = Field(default_factory=list)
    line: int = 0
    col: int = 0
    places: dict[str, dict[str, int]] = _places()


class Repeater(BaseModel):
    """A ``<Repeater>``: its children are shown once per item of the list at data key ``data_key``.

    ``item_keys`` are the keys read from each item (``$pages[{{idx}}].url`` -> ``url``);
    ``objects`` and ``controls`` name the repeated tags as written (the flag not substituted).
    """

    name: str | None = None
    on: str
    data_key: str | None = None
    index_flag: str
    mode: str
    item_keys: list[str] = Field(default_factory=list)
    objects: list[str] = Field(default_factory=list)
    controls: list[str] = Field(default_factory=list)
    line: int = 0
    col: int = 0


class RepeatLevel(BaseModel):
    """One Repeater around a repeated tag: its ``on`` as written and its index flag."""

    on: str
    flag: str


class RepeatedName(BaseModel):
    """An object or control inside Repeaters: its name as written, the Repeaters around it (outermost
    first), and how the names of its items look: ``pattern`` (a regular expression, the same in Python
    and JavaScript) matches them, group ``k`` holding the index of Repeater flag ``flags[k - 1]``."""

    name: str
    levels: list[RepeatLevel] = Field(default_factory=list)
    pattern: str | None = None
    flags: list[str] = Field(default_factory=list)


class Finding(BaseModel):
    """A validation finding kept with a parsed config (its warnings)."""

    severity: str
    kind: str | None = None
    message: str
    where: dict[str, int] = Field(default_factory=dict)


class LabelConfig(BaseModel):
    """A parsed labeling config."""

    objects: dict[str, ObjectTag] = Field(default_factory=dict)
    controls: dict[str, ControlTag] = Field(default_factory=dict)
    data_keys: list[str] = Field(default_factory=list)
    relations: list[LabelItem] = Field(default_factory=list)
    repeaters: list[Repeater] = Field(default_factory=list)
    repeated: list[RepeatedName] = Field(default_factory=list)
    cannot_draw: list[str] = Field(default_factory=list)
    layout: LayoutNode | None = None
    warnings: list[Finding] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON form the UI renders from (objects and controls as lists, in document order).

        ``relations`` holds the Relation labels of ``<Relations>`` (which usually has no name);
        ``repeaters`` describes each ``<Repeater>`` and ``repeated`` each tag inside one;
        ``cannot_draw`` names the tags used that the labeling screen cannot draw yet (in document
        order); ``warnings`` what validation found suspicious but accepted (duplicate labels,
        hotkey collisions, ...).
        """
        return {
            "version": PARSED_VERSION,
            "objects": [o.model_dump(mode="json") for o in self.objects.values()],
            "controls": [c.model_dump(mode="json") for c in self.controls.values()],
            "data_keys": list(self.data_keys),
            "data_paths": self._data_paths(),
            "bare_key": self.bare_key,
            "relations": [r.model_dump(mode="json") for r in self.relations],
            "repeaters": [r.model_dump(mode="json") for r in self.repeaters],
            "repeated": [r.model_dump(mode="json") for r in self.repeated],
            "cannot_draw": list(self.cannot_draw),
            "layout": self.layout.model_dump(mode="json") if self.layout else None,
            "warnings": [w.model_dump(mode="json") for w in self.warnings],
        }

    @property
    def bare_key(self) -> str | None:
        """The data key a bare value (a line, a file, a URL, a task stored as ``$undefined$``)
        goes under: the config's one data key, else none (Label Studio's ``$undefined$`` rule)."""
        return self.data_keys[0] if len(self.data_keys) == 1 else None

    def _data_paths(self) -> dict[str, list[str | int]]:
        """The nested path of every data key the form names (``data_keys``, each Repeater's
        ``data_key`` and ``item_keys``), so the UI never splits a key itself."""
        from labelcore.config.refs import key_path

        keys = [*self.data_keys]
        for rep in self.repeaters:
            keys += [rep.data_key, *rep.item_keys] if rep.data_key else rep.item_keys
        return {key: key_path(key) for key in dict.fromkeys(keys)}

    def labels_of(self, control: str) -> list[str]:
        """The label values of one control, in order (Taxonomy: top level only)."""
        return [item.value for item in self.controls[control].labels]
