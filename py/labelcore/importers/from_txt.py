"""TXT: one line, one task (``$undefined$`` -> the config's data key); blank lines skipped."""

from __future__ import annotations

from labelcore.importers.lines import LineParser
from labelcore.importers.registry import Item, register_importer


@register_importer("txt", extensions=(".txt",))
class TxtParser(LineParser):
    """Plain text: a task per non-blank line."""

    def line(self, number: int, text: str) -> Item:
        return {"line": number}, {"data": {self.ctx.key_for(): text}}, None
