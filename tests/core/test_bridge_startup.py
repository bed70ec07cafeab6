"""The bridge's first answer (core.version, which the worker waits for before it reports ready)
reads versions without importlib.metadata, and reads the same versions it would."""

import subprocess
import sys
from importlib import metadata

import pytest

from labelcore import bridge


@pytest.mark.parametrize(
    "name",
    [
        "pydantic",
        "pydantic_core",
        "pydantic-core",
        "typing-extensions",
        "annotated_types",
        "labelcore",
        "jsonschema",
    ],
)
def test_versions_are_importlib_metadatas(name):
    assert bridge._distribution_version(name) == metadata.version(name)


def test_an_unknown_distribution_is_still_an_error():
    with pytest.raises(metadata.PackageNotFoundError):
        bridge._distribution_version("no-such-distribution-here")


def test_the_first_answer_imports_neither_importlib_metadata_nor_email():
    code = (
        "import sys, json, labelcore.bridge as b; "
        "r = json.loads(b.handle(json.dumps({'id': 1, 'op': 'core.version'}))); "
        "print(r['result']['pydantic'], [m for m in ('importlib.metadata', 'email') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split(None, 1)
    assert out == [metadata.version("pydantic"), "[]\n"]
