"""Delimited text (CSV, TSV): the header row gives the data keys, each row after it a task.

Rows are numbered as a spreadsheet shows them: the header is row 1, and a
cell with a quoted newline does not start a new row. Records never break
across chunks: a chunk is cut at the last newline outside quotes (an even
number of ``"`` before it); the rest waits for the next chunk. A stray quote
only delays the cut, and the strict ``csv`` reader reports a quote left open.

Cells are typed as Label Studio (pandas) types them, column by column: numbers,
booleans, missing values as '' (see :mod:`labelcore.importers.cell_types`). A
column's type is known at the end of the file, so the row dicts handed out are
converted in place by :meth:`close`; until then (a preview) they hold strings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from labelcore.errors import DataError
from labelcore.importers.cell_types import ColumnTypes, row_dict
from labelcore.importers.registry import Item, ParseContext, Parser
from labelcore.importers.text import Utf8Stream


def _cut(text: str) -> int:
    """The end of the last complete record in ``text`` (0 if none)."""
    quotes = text.count('"')
    end = len(text)
    while True:
        nl = text.rfind("\n", 0, end)
        if nl < 0:
            return 0
        quotes -= text.count('"', nl, end)
        if quotes % 2 == 0:
            return nl + 1
        end = nl


class DelimitedParser(Parser):
    """Subclasses set :attr:`delimiter` or override :meth:`sniff`."""

    delimiter = ","

    def __init__(self, ctx: ParseContext):
        super().__init__(ctx)
        self._stream = Utf8Stream()
        self._tail = ""
        self._row = 0
        self._dialect: dict[str, Any] | None = None
        self._types: ColumnTypes | None = None

    def sniff(self, header_line: str) -> str:
        return self.delimiter

    def feed(self, chunk: bytes) -> Iterable[Item]:
        text = self._tail + self._stream.decode(chunk)
        cut = _cut(text)
        self._tail = text[cut:]
        return self._records(text[:cut], final=False)

    def close(self) -> Iterable[Item]:
        text = self._tail + self._stream.decode(b"", final=True)
        self._tail = ""
        yield from self._records(text, final=True)
        if self._types is not None:
            self._types.apply()

    def _records(self, text: str, final: bool) -> Iterator[Item]:
        if not text:
            return
        if self._dialect is None:
            first = text.split("\n", 1)[0]
            self._dialect = {"delimiter": self.sniff(first), "strict": True}
        reader = csv.reader(io.StringIO(text, newline=""), **self._dialect)
        try:
            for cells in reader:
                self._row += 1
                if self.columns is None:
                    self._header(cells)
                elif cells:
                    yield self._task(cells)
        except csv.Error as exc:
            raise DataError(
                f"row {self._row + 1} is not valid {self.name.upper()}: {exc}", {"row": self._row + 1}
            ) from None

    def _header(self, cells: list[str]) -> None:
        seen: dict[str, int] = {}
        for i, name in enumerate(cells, 1):
            if not name.strip():
                raise DataError(
                    f"column {i} of the header row has no name; every column needs one "
                    f"(it becomes a data key)",
                    {"row": 1, "col": i},
                )
            if name in seen:
                raise DataError(
                    f"column {name!r} appears twice in the header row (columns {seen[name]} and {i})",
                    {"row": 1, "col": i},
                )
            seen[name] = i
        self.columns = cells
        self._types = ColumnTypes(cells)
        self.ctx.on_columns(cells)

    def _task(self, cells: list[str]) -> Item:
        columns = self.columns or []
        if len(cells) != len(columns):
            return (
                {"row": self._row},
                None,
                f"the row has {len(cells)} cell{'s' * (len(cells) != 1)} but the header has "
                f"{len(columns)} columns ({', '.join(columns)})",
            )
        row = row_dict(columns, cells)
        types = self._types
        if types is not None:
            types.rows.append(row)
            if types.open:
                types.observe(cells)
        return {"row": self._row}, {"data": row}, None
