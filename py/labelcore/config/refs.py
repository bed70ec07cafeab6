"""References to task data in config values: ``$text``, ``$meta.url``, ``$pages[{{idx}}].url``.

The one reader of the ``$key`` syntax; the labeling screen reads its parsed form (``refs`` of
each layout node, object and control in the parsed config) and never the syntax itself.

- A value that is one reference (``value="$image"``) reads the data as it is (text, a list, ...);
  text with references in it (``<Header value="Page $n of $total"/>``) reads each as text, and a
  reference the task lacks stays as written.
- A reference is ``$`` and a key: names (letters, digits, ``_``, ``-``) joined by ``.``, with list
  indexes ``[2]``; inside a Repeater its index flag may stand for an index or be part of a name
  (``$pages[{{idx}}].url``, ``$q_{{idx}}``), since Label Studio replaces the flag before reading.
- A flat key wins over nesting, as Label Studio reads it: ``$a.b`` is ``data["a.b"]`` when the
  task has that key, else ``data["a"]["b"]``.

:func:`parse_value` gives the JSON form: ``{"ref": [path, ...]}`` for one reference, the paths
tried in order (the first the data has wins, none: not found); ``{"parts": ["Page ", {"ref":
[...], "text": "$n"}, ...]}`` for text with references. A path is a list of steps, each a key
(string) or a list index (number). A Repeater's flag stays in the steps as written: the UI fills
it in like any other text of the repeated node.

>>> parse_value("$a.b")
{'ref': [['a.b'], ['a', 'b']]}
>>> read({"a": {"b": 1}}, "$a.b"), read({"a.b": 2, "a": {"b": 1}}, "$a.b")
((True, 1), (True, 2))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

Path = list[str | int]


@lru_cache(maxsize=64)
def _grammar(flags: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a reference, one step of its key) for the Repeater flags in scope."""
    flag = "".join(f"|{re.escape(f)}" for f in sorted(set(flags), key=len, reverse=True) if f)
    head = rf"(?:[A-Za-z_]{flag})(?:[\w\-]{flag})*"
    name = rf"(?:[A-Za-z_\d]{flag})(?:[\w\-]{flag})*"
    index = rf"\[(?:\d+{flag})\]"
    ref = re.compile(rf"\$({head}(?:\.{name}|{index})*)")
    step = re.compile(rf"\[(\d+{flag})\]|\.?({name})")
    return ref, step


def _paths(key: str, step: re.Pattern[str]) -> list[Path]:
    nested: Path = [int(index) if index.isdigit() else index or part for index, part in step.findall(key)]
    return [nested] if nested == [key] else [[key], nested]


@lru_cache(maxsize=4096)
def _parse(text: str, flags: tuple[str, ...]) -> dict[str, Any] | None:
    ref, step = _grammar(flags)
    whole = ref.fullmatch(text)
    if whole:
        return {"ref": _paths(whole.group(1), step)}
    parts: list[Any] = []
    at = 0
    for found in ref.finditer(text):
        if found.start() > at:
            parts.append(text[at : found.start()])
        parts.append({"ref": _paths(found.group(1), step), "text": found.group(0)})
        at = found.end()
    if not parts:
        return None
    if at < len(text):
        parts.append(text[at:])
    return {"parts": parts}


def key_path(key: str) -> Path:
    """The nested path of a data key as config attributes name it without ``$`` (``data_key``,
    a Repeater's ``on`` or item keys): ``"doc.pages[2]"`` -> ``["doc", "pages", 2]``. Where the
    UI writes data (the preview's sample task) it writes this nested form."""
    return _paths(key, _grammar(())[1])[-1]


def parse_value(text: str, flags: Sequence[str] = ()) -> dict[str, Any] | None:
    """The parsed form of a config value (``None`` when it reads no data); ``flags``: the index
    flags of the Repeaters around it. Callers must not change the answer (it is cached)."""
    return _parse(text, tuple(flags)) if "$" in text else None


def _follow(data: Any, path: Path) -> tuple[bool, Any]:
    node = data
    for step in path:
        if isinstance(node, list) and (isinstance(step, int) or step.isdigit()):
            index = int(step)
            if index >= len(node):
                return False, None
            node = node[index]
        elif isinstance(node, dict) and str(step) in node:
            node = node[str(step)]
        else:
            return False, None
    return True, node


def read_ref(data: Any, paths: list[Path]) -> tuple[bool, Any]:
    """``(found, value)``: the first of ``paths`` the data has."""
    for path in paths:
        found, value = _follow(data, path)
        if found:
            return True, value
    return False, None


def read(data: Any, text: str) -> tuple[bool, Any]:
    """``(found, value)`` of a value that is one reference (``"$doc.pages"``) in task data."""
    form = parse_value(text.strip())
    if form is None or "ref" not in form:
        return False, None
    return read_ref(data, form["ref"])
