"""Bridge ops of the config area: ``config.parse``, ``config.validate``, ``config.schema``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from labelcore.bridge import Context, op
from labelcore.config.parse import parse_config, validate_config
from labelcore.config.schema import schemas


class XmlArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    xml: str


@op("config.parse", XmlArgs)
def _parse(args: XmlArgs, ctx: Context) -> dict[str, Any]:
    """Parse and validate a config: its JSON form and data keys (raises the first ConfigError)."""
    cfg = parse_config(args.xml)
    return {"config": cfg.to_json(), "data_keys": cfg.data_keys, "errors": []}


@op("config.validate", XmlArgs)
def _validate(args: XmlArgs, ctx: Context) -> dict[str, Any]:
    """Every error of a config, in document order, for inline display in an editor."""
    errors = validate_config(args.xml)
    return {"ok": not errors, "errors": [{"type": e.type, "message": e.message, "where": e.where,
                                          "kind": e.extra.get("kind")} for e in errors]}


@op("config.schema", XmlArgs)
def _schema(args: XmlArgs, ctx: Context) -> dict[str, Any]:
    """JSON Schemas of a config's task data and of the result items of each control."""
    return schemas(parse_config(args.xml))
