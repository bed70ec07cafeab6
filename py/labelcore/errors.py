"""The one error family the core raises.

Every error a person can act on is a :class:`LabelcoreError`. It carries a
``where`` mapping that says where the problem is: ``{"line": 3, "col": 5}`` for
a config, ``{"row": 12}`` for a CSV row, ``{"path": "$[3].annotations[0]"}`` for
a JSON item. The bridge turns it into ``{type, message, where}`` unchanged.
"""

from __future__ import annotations

from typing import Any


class LabelcoreError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: str, where: dict[str, Any] | None = None, **extra: Any):
        super().__init__(message)
        self.message = message
        self.where: dict[str, Any] = dict(where or {})
        self.extra: dict[str, Any] = extra

    @property
    def type(self) -> str:
        return type(self).__name__

    def location(self) -> str:
        """``line 3, col 5`` / ``row 12`` / ``$[3]``: the ``where`` as a person reads it."""
        parts = []
        if "line" in self.where:
            parts.append(f"line {self.where['line']}")
            if "col" in self.where:
                parts.append(f"col {self.where['col']}")
        if "row" in self.where:
            parts.append(f"row {self.where['row']}")
        if "path" in self.where:
            parts.append(str(self.where["path"]))
        return ", ".join(parts)

    def __str__(self) -> str:
        loc = self.location()
        return f"{loc}: {self.message}" if loc else self.message

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "message": self.message, "where": self.where}
        if self.extra:
            out["details"] = self.extra
        return out


class ConfigError(LabelcoreError):
    """A labeling config that is not XML, or not a valid Label Studio config."""


class DataError(LabelcoreError):
    """Task data, annotations or predictions that do not fit the model or the config."""


class FormatError(LabelcoreError):
    """An import or export format that is unknown or cannot serve this project."""


class BridgeError(LabelcoreError):
    """A bridge request that names no op or whose arguments do not fit the op."""
