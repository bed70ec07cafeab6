"""Penn Treebank word tokenization with character spans, as Label Studio's CoNLL export uses it.

Label Studio runs NLTK's Treebank tokenizer with one change to its punctuation rules ("/" is
split off like ";@#$%&"). The rules below are the Treebank conventions written as a table of
(pattern, replacement) steps; spans are recovered by finding each token, in order, in the text.
"""

from __future__ import annotations

import re

# (pattern, replacement, needles): a rule can only match a text holding one of its needles, so
# the cheap ``in`` test skips most regex passes (a text changes only where a rule matched).
_Rule = tuple["re.Pattern[str] | None", str, tuple[str, ...]]


def _rule(pattern: str, repl: str, needles: str | tuple[str, ...]) -> _Rule:
    return re.compile(pattern), repl, (needles,) if isinstance(needles, str) else needles


def _pad(chars: str) -> _Rule:
    """Put a space either side of each of these characters (the regex ``[chars]`` -> " c ",
    done with ``str.replace``: no template expansion per match)."""
    return None, "", tuple(chars)


_STARTING_QUOTES: list[_Rule] = [
    _rule(r'^"', "``", '"'),
    _rule(r"(``)", r" \1 ", "``"),
    _rule(r"([ (\[{<])(\"|'{2})", r"\1 `` ", ('"', "''")),
]
_PUNCTUATION: list[_Rule] = [
    _rule(r"([:,])([^\d])", r" \1 \2", (":", ",")),
    _rule(r"([:,])$", r" \1 ", (":", ",")),
    _rule(r"\.\.\.", " ... ", "..."),
    _pad(";@#$/%&"),
    _rule(r"([^.])(\.)([\])}>\"']*)\s*$", r"\1 \2\3 ", "."),
    _pad("?!"),
    _rule(r"([^'])' ", r"\1 ' ", "' "),
]
_BRACKETS: _Rule = _pad("[](){}<>")
_DASHES: _Rule = _rule(r"--", " -- ", "--")
_ENDING_QUOTES: list[_Rule] = [
    _rule(r"''", " '' ", "''"),
    _rule(r'"', " '' ", '"'),
    _rule(r"([^' ])('[sS]|'[mM]|'[dD]|') ", r"\1 \2 ", "'"),
    _rule(r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", r"\1 \2 ", "'"),
]
# Contractions split in two, each with a lowercase needle the lowercased text must hold for the
# pattern to match (no "i" or "s" in a needle: "İ", "ı" and "ſ" match them case-insensitively
# but do not lowercase to them).
_SPLIT_WORDS = [
    (re.compile(pattern), needle)
    for pattern, needle in (
        (r"(?i)\b(can)(not)\b", "cannot"),
        (r"(?i)\b(d)('ye)\b", "d'ye"),
        (r"(?i)\b(gim)(me)\b", "mme"),
        (r"(?i)\b(gon)(na)\b", "gonna"),
        (r"(?i)\b(got)(ta)\b", "gotta"),
        (r"(?i)\b(lem)(me)\b", "lemme"),
        (r"(?i)\b(more)('n)\b", "more'n"),
        (r"(?i)\b(wan)(na)(?=\s)", "wanna"),
        (r"(?i) ('t)(is)\b", " 't"),
        (r"(?i) ('t)(was)\b", " 'twa"),
    )
]
_QUOTES = re.compile(r"``|'{2}|\"")
_BEFORE_PADDING = _STARTING_QUOTES + _PUNCTUATION + [_BRACKETS, _DASHES]


def _apply(rules: list[_Rule], text: str) -> str:
    for pattern, repl, needles in rules:
        if pattern is None:
            for char in needles:
                if char in text:
                    text = text.replace(char, f" {char} ")
            continue
        for needle in needles:
            if needle in text:
                text = pattern.sub(repl, text)
                break
    return text


def tokenize(text: str) -> list[str]:
    """The Treebank tokens of ``text`` (double quotes become `` and '')."""
    text = f" {_apply(_BEFORE_PADDING, text)} "
    text = _apply(_ENDING_QUOTES, text)
    lower = text.lower()
    for pattern, needle in _SPLIT_WORDS:
        if needle in lower:
            split = pattern.sub(r" \1 \2 ", text)
            if split != text:
                text, lower = split, split.lower()
    return text.split()


def span_tokenize(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` code-point offsets of each token in ``text``."""
    tokens = tokenize(text)
    if '"' in text or "''" in text:
        originals = iter(m.group() for m in _QUOTES.finditer(text))
        tokens = [next(originals, tok) if tok in ('"', "``", "''") else tok for tok in tokens]
    spans = []
    find = text.find
    point = 0
    for token in tokens:
        start = find(token, point)
        if start < 0:
            raise ValueError(f"token {token!r} is not in the text after offset {point}")
        point = start + len(token)
        spans.append((start, point))
    return spans
