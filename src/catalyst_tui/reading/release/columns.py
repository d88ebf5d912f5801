"""The period of a figure's column: what the header cells above it say together (release_periods
reads their words). A row of years heading only some of the columns takes the period heading
beside it; where a heading nearer the figures names another length than one spanning the whole
table ("Year Ended" under "Three Months Ended"), the nearer one holds.

Pure, no I/O: cells in, a `Column` out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .periods import Column, Kind, read_column, year_alone

if TYPE_CHECKING:
    from .document import Cell

__all__ = ["column_period"]


def column_period(
    headers: list[Cell], start: int, end: int, seen: dict[tuple[int, int], Column]
) -> Column:
    """The period the header cells overlapping [start, end) describe together."""
    key = (start, end)
    if key not in seen:
        covering = [h for h in headers if h.start < end and start < h.end]
        text = " ".join(h.text for h in covering)
        if year_alone(text) and (period := _period_beside(headers, start, end)):
            text = f"{period} {text}"
        column = read_column(text)
        if column.kind is not None and (nearest := _nearest_length(covering)) is not None:
            column = replace(column, kind=nearest)
        seen[key] = column
    return seen[key]


def _nearest_length(covering: list[Cell]) -> Kind | None:
    """The length the heading nearest the figures names, where the headings above it name
    another and span it ("Three Months Ended" over the whole table, "Year Ended" under it over
    the last columns: those are years); None where the headings agree, or where two side by
    side straddle the figure (no heading is nearer)."""
    named = [(h, kind) for h in covering if (kind := read_column(h.text).kind) is not None]
    if len({kind for _, kind in named}) < 2:
        return None
    nearest, kind = named[-1]
    above = [h for h, other in named if other is not kind]
    if all(h.start <= nearest.start and nearest.end <= h.end for h in above):
        return kind
    return None


def _period_beside(headers: list[Cell], start: int, end: int) -> str | None:
    """The period heading of a row of years that spans only some of them: a year column with no
    heading of its own ("Three Months Ended March 31," over "2024" alone, "2025" beside it
    under nothing) takes the nearest heading naming a period's length and no year nor order, on
    its left, else on its right. Which of the years is the period's is then the year's to say."""
    periods = [
        h
        for h in headers
        if (h.end <= start or h.start >= end)
        and (column := read_column(h.text)).kind is not None
        and column.order is None  # "3Q24" is a quarter of its own, no heading of the years
        and not _BARE_YEARS.search(h.text)
    ]
    left = [h for h in periods if h.end <= start]
    if left:
        return max(left, key=lambda h: h.end).text
    right = [h for h in periods if h.start >= end]
    return min(right, key=lambda h: h.start).text if right else None


_BARE_YEARS = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")
