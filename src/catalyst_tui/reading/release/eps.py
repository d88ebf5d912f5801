"""Per-share figures read outside the income statement: non-GAAP diluted EPS wherever the release
labels it, and GAAP diluted EPS from a summary table where the statement prints none.

Pure. A figure counts only in a column that is the reported period: dated on its day; undated
("Q3 FY24", "1Q25") and holding, in the same table, one of the statement's own figures (its
anchors: revenue, net income, diluted EPS); or, on a fourth-quarter release (the statement has a
year ending that day), labelled with that year ("4Q 2024", "Fourth Quarter 2024", "Full Year
2024", or "2024" alone beside "4Q 2024") and the latest such label of its table. Two shapes
besides rows of periods:

- a reconciliation column ("Operating (Non-GAAP)") standing beyond the reach of the one period
  header its table has ("Three Months Ended June 30, 2025") is in that period;
- a transposed table, whose columns are line items ("... | Net income | Diluted net income per
  share") and whose rows are bases ("Reported (GAAP)", "Comparable (Non-GAAP)"): the non-GAAP
  row's figure under the diluted-EPS column, where the GAAP row's figure there is the statement's
  own diluted EPS (the check that the column was found), in a table of the reported period.

Two different values found are ambiguous: none, rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .labels import eps_diluted, eps_nongaap, names_per_share, net_income_rank, revenue_rank
from .periods import Column, Kind, year_alone
from .records import Gap
from .tables import Figure, Line, Segment, normal_label

if TYPE_CHECKING:
    from datetime import date

__all__ = ["Period", "gaap_eps_summary", "non_gaap_title", "nongaap_eps"]

_NON_GAAP_TITLE = re.compile(r"non-gaap|adjusted|reconciliation")
_NON_GAAP_ROW = re.compile(r"non-gaap|\badjusted\b|\bcore\b|\bcomparable\b|\boperating \(non")
_GAAP_ROW = re.compile(r"^(?:reported|as reported|gaap)\b|(?<!non-)\bgaap\b(?! to)")
_NOT_A_LEVEL = re.compile(r"%|change|growth|impact|year/year|margin|rate")


def non_gaap_title(title: str) -> bool:
    """Whether a table's title says its figures are non-GAAP ("Reconciliation of ...")."""
    return _NON_GAAP_TITLE.search(title) is not None


@dataclass(frozen=True, slots=True)
class Period:
    """The period a figure must be of: its length, its last day, whether the release is a
    fourth-quarter one, and the statement's own figures for it."""

    kind: Kind
    end: date
    fourth: bool  # the statement has a year ending on `end`
    anchors: dict[str, Decimal]
    durationless: bool = False  # a column dated `end` without its length is this period


def nongaap_eps(segments: list[Segment], period: Period) -> tuple[Figure | None, Gap]:
    """The non-GAAP diluted EPS of `period` the release labels (the first figure printed with
    its value), or None and why."""
    values: dict[Decimal, Figure] = {}
    for segment in segments:
        inherited: Column | None | bool = False  # the segment's lone period, once asked
        for line in segment.lines:
            labelled = eps_nongaap(line, segment.title)
            if not labelled and not eps_diluted(line):
                continue
            for figure in line.figures:
                column = figure.column
                if figure.percent or column.forecast:
                    continue
                if not labelled and column.non_gaap is not True:
                    continue
                if column.kind is None and column.end is None and column.non_gaap:
                    if inherited is False:
                        inherited = _lone_period(segment)
                    if isinstance(inherited, Column):
                        column = inherited  # beyond the reach of its table's one period header
                if _reported(segment, column, period):
                    values.setdefault(figure.value, figure)
        for figure in _transposed(segment, period):
            values.setdefault(figure.value, figure)
    if len(values) == 1:
        return next(iter(values.values())), Gap.NOT_STATED
    return None, Gap.AMBIGUOUS if values else Gap.NOT_STATED


def gaap_eps_summary(segments: list[Segment], statement: Segment, period: Period) -> Figure | None:
    """GAAP diluted EPS from a table other than the statement (a highlights or summary table),
    in a column of the reported period, where all such tables agree."""
    found: dict[Decimal, Figure] = {}
    for segment in segments:
        if segment is statement or non_gaap_title(segment.title):
            continue
        for line in segment.lines:
            if not eps_diluted(line):
                continue
            for figure in line.figures:
                column = figure.column
                if figure.percent or column.forecast or column.non_gaap:
                    continue
                if _reported(segment, column, period, anchored=False):
                    found.setdefault(figure.value, figure)
    return next(iter(found.values())) if len(found) == 1 else None


def _reported(segment: Segment, column: Column, period: Period, anchored: bool = True) -> bool:
    """Whether `column` is the reported period (module docstring)."""
    kind, end = period.kind, period.end
    if kind is Kind.YEAR and period.fourth and column.kind is None and _bare_year(segment, column):
        return int(column.text) == end.year  # "4Q 2024 | 3Q 2024 | 4Q 2023 | 2024 | 2023"
    if column.kind is not kind and not (
        period.durationless and column.kind is None and column.end == end
    ):
        return False
    if column.end is not None:
        return column.end == end
    if column.order is None:
        return False
    if period.fourth and column.order == (end.year, 4 if kind is Kind.QUARTER else 0):
        return _latest(segment, column)
    return anchored and _anchored(segment, column, period.anchors)


def _bare_year(segment: Segment, column: Column) -> bool:
    """Whether `column` is headed by a year alone, the latest of such columns, in a table
    whose other columns are quarters named by their order ("4Q 2024"): the year's column."""
    if not year_alone(column.text):
        return False
    columns = {f.column for line in segment.lines for f in line.figures}
    years = [int(c.text) for c in columns if year_alone(c.text)]
    quarters = [c for c in columns if c.kind is Kind.QUARTER and c.order and not c.forecast]
    return bool(quarters) and int(column.text) == max(years)


def _latest(segment: Segment, column: Column) -> bool:
    """Whether no column of the segment's of its length carries a later label."""
    assert column.order is not None
    return all(
        f.column.order is None
        or f.column.forecast
        or f.column.kind is not column.kind
        or f.column.order <= column.order
        for line in segment.lines
        for f in line.figures
    )


def _anchored(segment: Segment, column: Column, anchors: dict[str, Decimal]) -> bool:
    """Whether an undated column is the reported period: one of the statement's own figures
    (revenue, net income, diluted EPS) stands in it, equal to the precision printed. A GAAP
    per-share line not called diluted ("Earnings Per Common Share") anchors only the latest
    column of its table."""
    for line in segment.lines:
        if revenue_rank(line.label):
            name, scale = "revenue", segment.scale
        elif net_income_rank(line.label):
            name, scale = "net_income", segment.scale
        elif (
            eps_diluted(line)
            and column.non_gaap is not True
            or _gaap_per_share(line)
            and column.non_gaap is not True
            and _latest(segment, column)
        ):
            name, scale = "eps_diluted", Decimal(1)
        else:
            continue
        if name not in anchors or scale is None:
            continue
        for figure in line.figures:
            if figure.column == column and not figure.percent:
                unit = scale * Decimal(10) ** -figure.places
                if abs(figure.value * scale - anchors[name]) <= unit / 2:
                    return True
    return False


def _gaap_per_share(line: Line) -> bool:
    label = line.label
    return (
        names_per_share(label)
        and "basic" not in label
        and not _NON_GAAP_ROW.search(label)
        and not re.search(r"exclud|\bexcl\b|dividend|book value|shares|cash", label)
    )


def _lone_period(segment: Segment) -> Column | None:
    """The one period (length and day) the segment's figures are under, if only one."""
    periods = {
        (f.column.kind, f.column.end): f.column
        for line in segment.lines
        for f in line.figures
        if f.column.kind is not None and f.column.end is not None and not f.column.forecast
    }
    return next(iter(periods.values())) if len(periods) == 1 else None


def _transposed(segment: Segment, period: Period) -> list[Figure]:
    """Non-GAAP EPS from a table whose columns are line items (module docstring)."""
    headers = [
        h for h in segment.headers if "dilut" in h.text.lower() and _names_diluted_eps(h.text)
    ]
    if len(headers) != 1 or "eps_diluted" not in period.anchors:
        return []
    eps_header = headers[0]
    lone = _lone_period(segment)
    columns = {f.column for line in segment.lines for f in line.figures}
    if (
        not any(_reported(segment, c, period, anchored=False) for c in columns)
        and not (lone is not None and _reported(segment, lone, period, anchored=False))
        and not _undated_of_kind(segment, period.kind)
    ):
        return []
    rightmost = max(h.end for h in segment.headers) == eps_header.end

    def under(line: Line) -> Figure | None:
        hits = [f for f in line.figures if eps_header.text in f.column.text and not f.percent]
        if len(hits) == 1:
            return hits[0]
        if not hits and rightmost and line.figures and not line.figures[-1].percent:
            return line.figures[-1]  # the last column, where its header has drifted left
        return None

    gaap = [under(line) for line in segment.lines if _GAAP_ROW.search(line.label)]
    if not gaap or any(f is None or f.value != period.anchors["eps_diluted"] for f in gaap):
        return []
    found = []
    for line in segment.lines:
        if _NON_GAAP_ROW.search(line.label) and not _NOT_A_LEVEL.search(line.label):
            figure = under(line)
            if figure is not None and figure.places == 2:
                found.append(figure)
    return found


def _undated_of_kind(segment: Segment, kind: Kind) -> bool:
    """Only undated columns of `kind` in the segment ("Second-Quarter 2025 ... Summary"): the
    GAAP row's anchor is then the one check of its period."""
    kinds = {(f.column.kind, f.column.end) for line in segment.lines for f in line.figures}
    return kinds == {(kind, None)}


def _names_diluted_eps(text: str) -> bool:
    label = normal_label(text)
    return names_per_share(label) and "diluted" in label and "basic" not in label
