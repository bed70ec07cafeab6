"""Shared by the import tests: a config from XML, an import of bytes fed in chunks."""

from __future__ import annotations

from typing import Any

from labelcore.config import parse_config
from labelcore.importers import ImportReport, ImportSession

TEXT_CHOICES = """<View><Text name="text" value="$text"/>
<Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>"""
IMAGE_BOXES = """<View><Image name="image" value="$image"/>
<RectangleLabels name="label" toName="image"><Label value="Car"/><Label value="Person"/></RectangleLabels></View>"""


def run_import(
    data: bytes, filename: str, config_xml: str | None = TEXT_CHOICES, chunk: int = 0, **kwargs: Any
) -> ImportReport:
    config = parse_config(config_xml) if config_xml else None
    session = ImportSession(config, filename=filename, **kwargs)
    step = chunk or max(len(data), 1)
    for i in range(0, len(data), step):
        session.feed(data[i : i + step])
    return session.finish()


def only_error(report: ImportReport) -> dict[str, Any]:
    """The report's single error, after checking that nothing is handed out to be written."""
    assert report.tasks == [] and report.summary["tasks"] == 0
    assert not report.ok
    assert len(report.errors) == 1, [str(e) for e in report.errors]
    return report.errors[0].to_dict()
