"""Whether a target due later is on course: the best forecast of its fiscal year's revenue, from
the company's own guide (the quarters reported, the quarter guided, and the guide's run rate for
the rest), else the Street's consensus for that fiscal year, else the run rate of the year's
reported quarters (their sum, the last one's rate for the rest; a year not begun has none);
each named in the words it is shown in (thesis/wording.py `forecast_text`). A figure none of
them gives is no forecast: the target keeps its status and reason."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from ..conditions import OPERATORS, Condition

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..snapshot import MarketSnapshot

#: The metrics a forecast is made of (a fiscal year's revenue).
FORECAST_METRICS = frozenset({"revenue_fy"})
_NEAR = dt.timedelta(days=7)  # 52/53-week years: a quarter's end within a week of the year's
_YEAR = dt.timedelta(days=365)


class Source(StrEnum):
    """Where a forecast comes from, the best first."""

    GUIDE = "guide"
    STREET = "street"
    RUN_RATE = "run_rate"


class Forecast(NamedTuple):
    source: Source
    value: float
    year_end: dt.date  # the fiscal year it is of
    reported: int  # the quarters of that year already reported


def fiscal_year_end(due: dt.date, last_year_end: dt.date | None) -> dt.date:
    """The fiscal year a target due `due` is of: the last year end on or before it, on the
    company's year-end day (`last_year_end`'s; 31 December when none is known)."""
    month, day = (last_year_end.month, last_year_end.day) if last_year_end else (12, 31)
    for year in (due.year, due.year - 1):
        try:
            end = dt.date(year, month, day)
        except ValueError:  # 29 February
            end = dt.date(year, month, 28)
        if end <= due:
            return end
    return dt.date(due.year - 1, 12, 31)


def forecast_year(
    year_end: dt.date,
    quarters: Sequence[tuple[dt.date, float]],
    *,
    guide: tuple[dt.date, float] | None = None,
    street: tuple[dt.date, float] | None = None,
) -> Forecast | None:
    """The best forecast of the year ending `year_end` from the reported `quarters` (end, value;
    oldest first), the company's `guide` (the guided quarter's end, its midpoint) and the
    Street's consensus for the year (its end, its average). None when the year is reported
    whole (the metric itself judges it) or nothing forecasts it."""
    start = year_end - _YEAR + _NEAR
    in_year = [(end, value) for end, value in quarters if start < end <= year_end + _NEAR]
    left = 4 - len(in_year)
    if left <= 0:
        return None
    done = sum(value for _, value in in_year)
    reported = {end for end, _ in in_year}
    if guide is not None and start < guide[0] <= year_end + _NEAR and guide[0] not in reported:
        return Forecast(Source.GUIDE, done + guide[1] * left, year_end, len(in_year))
    if street is not None and abs(street[0] - year_end) <= _NEAR:
        return Forecast(Source.STREET, street[1], year_end, len(in_year))
    if in_year:  # a year not begun has no run rate of its own: today's is not its forecast
        return Forecast(Source.RUN_RATE, done + in_year[-1][1] * left, year_end, len(in_year))
    return None


def on_course(forecast: Forecast, condition: Condition) -> bool:
    """The forecast meets the target's condition."""
    return OPERATORS[condition.op](forecast.value, condition.threshold)


def target_forecast(
    symbol: str, snap: MarketSnapshot, condition: Condition, due: dt.date
) -> Forecast | None:
    """The best forecast for a target on a fiscal year's revenue due `due`, from `snap`."""
    if condition.metric not in FORECAST_METRICS:
        return None
    facts = snap.facts.get(symbol, {})
    years = facts.get("revenue_fy", [])
    year_end = fiscal_year_end(due, years[-1].period_end if years else None)
    quarters = [(f.period_end, f.value) for f in facts.get("revenue_q", [])]
    guide = None
    releases = [r for r in snap.releases.get(symbol, []) if r.period_end is not None]
    if releases:
        latest = max(releases, key=lambda r: (r.period_end, r.filed))
        said = latest.quarter_guide()
        if said is not None and latest.period_end is not None:
            guided_end = latest.period_end + dt.timedelta(days=91)
            guide = (guided_end, (said[0] + said[1]) / 2)
    street = None
    stored = snap.street(symbol)
    for name in ("0y", "+1y"):
        found = stored.period(name) if stored is not None else None
        if found is None or found.end is None or found.revenue.average is None:
            continue
        if abs(found.end - year_end) <= _NEAR:
            street = (found.end, found.revenue.average)
    return forecast_year(year_end, quarters, guide=guide, street=street)
