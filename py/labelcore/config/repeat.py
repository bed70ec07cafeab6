"""``<Repeater>``: what it repeats, the keys its items hold, and names with the index flag.

Label Studio shows a Repeater's children once per item of the list in data key
``on``, replacing the index flag (``{{idx}}`` unless ``indexFlag`` says
otherwise) by 0, 1, ... in every attribute: ``<Image name="page_{{idx}}"
value="$pages[{{idx}}].url"/>`` becomes ``page_0`` reading ``$pages[0].url``,
``page_1`` reading ``$pages[1].url``, and so on. A parsed config keeps the names
as written; :class:`Names` resolves a reference to one of them, whether it is
written with the flag (``page_{{idx}}``) or with an index (``page_3``).
"""

from __future__ import annotations

import re
from typing import Generic, Iterable, TypeVar

from labelcore.config.model import LabelConfig

DEFAULT_FLAG = "{{idx}}"
T = TypeVar("T")


def name_pattern(name: str, flag: str) -> re.Pattern[str] | None:
    """``page_{{idx}}`` -> a pattern matching ``page_0``, ``page_12``...; ``None`` without the flag."""
    if not flag or flag not in name:
        return None
    return re.compile(r"\d+".join(re.escape(part) for part in name.split(flag)))


def item_keys(text: str, list_key: str, flag: str) -> list[str]:
    """Keys read from each item: ``"$pages[{{idx}}].url"`` with list ``pages`` -> ``["url"]``.

    A reference to the whole item (``$pages[{{idx}}]``) gives ``""``.
    """
    pattern = re.compile(r"\$" + re.escape(list_key) + r"\[" + re.escape(flag) + r"\](?:\.([A-Za-z_\d][\w\-.]*))?")
    return [match.group(1) or "" for match in pattern.finditer(text)]


class Names(Generic[T]):
    """Resolves a name to a tag of ``named``: exactly, or as one item of a repeated name."""

    def __init__(self, named: dict[str, T], cfg: LabelConfig):
        self.named = named
        flags = {name: rep.index_flag for rep in cfg.repeaters for name in (*rep.objects, *rep.controls)}
        self.patterns = [(pattern, name) for name, flag in flags.items() if name in named
                         and (pattern := name_pattern(name, flag)) is not None]

    def resolve(self, name: str) -> T | None:
        found = self.named.get(name)
        if found is not None:
            return found
        for pattern, template in self.patterns:
            if pattern.fullmatch(name):
                return self.named[template]
        return None

    def templates_matching(self, names: Iterable[str]) -> Iterable[tuple[str, str]]:
        """``(name, repeated name)`` for each of ``names`` that some repeated item also takes."""
        for name in names:
            for pattern, template in self.patterns:
                if name != template and pattern.fullmatch(name):
                    yield name, template
