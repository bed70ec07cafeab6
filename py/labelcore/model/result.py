"""A result item: one region, classification or relation in an annotation's ``result``.

Items are told apart by ``type``: each registered value type (``values.VALUES``)
gets its own item model whose ``value`` is that type's value model; ``relation``
items link two regions by id; an item of a type this module does not know is
kept as it is (:class:`OtherResult`), so newer Label Studio results survive.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Tag, create_model

from labelcore.model.base import Bool, Int, LSModel, Num
from labelcore.model.values import VALUES

OTHER = "__other__"


class ResultBase(LSModel):
    """Keys every region/classification item may have (image and audio extras included)."""

    id: str | None = None
    type: str
    from_name: str
    to_name: str
    origin: str | None = None
    score: Num | None = None
    readonly: Bool | None = None
    hidden: Bool | None = None
    parentID: str | None = None
    original_width: Num | None = None
    original_height: Num | None = None
    image_rotation: Num | None = None
    item_index: Int | None = None
    original_length: Num | None = None
    meta: dict[str, Any] | None = None


class RelationResult(LSModel):
    """``{type: "relation", from_id, to_id, direction, labels}``: no from_name / to_name."""

    type: Literal["relation"]
    from_id: str
    to_id: str
    direction: Literal["right", "left", "bi"] | None = None
    labels: list[str] | None = None


class OtherResult(LSModel):
    """A result of a type without a value model here: checked for the common keys only."""

    id: str | None = None
    type: str
    value: dict[str, Any] | None = None


def _item_model(type_name: str, value_model: type[LSModel]) -> type[ResultBase]:
    name = "".join(part.capitalize() for part in type_name.split("_")) + "Result"
    return create_model(name, __base__=ResultBase, type=(Literal[type_name], ...), value=(value_model, ...))


RESULT_MODELS: dict[str, type[LSModel]] = {t: _item_model(t, v) for t, v in VALUES.items()}
RESULT_MODELS["relation"] = RelationResult


def _result_tag(item: Any) -> str:
    kind = item.get("type") if isinstance(item, dict) else getattr(item, "type", None)
    return kind if kind in RESULT_MODELS else OTHER


_MEMBERS = (*(Annotated[m, Tag(t)] for t, m in RESULT_MODELS.items()), Annotated[OtherResult, Tag(OTHER)])
# A Union of a built tuple, which X | Y cannot spell (ruff's UP007 fix would drop the Union).
ResultItem = Annotated[Union[_MEMBERS], Discriminator(_result_tag)]  # type: ignore[misc]  # noqa: UP007
