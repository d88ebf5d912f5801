"""The day a release's quarter ends where its tables give none: a statement headed "First-Quarter"
over "2025 | 2024", whose note says "The financial statements present the three months ended
March 30, 2025 and March 31, 2024" (Pfizer).

Pure. Only the statements' own note is taken, and only when it names one day for the year the
columns carry: a sentence on "subsidiaries operating outside the U.S. ... the three months ended
February 23, 2025" is another matter, and two days named for the same year are no answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .release_periods import Kind, bare_years, day_at
from .release_tables import Segment

__all__ = ["date_quarters", "stated_quarter_ends"]

_NOTE = re.compile(
    r"statements? (?:presents?|reflects?|includes?|covers?) (?:the )?"
    r"three(?: and (?:six|nine) )?\s*months ended (?:on )?"
)


def stated_quarter_ends(text: str) -> set[date]:
    """The first day named by each of the statements' notes of the quarter they present."""
    lower = text.lower()
    days = set()
    for note in _NOTE.finditer(lower):
        if (day := day_at(lower, note.end())) is not None:
            days.add(day)
    return days


def date_quarters(segments: list[Segment], text: str) -> list[Segment] | None:
    """The segments with each undated quarter column of the stated year ("First-Quarter 2025")
    dated the day the statements' note gives; None when the note gives no single day."""
    days = stated_quarter_ends(text)
    if len(days) != 1:
        return None
    day = days.pop()
    year = str(day.year)
    dated: list[Segment] = []
    for segment in segments:
        lines = []
        for line in segment.lines:
            figures = tuple(
                replace(f, column=replace(f.column, end=day))
                if f.column.kind is Kind.QUARTER
                and f.column.end is None
                and not f.column.forecast
                and bare_years(f.column.text) == {year}
                else f
                for f in line.figures
            )
            lines.append(replace(line, figures=figures))
        dated.append(replace(segment, lines=tuple(lines)))
    return dated
