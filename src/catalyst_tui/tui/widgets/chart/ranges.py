"""The chart's ranges: the intraday ones (1D, 5D: bars of the last sessions, fetched when shown)
and the daily ones (1M to 5Y: the stored history), and the points of a daily one."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

# A daily close is dated; an intraday bar's close is at a moment (in the exchange's zone).
Point = tuple[datetime.date, float]
XLabel = Callable[[datetime.date], str]  # a point's date (or moment) as the x-axis writes it

INTRADAY_RANGES: tuple[str, ...] = ("1D", "5D")
"""Ranges drawn from intraday bars (market/intraday.py SPANS), shortest first."""

RANGES: dict[str, int] = {"1M": 30, "3M": 91, "6M": 182, "1Y": 365, "5Y": 1826}
"""Daily chart ranges in calendar days, keyed by the name shown to the user."""

ALL_RANGES: tuple[str, ...] = (*INTRADAY_RANGES, *RANGES)
"""Every range, in the order the chart's tabs show them."""


def iso_label(when: datetime.date) -> str:
    """A daily point's date: 2026-11-20."""
    return when.isoformat()


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
