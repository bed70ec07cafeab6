"""Entry points: :func:`parse_config` (raises the first error, keeps the warnings),
:func:`check_config` (every error and warning) and :func:`validate_config` (every error)."""

from __future__ import annotations

from labelcore.config.build import Builder
from labelcore.config.checks import run_checks
from labelcore.config.findings import Findings
from labelcore.config.model import Finding, LabelConfig, RepeatedName, RepeatLevel
from labelcore.config.repeat import repeated_tags
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
    builder.errors = [
        e
        for e in builder.errors
        if not (e.extra.get("kind") == "missing-attr" and e.extra.get("missing") == "toName")
    ]


def _build(xml_text: str) -> tuple[LabelConfig, Findings]:
    builder = Builder()
    cfg = builder.build(_root(xml_text))
    _default_to_name(builder)
    cfg.repeated = [
        RepeatedName(
            name=r.name,
            levels=[RepeatLevel(on=lv.on, flag=lv.flag) for lv in r.levels],
            pattern=f"^(?:{r.pattern.pattern})$" if r.pattern else None,
            flags=list(r.group_flags),
        )
        for r in repeated_tags(cfg).values()
    ]
    findings = Findings.split(builder.errors + run_checks(cfg))
    cfg.warnings = [
        Finding(severity="warning", kind=w.extra.get("kind"), message=w.message, where=w.where)
        for w in findings.warnings
    ]
    return cfg, findings


def parse_config(xml_text: str, *, validate: bool = True) -> LabelConfig:
    """Parse a Label Studio config; with ``validate`` raise the first error (in document order).

    Warnings (what Label Studio accepts but is probably a mistake: a label twice, a hotkey
    shared) never raise: they are kept in ``cfg.warnings`` and in ``to_json()["warnings"]``.
    Without ``validate`` only XML-level problems (not XML, DTD, too large, root not View) raise;
    unknown tags and bad references are tolerated and left out of the model.
    """
    cfg, findings = _build(xml_text)
    if validate and findings.errors:
        raise findings.errors[0]
    return cfg


def check_config(xml_text: str) -> Findings:
    """Every error and every warning of a config, each in document order."""
    try:
        return _build(xml_text)[1]
    except ConfigError as exc:
        return Findings.split([exc])


def validate_config(xml_text: str) -> list[ConfigError]:
    """Every error of a config, in document order ([] when Label Studio would accept it and it works)."""
    return check_config(xml_text).errors
