"""Label Studio's own gallery configs must validate with our parser.

Reads every config.yml's config block and every config.xml straight out of Label Studio's pinned
wheel (tests/label_studio.py; `build.py test` downloads it into .cache/ once). Nothing from the
wheel is copied into the repo. Set ``LABELCORE_LS_WHEEL`` to point at another wheel.
"""

from __future__ import annotations

import pytest

from labelcore.config import parse_config
from labelcore.errors import ConfigError
from tests.label_studio import SKIP_REASON, gallery

# Accepted by Label Studio, and by us with a warning (the config works; it is probably a mistake).
WARNED = {
    "ranking-and-scoring/document-retrieval/config.yml": "<Choices name='selection'> has the label 'Two' twice",
}


def config_block(yml: str) -> str | None:
    """The ``config: |`` literal block of a gallery ``config.yml`` (no YAML library needed)."""
    lines = yml.splitlines()
    for start, line in enumerate(lines):  # noqa: B007 - start is read after the loop
        if line.rstrip() in ("config: |", "config: |-", "config: |+"):
            break
    else:
        return None
    body = []
    for line in lines[start + 1 :]:
        if line.strip() and not line.startswith(" "):
            break
        body.append(line[2:] if line.startswith("  ") else line.strip())
    return "\n".join(body).strip() + "\n"


def ls_gallery() -> dict[str, str]:
    """Path under the gallery -> config text: every config.yml's block and every config.xml."""
    configs = {}
    for path, data in gallery().items():
        text = data.decode("utf-8")
        config = config_block(text) if path.endswith(".yml") else text
        if config:
            configs[path] = config
    return configs


def test_config_block_reads_a_literal_block():
    yml = 'title: X\nconfig: |\n  <View>\n    <Text name="t" value="$t"/>\n\n  </View>\nimage: a.png\n'
    assert config_block(yml) == '<View>\n  <Text name="t" value="$t"/>\n\n</View>\n'
    assert config_block("title: X\n") is None


CASES = sorted(ls_gallery().items())


@pytest.mark.skipif(not CASES, reason=SKIP_REASON)
@pytest.mark.parametrize("folder,config", [pytest.param(path, config, id=path) for path, config in CASES])
def test_label_studio_gallery_config_validates(folder, config):
    try:
        cfg = parse_config(config, validate=True)
    except ConfigError as exc:
        pytest.fail(f"{folder}: {exc}")
    expected = [WARNED[folder]] if folder in WARNED else []
    assert [w.message[: len(e)] for w, e in zip(cfg.warnings, expected)] == expected
    assert len(cfg.warnings) == len(expected), [w.message for w in cfg.warnings]
