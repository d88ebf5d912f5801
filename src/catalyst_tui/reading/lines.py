"""A text's lines and the spans cut from them, without the white space around each: the pieces
both readers of sentences (the reader of words, the matcher of evidence) split a text into.
Linear: each character is looked at a bounded number of times."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["add_span", "line_spans"]


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line of `text`, its newline left out: a sentence never runs on
    across a line's end."""
    line_start = 0
    size = len(text)
    while line_start <= size:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = size
        yield line_start, line_end
        line_start = line_end + 1


def add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add to `spans` the span of `text` from `start` to `end` without the white space around
    it, where anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
