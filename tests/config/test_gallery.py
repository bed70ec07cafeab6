"""Real-world configs validate: our template gallery, and Label Studio's own gallery when it is at hand.

Label Studio's templates are read from an installed ``label_studio`` package, or from the folder
named by LABEL_STUDIO_TEMPLATES (its ``annotation_templates``); they are never copied here.
"""

import importlib.util
import os
from pathlib import Path

import pytest

from labelcore.config import parse_config, validate_config
from labelcore.templates import get_template, list_templates

OURS = [t.name for t in list_templates()]


@pytest.mark.parametrize("name", OURS)
def test_our_template_validates_and_its_sample_task_has_every_data_key(name):
    template = get_template(name)
    assert validate_config(template.config) == []
    cfg = parse_config(template.config)
    data = template.task.get("data", template.task)
    for key in cfg.data_keys:
        value = data
        for part in key.split("."):
            assert isinstance(value, dict) and part in value, f"sample task of {name} lacks data key {key!r}"
            value = value[part]


def _ls_templates() -> Path | None:
    if os.environ.get("LABEL_STUDIO_TEMPLATES"):
        return Path(os.environ["LABEL_STUDIO_TEMPLATES"])
    spec = importlib.util.find_spec("label_studio")
    if spec and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))) / "annotation_templates"
    return None


# Label Studio templates that are genuinely invalid, with the error we give them.
LS_KNOWN_INVALID = {
    "document-retrieval": "<Choices name='selection'> has the label 'Two' twice",
}


def _ls_configs() -> list[tuple[str, str]]:
    root = _ls_templates()
    if root is None or not root.is_dir():
        return []
    import yaml  # only present where Label Studio is installed

    out = []
    for path in sorted(root.glob("**/config.yml")):
        config = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("config")
        if config:
            out.append((path.parent.name, config))
    return out


LS_CONFIGS = _ls_configs()


@pytest.mark.skipif(not LS_CONFIGS, reason="Label Studio's templates are not available "
                    "(install label-studio or set LABEL_STUDIO_TEMPLATES)")
@pytest.mark.parametrize("name,config", LS_CONFIGS, ids=[n for n, _ in LS_CONFIGS])
def test_label_studio_gallery_config_validates(name, config):
    errors = validate_config(config)
    if name in LS_KNOWN_INVALID:
        assert [e.message for e in errors if LS_KNOWN_INVALID[name] in e.message]
    else:
        assert errors == [], [str(e) for e in errors]
