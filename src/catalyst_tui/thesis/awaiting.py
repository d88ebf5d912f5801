"""A milestone settled by the report that can settle it. A milestone due 2026-12-31 ("Scorpio
becomes the largest product line by year-end") can only be judged from the report of the quarter
that contains that day (the Q4 FY2026 release, 10-Q or 10-K, in February): past its due date it
waits for that report, pending, and is missed only when the report is read without evidence for
it, or when a ceiling (100 days after that quarter's end) passes with the company's filings read
through it and no report among them. With none of the company's filings read (offline, nothing
fetched), it is unjudged, whatever the day: the absence of a report never looked for is no
absence. A milestone with `judged = "at due"` keeps the plain rule: missed the day after its due
date.

The quarter is the company's own (`Calendar`): the quarters its filings and releases report, its
fiscal years' ends from its annual figures (else the Street's fiscal years), and, past what they
show, quarters stepped on from them (13 weeks for a year of weeks, three months for a year of
months). A quarter is named ("Q2 FY2025") only where a fiscal year's end is known; never on the
calendar's year.

Pure: the quarter containing a day, and the settling of a pending milestone past its due date
from what the store has read. docs/thesis.md states the rule.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import math
from typing import TYPE_CHECKING, NamedTuple

from .judgement import Why

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .snapshot import MarketSnapshot

#: How long after the end of the quarter containing its due date a milestone waits for the
#: report before it is missed without one (a 10-K is due 60 to 90 days after a year's end).
CEILING = dt.timedelta(days=100)
#: A report of a quarter ending this close to the one awaited is of it (52/53-week years).
NEAR = dt.timedelta(days=7)
#: `judged = "at due"`: a date is the whole test.
AT_DUE = "at due"
JUDGED_VALUES = (AT_DUE, "by report")
#: Two quarters reported further apart than this have a quarter unreported between them.
_NEXT = dt.timedelta(days=100)
_WEEKS = dt.timedelta(weeks=13)
_QUARTER = dt.timedelta(days=365.25 / 4)


class Quarter(NamedTuple):
    """A fiscal quarter: its last day and its name ("Q4 FY2026", the fiscal year named by the
    calendar year it ends in; "" where the company's fiscal year is not known)."""

    end: dt.date
    label: str

    @property
    def start(self) -> dt.date:
        return self.end - dt.timedelta(days=91) + dt.timedelta(days=1)


class Calendar(NamedTuple):
    """A company's fiscal calendar as what was read of it shows: the ends of the quarters its
    filings and releases report and the ends of its fiscal years, each oldest first (empty:
    none known)."""

    quarters: tuple[dt.date, ...] = ()
    years: tuple[dt.date, ...] = ()


#: A company none of whose quarters or years is known.
UNKNOWN = Calendar()


class Settled(NamedTuple):
    """A pending milestone past its due date, settled: missed or still pending, and why
    (Reason.day and Reason.note as evaluate.py stores them)."""

    missed: bool
    why: Why
    day: dt.date | None  # the report's expected date, the ceiling passed, or the due date
    note: str  # the quarter's name: "Q4 FY2026" ("" where the fiscal year is not known)


def _shift(day: dt.date, months: int, last_day: int) -> dt.date:
    """`day` moved by `months`, on `last_day` of that month (or the month's last)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(last_day, calendar.monthrange(year, month + 1)[1]))


def _month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _weekly(known: Calendar) -> bool:
    """The company's quarters end on a weekday (a year of 52 or 53 weeks: NVIDIA's last Sunday
    of January), not on a month's last day."""
    sample = known.quarters[-1:] or known.years[-1:]
    return bool(sample) and not _month_end(sample[0])


def _year_end(year: int, anchor: dt.date, weekly: bool) -> dt.date:
    """The fiscal year's end in `year`, on the known year end `anchor`'s day: the month's last
    where it ends on it, the same weekday nearest the day for a year of weeks."""
    last = calendar.monthrange(year, anchor.month)[1]
    day = dt.date(year, anchor.month, last if _month_end(anchor) else min(anchor.day, last))
    if weekly:
        day += dt.timedelta(days=(anchor.weekday() - day.weekday() + 3) % 7 - 3)
    return day


def _quarter_ends(before: dt.date, year_end: dt.date, weekly: bool) -> list[dt.date]:
    """The ends of the four quarters of the fiscal year from `before` (the last one's end) to
    `year_end`: 13 weeks each for a year of weeks, else three months each."""
    if weekly:
        return [before + _WEEKS * n for n in (1, 2, 3)] + [year_end]
    last = 31 if _month_end(year_end) else year_end.day
    return [_shift(year_end, months, last) for months in (-9, -6, -3)] + [year_end]


def _reported(day: dt.date, ends: tuple[dt.date, ...]) -> dt.date | None:
    """The end of the reported quarter containing `day` (None: no quarter reported holds it)."""
    at = bisect.bisect_left(ends, day)
    if at == len(ends):
        return None
    start = ends[at - 1] if at else ends[at] - _QUARTER
    return ends[at] if day > start and ends[at] - start <= _NEXT else None


@functools.lru_cache(maxsize=4096)  # a milestone's due day and its company's calendar: few pairs
def quarter_of(day: dt.date, known: Calendar = UNKNOWN) -> Quarter:
    """The fiscal quarter containing `day` on the company's calendar (`known`): the reported
    quarter that holds it, else the one its fiscal years make; named where a year's end is
    known. With no year known, the quarters stepped on from the nearest reported, else the
    calendar's; unnamed."""
    weekly = _weekly(known)
    end = _reported(day, known.quarters)
    if known.years:
        anchor = min(known.years, key=lambda y: abs(y - day))
        years = [_year_end(n, anchor, weekly) for n in range(day.year - 2, day.year + 3)]
        at = next(i for i, y in enumerate(years) if y >= (day if end is None else end - NEAR))
        if end is None:
            ends = _quarter_ends(years[at - 1], years[at], weekly)
            end = next(e for e in ends if e >= day)
            return Quarter(end, f"Q{ends.index(end) + 1} FY{years[at].year}")
        left = round((years[at] - end) / _QUARTER)
        return Quarter(end, f"Q{4 - left} FY{years[at].year}" if 0 <= left <= 3 else "")
    if end is not None:
        return Quarter(end, "")
    reported = known.quarters
    anchor = min(reported, key=lambda e: abs(e - day)) if reported else dt.date(day.year, 12, 31)
    steps = math.floor((day - anchor) / _QUARTER) - 1
    while (stepped := _step(anchor, weekly, steps)) < day:
        steps += 1
    return Quarter(stepped, "")


def _step(end: dt.date, weekly: bool, quarters: int) -> dt.date:
    """The quarter end `quarters` quarters from `end` (negative: before it)."""
    if weekly:
        return end + _WEEKS * quarters
    return _shift(end, 3 * quarters, 31 if _month_end(end) else end.day)


def calendar_of(snap: MarketSnapshot, symbol: str) -> Calendar:
    """The symbol's fiscal calendar from what `snap` holds: the quarters of its revenue and of
    its releases, the years of its annual revenue (else of the Street's stored consensus:
    NVIDIA's late January offline, before SEC was reached)."""
    facts = snap.facts.get(symbol, {})
    quarters = [f.period_end for f in facts.get("revenue_q", ())]
    quarters += [r.period_end for r in snap.releases.get(symbol, ()) if r.period_end is not None]
    years = [f.period_end for f in facts.get("revenue_fy", ())]
    if not years:
        street = snap.street_of(symbol) if snap.street_of is not None else None
        periods = street.periods if street is not None else ()
        years = [c.end for c in periods if c.period.endswith("y") and c.end]
    return Calendar(_distinct(quarters), _distinct(years))


def _distinct(days: Iterable[dt.date]) -> tuple[dt.date, ...]:
    """`days` oldest first, one of any within NEAR of the one before (a quarter tagged with
    two end dates a day apart, a release's and a filing's)."""
    out: list[dt.date] = []
    for day in sorted(days):
        if not out or day - out[-1] > NEAR:
            out.append(day)
    return tuple(out)


def settle(
    quarter: Quarter,
    today: dt.date,
    *,
    reported_through: dt.date | None,
    evidence_on: dt.date | None,
    expected: dt.date | None,
    read_through: dt.date | None,
    due: dt.date | None = None,
) -> Settled:
    """A pending milestone past its due date, which lies in `quarter`: missed when a report of
    that quarter (or a later one) is read and no passage for it was published from the quarter's
    start on (`evidence_on`: the latest such passage's day), or when the ceiling passes with the
    company's filings read through it (`read_through`) and no report among them; unjudged with
    none of them read (None), saying so; else pending, awaiting the report (expected on the
    earnings calendar's `expected` date when that date is after the quarter's end), or, the
    report read with evidence, awaiting your judgement until the ceiling."""
    ceiling = quarter.end + CEILING
    reported = reported_through is not None and reported_through >= quarter.end - NEAR
    evidence = evidence_on is not None and evidence_on >= quarter.start
    if reported and not evidence:
        return Settled(True, Why.REPORT_WITHOUT_EVIDENCE, None, quarter.label)
    if reported:
        if today > ceiling:
            return Settled(True, Why.CEILING_PASSED, ceiling, quarter.label)
        return Settled(False, Why.REPORT_WITH_EVIDENCE, ceiling, quarter.label)
    if read_through is None:
        return Settled(False, Why.FILINGS_UNREAD, due, quarter.label)
    if today > ceiling and read_through >= ceiling:
        return Settled(True, Why.CEILING_PASSED, ceiling, quarter.label)
    when = expected if expected is not None and expected > quarter.end else None
    return Settled(False, Why.AWAITING_REPORT, when, quarter.label)


def reported_through(snap: MarketSnapshot, symbol: str) -> dt.date | None:
    """The end of the latest period a report read covers: an earnings release's quarter, or a
    10-Q's or 10-K's figure over a period."""
    ends = [r.period_end for r in snap.releases.get(symbol, []) if r.period_end is not None]
    for facts in snap.facts.get(symbol, {}).values():
        ends.extend(f.period_end for f in facts if f.period_start is not None)
    return max(ends, default=None)


def read_through(snap: MarketSnapshot, symbol: str) -> dt.date | None:
    """The day through which the company's filings were read: the last fetch of its filings
    or figures that answered (`snap.read_through`), and at least the latest filing read of them
    (a fetch whose time a later failure took); None: nothing of them was ever read."""
    days = [f.filed for facts in snap.facts.get(symbol, {}).values() for f in facts]
    days += [r.filed for r in snap.releases.get(symbol, ())]
    fetched = snap.read_through.get(symbol)
    if fetched is not None:
        days.append(fetched)
    return max(days, default=None)


def ceiling_of(symbol: str, due: dt.date, snap: MarketSnapshot) -> dt.date:
    """The last day a milestone due `due` waits for its quarter's report before the ceiling
    passes (on the company's calendar as `snap` holds it)."""
    return quarter_of(due, calendar_of(snap, symbol)).end + CEILING


def settle_milestone(
    symbol: str, ident: str, due: dt.date, snap: MarketSnapshot, today: dt.date
) -> Settled:
    """`settle` for a pending milestone past its due date, from what `snap` holds."""
    return settle(
        quarter_of(due, calendar_of(snap, symbol)),
        today,
        reported_through=reported_through(snap, symbol),
        evidence_on=snap.evidence_on.get((symbol, ident)),
        expected=snap.expected.get(symbol),
        read_through=read_through(snap, symbol),
        due=due,
    )
