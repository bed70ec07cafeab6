"""The template gallery: ready-made labeling configs, each with a sample task.

Every template is a folder next to this module holding ``config.xml`` (a Label
Studio config), ``task.json`` (a Label Studio task whose media are inline
``data:`` URLs, so a preview works offline) and ``meta.json`` (title, group,
order within the group, description, keywords). Files are read with
:mod:`importlib.resources`, so the gallery works from a wheel and in Pyodide.

>>> [t.name for t in list_templates("Videos")][:2]
['video-classification', 'video-object-tracking']
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from labelcore.config.tags import lookup
from labelcore.config.xmlread import Node, read_xml
from labelcore.errors import DataError

# Display order of the gallery's groups (Label Studio's group names).
GROUPS: tuple[str, ...] = (
    "Computer Vision",
    "Natural Language Processing",
    "Audio/Speech Processing",
    "Conversational AI",
    "Generative AI",
    "Ranking & Scoring",
    "Structured Data Parsing",
    "Time Series Analysis",
    "Videos",
)


class TemplateInfo(BaseModel):
    """What the gallery lists: enough to show a card and search it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="slug, the template's folder name")
    title: str
    group: str
    description: str
    keywords: list[str] = Field(default_factory=list)
    order: int = Field(0, description="position within its group")
    cannot_draw: list[str] = Field(
        default_factory=list,
        description="tags it uses that the labeling screen cannot draw yet (preview only)",
    )


class Template(TemplateInfo):
    """A template with its config XML and its sample task (Label Studio task JSON)."""

    config: str
    task: dict[str, Any]


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    group: str
    order: int = 0
    description: str
    keywords: list[str] = Field(default_factory=list)


def _cannot_draw(node: Node, found: list[str]) -> list[str]:
    """The tags under ``node`` the labeling screen cannot draw, in document order (each once)."""
    spec = lookup(node.tag)
    if spec is not None and spec.undrawable and spec.name not in found:
        found.append(spec.name)
    for child in node.children:
        _cannot_draw(child, found)
    return found


def _root() -> Traversable:
    return resources.files(__name__)


@lru_cache(maxsize=1)
def _index() -> dict[str, TemplateInfo]:
    """Every template's info, keyed by name, in gallery order."""
    infos = []
    for entry in _root().iterdir():
        meta_file = entry / "meta.json"
        if not entry.is_dir() or not meta_file.is_file():
            continue
        meta = _Meta.model_validate_json(meta_file.read_text(encoding="utf-8"))
        if meta.group not in GROUPS:
            raise DataError(
                f"template {entry.name!r} names unknown group {meta.group!r}",
                {"path": f"{entry.name}/meta.json"},
            )
        undrawn = _cannot_draw(read_xml((entry / "config.xml").read_text(encoding="utf-8")), [])
        infos.append(TemplateInfo(name=entry.name, cannot_draw=undrawn, **meta.model_dump()))
    infos.sort(key=lambda i: (GROUPS.index(i.group), i.order, i.title))
    return {info.name: info for info in infos}


def _suggest(given: str, known: list[str]) -> str:
    """`` (did you mean 'x'?)``: the names containing ``given``, else the closest one ('' if none)."""
    wanted = given.strip().casefold()
    close = [k for k in known if wanted and wanted in k.casefold()][:3]
    if not close:
        folded = {k.casefold(): k for k in known}
        close = [folded[m] for m in difflib.get_close_matches(wanted, list(folded), n=1, cutoff=0.6)]
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def resolve_group(group: str) -> str:
    """The canonical spelling of ``group`` (case and spacing ignored); DataError if unknown."""
    wanted = " ".join(group.split()).casefold()
    for known in GROUPS:
        if known.casefold() == wanted:
            return known
    raise DataError(
        f"unknown template group {group!r}{_suggest(group, list(GROUPS))}; groups: {', '.join(GROUPS)}",
        {"path": "group"},
    )


def _matches(info: TemplateInfo, query: str) -> bool:
    haystack = " ".join([info.name, info.title, info.group, info.description, *info.keywords]).casefold()
    return all(word in haystack for word in query.casefold().split())


def list_templates(group: str | None = None, *, query: str | None = None) -> list[TemplateInfo]:
    """Templates in gallery order, optionally of one group and matching every word of ``query``."""
    infos = list(_index().values())
    if group:
        canonical = resolve_group(group)
        infos = [i for i in infos if i.group == canonical]
    if query:
        infos = [i for i in infos if _matches(i, query)]
    return infos


def get_template(name: str) -> Template:
    """One template with its config and sample task; DataError with a suggestion if unknown."""
    index = _index()
    info = index.get(name)
    if info is None:
        raise DataError(f"no template named {name!r}{_suggest(name, list(index))}", {"path": "name"})
    folder = _root() / name
    config = (folder / "config.xml").read_text(encoding="utf-8")
    task = json.loads((folder / "task.json").read_text(encoding="utf-8"))
    return Template(**info.model_dump(), config=config, task=task)


__all__ = ["GROUPS", "Template", "TemplateInfo", "get_template", "list_templates", "resolve_group"]
