"""The exporters' fast paths give what the plain way gives: the guarded Treebank rules vs NLTK's
tokenizer as Label Studio patches it, the tagging loop vs a plain one, the reused C JSON encoder vs
``json.dumps``, plain paths vs ``urlparse``, and the GC pause leaves the collector as it found it."""

from __future__ import annotations

import gc
import json
import posixpath
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from labelcore.config import parse_config
from labelcore.exporters import ExportOptions, run_export
from labelcore.exporters.conll2003 import tag_tokens
from labelcore.exporters.jsonutil import _dumps, compact
from labelcore.exporters.media import file_name
from labelcore.exporters.treebank import span_tokenize

# Pieces that exercise every Treebank rule, the contractions and the case-folding traps.
PIECES = list("ab cdN'\"`.,:;?!/()[]{}<>-&$%@#01\t\n") + [
    "can",
    "not",
    "gon",
    "na",
    "'t",
    "is",
    "was",
    "'s",
    "n't",
    "...",
    "--",
    "''",
    "``",
    "  ",
    "é",
    "𝒳",
    "ſ",
    "K",
    "İ",
    "ı",
    "gimme",
    "Wanna ",
    "more'n",
    "d'ye",
    "GOTTA",
    "lemme",
    " 'Tis",
    " 'twas",
    "'LL",
    "cannot",
    "gonna",
    "gotta",
    "lemme",
]
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


def example_each(values: list[str]) -> Any:
    def add(test: Any) -> Any:
        for value in values:
            test = example(text=value)(test)
        return test

    return add


def _spans_or_error(func: Any, text: str) -> Any:
    try:
        return list(func(text))
    except ValueError as exc:
        return type(exc)


TRICKY = [
    "He cannot go.",
    "D'ye gımme it?",
    "We're gonna, gotta LEMME see",
    "more'n wanna go",
    "x 'tıs y 'twaſ z",
    '"Hi" (she) said -- [ok] {1/2} 5% & #3 @me...',
    "it's 'quoted' ``x'' end.",
    "GIMME Cannot WANNA\tgo:now, 1,000",
]


@pytest.fixture(scope="module")
def label_studio_tokenizer() -> Any:
    pytest.importorskip("label_studio_sdk.converter.utils")  # patches NLTK's punctuation rules as LS does
    from nltk.tokenize.treebank import TreebankWordTokenizer  # noqa: PLC0415

    return TreebankWordTokenizer()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
@example_each(TRICKY)
def test_treebank_spans_match_label_studios_tokenizer(label_studio_tokenizer: Any, text: str) -> None:
    assert _spans_or_error(span_tokenize, text) == _spans_or_error(label_studio_tokenizer.span_tokenize, text)


def plain_tags(text: str, spans: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The tagging rule written the slow, obvious way (ASCII text: offsets are indexes)."""
    tokens = span_tokenize(text)
    ranges = sorted(((s["start"], s["end"], s["labels"]) for s in spans), key=lambda r: r[0])
    out, j, prefix = [], 0, "B-"
    for a, b in tokens:
        while j < len(ranges) and ranges[j][1] <= a:
            j += 1
            prefix = "B-"
        if j < len(ranges) and ranges[j][0] < b and ranges[j][2]:
            out.append((text[a:b], prefix + ranges[j][2][0]))
            prefix = "I-"
        else:
            out.append((text[a:b], "O"))
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab .,'-", max_size=40),
    st.lists(
        st.tuples(st.integers(0, 45), st.integers(0, 12), st.sampled_from([[], ["PER"], ["LOC", "X"]])),
        min_size=1,
        max_size=5,
    ),
)
def test_tagging_matches_the_plain_loop(text: str, raw: list[tuple[int, int, list[str]]]) -> None:
    spans = [{"start": s, "end": s + n, "labels": labels} for s, n, labels in raw]
    assert tag_tokens(text, spans) == plain_tags(text, spans)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=120, deadline=None)
@given(json_values)
def test_reused_encoders_write_what_json_dumps_writes(value: Any) -> None:
    assert _dumps(value) == json.dumps(value, ensure_ascii=False)
    assert compact(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="/ab?#;:%\t\r\n.é[]@", max_size=12))
def test_plain_paths_name_files_as_urlparse_does(tail: str) -> None:
    ref = "/" + tail
    try:
        name = posixpath.basename(unquote(urlparse(ref).path).replace("\\", "/"))
    except ValueError as exc:  # "//[": not a URL urlparse accepts, in both ways
        with pytest.raises(type(exc)):
            file_name(ref, ExportOptions())
        return
    assert file_name(ref, ExportOptions()) == (name or ref.rsplit("/", 1)[-1] or "file")


@pytest.mark.parametrize("enabled", [True, False])
def test_export_leaves_the_collector_as_it_was(enabled: bool) -> None:
    config = parse_config(
        '<View><Text name="t" value="$text"/><Choices name="c" toName="t">'
        '<Choice value="A"/></Choices></View>'
    )
    tasks = [{"id": 1, "data": {"text": "x"}, "annotations": [{"id": 1, "result": []}]}]
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        run_export("CSV", tasks, config)
        assert gc.isenabled() is enabled
        with pytest.raises(Exception):  # noqa: B017 - any failure: what is checked is gc's state after it
            run_export("CSV", [{"id": 1}], config)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
