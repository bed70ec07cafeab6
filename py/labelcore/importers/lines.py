"""A base for importers that read one item per line (TXT, JSONL, URL lists)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from labelcore.importers.registry import Item, ParseContext, Parser
from labelcore.importers.text import LineSplitter


class LineParser(Parser):
    """Calls :meth:`line` for each non-blank line (numbered from 1, ``\\r\\n`` allowed)."""

    def __init__(self, ctx: ParseContext):
        super().__init__(ctx)
        self._lines = LineSplitter()
        self._number = 0

    def feed(self, chunk: bytes) -> Iterable[Item]:
        return self._items(self._lines.feed(chunk))

    def close(self) -> Iterable[Item]:
        return self._items(self._lines.feed(b"", final=True))

    def _items(self, text: str) -> Iterator[Item]:
        if not text:
            return
        lines = text.split("\n")
        if text.endswith("\n"):
            lines.pop()
        for raw in lines:
            self._number += 1
            value = raw.rstrip("\r")
            if value.strip():
                yield self.line(self._number, value)

    def line(self, number: int, text: str) -> Item:
        raise NotImplementedError
