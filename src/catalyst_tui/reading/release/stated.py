"""The day a release's quarter ends where its tables give none: a statement headed "First-Quarter"
over "2025 | 2024", whose note says "The financial statements present the three months ended
March 30, 2025 and March 31, 2024" (Pfizer); a results table of quarters named by their order
("2Q25 | 1Q25 | 2Q24"), whose text lists the days those quarters ended in the same order ("Book
value per share was $122.51, $119.24 and $111.29 at June 30, 2025, March 31, 2025 and June 30,
2024, respectively"): each day a quarter's span from the next, as the names are (a bank); or
names the quarter with its end ("results for its third quarter ended September 30, 2025": the
column "Q3 2025", never "Q3 FY26"). A 10-Q's "quarterly period ended March 31, 2025" names no
quarter, and is no answer.

Pure. Only the statements' own note is taken, and only when it names one day for the year the
columns carry: a sentence on "subsidiaries operating outside the U.S. ... the three months ended
February 23, 2025" is another matter, and two days named for the same year are no answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .labels import eps_diluted, eps_nongaap
from .periods import Kind, bare_years, day_at, order_named

if TYPE_CHECKING:
    from .tables import Segment

__all__ = [
    "date_orders",
    "date_quarters",
    "date_own_quarter",
    "per_share",
    "reported_end",
    "stated_quarter_ends",
]

_NOTE = re.compile(
    r"statements? (?:presents?|reflects?|includes?|covers?) (?:the )?"
    r"three(?: and (?:six|nine|(twelve)) )?\s*months ended (?:on )?"
)


# "for its first quarter ended March 31, 2025", "three months ended", "13 weeks ended", "the
# second quarter of 2026, which ended on June 29, 2026"
_REPORTED = re.compile(
    r"(?:quarter|three months|thirteen weeks|13 weeks|twelve weeks|12 weeks|sixteen weeks)"
    r",? (?:of (?:fiscal (?:year )?)?\d{4},? )?(?:which |that )?ended (?:on )?"
)


def reported_end(text: str, filed: date | None) -> date | None:
    """The latest day the release's text says a quarter ended on ("results for its first
    quarter ended March 31, 2025"), up to the day its 8-K was filed when known: the period the
    release reports. A statement whose latest quarter ends before it is of another period (a
    prior-year column read as the quarter's). None when the text names no such day."""
    lower = text.lower()
    days = [
        day
        for said in _REPORTED.finditer(lower)
        if (day := day_at(lower, said.end())) is not None and (filed is None or day <= filed)
    ]
    return max(days, default=None)


def stated_quarter_ends(text: str) -> set[date]:
    """The first day named by each of the statements' notes of the quarter they present."""
    return {day for day, _ in _notes(text)}


def _notes(text: str) -> set[tuple[date, bool]]:
    """Each note's day, and whether it presents the twelve months ended that day too ("the
    three and twelve months ended December 31, 2024": a fourth quarter and its year)."""
    lower = text.lower()
    found = set()
    for note in _NOTE.finditer(lower):
        if (day := day_at(lower, note.end())) is not None:
            found.add((day, note[1] is not None))
    return found


def date_quarters(segments: list[Segment], text: str) -> list[Segment] | None:
    """The segments with each undated quarter column of the stated year ("First-Quarter 2025")
    dated the day the statements' note gives, and each undated year column of that year
    ("Full-Year" over "2024") when the note presents the twelve months ended that day too;
    None when the note gives no single day."""
    notes = _notes(text)
    if len({day for day, _ in notes}) != 1:
        return None
    day = next(iter(notes))[0]
    kinds = {Kind.QUARTER, *(Kind.YEAR for _, twelve in notes if twelve)}
    year = str(day.year)
    dated: list[Segment] = []
    for segment in segments:
        lines = []
        for line in segment.lines:
            figures = tuple(
                replace(f, column=replace(f.column, end=day))
                if f.column.kind in kinds
                and f.column.end is None
                and not f.column.forecast
                and bare_years(f.column.text) == {year}
                else f
                for f in line.figures
            )
            lines.append(replace(line, figures=figures))
        dated.append(replace(segment, lines=tuple(lines)))
    return dated


# "June 30, 2025, March 31, 2025 and June 30, 2024": two or more days, in a list
_DAY = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}, (?:19|20)\d\d"
_DAY_LIST = re.compile(rf"{_DAY}(?:,? (?:and )?{_DAY})+")
_QUARTER_DAYS = 91.31  # a quarter's mean length; a 13-week quarter or a calendar one
_SLACK_DAYS = 10  # 52/53-week years end a quarter a few days either side


def date_orders(segments: list[Segment], text: str) -> list[Segment] | None:
    """The segments with each quarter column named by its order ("2Q25") dated by a list of days
    the text gives in the columns' order, the days as far apart as the quarters named; None
    when no segment has such columns and such a list, or two lists date a quarter differently."""
    # a quarter named with its end dates its column only where no table names a later one: the
    # release reports its latest quarter ("first quarter ended June 30" beside "2Q25" is wrong)
    latest = _latest_orders(segments)
    if not latest:
        return None  # no column named by its order: the text is not read for days
    lower = text.lower()
    lists = [
        [d for at in re.finditer(_DAY, found.group()) if (d := day_at(found.group(), at.start()))]
        for found in _DAY_LIST.finditer(lower)
    ]
    named = _named_ends(lower)
    if named is None:
        return None  # "third quarter ended" two different days
    days = {order: day for order, day in named.items() if order in latest}
    for segment in segments:
        orders = _orders(segment)
        for listed in lists:
            if (
                len(listed) == len(orders)
                and _spaced(orders, listed)
                and _fits(*orders[0], listed[0])
            ):
                for order, day in zip(orders, listed, strict=True):
                    if days.setdefault(order, day) != day:
                        return None  # two lists, two days for one quarter: no answer
    if not days:
        return None
    return _dated(segments, days)


_HEAD_CHARS = 3000  # the headline and first paragraph: where a release names its quarter


def date_own_quarter(segments: list[Segment], text: str, end: date) -> list[Segment] | None:
    """The segments with each column named by the quarter the release's head names by its order
    ("ExxonMobil announces third-quarter 2025 results": "3Q25") dated `end`, its statement's
    day, where that is the latest quarter its tables name and can end on that day; else None."""
    named = order_named(text[:_HEAD_CHARS].lower())
    if named is None or named not in _latest_orders(segments) or not _fits(*named, end):
        return None
    return _dated(segments, {named: end})


def _dated(segments: list[Segment], days: dict[tuple[int, int], date]) -> list[Segment]:
    """The segments with each undated column named by an order in `days` dated that day."""
    return [
        replace(
            segment,
            lines=tuple(
                replace(
                    line,
                    figures=tuple(
                        replace(f, column=replace(f.column, end=days[f.column.order]))
                        if f.column.kind in (Kind.QUARTER, Kind.YEAR)
                        and f.column.end is None
                        and f.column.order in days
                        and not f.column.forecast
                        else f
                        for f in line.figures
                    ),
                )
                for line in segment.lines
            ),
        )
        for segment in segments
    ]


def per_share(segment: Segment, dated: Segment) -> Segment:
    """`segment` with its per-share lines as `dated` (date_orders) dates them: beside a dated
    statement, only a summary's EPS is read from it, its amounts being the statement's."""
    lines = tuple(
        new if eps_diluted(old) or eps_nongaap(old, segment.title) else old
        for old, new in zip(segment.lines, dated.lines, strict=True)
    )
    return replace(segment, lines=lines)


# "results for its third quarter ended September 30, 2025", "fourth quarter and full year
# ended December 31, 2024", "second quarter of fiscal 2026 ended July 27, 2025"
_NAMED_END = re.compile(
    r"\b(first|second|third|fourth)[- ]quarter(?: of)?(?: fiscal(?: year)?)?(?: ((?:19|20)\d\d))?"
    r"(?P<year> and (?:the )?(?:full[- ]|fiscal )?year(?: ((?:19|20)\d\d))?)?,?"
    r" (?:which |that )?ended,? (?:on )?"  # "the second quarter of 2026, which ended on ..."
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _named_ends(lower: str) -> dict[tuple[int, int], date] | None:
    """The day each quarter the text names with its end ends: (fiscal year, quarter) -> day; the
    fiscal year as named, else the day's own year (a fiscal year named otherwise, "Q3 FY24"
    ending in 2023, then matches no column: undated rather than guessed). A quarter's (or with
    "and full year" the year's, (fiscal year, 0)) two different days: None."""
    days: dict[tuple[int, int], date] = {}
    for named in _NAMED_END.finditer(lower):
        day = day_at(lower, named.end())
        if day is None:
            continue
        year = int(named[2] or named[4] or day.year)
        if not _fits(year, _ORDINALS[named[1]], day):
            continue
        orders = [(year, _ORDINALS[named[1]])] + ([(year, 0)] if named["year"] else [])
        for order in orders:
            if days.setdefault(order, day) != day:
                return None
    return days


def _latest_orders(segments: list[Segment]) -> set[tuple[int, int]]:
    """The latest quarter and the latest year any table names by its order."""
    quarters: set[tuple[int, int]] = set()
    years: set[tuple[int, int]] = set()
    for segment in segments:
        for line in segment.lines:
            for f in line.figures:
                if f.column.order and not f.column.forecast:
                    (years if f.column.kind is Kind.YEAR else quarters).add(f.column.order)
    return {max(found) for found in (quarters, years) if found}


def _orders(segment: Segment) -> list[tuple[int, int]]:
    """The quarters named by their order in the segment's columns, left to right, each once."""
    found: list[tuple[int, int]] = []
    for line in segment.lines:
        for f in line.figures:
            column = f.column
            if (
                column.kind is Kind.QUARTER
                and column.end is None
                and column.order
                and column.order not in found
                and not column.forecast
            ):
                found.append(column.order)
    return found if len(found) > 1 else []


_LATE_DAYS = 12  # a 52/53-week year named 2025 may end on January 3, 2026


def _fits(year: int, quarter: int, day: date) -> bool:
    """Whether a quarter of fiscal `year` can end on `day`: the year it ends (the rest of its
    quarters after it) ends in the calendar year it is named by, as Q2 FY26 ending July 27, 2025
    is NVIDIA's (FY26 ending January 2026); the same days listed a year early are not."""
    end = day + timedelta(days=round((4 - quarter) * _QUARTER_DAYS))
    return end.year == year or end.year == year + 1 and end.timetuple().tm_yday <= _LATE_DAYS


def _spaced(orders: list[tuple[int, int]], days: list[date]) -> bool:
    """Whether the days are as far apart as the quarters named: 2Q25, 1Q25, 2Q24 and June 30,
    2025, March 31, 2025, June 30, 2024 (a quarter, then four)."""
    first, day = orders[0], days[0]
    for order, other in zip(orders[1:], days[1:], strict=True):
        quarters = (first[0] - order[0]) * 4 + first[1] - order[1]
        if abs((day - other).days - quarters * _QUARTER_DAYS) > _SLACK_DAYS:
            return False
    return True
