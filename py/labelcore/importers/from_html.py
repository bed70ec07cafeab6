"""HTML / XML file: the whole file is one task (its text under the config's data key)."""

from __future__ import annotations

from typing import Iterable

from labelcore.importers.registry import Item, ParseContext, Parser, register_importer
from labelcore.importers.text import Utf8Stream


@register_importer("html", extensions=(".html", ".htm", ".xml"))
class HtmlParser(Parser):
    """An HTML or XML document as one task."""

    def __init__(self, ctx: ParseContext):
        super().__init__(ctx)
        self._stream = Utf8Stream()
        self._parts: list[str] = []

    def feed(self, chunk: bytes) -> Iterable[Item]:
        self._parts.append(self._stream.decode(chunk))
        return ()

    def close(self) -> Iterable[Item]:
        text = "".join(self._parts) + self._stream.decode(b"", final=True)
        if not text.strip():
            return ()
        return [({"path": "$"}, {"data": {self.ctx.key_for(): text}}, None)]
