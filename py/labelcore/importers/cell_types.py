"""CSV/TSV cell values typed the way Label Studio types them.

Label Studio reads a CSV or TSV upload with pandas (``read_csv(...).fillna('')``
then ``to_dict('records')``), so a task's data values are not all strings; each
COLUMN gets one type from all of its cells:

- a missing-value cell (empty, or one of pandas' markers ``NA``, ``N/A``,
  ``null``, ``None``, ``NaN``, ``#N/A`` ... exactly, see :data:`NA`) becomes ``''``
  in every column;
- a column of integers (``7``, ``-3``, ``+1``, ``007``; spaces or tabs around
  allowed) gives ``int``s; with a missing cell among them pandas reads the
  column as float, so the numbers become floats (``1.0``) and the missing ones ``''``;
- a column of numbers with any decimal point or exponent (``1.5``, ``.5``, ``1e3``)
  gives ``float``s;
- a column of ``True``/``true``/``TRUE``/``False``/``false``/``FALSE`` gives ``bool``s;
- any other cell (text, ``1,000``, ``0x10``, `` True``) keeps the whole column as
  strings, as do numbers mixed with booleans.

Two deliberate differences:

- JSON has no infinity, so a column holding ``inf``, ``Infinity`` or a number too
  large for a float (``1e400``), which pandas reads as ``inf``, keeps its text
  (Label Studio cannot store such a task either);
- a column holding an integer outside int64 keeps its text: pandas' answer there
  depends on its version and on the other cells (uint64, Python ints, floats or
  strings), and a browser could not hold such a number exactly anyway.

A column's type is only known after its last cell, so :class:`ColumnTypes`
watches the rows as they stream by (:meth:`observe`) and converts the kept
row dicts in place at the end (:meth:`apply`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

NA = frozenset(
    {
        "",
        "#N/A",
        "#N/A N/A",
        "#NA",
        "-1.#IND",
        "-1.#QNAN",
        "-NaN",
        "-nan",
        "1.#IND",
        "1.#QNAN",
        "<NA>",
        "N/A",
        "NA",
        "NULL",
        "NaN",
        "None",
        "n/a",
        "nan",
        "null",
    }
)
BOOLS = {"True": True, "true": True, "TRUE": True, "False": False, "false": False, "FALSE": False}
_INT = re.compile(r"[ \t]*[+-]?[0-9]+[ \t]*").fullmatch
_FLOAT = re.compile(r"[ \t]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t]*").fullmatch
INT64 = range(-(2**63), 2**63)

INT, FLOAT, BOOL, TEXT = "int", "float", "bool", "text"


def row_dict(columns: list[str], cells: list[str]) -> dict[str, str]:
    """The row as a data dict, every missing-value cell ('NA', 'null', ...) as ''."""
    if NA.isdisjoint(cells):
        return dict(zip(columns, cells))
    return {k: "" if v in NA else v for k, v in zip(columns, cells)}


def _after(kind: str | None, cell: str) -> str:
    """A column's type after one more (not missing) cell."""
    if _INT(cell):
        if len(cell) >= 19 and int(cell) not in INT64:
            return TEXT
        return INT if kind in (None, INT) else FLOAT if kind == FLOAT else TEXT
    if _FLOAT(cell) and not math.isinf(float(cell)):
        return FLOAT if kind in (None, INT, FLOAT) else TEXT
    if cell in BOOLS:
        return BOOL if kind in (None, BOOL) else TEXT
    return TEXT


class ColumnTypes:
    """The type each column of a delimited file takes, learned row by row."""

    def __init__(self, columns: list[str]):
        self.columns = columns
        self.kind: list[str | None] = [None] * len(columns)  # None: only missing cells so far
        self.missing = [False] * len(columns)
        self.open = list(range(len(columns)))  # columns that may still turn out numeric or boolean
        self.rows: list[dict[str, Any]] = []  # the data dicts :meth:`apply` converts

    def observe(self, cells: list[str]) -> None:
        """Learn from one row's cells (only needed while :attr:`open` lists a column)."""
        dropped = False
        kind = self.kind
        for i in self.open:
            cell = cells[i]
            if cell in NA:
                self.missing[i] = True
                continue
            kind[i] = now = _after(kind[i], cell)
            if now == TEXT:
                dropped = True
        if dropped:
            self.open = [i for i in self.open if kind[i] != TEXT]

    def types(self) -> dict[str, str]:
        """Each column's final type: int, float, bool or text (a column of missing cells only: text)."""
        out = {}
        for name, kind, missing in zip(self.columns, self.kind, self.missing):
            if kind == INT and missing:
                kind = FLOAT
            out[name] = kind or TEXT
        return out

    def apply(self) -> None:
        """Convert the typed columns of every observed row in place (missing cells are already '')."""
        for name, kind in self.types().items():
            if kind != TEXT:
                self._convert(name, kind)
        self.rows = []

    def _convert(self, name: str, kind: str) -> None:
        rows = self.rows
        to: Callable[[str], Any] = int if kind == INT else float if kind == FLOAT else BOOLS.__getitem__
        for row in rows:
            cell = row[name]
            if cell != "":
                row[name] = to(cell)
