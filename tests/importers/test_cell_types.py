"""CSV cell types against pandas, which Label Studio reads CSV with:
``pd.read_csv(file, sep=sep).fillna('').to_dict('records')``."""

from __future__ import annotations

import io
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labelcore.importers.cell_types import ColumnTypes
from tests.importers.helpers import run_import

pd = pytest.importorskip("pandas")

# Cells pandas reads as int, float, bool, missing, or text; no separators, quotes or newlines.
TOKENS = [
    "0",
    "7",
    "-3",
    "+1",
    "007",
    " 12",
    "12\t",
    "9223372036854775807",
    "-9223372036854775808",
    "1.5",
    ".5",
    "5.",
    "-0.0",
    "1e3",
    "1E-5",
    "1.e5",
    "1e",
    "1_000",
    "0x10",
    "True",
    "false",
    "TRUE",
    "True ",
    "yes",
    "",
    "NA",
    "null",
    "None",
    "NaN",
    "n/a",
    "#N/A",
    " NA",
    "  ",
    "text",
    "A1",
    "-",
    ".",
]


def pandas_rows(text: str) -> list[dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.read_csv(io.StringIO(text)).fillna("").to_dict("records")


def ours(text: str, chunk: int = 0) -> list[dict]:
    report = run_import(text.encode(), "cells.csv", config_xml=None, chunk=chunk)
    assert report.ok, [str(e) for e in report.errors]
    return [t["data"] for t in report.tasks]


def same(a: list[dict], b: list[dict]) -> bool:
    """Equal values of equal types (1 == 1.0 == True in Python; JSON tells them apart)."""
    return [[(type(v).__name__, v) for v in row.values()] for row in a] == [
        [(type(v).__name__, v) for v in row.values()] for row in b
    ]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=4), min_size=2, max_size=3),
    st.sampled_from([0, 5]),
)
def test_columns_are_typed_as_pandas_types_them(columns: list[list[str]], chunk: int):
    rows = max(len(c) for c in columns)
    cells = [[c[r % len(c)] for c in columns] for r in range(rows)]
    header = ",".join(f"c{i}" for i in range(len(columns)))
    text = header + "\n" + "".join(",".join(row) + "\n" for row in cells)
    expected = pandas_rows(text)
    got = ours(text, chunk)
    assert same(got, expected), (text, got, expected)


def test_a_column_pandas_reads_as_infinity_keeps_its_text():
    # JSON has no infinity: the deliberate difference from pandas (which gives inf).
    text = "a,b,c\n1,inf,x\n2.5,1,y\n1e400,-Infinity,z\n"
    assert ours(text) == [
        {"a": "1", "b": "inf", "c": "x"},
        {"a": "2.5", "b": "1", "c": "y"},
        {"a": "1e400", "b": "-Infinity", "c": "z"},
    ]


def test_a_column_with_an_integer_outside_int64_keeps_its_text():
    # pandas answers uint64, Python ints, floats or strings here, by version and by the other cells.
    text = "a,b,c\n9223372036854775808,1,1.5\n1,2,-9223372036854775809\n"
    assert ours(text) == [
        {"a": "9223372036854775808", "b": 1, "c": "1.5"},
        {"a": "1", "b": 2, "c": "-9223372036854775809"},
    ]


def test_types_are_per_column_and_missing_integers_make_floats():
    types = ColumnTypes(["n", "m", "f", "b", "t", "e"])
    for cells in (["1", "1", "1.5", "True", "x", ""], ["2", "", "2", "false", "3", "NA"]):
        types.observe(cells)
    assert types.types() == {"n": "int", "m": "float", "f": "float", "b": "bool", "t": "text", "e": "text"}


def test_tsv_cells_are_typed_too():
    report = run_import(b"text\tn\tok\nhello, world\t3\tTRUE\nbye\t4\tFALSE\n", "a.tsv")
    assert [t["data"] for t in report.tasks] == [
        {"text": "hello, world", "n": 3, "ok": True},
        {"text": "bye", "n": 4, "ok": False},
    ]


def test_a_preview_of_the_head_keeps_strings_until_the_file_ends():
    from labelcore.config import parse_config
    from labelcore.importers import ImportSession

    session = ImportSession(parse_config("<View><Text name='t' value='$text'/></View>"), filename="a.csv")
    session.feed(b"text,n\nhello,1\n")
    assert session.tasks == [{"data": {"text": "hello", "n": "1"}}]
    assert session.finish().tasks == [{"data": {"text": "hello", "n": 1}}]
