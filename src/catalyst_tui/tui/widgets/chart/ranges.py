"""The chart's ranges (1M to 5Y) and the points of one of them."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

Point = tuple[datetime.date, float]

RANGES: dict[str, int] = {"1M": 30, "3M": 91, "6M": 182, "1Y": 365, "5Y": 1826}
"""Chart ranges in calendar days, keyed by the name shown to the user."""


def slice_range(points: Sequence[Point], range_name: str, today: datetime.date) -> list[Point]:
    """The points of `range_name` ending at `today`: those dated `today - RANGES[name]` or later.

    A point exactly 30 days before today is in "1M"; one 31 days before is not. Order is kept.
    """
    try:
        days = RANGES[range_name]
    except KeyError:
        raise ValueError(
            f"unknown range {range_name!r}: expected one of {', '.join(RANGES)}"
        ) from None
    start = today - datetime.timedelta(days=days)
    return [p for p in points if p[0] >= start]
