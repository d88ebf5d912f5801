"""The metrics of a company's product lines: `line_revenue`, `line_share`, `line_growth` and
`line_lead` of one line a condition names (`line_share(Scorpio) >= 40%`), on the stored splits
(thesis/lines/split.py). Pure: the store loads the splits (store/segments.py), these functions
only read them."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..observation import Missing, MissingCode, Observation
from .split import LineSplit, StoredLine, latest_with_lines, year_before

if TYPE_CHECKING:
    from ..snapshot import MarketSnapshot

LineFunction = Callable[[str, "MarketSnapshot", str], Observation]


def _found(
    symbol: str, snap: MarketSnapshot, name: str, metric: str
) -> tuple[LineSplit, StoredLine] | Missing:
    splits = snap.lines(symbol)
    if not splits:
        return Missing(MissingCode.NO_LINE_SPLITS, symbol, metric, text=name)
    split = latest_with_lines(splits)
    if split is None:
        return Missing(MissingCode.NO_PRODUCT_LINES, symbol, metric, text=name)
    line = split.line(name)
    if line is None:
        labels = [m.label for m in split.named]
        close = difflib.get_close_matches(name, labels, n=3, cutoff=0.5) or labels
        return Missing(
            MissingCode.UNKNOWN_LINE,
            symbol,
            metric,
            text=name,
            symbols=tuple(close),
            quarter=split.period,
        )
    return split, line


def _with(metric: str, compute: Callable[[LineSplit, StoredLine], Observation]) -> LineFunction:
    def of(symbol: str, snap: MarketSnapshot, name: str) -> Observation:
        found = _found(symbol, snap, name, metric)
        if isinstance(found, Missing):
            return Observation(None, found)
        split, line = found
        obs = compute(split, line)
        return obs if obs.missing is not None else obs._replace(period=split.period)

    return of


def _revenue(split: LineSplit, line: StoredLine) -> Observation:
    return Observation(float(line.revenue))


def _share(split: LineSplit, line: StoredLine) -> Observation:
    total = split.total_revenue
    if not total or total <= 0:
        missing = Missing(
            MissingCode.NO_LINE_TOTAL,
            split.symbol,
            "line_share",
            text=line.label,
            quarter=split.period,
        )
        return Observation(None, missing)
    return Observation(line.revenue / total)


def _lead(split: LineSplit, line: StoredLine) -> Observation:
    if line.aggregate:  # its parts are lines too: which one is largest is theirs to say
        return Observation(
            None, Missing(MissingCode.SUM_OF_LINES, split.symbol, "line_lead", text=line.label)
        )
    others = [m.revenue for m in split.lines if m.member != line.member]
    if not others:
        return Observation(
            None, Missing(MissingCode.ONE_LINE, split.symbol, "line_lead", text=line.label)
        )
    top = max(others)
    if top <= 0:
        return Observation(None, Missing(MissingCode.NOT_FINITE, split.symbol, "line_lead"))
    return Observation(line.revenue / top - 1)


def line_growth(symbol: str, snap: MarketSnapshot, name: str) -> Observation:
    found = _found(symbol, snap, name, "line_growth")
    if isinstance(found, Missing):
        return Observation(None, found)
    split, line = found
    earlier = year_before(snap.lines(symbol), split)
    before = None if earlier is None else earlier.line(line.label) or earlier.line(line.member)
    if before is None or before.revenue <= 0:
        missing = Missing(
            MissingCode.NO_LINE_YEAR_EARLIER,
            symbol,
            "line_growth",
            text=line.label,
            quarter=split.period,
        )
        return Observation(None, missing)
    return Observation(line.revenue / before.revenue - 1, period=split.period)


line_revenue = _with("line_revenue", _revenue)
line_share = _with("line_share", _share)
line_lead = _with("line_lead", _lead)


def xbrl_figure(metric: str, symbol: str, snap: MarketSnapshot, _pin: object) -> Observation:
    """An `xbrl=` metric (thesis/catalogue.py): the first of its concepts the newest filing that
    states one gives, of that filing's period; none reported: why."""
    from ..catalogue import METRICS

    concepts = METRICS[metric].xbrl
    splits = snap.lines(symbol)
    for split in reversed(splits):  # oldest first: the newest is last
        stated = next((split.figures[c] for c in concepts if c in split.figures), None)
        if stated is not None:
            return Observation(stated, period=split.period)
    code = MissingCode.NOT_REPORTED if splits else MissingCode.NO_LINE_SPLITS
    return Observation(None, Missing(code, symbol, metric))
