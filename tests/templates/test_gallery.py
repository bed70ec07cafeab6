"""The gallery API: listing, grouping, search, lookup errors, and packaging of the files."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from labelcore.errors import DataError
from labelcore.templates import GROUPS, Template, TemplateInfo, get_template, list_templates, resolve_group

ISSUE_USE_CASES = {
    # use case from the issue -> a template that covers it
    "classification": "image-classification",
    "object detection": "object-detection",
    "polygon": "polygon-segmentation",
    "brush": "brush-segmentation",
    "keypoints": "keypoints",
    "ocr": "ocr",
    "text classification": "text-classification",
    "ner": "named-entity-recognition",
    "relations": "relation-extraction",
    "taxonomy": "taxonomy",
    "qa": "question-answering",
    "summarization": "text-summarization",
    "transcription": "speech-transcription",
    "speakers": "speaker-segmentation",
    "sound events": "sound-event-detection",
    "intent": "spoken-intent",
    "video classification": "video-classification",
    "tracking": "video-object-tracking",
    "timeline": "video-timeline-segmentation",
    "dialogue": "intent-and-slots",
    "response selection": "response-selection",
    "pairwise": "pairwise-classification",
    "rating": "image-rating",
    "ranker": "search-ranking",
    "time series": "activity-recognition",
    "side-by-side": "llm-side-by-side",
    "grading": "response-grading",
    "rlhf": "rlhf-preference",
}


def test_gallery_has_at_least_forty_templates_in_every_group():
    infos = list_templates()
    assert len(infos) >= 40
    assert {i.group for i in infos} == set(GROUPS)
    assert all(isinstance(i, TemplateInfo) for i in infos)


def test_gallery_covers_the_issues_use_cases():
    names = {i.name for i in list_templates()}
    assert set(ISSUE_USE_CASES.values()) <= names


def test_listing_is_in_group_display_order_then_template_order():
    infos = list_templates()
    keys = [(GROUPS.index(i.group), i.order) for i in infos]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys), "two templates share a position in their group"


def test_names_titles_and_words_are_sound():
    infos = list_templates()
    assert len({i.title for i in infos}) == len(infos), "titles must be unique"
    for info in infos:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", info.name), info.name
        assert 20 <= len(info.description) <= 160 and info.description.endswith("."), info.name
        assert info.keywords and all(k == k.strip() and k for k in info.keywords), info.name


def test_group_filter_ignores_case_and_spacing():
    videos = list_templates("videos")
    assert videos and {i.group for i in videos} == {"Videos"}
    assert list_templates("  computer   VISION ") == list_templates("Computer Vision")
    assert resolve_group("time series analysis") == "Time Series Analysis"


def test_unknown_group_suggests_the_nearest():
    with pytest.raises(DataError) as err:
        list_templates("Computer Visoin")
    assert "unknown template group 'Computer Visoin' (did you mean 'Computer Vision'?)" in err.value.message
    assert err.value.where == {"path": "group"}


def test_query_matches_every_word_in_title_description_or_keywords():
    found = [i.name for i in list_templates(query="pairwise image")]
    assert found == ["pairwise-images"]
    assert [i.name for i in list_templates("Natural Language Processing", query="NER")] == [
        "named-entity-recognition"
    ]
    assert list_templates(query="no such thing anywhere") == []


def test_get_template_returns_config_and_sample_task():
    template = get_template("object-detection")
    assert isinstance(template, Template)
    assert template.title == "Object Detection with Bounding Boxes"
    assert template.group == "Computer Vision"
    assert template.config.lstrip().startswith("<View>")
    assert template.task["data"]["image"].startswith("data:image/svg+xml;base64,")
    assert template.model_dump()["name"] == "object-detection"


def test_unknown_template_suggests_the_nearest_name():
    with pytest.raises(DataError) as err:
        get_template("objet-detection")
    assert err.value.message == "no template named 'objet-detection' (did you mean 'object-detection'?)"
    assert err.value.where == {"path": "name"}


def test_unknown_template_without_a_near_name_says_so_plainly():
    with pytest.raises(DataError) as err:
        get_template("zzzz")
    assert err.value.message == "no template named 'zzzz'"


def test_every_template_folder_holds_only_packaged_files():
    """pyproject ships **/*.xml and **/*.json as package data: nothing else may be needed."""
    root = resources.files("labelcore.templates")
    folders = [entry for entry in root.iterdir() if entry.is_dir() and (entry / "meta.json").is_file()]
    assert len(folders) == len(list_templates())
    for folder in folders:
        files = sorted(entry.name for entry in folder.iterdir() if entry.name != "__pycache__")
        assert files == ["config.xml", "meta.json", "task.json"], folder.name
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        assert set(meta) == {"title", "group", "order", "description", "keywords"}
        task = json.loads((folder / "task.json").read_text(encoding="utf-8"))
        assert set(task) == {"data"} and isinstance(task["data"], dict)


def test_a_partial_name_suggests_the_templates_that_contain_it():
    with pytest.raises(DataError) as err:
        get_template("Segmentation")
    assert (
        "did you mean 'polygon-segmentation', 'brush-segmentation', 'speaker-segmentation'?"
        in err.value.message
    )


def test_docs_list_every_template():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    missing = [i.name for i in list_templates() if f"| `{i.name}` | {i.title} |" not in docs]
    assert not missing, f"docs/templates.md does not list: {missing}"
