"""JSON: a list of tasks or one task; an item without ``data`` is the data itself.

JSON is not streamed: the bytes are gathered and parsed at :meth:`close`
(a malformed file is reported with its line and column).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from labelcore.errors import DataError
from labelcore.importers.items import task_from_item
from labelcore.importers.registry import Item, Parser, register_importer
from labelcore.importers.text import WholeText


def json_problem(exc: json.JSONDecodeError, *, line: bool = True) -> str:
    """The decoder's message as a sentence: its own ends in "at" before the place it points to
    ("Unterminated string starting at"), which ``exc.msg`` leaves out."""
    place = f"line {exc.lineno}, column {exc.colno}" if line else f"column {exc.colno}"
    return f"{exc.msg} {place}" if exc.msg.endswith(" at") else f"{exc.msg} (at {place})"


@register_importer("json", extensions=(".json",))
class JsonParser(WholeText, Parser):
    """Label Studio JSON: a task list (with annotations and predictions) or one task."""

    def close(self) -> Iterator[Item]:
        text = self.whole_text()
        if not text.strip():
            return
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            where = {"line": exc.lineno, "col": exc.colno}
            raise DataError(f"the file is not valid JSON: {json_problem(exc)}", where) from None
        if isinstance(doc, list):
            for i, item in enumerate(doc):
                task, error = task_from_item(item, self.ctx.key_for, f"the item at index {i}")
                yield {"path": f"$[{i}]"}, task, error
        else:
            task, error = task_from_item(doc, self.ctx.key_for, "the file's one value")
            yield {"path": "$"}, task, error
