"""Telling a format from the first bytes, for input without a file name: each importer may score it."""

from __future__ import annotations

import json
from collections.abc import Callable

# importer name -> score of the input's first text (higher wins; 0: cannot tell)
SNIFFERS: dict[str, Callable[[str, list[str]], int]] = {}


def sniffer(name: str):
    def register(func: Callable[[str, list[str]], int]) -> Callable[[str, list[str]], int]:
        SNIFFERS[name] = func
        return func

    return register


def _is_object_line(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


@sniffer("json")
def _json(text: str, lines: list[str]) -> int:
    return 3 if text[:1] in "[{" and text else 0


@sniffer("jsonl")
def _jsonl(text: str, lines: list[str]) -> int:
    return 4 if len(lines) > 1 and text[:1] == "{" and _is_object_line(lines[0]) else 0


@sniffer("urls")
def _urls(text: str, lines: list[str]) -> int:
    return 2 if lines and lines[0].split("://", 1)[0] in ("http", "https", "s3", "gs") else 0


@sniffer("tsv")
def _tsv(text: str, lines: list[str]) -> int:
    return 2 if lines and "\t" in lines[0] else 0


@sniffer("csv")
def _csv(text: str, lines: list[str]) -> int:
    return 1 if lines and ("," in lines[0] or ";" in lines[0]) else 0


def detect_format(head: bytes) -> str:
    """The importer name that best fits the first bytes of an input (``txt`` when nothing else does)."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lines = text.splitlines()
    if len(lines) > 1 and not text.endswith("\n"):
        lines.pop()  # the head may end inside its last line
    lines = [line.strip() for line in lines if line.strip()]
    scores = {name: sniff(text, lines) for name, sniff in SNIFFERS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] > 0 else "txt"
