"""What validation finds, and how serious each kind is.

Every finding is a :class:`ConfigError` with a ``kind``. Its severity follows
from the kind (:data:`KINDS`):

- ``error``: Label Studio itself refuses the config, or the config cannot work
  (not XML, unknown tag, missing required attribute, toName naming nothing, a
  control on the wrong kind of object, a bad enumeration value, ...). A config
  with an error is refused.
- ``warning``: Label Studio accepts the config and it works, but it is probably
  a mistake (the same label twice, two labels sharing a hotkey, a
  ``whenTagName`` naming nothing, ...). A config with only warnings is accepted;
  the warnings are reported beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from labelcore.errors import ConfigError

Severity = Literal["error", "warning"]


class Kind(NamedTuple):
    severity: Severity
    meaning: str


KINDS: dict[str, Kind] = {
    "not-xml": Kind("error", "the text is not well-formed XML (or is empty)"),
    "not-text": Kind("error", "the config is not text, or holds a character that is not valid Unicode"),
    "doctype": Kind(
        "error", "a DOCTYPE or ENTITY declaration (refused: no external entities, no entity expansion)"
    ),
    "too-large": Kind("error", "the config is over 1 MB"),
    "too-deep": Kind("error", "tags nested more than 64 levels deep"),
    "root": Kind("error", "the root tag is not `<View>`"),
    "unknown-tag": Kind("error", 'a tag that is not in the registry (with a "did you mean")'),
    "missing-attr": Kind("error", "a required attribute is absent (a close misspelling is named)"),
    "bad-value": Kind(
        "error", "an attribute value that does not fit its type (enumeration, true/false, number)"
    ),
    "duplicate-name": Kind("error", "two object or control tags share a `name`"),
    "unknown-toname": Kind("error", "`toName` names no object tag"),
    "cannot-attach": Kind(
        "error", "a control that cannot label that kind of object (e.g. RectangleLabels on Text)"
    ),
    "misplaced-child": Kind("error", "a child tag outside its parent (e.g. `<Label>` directly in `<View>`)"),
    "duplicate-label": Kind(
        "warning",
        "the same label value twice in one control (Label Studio keeps both; "
        "they cannot be told apart in results)",
    ),
    "hotkey-collision": Kind("warning", "two elements given the same hotkey (only one of them answers it)"),
    "unknown-reference": Kind(
        "warning",
        "`whenTagName`, `whenLabelValue` or `whenChoiceValue` names nothing that "
        "exists (the element never shows)",
    ),
    "repeater-name": Kind(
        "warning",
        "a named tag inside a `<Repeater>` without the index flag in its name, or a "
        "name that a repeated name also takes for some item (names collide)",
    ),
}


def severity(error: ConfigError) -> Severity:
    """``error`` or ``warning``, from the finding's kind (unknown kinds are errors)."""
    kind = KINDS.get(str(error.extra.get("kind", "")))
    return kind.severity if kind else "error"


def finding_json(error: ConfigError) -> dict[str, Any]:
    """``{type, severity, kind, message, where}``: one finding as the UI and the CLI read it."""
    return {
        "type": error.type,
        "severity": severity(error),
        "kind": error.extra.get("kind"),
        "message": error.message,
        "where": dict(error.where),
    }


def _order(errors: list[ConfigError]) -> list[ConfigError]:
    return sorted(errors, key=lambda e: (e.where.get("line", 0), e.where.get("col", 0)))


@dataclass
class Findings:
    """The errors and warnings of one config, each list in document order."""

    errors: list[ConfigError] = field(default_factory=list)
    warnings: list[ConfigError] = field(default_factory=list)

    @classmethod
    def split(cls, found: list[ConfigError]) -> Findings:
        ordered = _order(found)
        for error in ordered:
            error.extra["severity"] = severity(error)
        return cls(
            [e for e in ordered if severity(e) == "error"], [e for e in ordered if severity(e) == "warning"]
        )

    @property
    def ok(self) -> bool:
        """True when nothing refuses the config (warnings allowed)."""
        return not self.errors

    @property
    def every(self) -> list[ConfigError]:
        """Errors and warnings together, in document order."""
        return _order(self.errors + self.warnings)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "errors": [finding_json(e) for e in self.errors],
            "warnings": [finding_json(e) for e in self.warnings],
        }
