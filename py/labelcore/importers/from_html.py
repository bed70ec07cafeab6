"""HTML / XML file: the whole file is one task (its text under the config's data key)."""

from __future__ import annotations

from collections.abc import Iterable

from labelcore.importers.registry import Item, Parser, register_importer
from labelcore.importers.text import WholeText


@register_importer("html", extensions=(".html", ".htm", ".xml"))
class HtmlParser(WholeText, Parser):
    """An HTML or XML document as one task."""

    def close(self) -> Iterable[Item]:
        text = self.whole_text()
        if not text.strip():
            return ()
        return [({"path": "$"}, {"data": {self.ctx.key_for(): text}}, None)]
