"""docs/tags.md documents every registered tag and is in step with the registry."""

import re
from pathlib import Path

import pytest

from labelcore.config import TAGS
from labelcore.config.docs import render_tags_md

DOC = Path(__file__).resolve().parents[2] / "docs" / "tags.md"


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### (\w+)\s*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


@pytest.mark.parametrize("tag", sorted(TAGS))
def test_registered_tag_is_documented_with_its_attributes(tag):
    sections = _sections()
    assert tag in sections, f"docs/tags.md has no section for <{tag}>"
    for attr in TAGS[tag].attrs:
        assert f"`{attr}`" in sections[tag], f"docs/tags.md does not list {tag}'s attribute {attr}"
    if TAGS[tag].kind == "control":
        assert f"result type `{TAGS[tag].result_type}`" in sections[tag]


def test_doc_is_generated_from_the_registry():
    assert DOC.read_text(encoding="utf-8") == render_tags_md(), (
        "docs/tags.md is out of date: regenerate it with labelcore.config.docs.render_tags_md()"
    )
