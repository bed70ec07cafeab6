"""Bridge ops of the config area: ``config.parse``, ``config.validate``, ``config.schema``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from labelcore.bridge import Context, op
from labelcore.config.parse import check_config, parse_config
from labelcore.config.schema import schemas


class XmlArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    xml: str


@op("config.parse", XmlArgs)
def _parse(args: XmlArgs, ctx: Context) -> dict[str, Any]:
    """Parse and validate a config: its JSON form and data keys (raises the first error; warnings are
    in ``config.warnings`` and ``warnings``)."""
    cfg = parse_config(args.xml)
    form = cfg.to_json()
    return {"config": form, "data_keys": cfg.data_keys, "errors": [], "warnings": form["warnings"]}


@op("config.validate", XmlArgs)
def _validate(args: XmlArgs, ctx: Context) -> dict[str, Any]:
    """``{ok, errors, warnings}``: every finding of a config, in document order, for an editor.

    ``ok`` is true when there is no error (warnings do not refuse a config); each finding is
    ``{type, severity, kind, message, where}``.
    """
    return check_config(args.xml).to_json()


@op("config.schema", XmlArgs)
def _schema(args: XmlArgs, ctx: Context) -> dict[str, Any]:
    """JSON Schemas of a config's task data and of the result items of each control."""
    return schemas(parse_config(args.xml))
