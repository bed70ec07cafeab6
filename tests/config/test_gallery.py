"""Real-world configs validate: our template gallery, and Label Studio's own gallery.

Label Studio's templates are read out of its pinned wheel (tests/label_studio.py; `build.py test`
downloads it into .cache/ once); they are never copied here. Label Studio accepts every one of
them: we must too (a few earn a warning).
"""

import pytest

from labelcore.config import check_config, parse_config
from labelcore.templates import get_template, list_templates
from tests.label_studio import SKIP_REASON, gallery, wheel

OURS = [t.name for t in list_templates()]


@pytest.mark.parametrize("name", OURS)
def test_our_template_validates_and_its_sample_task_has_every_data_key(name):
    template = get_template(name)
    findings = check_config(template.config)
    assert findings.every == [], [str(e) for e in findings.every]  # ours have no warnings either
    cfg = parse_config(template.config)
    data = template.task.get("data", template.task)
    for key in cfg.data_keys:
        value = data
        for part in key.split("."):
            assert isinstance(value, dict) and part in value, f"sample task of {name} lacks data key {key!r}"
            value = value[part]


def _ls_files() -> dict[str, bytes]:
    """Gallery folder name -> its config.yml, from Label Studio's wheel."""
    return {path.split("/")[-2]: data for path, data in gallery().items() if path.endswith("/config.yml")}


# Label Studio templates it accepts that we warn about, with the warning.
LS_WARNED = {
    "document-retrieval": ["<Choices name='selection'> has the label 'Two' twice"],
}


def _ls_configs() -> list[tuple[str, str]]:
    try:
        import yaml  # present where Label Studio is installed (and in the dev venv)
    except ImportError:  # pragma: no cover
        return []
    out = []
    for name, text in _ls_files().items():
        config = (yaml.safe_load(text.decode("utf-8")) or {}).get("config")
        if config:
            out.append((name, config))
    return out


LS_CONFIGS = _ls_configs()


@pytest.mark.skipif(not LS_CONFIGS, reason=SKIP_REASON)
@pytest.mark.parametrize("name,config", LS_CONFIGS, ids=[n for n, _ in LS_CONFIGS])
def test_label_studio_gallery_config_is_accepted_with_only_the_expected_warnings(name, config):
    findings = check_config(config)
    assert findings.errors == [], [str(e) for e in findings.errors]
    expected = LS_WARNED.get(name, [])
    assert len(findings.warnings) == len(expected), [str(w) for w in findings.warnings]
    for warning, words in zip(findings.warnings, expected):
        assert words in warning.message
    cfg = parse_config(config)
    assert [w.message for w in cfg.warnings] == [w.message for w in findings.warnings]


def test_label_studio_gallery_was_read_when_a_wheel_is_at_hand():
    if wheel() is None:
        pytest.skip(SKIP_REASON)
    assert len(LS_CONFIGS) >= 60 and set(LS_WARNED) <= {n for n, _ in LS_CONFIGS}
