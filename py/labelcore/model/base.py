"""The base every Label Studio JSON model shares: unknown keys kept, key order kept.

Label Studio JSON goes through these models and comes out the same: keys the
model does not know are kept (``extra="allow"``), a key that was absent stays
absent and a ``null`` stays ``null`` (dump with ``exclude_unset=True``, see
:func:`to_json`), and keys come out in the order they came in.

Scalar types are strict: ``1`` stays ``1`` (not ``1.0`` nor ``True``), ``"5"``
is not silently an int. That is what makes the round trip exact and what turns
a wrong value shape into an error instead of a quiet conversion.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    GetPydanticSchema,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictInt,
    model_serializer,
    model_validator,
)
from pydantic_core import core_schema


def _one_of(error: str, *schemas: core_schema.CoreSchema) -> GetPydanticSchema:
    """A union that reports one plain error (``error``) instead of one per member."""
    return GetPydanticSchema(
        lambda _tp, _handler: core_schema.union_schema(
            list(schemas), custom_error_type="value_error_shape", custom_error_message=error
        )
    )


# Strict scalars: lax int would take "5" and 5.0, lax bool would take 1 and "yes".
Int = StrictInt
Bool = StrictBool
# A JSON number: an int stays an int, a float a float; bools and strings are refused.
Num = Annotated[
    float,
    _one_of(
        "Input should be a number", core_schema.int_schema(strict=True), core_schema.float_schema(strict=True)
    ),
]
# An id as Label Studio writes it: an integer or a string.
Id = Annotated[
    Any,
    _one_of(
        "Input should be an integer or a string",
        core_schema.int_schema(strict=True),
        core_schema.str_schema(strict=True),
    ),
]
# A number or a string (time series ranges, paragraph indexes).
NumOrStr = Annotated[
    Any,
    _one_of(
        "Input should be a number or a string",
        core_schema.int_schema(strict=True),
        core_schema.float_schema(strict=True),
        core_schema.str_schema(strict=True),
    ),
]


class LSModel(BaseModel):
    """A Label Studio JSON object: strict scalars, unknown keys kept, key order kept."""

    model_config = ConfigDict(extra="allow", protected_namespaces=(), revalidate_instances="never")

    _keys: tuple[str, ...] | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _remember_key_order(cls, data: Any, handler: Any) -> Any:
        obj = handler(data)
        if isinstance(data, dict):
            obj._keys = tuple(data)
        return obj

    @model_serializer(mode="wrap")
    def _dump_in_input_order(self, handler: SerializerFunctionWrapHandler) -> Any:
        out = handler(self)
        keys = self._keys
        if not keys or not isinstance(out, dict) or tuple(out) == keys:
            return out
        ordered = {k: out[k] for k in keys if k in out}
        ordered.update((k, v) for k, v in out.items() if k not in ordered)
        return ordered


def to_json(obj: BaseModel | list[BaseModel]) -> Any:
    """A model (or list of models) as the Label Studio JSON it came from."""
    if isinstance(obj, list):
        return [to_json(o) for o in obj]
    return obj.model_dump(mode="json", exclude_unset=True)
