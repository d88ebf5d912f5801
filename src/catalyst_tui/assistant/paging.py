"""An answer in pages under a size limit: as many of its items as fit in ANSWER_CHARS of JSON
with its head, and a cursor to go on (`next_cursor`, opaque: the tool's name and where the next
page starts); a cursor another tool gave, or one past the end, is refused. An item never grows
past the limit: the longest text in one, a document's sentence, is cut at QUOTE_CHARS where it
is quoted (citing.py)."""

from __future__ import annotations

import base64
import json
from typing import Any, NamedTuple

from .arguments import BadArguments

ANSWER_CHARS = 24_000  # of JSON a page: about 6,000 tokens of an assistant's context
PAGE_ITEMS = 100  # at most, however small they are


class Answer(NamedTuple):
    """What a tool answers: its head (the same on every page) and the items paged after it."""

    head: dict[str, Any]
    items: list[dict[str, Any]]


def encode(value: Any) -> str:
    """An answer's JSON, as the client reads it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def page(tool: str, answer: Answer, cursor: str | None) -> dict[str, Any]:
    """`head` with the page of `items` the cursor names (the first without one) under "items",
    and under "page": the first item's place, how many are shown, of how many, and the cursor
    of the next page (None on the last)."""
    head, items = answer
    start = _start(tool, cursor, len(items))
    shown: list[dict[str, Any]] = []
    size = len(encode(head)) + 200  # the page's own fields
    for item in items[start : start + PAGE_ITEMS]:
        grown = size + len(encode(item)) + 1
        if shown and grown > ANSWER_CHARS:
            break
        shown.append(item)
        size = grown
    end = start + len(shown)
    following = _cursor(tool, end) if end < len(items) else None
    place = {"first": start + 1 if shown else 0, "shown": len(shown), "of": len(items)}
    return {**head, "items": shown, "page": {**place, "next_cursor": following}}


def _cursor(tool: str, start: int) -> str:
    return base64.urlsafe_b64encode(f"{tool}:{start}".encode()).decode().rstrip("=")


def _start(tool: str, cursor: str | None, count: int) -> int:
    if cursor is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        name, _, number = raw.partition(":")
        start = int(number)
    except ValueError:
        start, name = -1, ""
    if name != tool or not 0 < start <= count:
        raise BadArguments(
            "cursor: not one this tool gave, or past the end of what there is now; leave it out"
            " for the first page"
        )
    return start
