"""The Street's view of a company, whoever gives it (Yahoo's quoteSummary: market/yahoo/
estimates.py): the consensus for the next report, the consensus by period (this quarter, next
quarter, this fiscal year, next) with its 90-day trend and revisions, and the last quarters'
surprises. Records and their bounds: a value outside its range is no value (None), never a
record that would stop a store or mislead a metric; the others of the answer are kept.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datetime import date

    from .models import EarningsDate

#: The periods of a consensus, as Yahoo's earningsTrend names them, in the order they are shown.
PERIODS = ("0q", "+1q", "0y", "+1y")
PERIOD_TITLES = {
    "0q": "this quarter",
    "+1q": "next quarter",
    "0y": "this fiscal year",
    "+1y": "next fiscal year",
}
#: How many days back the EPS trend goes, in order: now, 7, 30, 60 and 90 days ago.
TREND_DAYS = (0, 7, 30, 60, 90)

MAX_EPS = 1e7  # BRK.A earns near 1e5 a share; a quote in rupiah multiplies by 1e4
MAX_REVENUE = 1e16  # the largest report near 1e12 USD; THYAO's in lira near 7e12
MAX_COUNT = 10_000  # analysts or revisions: a few dozen at most
MAX_SURPRISE = 1e4  # a fraction: a surprise of a millionfold percent is no surprise


class Range(NamedTuple):
    """A consensus: the analysts' average, low and high, and how many they are (None: not
    said)."""

    average: float | None = None
    low: float | None = None
    high: float | None = None
    analysts: int | None = None


class Consensus(NamedTuple):
    """One period's consensus: its EPS and revenue estimates, the EPS consensus 0, 7, 30, 60
    and 90 days ago (TREND_DAYS, None where not said), and the revisions of its EPS
    estimates over the last 7 and 30 days."""

    period: str  # one of PERIODS
    end: date | None = None  # the end of the quarter or fiscal year it is of
    eps: Range = Range()
    revenue: Range = Range()
    trend: tuple[float | None, ...] = (None,) * len(TREND_DAYS)
    up_7d: int | None = None
    up_30d: int | None = None
    down_7d: int | None = None
    down_30d: int | None = None
    currency: str | None = None  # the EPS figures' money (Yahoo's earningsCurrency), if said


class Surprise(NamedTuple):
    """A reported quarter's EPS against the consensus before it: `surprise` a fraction (0.043:
    4.3% above)."""

    quarter: date  # the quarter's end
    actual: float | None
    estimate: float | None
    surprise: float | None


class Estimates(NamedTuple):
    """What one answer said of a symbol. `next_report`, the consensus for the next report
    (calendarEvents: EPS and revenue average, low and high, no count of analysts)."""

    symbol: str
    source: str
    next_date: EarningsDate | None = None  # the next report's date, from the same answer
    next_report: Consensus | None = None
    periods: tuple[Consensus, ...] = ()  # in PERIODS' order, those the answer gave
    history: tuple[Surprise, ...] = ()  # oldest first

    def period(self, name: str) -> Consensus | None:
        return next((p for p in self.periods if p.period == name), None)


def eps_value(value: float | None) -> float | None:
    """A per-share figure when finite and within ±MAX_EPS (a loss is negative), else None."""
    return value if value is not None and math.isfinite(value) and abs(value) <= MAX_EPS else None


def revenue_value(value: float | None) -> float | None:
    """A revenue figure when finite, above 0 and at most MAX_REVENUE, else None."""
    if value is None or not math.isfinite(value) or not 0 < value <= MAX_REVENUE:
        return None
    return value


def count_value(value: float | None) -> int | None:
    """A whole count from 0 to MAX_COUNT (Yahoo writes 28.0 for 28), else None."""
    if value is None or not math.isfinite(value) or not 0 <= value <= MAX_COUNT:
        return None
    return int(value) if value == int(value) else None


def surprise_value(value: float | None) -> float | None:
    """A surprise fraction when finite and within ±MAX_SURPRISE, else None."""
    if value is None or not math.isfinite(value) or abs(value) > MAX_SURPRISE:
        return None
    return value


class Frozen(NamedTuple):
    """The consensus in force the day before a report (`as_of`: the last day it was read before
    it), kept for that quarter once the provider moves on to the next."""

    report: date  # the earnings date it was the consensus for
    period_end: date | None  # the quarter's end, where the provider said it
    eps: float | None
    revenue: float | None
    eps_analysts: int | None
    revenue_analysts: int | None
    as_of: date


class StoredEstimates(NamedTuple):
    """A symbol's estimates as the store keeps them: the last day read (`day`, however old: a
    provider's gap leaves the last one), its consensus, the surprises and the frozen consensus
    of past reports (oldest first)."""

    symbol: str
    day: date
    source: str
    next_report: Consensus | None
    periods: tuple[Consensus, ...]
    history: tuple[Surprise, ...]
    frozen: tuple[Frozen, ...]

    def period(self, name: str) -> Consensus | None:
        return next((p for p in self.periods if p.period == name), None)
