"""Property test: a mutated config only ever ends in a ConfigError, never another exception."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labelcore.config import TAGS, LabelConfig, check_config, parse_config, validate_config
from labelcore.config.schema import schemas
from labelcore.errors import ConfigError

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "config"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*/config.xml"))]

ATTRS = sorted({a for spec in TAGS.values() for a in spec.attrs})
FRAGMENTS = st.one_of(
    st.sampled_from(
        [
            "<",
            ">",
            "/>",
            "</View>",
            "&",
            "&amp;",
            '"',
            "'",
            "$",
            "{{idx}}",
            "<!DOCTYPE x>",
            "<!ENTITY a 'b'>",
            "]]>",
            "<![CDATA[x]]>",
            "<?pi x?>",
            "<!-- c -->",
            ",",
            "\x00",
            "\ud800",
            "\U0001f600",
            "=",
            " ",
            "\n",
        ]
    ),
    st.sampled_from(sorted(TAGS)).map(lambda t: f"<{t}/>"),
    st.sampled_from(sorted(TAGS)).map(lambda t: f'<{t.lower()} name="x" toName="x" value="$x">'),
    st.sampled_from(ATTRS).map(lambda a: f' {a}="1"'),
    st.sampled_from(ATTRS).map(lambda a: f' {a}="true"'),
    st.text(max_size=12),
)


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "swap-values"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        if op == "insert":
            text = text[:i] + draw(FRAGMENTS) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(FRAGMENTS) + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text.replace(
                '"', '"' + draw(st.sampled_from(["$", "x", "", " ", "-1", "1e999", "nan"])), 1
            )
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_configs_end_in_config_errors_only(xml):
    findings = check_config(xml)
    errors = validate_config(xml)
    assert [e.message for e in errors] == [e.message for e in findings.errors]
    assert all(isinstance(e, ConfigError) and {"line", "col"} <= set(e.where) for e in findings.every)
    try:
        cfg = parse_config(xml)
    except ConfigError as exc:
        assert errors and exc.message == errors[0].message
        cfg = None
    if cfg is not None:
        assert not errors
        assert isinstance(cfg, LabelConfig)
        assert [w.message for w in cfg.warnings] == [w.message for w in findings.warnings]
        cfg.to_json()
        schemas(cfg)
    try:
        loose = parse_config(xml, validate=False)
    except ConfigError:
        return
    loose.to_json()
    schemas(loose)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_ends_in_config_errors_only(text):
    try:
        parse_config(text)
    except ConfigError as exc:
        assert "line" in exc.where
