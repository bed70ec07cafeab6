"""One test per kind of config finding: the message a person reads and where it points.

Errors refuse a config; warnings (what Label Studio accepts but is probably a mistake) are
reported beside it, in ``check_config``, ``cfg.warnings`` and ``to_json()["warnings"]``.
"""

import pytest

from labelcore.config import check_config, parse_config, validate_config
from labelcore.config.findings import KINDS
from labelcore.errors import ConfigError

IMG = '<Image name="img" value="$image"/>'
TXT = '<Text name="text" value="$text"/>'

# kind, config, line, col, words the message must contain
CASES = [
    (
        "not-xml",
        '<View>\n  <Image name="img" value="$image">\n</View>',
        3,
        3,
        "not well-formed XML: mismatched tag",
    ),
    ("not-xml", "just some words", 1, 1, "not well-formed XML: syntax error"),
    ("not-xml", "   ", 1, 1, "the config is empty"),
    ("not-xml", "<View>&boom;</View>", 1, 7, "undefined entity"),
    (
        "doctype",
        '<?xml version="1.0"?>\n<!DOCTYPE View [\n <!ENTITY a "aaaa">\n]>\n<View/>',
        2,
        1,
        "DOCTYPE declarations are not allowed",
    ),
    (
        "doctype",
        '<!DOCTYPE View SYSTEM "file:///etc/passwd">\n<View/>',
        1,
        1,
        "DOCTYPE declarations are not allowed",
    ),
    (
        "too-large",
        "<View>" + "<!-- padding -->" * 70000 + "</View>",
        1,
        1,
        "the limit is 1,048,576 bytes (1 MB)",
    ),
    ("too-deep", "<View>" * 80 + "</View>" * 80, 1, 385, "more than 64 levels deep"),
    ("not-text", "<View>\n\ud800</View>", 2, 1, "not valid Unicode text"),
    ("root", '<Labels name="x"/>', 1, 1, "the root tag must be <View>, not <Labels>"),
    (
        "unknown-tag",
        '<View>\n  <Imag name="img" value="$image"/>\n</View>',
        2,
        3,
        "unknown tag <Imag> (did you mean 'Image'?)",
    ),
    ("unknown-tag", "<View>\n<Zebra/>\n</View>", 2, 1, "unknown tag <Zebra>"),
    (
        "missing-attr",
        '<View>\n  <Image value="$image"/>\n</View>',
        2,
        3,
        "<Image> is missing the required attribute name",
    ),
    (
        "missing-attr",
        '<View>\n<Image name="img"/>\n</View>',
        2,
        1,
        "<Image> is missing the required attribute value or valueList",
    ),
    (
        "missing-attr",
        f'<View>{IMG}{TXT}\n<Choices name="c"><Choice value="A"/></Choices></View>',
        2,
        1,
        "<Choices> is missing the required attribute toName",
    ),
    (
        "missing-attr",
        f'<View>{IMG}{TXT}\n<Choices name="c" toNmae="img"><Choice value="A"/></Choices></View>',
        2,
        1,
        "<Choices> is missing the required attribute toName (is 'toNmae' a misspelling of it?)",
    ),
    (
        "bad-value",
        f'<View>{IMG}\n<Choices name="c" toName="img" choice="many"><Choice value="A"/></Choices></View>',
        2,
        32,
        "<Choices> attribute choice='many' must be one of 'single', 'single-radio', 'multiple'",
    ),
    (
        "bad-value",
        f'<View>{IMG}\n<Rating name="r" toName="img" maxRating="five"/></View>',
        2,
        31,
        "<Rating> attribute maxRating='five' expects a number",
    ),
    (
        "bad-value",
        f'<View>{IMG}\n<Choices name="c" toName="img" required="yes"><Choice value="A"/></Choices></View>',
        2,
        32,
        "attribute required='yes' must be true or false",
    ),
    (
        "bad-value",
        f'<View>{IMG}<RectangleLabels name="b" toName="img">\n<Label value="A" category="x"/>'
        "</RectangleLabels></View>",
        2,
        18,
        "<Label> attribute category='x' expects a number",
    ),
    (
        "bad-value",
        f'<View>{TXT}\n<Repeater on="pages"><Text name="t_{{{{idx}}}}" value="$t"/></Repeater></View>',
        2,
        11,
        "<Repeater> attribute on='pages' must name the task's data list to repeat over, e.g. on=\"$pages\"",
    ),
    (
        "duplicate-name",
        f'<View>{IMG}\n<Text name="img" value="$text"/></View>',
        2,
        7,
        "duplicate name 'img': already used by <Image> at line 1, col 7",
    ),
    (
        "unknown-toname",
        f'<View>{IMG}\n<Choices name="c" toName="imag"><Choice value="A"/></Choices></View>',
        2,
        19,
        "toName 'imag' names no object tag (did you mean 'img'?) (objects: img)",
    ),
    (
        "cannot-attach",
        f'<View>{TXT}\n<RectangleLabels name="b" toName="text"><Label value="A"/></RectangleLabels></View>',
        2,
        27,
        "<RectangleLabels name='b'> cannot label <Text name='text'>: RectangleLabels works with <Image>",
    ),
    (
        "misplaced-child",
        f'<View>{TXT}\n<Label value="A"/></View>',
        2,
        1,
        "<Label> cannot be inside <View>: it belongs inside",
    ),
    (
        "misplaced-child",
        f'<View>{IMG}<Choices name="c" toName="img">\n<Label value="A"/></Choices></View>',
        2,
        1,
        "<Label> cannot be inside <Choices>",
    ),
]


# Label Studio accepts these configs: we warn, and parse them.
WARNING_CASES = [
    (
        "duplicate-label",
        f'<View>{TXT}<Labels name="l" toName="text"><Label value="A"/>\n  <Label value="A"/></Labels></View>',
        2,
        10,
        "<Labels name='l'> has the label 'A' twice (first at line 1, col",
    ),
    (
        "hotkey-collision",
        f'<View>{TXT}<Labels name="l" toName="text"><Label value="A" hotkey="x"/>\n'
        '<Label value="B" hotkey="X"/></Labels></View>',
        2,
        18,
        "hotkey 'x' of <Label value='B'> is already used by <Label value='A'>",
    ),
    (
        "unknown-reference",
        f'<View>{TXT}<Labels name="l" toName="text"><Label value="A"/></Labels>\n'
        '<TextArea name="t" toName="text" whenTagName="label"/></View>',
        2,
        34,
        "whenTagName 'label' names no tag",
    ),
    (
        "unknown-reference",
        f'<View>{TXT}<Labels name="l" toName="text"><Label value="Person"/></Labels>\n'
        '<Choices name="c" toName="text" whenTagName="l" whenLabelValue="Persn"><Choice value="A"/></Choices></View>',
        2,
        49,
        "whenLabelValue 'Persn' is not a label of <Labels name='l'> (did you mean 'Person'?)",
    ),
    (
        "unknown-reference",
        f'<View>{IMG}<Choices name="c" toName="img"><Choice value="Yes"/></Choices>\n'
        '<View visibleWhen="choice-selected" whenTagName="c" whenChoiceValue="No"/></View>',
        2,
        53,
        "whenChoiceValue 'No' is not a label of <Choices name='c'>",
    ),
    (
        "repeater-name",
        f'<View>{TXT}<Repeater on="$pages">\n  <Image name="page" value="$pages[{{{{idx}}}}].url"/>'
        "</Repeater></View>",
        2,
        10,
        "<Image name='page'> is inside <Repeater on='$pages'> but its name lacks {{idx}}",
    ),
    (
        "repeater-name",
        '<View><Repeater on="$pages"><Image name="page_{{idx}}" value="$pages[{{idx}}].url"/>'
        '</Repeater>\n<Image name="page_2" value="$cover"/></View>',
        2,
        8,
        "<Image name='page_2'> has the name that <Image name='page_{{idx}}'> (line 1) takes for one of its items",
    ),
]


@pytest.mark.parametrize("kind,xml,line,col,words", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_error_kind_message_and_place(kind, xml, line, col, words):
    errors = validate_config(xml)
    assert errors, "the config should be refused"
    first = errors[0]
    assert isinstance(first, ConfigError)
    assert first.extra.get("kind") == kind
    assert words in first.message
    assert first.where == {"line": line, "col": col}
    with pytest.raises(ConfigError) as raised:
        parse_config(xml)
    assert raised.value.message == first.message and raised.value.where == first.where


@pytest.mark.parametrize(
    "kind,xml,line,col,words", WARNING_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(WARNING_CASES)]
)
def test_warning_kind_message_and_place(kind, xml, line, col, words):
    findings = check_config(xml)
    assert findings.ok and not findings.errors and validate_config(xml) == []
    first = findings.warnings[0]
    assert first.extra["kind"] == kind and first.extra["severity"] == "warning"
    assert words in first.message
    assert first.where == {"line": line, "col": col}
    cfg = parse_config(xml)  # accepted: the warnings travel with the parsed config
    assert cfg.warnings[0].message == first.message and cfg.warnings[0].where == first.where
    assert cfg.to_json()["warnings"][0] == {
        "severity": "warning",
        "kind": kind,
        "message": first.message,
        "where": first.where,
    }


def test_every_kind_is_covered_with_its_severity():
    assert {c[0] for c in CASES} == {k for k, v in KINDS.items() if v.severity == "error"}
    assert {c[0] for c in WARNING_CASES} == {k for k, v in KINDS.items() if v.severity == "warning"}


def test_validate_collects_all_errors_in_document_order():
    xml = (
        '<View>\n<Imag name="a" value="$a"/>\n<Text name="t" value="$t"/>\n'
        '<Choices name="c" toName="nope" choice="many"><Choice value="A"/><Choice value="A"/></Choices>\n'
        '<Text name="t" value="$u"/></View>'
    )
    errors = validate_config(xml)
    assert [e.extra["kind"] for e in errors] == [
        "unknown-tag",
        "unknown-toname",
        "bad-value",
        "duplicate-name",
    ]
    assert [e.where["line"] for e in errors] == [2, 4, 4, 5]
    findings = check_config(xml)
    assert [e.extra["kind"] for e in findings.warnings] == ["duplicate-label"]
    assert [e.extra["kind"] for e in findings.every] == [
        "unknown-tag",
        "unknown-toname",
        "bad-value",
        "duplicate-label",
        "duplicate-name",
    ]


def test_entity_bomb_is_refused_fast_without_expansion():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{"&lol%s;" % (i - 1 if i > 1 else "") * 10}">' for i in range(1, 10))
        + "]>\n<View>&lol9;</View>"
    )
    errors = validate_config(bomb)
    assert errors[0].extra["kind"] == "doctype"


def test_not_a_string_is_a_config_error():
    with pytest.raises(ConfigError, match="must be text, not bytes"):
        parse_config(b"<View/>")  # type: ignore[arg-type]


def test_validate_false_tolerates_reference_errors_but_not_bad_xml():
    cfg = parse_config(
        f'<View>{TXT}<Choices name="c" toName="nope"><Choice value="A"/></Choices><Zebra/></View>',
        validate=False,
    )
    assert cfg.controls["c"].to_name == ["nope"]
    with pytest.raises(ConfigError):
        parse_config("<View>", validate=False)


def test_a_config_with_errors_and_warnings_raises_the_first_error():
    xml = (
        f'<View>{TXT}<Labels name="l" toName="text"><Label value="A"/><Label value="A"/></Labels>\n'
        '<Choices name="c" toName="nope"><Choice value="B"/></Choices></View>'
    )
    with pytest.raises(ConfigError) as raised:
        parse_config(xml)
    assert raised.value.extra["kind"] == "unknown-toname" and raised.value.where["line"] == 2
    loose = parse_config(xml, validate=False)
    assert [w.kind for w in loose.warnings] == ["duplicate-label"]
