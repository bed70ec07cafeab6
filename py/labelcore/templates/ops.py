"""Bridge ops of the template gallery: ``templates.list`` and ``templates.get``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from labelcore.bridge import Context, op
from labelcore.templates import GROUPS, get_template, list_templates


class ListArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    group: str | None = None
    query: str | None = None


class GetArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str


@op("templates.list", ListArgs)
def _list(args: ListArgs, ctx: Context) -> dict[str, Any]:
    """The gallery's groups (display order) and its templates, optionally filtered."""
    found = list_templates(args.group, query=args.query)
    return {"groups": list(GROUPS), "templates": [info.model_dump() for info in found]}


@op("templates.get", GetArgs)
def _get(args: GetArgs, ctx: Context) -> dict[str, Any]:
    """One template: its info, config XML and sample task."""
    return get_template(args.name).model_dump()
