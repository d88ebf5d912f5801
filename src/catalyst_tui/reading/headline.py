"""One item of a news feed as a record: what feeds.py reads and the market's models carry (apart,
so that the models load without the feeds' XML reader)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datetime import datetime

__all__ = ["Headline"]


class Headline(NamedTuple):
    """One item of a headline feed."""

    guid: str  # the item's guid, else its link
    link: str
    title: str
    summary: str  # the item's description, as text
    published: datetime | None  # aware, from pubDate
