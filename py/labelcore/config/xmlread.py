"""Read config XML safely into a small tree that remembers line and column.

Only the stdlib's expat is used, so this runs the same in CPython and Pyodide.
Documents with a DTD or entity declarations are refused before any tree is
built (no XXE, no entity bombs); so are documents over :data:`MAX_BYTES`,
nested deeper than :data:`MAX_DEPTH`, or that are not well-formed XML. Every
refusal is a :class:`ConfigError` with a ``{"line", "col"}`` (1-based).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from labelcore.errors import ConfigError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64


@dataclass
class Node:
    """One XML element: its tag as written, attributes as written, children and text."""

    tag: str
    attrs: dict[str, str]
    line: int
    col: int
    children: list[Node] = field(default_factory=list)
    text: str = ""
    attr_places: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def where(self) -> dict[str, int]:
        return {"line": self.line, "col": self.col}

    def where_attr(self, name: str) -> dict[str, int]:
        """Where attribute ``name`` (any case) is written; the element's place when it is absent."""
        line, col = self.attr_places.get(name.lower(), (self.line, self.col))
        return {"line": line, "col": col}

    def iter(self):
        """This node and every node below it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


_ATTR = re.compile(rb"""\s+([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')""")
_TAG_NAME = re.compile(rb"<[^\s/>]+")


def _attr_places(data: bytes, start: int, line: int, col: int) -> dict[str, tuple[int, int]]:
    """Line and column of each attribute of the start tag at byte ``start`` (names lowercased)."""
    places: dict[str, tuple[int, int]] = {}
    match = _TAG_NAME.match(data, start)
    if start < 0 or match is None:
        return places
    pos = match.end()
    while (attr := _ATTR.match(data, pos)) is not None:
        name_at = attr.start(1)
        before = data[start:name_at]
        newlines = before.count(b"\n")
        if newlines:
            at_col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        else:
            at_col = col + len(before.decode("utf-8", "replace"))
        places.setdefault(attr.group(1).decode("utf-8", "replace").lower(), (line + newlines, at_col))
        pos = attr.end()
    return places


class _Refused(Exception):
    """Raised inside an expat handler to stop at once; turned into a ConfigError."""

    def __init__(self, message: str, line: int, col: int, kind: str):
        super().__init__(message)
        self.message, self.line, self.col, self.kind = message, line, col, kind


class _Builder:
    def __init__(self, parser: Any, data: bytes):
        self.parser = parser
        self.data = data
        self.stack: list[Node] = []
        self.root: Node | None = None
        self.text_parts: list[list[str]] = []

    def _here(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        line, col = self._here()
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(f"the config nests tags more than {MAX_DEPTH} levels deep", line, col, "too-deep")
        node = Node(
            tag,
            dict(attrs),
            line,
            col,
            attr_places=_attr_places(self.data, self.parser.CurrentByteIndex, line, col),
        )
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)
        self.text_parts.append([])

    def end(self, tag: str) -> None:
        node = self.stack.pop()
        node.text = "".join(self.text_parts.pop()).strip()

    def chars(self, data: str) -> None:
        if self.text_parts:
            self.text_parts[-1].append(data)

    def doctype(self, *args: Any) -> None:
        line, col = self._here()
        raise _Refused(
            "DOCTYPE declarations are not allowed in a labeling config (remove the <!DOCTYPE ...>)",
            line,
            col,
            "doctype",
        )

    def entity(self, *args: Any) -> None:
        line, col = self._here()
        raise _Refused("ENTITY declarations are not allowed in a labeling config", line, col, "doctype")


def _position(text: str, index: int) -> dict[str, int]:
    """1-based line and column of ``text[index]``."""
    return {"line": text.count("\n", 0, index) + 1, "col": index - (text.rfind("\n", 0, index) + 1) + 1}


def read_xml(text: str) -> Node:
    """Parse ``text`` into a :class:`Node` tree, or raise :class:`ConfigError`."""
    if not isinstance(text, str):
        raise ConfigError(
            f"a labeling config must be text, not {type(text).__name__}",
            {"line": 1, "col": 1},
            kind="not-text",
        )
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ConfigError(
            "the config contains a character that is not valid Unicode text",
            _position(text, exc.start),
            kind="not-text",
        ) from None
    if len(data) > MAX_BYTES:
        raise ConfigError(
            f"the config is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes (1 MB)",
            {"line": 1, "col": 1},
            kind="too-large",
        )
    if not text.strip():
        raise ConfigError(
            "the config is empty: it must be XML with a <View> root", {"line": 1, "col": 1}, kind="not-xml"
        )
    parser = expat.ParserCreate(encoding="utf-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    builder = _Builder(parser, data)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.chars
    parser.StartDoctypeDeclHandler = builder.doctype
    parser.EntityDeclHandler = builder.entity
    parser.ExternalEntityRefHandler = lambda *args: 0
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        where = {"line": exc.line, "col": exc.col}
        start = text.find("<!DOCTYPE")
        if exc.kind == "doctype" and start >= 0:  # point at the declaration, not where expat noticed it
            where = _position(text, start)
        raise ConfigError(exc.message, where, kind=exc.kind) from None
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code) if exc.code else str(exc)
        raise ConfigError(
            f"the config is not well-formed XML: {message}",
            {"line": exc.lineno, "col": exc.offset + 1},
            kind="not-xml",
        ) from None
    if builder.root is None:  # pragma: no cover - expat reports "no element found" first
        raise ConfigError(
            "the config has no root element: it must be <View>", {"line": 1, "col": 1}, kind="not-xml"
        )
    return builder.root
