"""JSONL: one JSON task (or bare data object) per line."""

from __future__ import annotations

import json

from labelcore.importers.from_json import json_problem
from labelcore.importers.items import task_from_item
from labelcore.importers.lines import LineParser
from labelcore.importers.registry import Item, register_importer


@register_importer("jsonl", extensions=(".jsonl", ".ndjson"))
class JsonlParser(LineParser):
    """JSON Lines: a task per line."""

    _count = 0

    def line(self, number: int, text: str) -> Item:
        where = {"line": number, "path": f"$[{self._count}]"}
        self._count += 1
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            return where, None, f"the line is not valid JSON: {json_problem(exc, line=False)}"
        task, error = task_from_item(item, self.ctx.key_for, f"line {number}")
        return where, task, error
