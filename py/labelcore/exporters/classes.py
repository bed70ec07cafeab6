"""Class ids shared by COCO and YOLO: ``category="N"`` first, the rest alphabetically, new names appended."""

from __future__ import annotations

from typing import Any

from labelcore.exporters.records import ConfigView

# Value keys that name a region's class, in the order they are looked up.
CLASS_KEYS = ("rectanglelabels", "polygonlabels", "keypointlabels", "labels")


class Classes:
    def __init__(self, view: ConfigView) -> None:
        self.categories: list[dict[str, Any]] = [dict(c) for c in view.categories]
        self.ids: dict[str, int] = {c["name"]: c["id"] for c in self.categories}

    def id_for(self, name: str) -> int:
        """The id of ``name``; a name the config does not list gets the next free id."""
        cid = self.ids.get(name)
        if cid is None:
            cid = max(self.ids.values(), default=-1) + 1
            self.ids[name] = cid
            self.categories.append({"id": cid, "name": name})
        return cid


def class_names(value: dict[str, Any]) -> list[str]:
    """The class names a region carries (first key of CLASS_KEYS that is a non-empty list)."""
    get = value.get
    for key in CLASS_KEYS:
        names = get(key)
        if names:
            return list(names)
    return []


def keypoint_order(view: ConfigView) -> list[str]:
    """Keypoint names in ``model_index`` order (labels without it follow in config order)."""
    indexed: list[tuple[int, str]] = []
    rest: list[str] = []
    for control in view.controls.values():
        if control.tag != "KeyPointLabels":
            continue
        for item in control.labels:
            name = item.alias or item.value
            raw = item.attrs.get("model_index")
            try:
                indexed.append((int(raw), name))
            except (TypeError, ValueError):
                rest.append(name)
    seen: set[str] = set()
    ordered = [n for _, n in sorted(indexed, key=lambda p: p[0])] + rest
    return [n for n in ordered if not (n in seen or seen.add(n))]
