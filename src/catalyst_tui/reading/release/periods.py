"""What the header cells above a release's figures say of their period: how long, ending when.

Pure. "Three Months Ended October 29, 2023" is a quarter ending 2023-10-29; "Quarter Ended
December 31," over "2023" is too; "Q3 FY24" or "Q4'24" is a quarter with no date but an order;
"Six Months Ended", "Year to Date" or "Thirty-Nine Weeks Ended" is neither quarter nor year;
"Twelve Months Ended", "Year Ended" or "52 Weeks Ended" is a year; a difference between periods
("Change vs 3Q24", "$ O/(U)" under "1Q25") is no period at all. "Forecast", "Outlook",
"Low"/"High" mark a forecast column; "Non-GAAP"/"Adjusted" and "GAAP"/"As Reported" its basis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "Column",
    "Kind",
    "bare_years",
    "dated",
    "day_at",
    "order_named",
    "read_column",
    "year_alone",
]


class Kind(StrEnum):
    """How long a column's period is."""

    QUARTER = "quarter"
    YEAR = "year"
    OTHER = "other"  # six or nine months, year to date, trailing twelve months


@dataclass(frozen=True, slots=True)
class Column:
    """What the header cells above a figure say of its period."""

    kind: Kind | None
    end: date | None
    # (fiscal year, quarter) of a "Q3 FY24", "Q4'24" or "Fourth Quarter 2024" label; a year
    # column's "Full Year 2024" is (2024, 0)
    order: tuple[int, int] | None
    forecast: bool
    non_gaap: bool | None  # None: the header does not say
    text: str


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
# A month's name is at most six letters past its first three ("sep|tember"): a bounded run, so
# a run of letters ("janjanjan...") is read in linear time, never once from each of its months
_DATE = re.compile(
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s*(\d{1,2})\b,?\s*"
    r"((?:19|20)\d\d)?"
)
# "30 September 2025", "2-Nov-2024": the day first, its year written out
# "30-Sep-25", "9/30/25": a two-digit year is of this century, in a header only
_DAY_FIRST = re.compile(
    r"\b(\d{1,2})[\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[\s,-]+"
    r"((?:19|20)\d\d|(?<=-)\d\d)\b"
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d|\d\d)\b")
_BARE_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])")
_YEAR_ALONE = re.compile(r"^\s*(?:19|20)\d\d\s*$")
# A span's words, also as headers abbreviate or hyphenate them: "3 Mos. Ended", "Qtr Ended",
# "Three-Month Period Ended", "Nine-Month"
_OTHER = re.compile(
    r"six[- ]months?|nine[- ]months?|\b[69][- ](?:months?|mos\b)|twenty-six|thirty-nine"
    r"|\b(?:26|39|24|36|40) weeks|year[- ]to[- ]date|\bytd\b|\bttm\b|trailing"
    r"|\b(?:two|three|2|3) quarters\b"  # "First Two Quarters": a span of quarters, not one
)
_QUARTER = re.compile(
    r"three[- ]months?|\b3[- ](?:months?|mos\b)|thirteen weeks|twelve weeks|fourteen weeks"
    r"|sixteen weeks|\b1[2-6] weeks|quarter|\bqtrs?\b|\bq[1-4]\b|\bq[1-4]'"
    r"|\b[1-4]q\s?'?(?:19|20)?\d\d\b"
)
_YEAR_KIND = re.compile(
    r"twelve[- ]months?|\b12[- ](?:months?|mos\b)|years? ended|fiscal year|full[- ]year"
    r"|fifty-(?:two|three) weeks|\b5[23] weeks|\bfy\s?'?\d{2,4}\b"
)
_ORDER = re.compile(
    r"\bq([1-4])\s*(?:fy|fiscal)?\s*'?((?:19|20)?\d\d)\b"
    r"|\b([1-4])q\s?'?((?:19|20)?\d\d)\b"  # "1Q25", "4Q 2024"
    r"|\b(first|second|third|fourth)\s*-?\s*quarter\s*(?:of\s*)?(?:fiscal\s*)?((?:19|20)\d\d)\b"
)
_ADJUSTMENT = re.compile(r"\badjustments?\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_FORECAST = re.compile(r"forecast|outlook|guidance|target|estimate|\blow\b|\bhigh\b")
# A column of differences between periods ("Change vs 3Q24", "$ O/(U)" under "1Q25", "B/(W)"):
# its figures are of no one period, whatever period its header names
_COMPARISON = re.compile(r"\bchange\b|\bo/\(u\)|\bb/\(w\)|\bvs\.?\s|\bversus\b|\bvariance\b")


def dated(lower: str) -> bool:
    """Whether lower-case text holds a date ("october 29, 2023", "11/30/2024", "30 september
    2025")."""
    return any(p.search(lower) is not None for p in (_DATE, _NUMERIC_DATE, _DAY_FIRST))


def day_at(lower: str, at: int) -> date | None:
    """The day named at `at` in lower-case text with its year ("march 30, 2025"), if one is."""
    named = _DATE.match(lower, at)
    if named is None or named[3] is None:
        return None
    return _date(int(named[3]), _MONTHS[named[1]], int(named[2]))


def year_alone(text: str) -> bool:
    """Whether `text` is a year and nothing else ("2024"): a column's heading, not a figure."""
    return _YEAR_ALONE.match(text) is not None


def order_named(lower: str) -> tuple[int, int] | None:
    """The first quarter lower-case text names by its order and year ("third-quarter 2025",
    "3Q25", "Q3 FY24"), as (fiscal year, quarter); None if it names none."""
    labelled = _ORDER.search(lower)
    if labelled is None:
        return None
    quarter = labelled[1] or labelled[3] or str(_ORDINALS.get(labelled[5], ""))
    year = int(labelled[2] or labelled[4] or labelled[6])
    return (year + 2000 if year < 100 else year, int(quarter))


def bare_years(text: str) -> set[str]:
    """The years written alone in `text` ("First-Quarter 2025": {"2025"})."""
    return set(_BARE_YEAR.findall(text))


@lru_cache(maxsize=4096)  # the same headers recur from table to table
def read_column(text: str) -> Column:
    """A column's period from its header text ("Three Months Ended October 29, 2023")."""
    lower = text.lower()
    kind = None
    for candidate, pattern in (
        (Kind.OTHER, _OTHER),
        (Kind.QUARTER, _QUARTER),
        (Kind.YEAR, _YEAR_KIND),
    ):
        if pattern.search(lower):
            kind = candidate
            break
    order = order_named(lower)
    if order is None and kind is Kind.YEAR and len(years := set(_BARE_YEAR.findall(lower))) == 1:
        order = (int(years.pop()), 0)  # "Full Year 2024": a fiscal year by its name
    non_gaap = None
    if _ADJUSTMENT.search(lower):
        pass  # "Non-GAAP Adjustment": what is added to the GAAP figure, not the measure
    elif "non-gaap" in lower or "adjusted" in lower:
        non_gaap = True
    elif "gaap" in lower or "as reported" in lower:
        non_gaap = False
    forecast = _FORECAST.search(lower) is not None
    if _COMPARISON.search(lower):
        return Column(None, None, None, forecast, non_gaap, text)
    return Column(kind, _end_date(lower), order, forecast, non_gaap, text)


def _end_date(lower: str) -> date | None:
    written = ((m.span(), _written(m)) for m in _DATE.finditer(lower) if m[3])
    days = {(span, when) for span, when in written if when is not None}
    if len({when for _, when in days}) > 1:
        return _own_year(lower, days)
    if numeric := _NUMERIC_DATE.search(lower):
        month, day, year = (int(g) for g in numeric.groups())
        return _date(year + 2000 if year < 100 else year, month, day)
    named = _DATE.search(lower)
    if named is None:
        if first := _DAY_FIRST.search(lower):
            year = int(first[3])
            return _date(year + 2000 if year < 100 else year, _MONTHS[first[2]], int(first[1]))
        return None
    year_text = named[3]
    if year_text is None:
        years = _BARE_YEAR.findall(lower)
        if len(set(years)) != 1:
            return None
        year_text = years[0]
    return _date(int(year_text), _MONTHS[named[1]], int(named[2]))


def _written(named: re.Match[str]) -> date | None:
    """The day a _DATE match names with its year ("july 3, 2004")."""
    return _date(int(named[3]), _MONTHS[named[1]], int(named[2]))


def _own_year(lower: str, days: set[tuple[tuple[int, int], date]]) -> date | None:
    """Of the days a heading names over columns of two years ("For the 13 Weeks Ended July 3,
    2004 and June 28, 2003" over "2004 | 2003"), the one of the year written alone beside them
    (the column's own year heading); None when no one year picks one day."""
    cuts = [0, *(at for (start, end), _ in sorted(days) for at in (start, end)), len(lower)]
    rest = " ".join(lower[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2))
    years = {int(year) for year in _BARE_YEAR.findall(rest)}
    picked = {day for _, day in days if day.year in years}
    return picked.pop() if len(picked) == 1 else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
