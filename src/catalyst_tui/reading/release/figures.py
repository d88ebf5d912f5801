"""The quarter's (and on a Q4 release the year's) figures, read from the release's income statement.

Pure. The statement is the segment holding revenue and net income under dated columns, a
titled one ("Condensed Consolidated Statements of Income", "Income Statements")
before a summary table, and among untitled ones one printing diluted EPS before a business
segment's (which no other statement is checked against); its latest quarter column is the
quarter reported, and a year column
ending that same day makes it a Q4 release. GAAP figures come from that statement only.
Non-GAAP diluted EPS comes from wherever the release labels it (reconciliations, summary
tables): a dated column must end on the quarter's day, an undated one ("Q3 FY24") must carry,
in the same table, one of the statement's own figures; two different values are ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .eps import Period, gaap_eps_summary, non_gaap_title, nongaap_eps
from .labels import (
    beyond_sales,
    cost_part,
    cost_rank,
    eps_diluted,
    eps_diluted_rank,
    gross_profit_rank,
    net_income_rank,
    operating_income_rank,
    revenue_rank,
)
from .periods import Column, Kind
from .records import FIGURES, LIMIT, Gap, ReleaseFigures
from .tables import Figure, Line, Segment, states_scale

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import date

__all__ = [
    "Statement",
    "find_statements",
    "fiscal_year",
    "has_period",
    "read_agreed",
    "read_figures",
    "undated_results",
]

_LIMIT = Decimal(LIMIT)

_TITLE = re.compile(
    r"statements? of (?:consolidated )?(?:comprehensive )?(?:income|operations|earnings|net income)"
    r"|income statements?|results of operations"
)
_TITLE_REACH = 300  # a statement's title is in the last lines before its figures


@dataclass(frozen=True)
class Statement:
    """A table segment read as a statement of results, with the period it reports."""

    segment: Segment
    period_end: date
    quarterly: bool  # False: a statement of years only (an annual release)
    titled: bool
    # it prints diluted EPS: only the company's figures are per share, a business segment's
    # table of revenue and net income ("Results for CIB") prints none
    per_share: bool = False


def find_statements(segments: list[Segment]) -> list[Statement]:
    """The income statements, best first: titled before untitled, with quarter columns before
    without, then in document order. Each holds revenue and net income under dated columns;
    the first is the release's, a later one may hold its year (a separate annual statement)."""
    found: list[Statement] = []
    for segment in segments:
        lines = segment.lines
        if not (
            any(revenue_rank(line.label) for line in lines)
            and any(net_income_rank(line.label) for line in lines)
        ) or non_gaap_title(segment.title):
            continue
        columns = [f.column for line in lines for f in line.figures if f.column.end]
        quarters = [c.end for c in columns if c.kind is Kind.QUARTER and not c.forecast]
        years = [c.end for c in columns if c.kind is Kind.YEAR and not c.forecast]
        if not (quarters or years):
            continue
        titled = _TITLE.search(segment.context[-_TITLE_REACH:]) is not None
        end = max(d for d in (quarters or years) if d is not None)
        per_share = any(eps_diluted(line) for line in lines)
        found.append(Statement(segment, end, bool(quarters), titled, per_share))
    return sorted(found, key=lambda s: (not s.titled, not s.quarterly, not s.per_share))


def undated_results(segment: Segment) -> bool:
    """Whether the segment gives net income and diluted EPS under quarters named without a
    day ("2Q25 | 1Q25 | 2Q24"): a bank's results table, which find_statements cannot place."""

    def undated(line: Line) -> bool:
        return any(
            f.column.kind is Kind.QUARTER and f.column.end is None and f.column.order
            for f in line.figures
        )

    return any(net_income_rank(line.label) and undated(line) for line in segment.lines) and any(
        eps_diluted(line) and undated(line) for line in segment.lines
    )


def has_period(statement: Statement, kind: Kind) -> bool:
    """Whether the statement has a column of `kind` ending on its period end."""
    end = statement.period_end
    return any(
        f.column.kind is kind and f.column.end == end and not f.column.forecast
        for line in statement.segment.lines
        for f in line.figures
    )


_TRAILING = re.compile(r"twelve[- ]months?|\b12[- ](?:months?|mos\b)")
_QUARTER_NAMED = re.compile(
    r"\b(first|second|third|fourth)[- ]quarter\b|\bq([1-4])\b|\b([1-4])q\s?'?\d\d"
)
_HEAD_CHARS = 3000  # the headline and first paragraph: where a release names its quarter


def fiscal_year(statement: Statement, text: str) -> bool:
    """Whether the statement's year column ending on its day is the fiscal year. "Year Ended",
    "Fiscal Year", "52 Weeks Ended" say so; "Twelve Months Ended" only on a release whose text
    names the fourth quarter first: a first quarter's twelve months are the trailing ones
    (Amazon prints them in every quarter), and beside nine months they are too."""
    end = statement.period_end
    heads = {
        f.column.text.lower(): f.column.kind
        for line in statement.segment.lines
        for f in line.figures
        if f.column.end == end and not f.column.forecast
    }
    years = [head for head, kind in heads.items() if kind is Kind.YEAR]
    if not all(_TRAILING.search(head) for head in years):
        return True
    if Kind.OTHER in heads.values():
        return False  # nine months ended that day: a third quarter
    named = _QUARTER_NAMED.search(text[:_HEAD_CHARS].lower())
    return named is not None and "4" in (_ORDINAL.get(named[1]), named[2], named[3])


_ORDINAL = {"fourth": "4"}


def read_figures(
    statement: Statement, segments: list[Segment], kind: Kind
) -> ReleaseFigures | None:
    """The statement's figures for the period of `kind` ending on its period end, or None
    when the statement has no such column (a year on a release that is not a Q4 one)."""
    read = _read(statement, segments, kind)
    return read[0] if read else None


Used = dict[str, Figure]  # the figure printed that each figure read was read from


def read_agreed(
    statements: list[Statement], segments: list[Segment], kind: Kind
) -> tuple[ReleaseFigures, Used] | None:
    """The first statement's figures for the period of `kind`, where every other statement of
    the same standing (titled or not) with a column for that period says the same, at the
    precision each printed: a figure two statements give differently (revenue 1,000 in one,
    5,000 in the other) is None, ambiguous, rather than the first one's. With the figures
    printed that each was read from."""
    first = _read(statements[0], segments, kind)
    if first is None:
        return None
    figures, units, used = first
    ambiguous: set[str] = set()
    for other in statements[1:]:
        if other.titled != statements[0].titled or other.period_end != statements[0].period_end:
            continue
        if not other.titled and statements[0].per_share and not other.per_share:
            continue  # a business segment's results beside the company's
        read = _read(other, segments, kind)
        if read is None:
            continue
        for name in FIGURES:
            mine, theirs = getattr(figures, name), getattr(read[0], name)
            if mine is None or theirs is None or name in figures.derived + read[0].derived:
                continue
            if abs(mine - theirs) > (units[name] + read[1][name]) / 2:
                ambiguous.add(name)
    if not ambiguous:
        return figures, used
    missing = dict(figures.missing) | dict.fromkeys(ambiguous, Gap.AMBIGUOUS)
    kept: dict[str, float | None] = {
        name: None if name in ambiguous else getattr(figures, name) for name in FIGURES
    }
    agreed = ReleaseFigures(
        **kept,
        missing=tuple((name, missing[name]) for name in FIGURES if name in missing),
        derived=figures.derived,
    )
    return agreed, {name: f for name, f in used.items() if name not in ambiguous}


def _read(
    statement: Statement, segments: list[Segment], kind: Kind
) -> tuple[ReleaseFigures, dict[str, float], Used] | None:
    """read_figures, with the unit each figure was printed to (a million for "in millions",
    a cent for $0.13)."""
    end = statement.period_end
    segment = statement.segment

    def reported(column: Column) -> bool:
        return column.kind is kind and column.end == end and not column.forecast

    if not any(reported(f.column) for line in segment.lines for f in line.figures):
        return None
    whole = _whole_dollars(statement, reported) and not any(map(states_scale, segments))
    scale = segment.scale or (Decimal(1) if whole else None)
    values: dict[str, Decimal] = {}
    units: dict[str, float] = {}
    missing: dict[str, Gap] = {}
    derived: list[str] = []
    used: Used = {}
    for name, rank in _AMOUNTS:
        figure = _best(segment.lines, _on_label(rank), reported)
        if figure is None:
            missing[name] = Gap.NOT_STATED
        elif scale is None:
            missing[name] = Gap.UNKNOWN_SCALE
        else:
            used[name] = figure
            values[name] = figure.value * scale
            units[name] = float(scale.scaleb(-figure.places))
    fourth = has_period(statement, Kind.YEAR)
    eps = _best(segment.lines, eps_diluted_rank, reported) or _eps_below(
        statement, segments, reported
    )
    if eps is None and kind is Kind.QUARTER or kind is Kind.YEAR and fourth and eps is None:
        eps = gaap_eps_summary(segments, segment, Period(kind, end, fourth, {}))
    if eps is None:
        missing["eps_diluted"] = Gap.NOT_STATED
    else:
        used["eps_diluted"] = eps
        values["eps_diluted"] = eps.value
        units["eps_diluted"] = float(Decimal(1).scaleb(-eps.places))
    cost, why = _cost_of_revenue(segment.lines, reported)
    if "gross_profit" not in values and "revenue" in values and scale is not None:
        if cost is not None:  # printed as a cost or as a deduction, "(18,500)": the same cost
            values["gross_profit"] = values["revenue"] - abs(cost.value) * scale
            missing.pop("gross_profit", None)
            derived.append("gross_profit")
        else:
            missing["gross_profit"] = why
    for name in [name for name, value in values.items() if abs(value) > _LIMIT]:
        del values[name]  # junk, not a figure: never a float of infinity
        missing[name] = Gap.OUT_OF_RANGE
    anchors: dict[str, Decimal] = {
        k: values[k] for k in ("revenue", "net_income", "eps_diluted") if k in values
    }
    # a column dated the quarter's day without saying how long ("Jun 28, 2025") is that quarter
    # on a release with no year ending that day; on a Q4 release it could be either
    durationless = kind is Kind.QUARTER and not fourth
    nongaap, why = nongaap_eps(segments, Period(kind, end, fourth, anchors, durationless))
    if nongaap is None:
        missing["eps_nongaap"] = why
    elif abs(nongaap.value) > _LIMIT:
        missing["eps_nongaap"] = Gap.OUT_OF_RANGE
    else:
        used["eps_nongaap"] = nongaap
        values["eps_nongaap"] = nongaap.value
    floats = {name: float(value) for name, value in values.items()}
    figures = ReleaseFigures(
        **floats,
        missing=tuple((name, missing[name]) for name in FIGURES if name in missing),
        derived=tuple(derived),
    )
    kept = {name: f for name, f in used.items() if name in values and name not in derived}
    return figures, {name: units.get(name, 0.0) for name in FIGURES}, kept


_WHOLE_DOLLARS = Decimal(1_000_000)  # no company reporting in whole dollars sells less


def _whole_dollars(statement: Statement, reported: Callable[[Column], bool]) -> bool:
    """Whether a statement stating no scale is in whole dollars: titled, and its revenue
    printed with seven digits or more. "Revenue 52,226" with its "(Millions of Dollars)" line
    missed is not $52,226: with no scale the amounts are left out rather than guessed. Nor is
    it where any table of the release states a scale (the caller's check): "Revenues 10,246,513"
    of a release "in thousands" elsewhere is $10.2 billion with its scale line missed."""
    if not statement.titled:
        return False
    revenue = _best(statement.segment.lines, _on_label(revenue_rank), reported)
    return revenue is not None and abs(revenue.value) >= _WHOLE_DOLLARS


def _eps_below(
    statement: Statement, segments: list[Segment], reported: Callable[[Column], bool]
) -> Figure | None:
    """Diluted EPS printed below the statement in the same table, under headers of their own
    ("OTHER FINANCIAL DATA ... Earnings per common share - assuming dilution"): the statement's
    own, in a column ending on its day."""
    at = next(i for i, s in enumerate(segments) if s is statement.segment)
    for segment in segments[at + 1 :]:
        if segment.source != statement.segment.source:
            break
        if non_gaap_title(segment.title):
            continue
        if eps := _best(segment.lines, eps_diluted_rank, reported):
            return eps
    return None


_AMOUNTS: tuple[tuple[str, Callable[[str], int]], ...] = (
    ("revenue", revenue_rank),
    ("operating_income", operating_income_rank),
    ("net_income", net_income_rank),
    ("gross_profit", gross_profit_rank),
)


def _cost_of_revenue(
    lines: tuple[Line, ...], reported: Callable[[Column], bool]
) -> tuple[Figure | None, Gap]:
    """The total cost of revenue, the one figure gross profit is derived from where no gross
    profit line is printed: a "Total cost of ..." line, else the one line of the costs of what
    was sold ("Cost of revenue") above the statement's results. Costs printed in parts with no
    total ("Cost of products", "Cost of services", then an unlabelled subtotal, as Boeing
    prints them) give none, and why: their sum is a figure the release does not state; so does
    a cost of the goods sold alone beside revenue of sales and other revenues (a maker's
    financing arm's revenues have costs of their own, printed elsewhere)."""
    total = _best(lines, lambda line: max(cost_rank(line.label) - 1, 0), reported)
    if total is not None:
        return total, Gap.NOT_STATED
    parts: set[str] = set()
    for line in lines:
        if operating_income_rank(line.label) or net_income_rank(line.label):
            break  # below the results: a breakdown of expenses, no cost of what was sold
        if cost_part(line.label) and any(reported(f.column) for f in line.figures):
            parts.add(line.label)
    if len(parts) > 1:
        return None, Gap.COST_IN_PARTS
    cost = _best_line(lines, _on_label(cost_rank), reported)
    revenue = _best_line(lines, _on_label(revenue_rank), reported)
    if cost is not None and revenue is not None and beyond_sales(revenue[0].label, cost[0].label):
        return None, Gap.COST_OF_SALES_ONLY
    return (cost[1] if cost else None), Gap.NOT_STATED


def _on_label(rank: Callable[[str], int]) -> Callable[[Line], int]:
    return lambda line: rank(line.label)


def _best(
    lines: Iterable[Line], rank: Callable[[Line], int], reported: Callable[[Column], bool]
) -> Figure | None:
    """The amount, in the reported column, of the highest-ranked line that has one."""
    found = _best_line(lines, rank, reported)
    return found[1] if found else None


def _best_line(
    lines: Iterable[Line], rank: Callable[[Line], int], reported: Callable[[Column], bool]
) -> tuple[Line, Figure] | None:
    """The highest-ranked line that has an amount in the reported column, and that amount."""
    best: tuple[int, Line, Figure] | None = None
    for line in lines:
        strength = rank(line)
        if not strength or (best is not None and strength <= best[0]):
            continue
        hits = [f for f in line.figures if reported(f.column) and not f.percent]
        if len({f.value for f in hits}) == 1:
            best = (strength, line, hits[0])
    return best[1:] if best else None
