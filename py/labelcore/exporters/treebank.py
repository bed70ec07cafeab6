"""Penn Treebank word tokenization with character spans, as Label Studio's CoNLL export uses it.

Label Studio runs NLTK's Treebank tokenizer with one change to its punctuation rules ("/" is
split off like ";@#$%&"). The rules below are the Treebank conventions written as a table of
(pattern, replacement) steps; spans are recovered by finding each token, in order, in the text.
"""

from __future__ import annotations

import re
from typing import Iterator

_Rule = tuple["re.Pattern[str]", str]

_STARTING_QUOTES: list[_Rule] = [
    (re.compile(r'^"'), "``"),
    (re.compile(r"(``)"), r" \1 "),
    (re.compile(r"([ (\[{<])(\"|'{2})"), r"\1 `` "),
]
_PUNCTUATION: list[_Rule] = [
    (re.compile(r"([:,])([^\d])"), r" \1 \2"),
    (re.compile(r"([:,])$"), r" \1 "),
    (re.compile(r"\.\.\."), " ... "),
    (re.compile(r"[;@#$/%&]"), r" \g<0> "),
    (re.compile(r"([^.])(\.)([\])}>\"']*)\s*$"), r"\1 \2\3 "),
    (re.compile(r"[?!]"), r" \g<0> "),
    (re.compile(r"([^'])' "), r"\1 ' "),
]
_BRACKETS: _Rule = (re.compile(r"[\][(){}<>]"), r" \g<0> ")
_DASHES: _Rule = (re.compile(r"--"), " -- ")
_ENDING_QUOTES: list[_Rule] = [
    (re.compile(r"''"), " '' "),
    (re.compile(r'"'), " '' "),
    (re.compile(r"([^' ])('[sS]|'[mM]|'[dD]|') "), r"\1 \2 "),
    (re.compile(r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), r"\1 \2 "),
]
_SPLIT_WORDS = [
    re.compile(r"(?i)\b(can)(not)\b"),
    re.compile(r"(?i)\b(d)('ye)\b"),
    re.compile(r"(?i)\b(gim)(me)\b"),
    re.compile(r"(?i)\b(gon)(na)\b"),
    re.compile(r"(?i)\b(got)(ta)\b"),
    re.compile(r"(?i)\b(lem)(me)\b"),
    re.compile(r"(?i)\b(more)('n)\b"),
    re.compile(r"(?i)\b(wan)(na)(?=\s)"),
    re.compile(r"(?i) ('t)(is)\b"),
    re.compile(r"(?i) ('t)(was)\b"),
]
_QUOTES = re.compile(r"``|'{2}|\"")


def tokenize(text: str) -> list[str]:
    """The Treebank tokens of ``text`` (double quotes become `` and '')."""
    for pattern, repl in _STARTING_QUOTES + _PUNCTUATION + [_BRACKETS, _DASHES]:
        text = pattern.sub(repl, text)
    text = f" {text} "
    for pattern, repl in _ENDING_QUOTES:
        text = pattern.sub(repl, text)
    for pattern in _SPLIT_WORDS:
        text = pattern.sub(r" \1 \2 ", text)
    return text.split()


def span_tokenize(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` code-point offsets of each token in ``text``."""
    tokens = tokenize(text)
    if '"' in text or "''" in text:
        originals = iter(m.group() for m in _QUOTES.finditer(text))
        tokens = [next(originals, tok) if tok in ('"', "``", "''") else tok for tok in tokens]
    point = 0
    for token in tokens:
        start = text.find(token, point)
        if start < 0:
            raise ValueError(f"token {token!r} is not in the text after offset {point}")
        point = start + len(token)
        yield start, point
