"""Label Studio JSON -> model -> JSON loses nothing: unknown keys, key order, null vs absent."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from labelcore.model import RESULT_MODELS, TASK, VALUES, to_json

NUM = st.one_of(st.integers(-(10**6), 10**6), st.floats(allow_nan=False, allow_infinity=False, width=32))
PCT = st.one_of(st.integers(0, 100), st.floats(0, 100, width=32))
LABELS = st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=3)
JSONISH = st.recursive(
    st.none() | st.booleans() | NUM | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)

# one valid value per result type, built from strategies
VALUE_STRATEGIES = {
    "labels": st.fixed_dictionaries(
        {"start": st.integers(0, 50), "end": st.integers(50, 99), "labels": LABELS},
        optional={"text": st.text(max_size=10)},
    ),
    "hypertextlabels": st.fixed_dictionaries(
        {
            "start": st.just("/p[1]/text()[1]"),
            "end": st.just("/p[2]/text()[1]"),
            "startOffset": st.integers(0, 9),
            "endOffset": st.integers(0, 9),
            "globalOffsets": st.fixed_dictionaries({"start": st.integers(0, 9), "end": st.integers(9, 20)}),
            "hypertextlabels": LABELS,
        }
    ),
    "paragraphlabels": st.fixed_dictionaries(
        {
            "start": st.just("0"),
            "end": st.just("2"),
            "startOffset": st.integers(0, 5),
            "endOffset": st.integers(0, 5),
            "paragraphlabels": LABELS,
        }
    ),
    "timeserieslabels": st.fixed_dictionaries(
        {"start": NUM, "end": NUM, "instant": st.booleans(), "timeserieslabels": LABELS}
    ),
    "timelinelabels": st.fixed_dictionaries(
        {
            "ranges": st.lists(
                st.fixed_dictionaries({"start": st.integers(0, 9), "end": st.integers(9, 99)}),
                min_size=1,
                max_size=2,
            ),
            "timelinelabels": LABELS,
        }
    ),
    "choices": st.fixed_dictionaries({"choices": LABELS}),
    "taxonomy": st.fixed_dictionaries({"taxonomy": st.lists(LABELS, min_size=1, max_size=2)}),
    "textarea": st.fixed_dictionaries({"text": st.lists(st.text(max_size=10), max_size=2)}),
    "rating": st.fixed_dictionaries({"rating": st.integers(1, 5)}),
    "number": st.fixed_dictionaries({"number": NUM}),
    "datetime": st.fixed_dictionaries({"datetime": st.just("2024-03-02T10:11")}),
    "ranker": st.fixed_dictionaries(
        {"ranker": st.dictionaries(st.text(min_size=1, max_size=5), LABELS, max_size=2)}
    ),
    "pairwise": st.fixed_dictionaries({"selected": st.sampled_from(["left", "right"])}),
    "rectangle": st.fixed_dictionaries(
        {"x": PCT, "y": PCT, "width": PCT, "height": PCT}, optional={"rotation": NUM}
    ),
    "polygon": st.fixed_dictionaries(
        {"points": st.lists(st.lists(PCT, min_size=2, max_size=2), min_size=3, max_size=5)},
        optional={"closed": st.booleans()},
    ),
    "ellipse": st.fixed_dictionaries({"x": PCT, "y": PCT, "radiusX": PCT, "radiusY": PCT, "rotation": NUM}),
    "keypoint": st.fixed_dictionaries({"x": PCT, "y": PCT}, optional={"width": PCT}),
    "brush": st.fixed_dictionaries(
        {"format": st.just("rle"), "rle": st.lists(st.integers(0, 255), max_size=8)}
    ),
    "videorectangle": st.fixed_dictionaries(
        {
            "framesCount": st.integers(1, 500),
            "duration": NUM,
            "sequence": st.lists(
                st.fixed_dictionaries(
                    {
                        "frame": st.integers(1, 500),
                        "x": PCT,
                        "y": PCT,
                        "width": PCT,
                        "height": PCT,
                        "enabled": st.booleans(),
                        "time": NUM,
                        "rotation": NUM,
                    }
                ),
                max_size=2,
            ),
            "labels": LABELS,
        }
    ),
}
for _shape in ("rectangle", "polygon", "ellipse", "keypoint", "brush"):
    VALUE_STRATEGIES[_shape + "labels"] = st.tuples(VALUE_STRATEGIES[_shape], LABELS).map(
        lambda pair, key=_shape + "labels": {**pair[0], key: pair[1]}
    )


def test_every_result_type_has_a_strategy():
    assert set(VALUE_STRATEGIES) == set(VALUES)


@st.composite
def shuffled(draw, base: dict, extras: bool = True) -> dict:
    """``base`` with unknown keys (any JSON) added and keys in a random order."""
    items = list(base.items())
    if extras:
        items += list(
            draw(
                st.dictionaries(
                    st.sampled_from(["zz_custom", "ls_internal", "meta2", "origin2"]), JSONISH, max_size=2
                )
            ).items()
        )
    return dict(draw(st.permutations(items)))


@st.composite
def result_item(draw) -> dict:
    kind = draw(st.sampled_from(sorted(VALUES)))
    value = draw(shuffled(draw(VALUE_STRATEGIES[kind])))
    base = {
        "id": draw(st.text(min_size=1, max_size=6)),
        "type": kind,
        "from_name": "ctl",
        "to_name": "obj",
        "value": value,
    }
    optional = draw(
        st.dictionaries(
            st.sampled_from(["origin", "score", "original_width", "readonly", "parentID"]),
            st.none(),
            max_size=2,
        )
    )  # explicit nulls must stay nulls
    return draw(shuffled({**base, **optional}))


RELATION = st.builds(
    lambda d: {"type": "relation", "from_id": "a", "to_id": "b", "direction": d},
    st.sampled_from(["right", "left", "bi"]),
)
OTHER = st.just({"type": "vectorlabels", "from_name": "v", "to_name": "i", "value": {"vertices": [{"x": 1}]}})


@st.composite
def task(draw) -> dict:
    results = st.lists(result_item() | RELATION | OTHER, max_size=4)
    annotation = st.builds(
        lambda r, c, lt: {"result": r, "completed_by": c, "lead_time": lt},
        results,
        st.one_of(st.integers(1, 9), st.fixed_dictionaries({"email": st.just("a@b.c")})),
        st.none() | NUM,
    )
    prediction = st.builds(
        lambda r, s: {"result": r, "score": s, "model_version": "v1"}, results, st.none() | NUM
    )
    base = {"data": draw(st.dictionaries(st.text(max_size=6), JSONISH, max_size=3))}
    for key, strategy in (("annotations", annotation), ("predictions", prediction)):
        if draw(st.booleans()):
            base[key] = [draw(shuffled(item)) for item in draw(st.lists(strategy, max_size=2))]
    if draw(st.booleans()):
        base["id"] = draw(st.integers(1, 10**6) | st.text(min_size=1, max_size=5))
    return draw(shuffled(base))


@settings(max_examples=150, deadline=None)
@given(task())
def test_ls_json_to_model_to_json_is_lossless(data: dict):
    dumped = to_json(TASK.validate_python(data))
    assert dumped == data
    assert json.dumps(dumped) == json.dumps(data)  # key order, int vs float, null vs absent


@pytest.mark.parametrize("kind", sorted(RESULT_MODELS))
def test_each_result_type_validates_its_own_value_model(kind: str):
    assert RESULT_MODELS[kind].model_fields["type"].annotation.__args__ == (kind,)


@pytest.mark.parametrize(
    "value, where",
    [
        ({"x": True, "y": 1, "width": 1, "height": 1, "rectanglelabels": ["A"]}, ("value", "x")),
        ({"x": 1, "y": 1, "width": 1, "height": 1, "rectanglelabels": "A"}, ("value", "rectanglelabels")),
        ({"x": 1, "y": 1, "width": 1, "rectanglelabels": ["A"]}, ("value", "height")),
    ],
)
def test_wrong_shapes_are_refused(value: dict, where: tuple):
    item = {"id": "a", "type": "rectanglelabels", "from_name": "l", "to_name": "i", "value": value}
    with pytest.raises(ValidationError) as exc:
        TASK.validate_python({"data": {}, "annotations": [{"result": [item]}]})
    assert exc.value.errors()[0]["loc"][-2:] == where


def test_ints_stay_ints_and_strings_are_not_numbers():
    item = {"id": "a", "type": "rating", "from_name": "r", "to_name": "t", "value": {"rating": 4}}
    dumped = to_json(TASK.validate_python({"data": {}, "annotations": [{"result": [item]}]}))
    assert json.dumps(dumped["annotations"][0]["result"][0]["value"]) == '{"rating": 4}'
    with pytest.raises(ValidationError):
        TASK.validate_python({"data": {}, "annotations": [{"result": [{**item, "value": {"rating": "4"}}]}]})
