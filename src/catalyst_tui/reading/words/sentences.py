"""A text's sentences with their offsets: each line on its own, split where a sentence ends
(. ! or ? then a space and a capital, a digit or a quote), not after an abbreviation."""

from __future__ import annotations

import re

from .vocabulary import word_set

_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[A-Z0-9\"'“‘(\[•])")
_ABBREVIATIONS = word_set(
    "inc corp co ltd llc plc mr mrs ms dr no vs approx e.g i.e u.s u.k st jan feb mar apr jun "
    "jul aug sep sept oct nov dec etc"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, in order, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        begin = 0
        for match in _END.finditer(line):
            word = line[begin : match.start()].rsplit(None, 1)[-1:] or [""]
            if word[0].lower().rstrip(".") in _ABBREVIATIONS or len(word[0]) == 1:
                continue
            _add(spans, line, at, begin, match.end())
            begin = match.end()
        _add(spans, line, at, begin, len(line))
        at += len(line) + 1
    return spans


def _add(spans: list[tuple[int, int]], line: str, at: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((at + start + lead, at + start + lead + len(stripped)))
