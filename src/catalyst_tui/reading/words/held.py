"""The sentences a word or a pattern stands in, each looked for once over the whole text
lowered, not once in each sentence (the reader's quick tests of guidance and figures)."""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["holding", "within"]


def holding(low: str, spans: list[tuple[int, int]], words: tuple[str, ...]) -> set[int]:
    """The indices of the sentences of `spans` (in order, none over another) that hold one of
    `words` whole in the lowered text `low`: each word looked for once over the whole text,
    not once in each sentence (the guidance's stems: 19 ms to 12 ms over bench/words.py's
    10,000 sentences)."""
    starts = [start for start, _ in spans]
    held: set[int] = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            if i >= 0 and at + len(word) <= spans[i][1]:
                held.add(i)
            at = low.find(word, at + 1)
    return held


def within(
    low: str, spans: list[tuple[int, int]], patterns: tuple[re.Pattern[str], ...]
) -> set[int]:
    """The indices of the sentences of `spans` (in order, none over another) within which a
    match of one of `patterns` stands whole in the lowered text `low`, each pattern searched
    once over the whole text (its matches being each alone where it stands: none of a
    pattern's own begins within another)."""
    starts = [start for start, _ in spans]
    held: set[int] = set()
    for pattern in patterns:
        for match in pattern.finditer(low):
            i = bisect_right(starts, match.start()) - 1
            if i >= 0 and match.end() <= spans[i][1]:
                held.add(i)
    return held
