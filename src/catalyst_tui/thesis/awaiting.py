"""A milestone settled by the report that can settle it. A milestone due 2026-12-31 ("Scorpio
becomes the largest product line by year-end") can only be judged from the report of the quarter
that contains that day (the Q4 FY2026 release, 10-Q or 10-K, in February): past its due date it
waits for that report, pending, and is missed only when the report is read without evidence for
it, or when a ceiling (100 days after that quarter's end) passes with no report read. A milestone
with `judged = "at due"` keeps the plain rule: missed the day after its due date.

Pure: the quarter containing a day (from the company's fiscal year-end day), and the settling of a
pending milestone past its due date from what the store has read. docs/thesis.md states the rule.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import TYPE_CHECKING, NamedTuple

from .judgement import Why

if TYPE_CHECKING:
    from .snapshot import MarketSnapshot

#: How long after the end of the quarter containing its due date a milestone waits for the
#: report before it is missed without one (a 10-K is due 60 to 90 days after a year's end).
CEILING = dt.timedelta(days=100)
#: A report of a quarter ending this close to the one awaited is of it (52/53-week years).
NEAR = dt.timedelta(days=7)
#: `judged = "at due"`: a date is the whole test.
AT_DUE = "at due"
JUDGED_VALUES = (AT_DUE, "by report")


class Quarter(NamedTuple):
    """A fiscal quarter: its last day and its name ("Q4 FY2026", the fiscal year named by the
    calendar year it ends in)."""

    end: dt.date
    label: str

    @property
    def start(self) -> dt.date:
        return self.end - dt.timedelta(days=91) + dt.timedelta(days=1)


class Settled(NamedTuple):
    """A pending milestone past its due date, settled: missed or still pending, and why
    (Reason.day and Reason.note as evaluate.py stores them)."""

    missed: bool
    why: Why
    day: dt.date | None  # the report's expected date, or the ceiling passed
    note: str  # the quarter's name: "Q4 FY2026"


def _shift(day: dt.date, months: int, last_day: int) -> dt.date:
    """`day` moved by `months`, on `last_day` of that month (or the month's last)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(last_day, calendar.monthrange(year, month + 1)[1]))


@functools.lru_cache(maxsize=4096)  # a milestone's due day and its company's year-end: few pairs
def quarter_of(day: dt.date, year_end: dt.date | None) -> Quarter:
    """The fiscal quarter containing `day`, on the company's year-end day (`year_end`'s, from
    its last annual figure; 31 December when none is known)."""
    month, last = (year_end.month, year_end.day) if year_end else (12, 31)
    anchor = dt.date(day.year - 1, month, min(last, calendar.monthrange(day.year - 1, month)[1]))
    ends = [_shift(anchor, 3 * k, last) for k in range(0, 12)]
    end = next(e for e in ends if e >= day)
    fiscal_end = next(e for e in ends if e >= end and e.month == month)
    number = 4 - ((fiscal_end.year * 12 + fiscal_end.month) - (end.year * 12 + end.month)) // 3
    return Quarter(end, f"Q{number} FY{fiscal_end.year}")


def settle(
    quarter: Quarter,
    today: dt.date,
    *,
    reported_through: dt.date | None,
    evidence_on: dt.date | None,
    expected: dt.date | None,
) -> Settled:
    """A pending milestone past its due date, which lies in `quarter`: missed when a report of
    that quarter (or a later one) is read and no passage for it was published from the quarter's
    start on (`evidence_on`: the latest such passage's day), or when the ceiling passes with no
    report; else pending, awaiting the report (expected on the earnings calendar's `expected`
    date when that date is after the quarter's end), or, the report read with evidence, awaiting
    your judgement until the ceiling."""
    ceiling = quarter.end + CEILING
    reported = reported_through is not None and reported_through >= quarter.end - NEAR
    evidence = evidence_on is not None and evidence_on >= quarter.start
    if reported and not evidence:
        return Settled(True, Why.REPORT_WITHOUT_EVIDENCE, None, quarter.label)
    if today > ceiling:
        return Settled(True, Why.CEILING_PASSED, ceiling, quarter.label)
    if reported:
        return Settled(False, Why.REPORT_WITH_EVIDENCE, ceiling, quarter.label)
    when = expected if expected is not None and expected > quarter.end else None
    return Settled(False, Why.AWAITING_REPORT, when, quarter.label)


def year_end_of(snap: MarketSnapshot, symbol: str) -> dt.date | None:
    """The end of the symbol's last fiscal year reported (its last annual revenue), else, where
    no annual figure is stored (SEC not reached yet, offline), the end of the fiscal year the
    Street's stored consensus is of (NVIDIA's late January: its quarters are its own, never
    the calendar's); None when neither is kept."""
    years = snap.facts.get(symbol, {}).get("revenue_fy", [])
    if years:
        return years[-1].period_end
    street = snap.street_of(symbol) if snap.street_of is not None else None
    ends = [c.end for c in street.periods if c.period.endswith("y") and c.end] if street else []
    return min(ends, default=None)


def reported_through(snap: MarketSnapshot, symbol: str) -> dt.date | None:
    """The end of the latest period a report read covers: an earnings release's quarter, or a
    10-Q's or 10-K's figure over a period."""
    ends = [r.period_end for r in snap.releases.get(symbol, []) if r.period_end is not None]
    for facts in snap.facts.get(symbol, {}).values():
        ends.extend(f.period_end for f in facts if f.period_start is not None)
    return max(ends, default=None)


def settle_milestone(
    symbol: str, ident: str, due: dt.date, snap: MarketSnapshot, today: dt.date
) -> Settled:
    """`settle` for a pending milestone past its due date, from what `snap` holds."""
    return settle(
        quarter_of(due, year_end_of(snap, symbol)),
        today,
        reported_through=reported_through(snap, symbol),
        evidence_on=snap.evidence_on.get((symbol, ident)),
        expected=snap.expected.get(symbol),
    )
