"""Entry points: :func:`parse_config` (raises the first error) and :func:`validate_config` (all errors)."""

from __future__ import annotations

from labelcore.config.build import Builder
from labelcore.config.checks import run_checks
from labelcore.config.model import LabelConfig
from labelcore.config.tags import lookup
from labelcore.config.xmlread import Node, read_xml
from labelcore.errors import ConfigError


def _root(xml_text: str) -> Node:
    root = read_xml(xml_text)
    spec = lookup(root.tag)
    if spec is None or spec.name != "View":
        raise ConfigError(f"the root tag must be <View>, not <{root.tag}>", root.where, kind="root")
    return root


def _default_to_name(builder: Builder) -> None:
    """A control without toName labels the only object tag, when there is exactly one (as LS does)."""
    cfg = builder.config
    if len(cfg.objects) != 1:
        return
    only = next(iter(cfg.objects))
    for control in cfg.controls.values():
        if not control.to_name:
            control.to_name = [only]
    builder.errors = [e for e in builder.errors
                      if not (e.extra.get("kind") == "missing-attr" and e.extra.get("missing") == "toName")]


def _order(errors: list[ConfigError]) -> list[ConfigError]:
    return sorted(errors, key=lambda e: (e.where.get("line", 0), e.where.get("col", 0)))


def _build(xml_text: str) -> tuple[LabelConfig, list[ConfigError]]:
    builder = Builder()
    cfg = builder.build(_root(xml_text))
    _default_to_name(builder)
    errors = builder.errors + run_checks(cfg)
    return cfg, _order(errors)


def parse_config(xml_text: str, *, validate: bool = True) -> LabelConfig:
    """Parse a Label Studio config; with ``validate`` raise the first error (in document order).

    Without ``validate`` only XML-level problems (not XML, DTD, too large, root not View) raise;
    unknown tags and bad references are tolerated and left out of the model.
    """
    cfg, errors = _build(xml_text)
    if validate and errors:
        raise errors[0]
    return cfg


def validate_config(xml_text: str) -> list[ConfigError]:
    """Every error of a config, in document order ([] when it is valid)."""
    try:
        return _build(xml_text)[1]
    except ConfigError as exc:
        return [exc]
