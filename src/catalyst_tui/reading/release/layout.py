"""A company's layout: where each figure of a release was read (`places_of`), and a release read
through the places its company's release confirmed by XBRL taught (`checked`).

Pure. A place is a table (its title, digits taken out: "Three Months Ended" tables recur with
other dates), which of the tables so titled holds the row in the period, the row (label and
section) and which of the row's columns of the period's length (quarter or year) it stood in:
the first quarter column is the reported one on every release of a company that prints the
current quarter first, whatever columns stand beside it (nine months, or a year).

The company's next release is read by its structure as always; the layout is then asked first
for each figure: where its place holds a value and the structural reading another, the figure
is not reported (Gap.LAYOUT_DISAGREES), as one of the two readings is wrong and which cannot be
told. Where the place is not found (the company changed its tables) or the structure read
nothing, the structural reading stands alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .periods import Kind
from .records import FIGURES, Gap, Place, ReleaseFigures
from .tables import Figure, Line, Segment

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date
    from decimal import Decimal

__all__ = ["checked", "places_of"]

_DIGITS = re.compile(r"\d+")
_PER_SHARE = frozenset({"eps_diluted", "eps_nongaap"})
_KINDS = {"quarter": Kind.QUARTER, "year": Kind.YEAR}


@lru_cache(maxsize=1024)
def _title_key(title: str) -> str:
    return " ".join(_DIGITS.sub("#", title).split())


def _key(segment: Segment) -> str:
    return _title_key(segment.title)


def _of_period(line: Line, kind: Kind) -> list[Figure]:
    """The row's figures under columns of the period's length, in order."""
    return [f for f in line.figures if f.column.kind is kind and not f.percent]


Rows = list[tuple[Segment, str, dict[tuple[str, str], Line]]]  # each segment, its key, rows


def _rows(segments: list[Segment]) -> Rows:
    """Each segment with its key and the first line of each (label, section) it holds."""
    found = []
    for segment in segments:
        first: dict[tuple[str, str], Line] = {}
        for line in segment.lines:
            first.setdefault((line.label, line.section), line)
        found.append((segment, _key(segment), first))
    return found


def _holding(
    rows: Rows, key: str, row: str, section: str, kind: Kind, k: int, end: date
) -> list[tuple[Segment, Figure]]:
    """The segments titled `key` whose row has, as its k-th figure of the period's length, one
    of the period ending `end` (or undated), with that figure, in document order."""
    found = []
    for segment, titled, first in rows:
        line = first.get((row, section)) if titled == key else None
        figures = _of_period(line, kind) if line is not None else []
        if k < len(figures) and figures[k].column.end in (end, None):
            found.append((segment, figures[k]))
    return found


def places_of(
    segments: list[Segment], period: str, end: date, used: Mapping[str, Figure]
) -> list[Place]:
    """Where each figure in `used` (by name) was printed; a figure whose row is not the first
    of its label in its table, or whose column is not of the period's length, has no place
    that would find it again."""
    kind = _KINDS[period]
    wanted = {id(figure): name for name, figure in used.items()}
    rows = _rows(segments) if wanted else []
    found = []
    for segment, _, first in rows:
        for line in segment.lines:
            for figure in line.figures:
                name = wanted.pop(id(figure), None)
                if name is not None and first[line.label, line.section] is line:
                    place = _place(rows, segment, line, figure, name, period, kind, end)
                    found += [place] if place is not None else []
        if not wanted:
            break
    return found


def _place(
    rows: Rows,
    segment: Segment,
    line: Line,
    figure: Figure,
    name: str,
    period: str,
    kind: Kind,
    end: date,
) -> Place | None:
    at = next((i for i, f in enumerate(_of_period(line, kind)) if f is figure), None)
    if at is None:
        return None
    key = _key(segment)
    holding = _holding(rows, key, line.label, line.section, kind, at, end)
    nth = next((i for i, (s, _) in enumerate(holding) if s is segment), None)
    if nth is None:
        return None
    return Place(
        figure=name,
        period=period,
        table=key,
        nth=nth,
        row=line.label,
        section=line.section,
        column=at,
    )


def _value_at(rows: Rows, place: Place, end: date) -> Decimal | None:
    """The value printed at `place` (scaled, for an amount), None where it is not found."""
    kind = _KINDS[place.period]
    holding = _holding(rows, place.table, place.row, place.section, kind, place.column, end)
    if place.nth >= len(holding):
        return None
    segment, figure = holding[place.nth]
    if place.figure in _PER_SHARE:
        return figure.value
    return None if segment.scale is None else figure.value * segment.scale


def checked(
    figures: ReleaseFigures,
    period: str,
    end: date,
    layout: Iterable[Place],
    segments: list[Segment],
) -> ReleaseFigures:
    """`figures` with each one the layout's place for it disagrees with taken out."""
    disagree = set()
    rows: Rows | None = None
    for place in layout:
        read = getattr(figures, place.figure, None) if place.figure in FIGURES else None
        if place.period != period or read is None or place.figure in figures.derived:
            continue
        rows = _rows(segments) if rows is None else rows
        there = _value_at(rows, place, end)
        if there is None:
            continue
        if abs(float(there) - read) > 1e-9 * max(1.0, abs(read)):
            disagree.add(place.figure)
    if not disagree:
        return figures
    missing = dict(figures.missing) | dict.fromkeys(disagree, Gap.LAYOUT_DISAGREES)
    kept: dict[str, float | None] = {
        name: None if name in disagree else getattr(figures, name) for name in FIGURES
    }
    return ReleaseFigures(
        **kept,
        missing=tuple((name, missing[name]) for name in FIGURES if name in missing),
        derived=figures.derived,
    )
