"""Label Studio's own gallery configs must validate with our parser.

Reads the configs straight out of a Label Studio wheel that is already on disk
(``pip download --no-deps -d /tmp/lsdl label-studio``); downloads nothing and
skips when no wheel is there. Nothing from the wheel is copied into the repo.
Set ``LABELCORE_LS_WHEEL`` to point at another wheel.
"""

from __future__ import annotations

import glob
import os
import zipfile

import pytest

from labelcore.config import parse_config
from labelcore.errors import ConfigError

PREFIX = "label_studio/annotation_templates/"
# Accepted by Label Studio, and by us with a warning (the config works; it is probably a mistake).
WARNED = {
    "ranking-and-scoring/document-retrieval/config.yml": "<Choices name='selection'> has the label 'Two' twice",
}


def _wheel() -> str | None:
    given = os.environ.get("LABELCORE_LS_WHEEL")
    if given:
        return given if os.path.exists(given) else None
    found = sorted(glob.glob("/tmp/lsdl/label_studio-1.*-py3-none-any.whl"))
    return found[-1] if found else None


def config_block(yml: str) -> str | None:
    """The ``config: |`` literal block of a gallery ``config.yml`` (no YAML library needed)."""
    lines = yml.splitlines()
    for start, line in enumerate(lines):  # noqa: B007 - start is read after the loop
        if line.rstrip() in ("config: |", "config: |-", "config: |+"):
            break
    else:
        return None
    body = []
    for line in lines[start + 1:]:
        if line.strip() and not line.startswith(" "):
            break
        body.append(line[2:] if line.startswith("  ") else line.strip())
    return "\n".join(body).strip() + "\n"


def ls_gallery(wheel: str) -> dict[str, str]:
    """Path under the gallery -> config text: every config.yml's block and every config.xml."""
    configs = {}
    with zipfile.ZipFile(wheel) as zf:
        for path in zf.namelist():
            if not path.startswith(PREFIX):
                continue
            text = zf.read(path).decode("utf-8") if path.endswith(("/config.yml", "/config.xml")) else None
            config = config_block(text) if path.endswith(".yml") and text else text
            if config:
                configs[path[len(PREFIX):]] = config
    return configs


def test_config_block_reads_a_literal_block():
    yml = "title: X\nconfig: |\n  <View>\n    <Text name=\"t\" value=\"$t\"/>\n\n  </View>\nimage: a.png\n"
    assert config_block(yml) == '<View>\n  <Text name="t" value="$t"/>\n\n</View>\n'
    assert config_block("title: X\n") is None


WHEEL = _wheel()
CASES = sorted(ls_gallery(WHEEL).items()) if WHEEL else []


@pytest.mark.skipif(not WHEEL, reason="no Label Studio wheel in /tmp/lsdl (pip download --no-deps -d /tmp/lsdl label-studio)")
@pytest.mark.parametrize("folder,config", [pytest.param(path, config, id=path) for path, config in CASES])
def test_label_studio_gallery_config_validates(folder, config):
    try:
        cfg = parse_config(config, validate=True)
    except ConfigError as exc:
        pytest.fail(f"{folder}: {exc}")
    expected = [WARNED[folder]] if folder in WARNED else []
    assert [w.message[:len(e)] for w, e in zip(cfg.warnings, expected)] == expected
    assert len(cfg.warnings) == len(expected), [w.message for w in cfg.warnings]
