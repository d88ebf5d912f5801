"""The Lines pane's view of a ticker: the newest stored filing that states revenue by product
line (store/segments.py), each line's revenue, its share of the filing's revenue and its change
against the same line in the filing of the same period a year before, the largest marked; or
why there is nothing to show, as the line metrics would say it."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..thesis.lines.split import LineSplit, latest_with_lines, year_before
from ..thesis.observation import Missing, MissingCode
from ..thesis.wording import missing_text

if TYPE_CHECKING:
    from ..store import Store


LARGEST = "◀ largest"  # the mark of the largest line


class LineRow(NamedTuple):
    label: str
    revenue: int
    share: float | None  # of the filing's total revenue (None: the filing states no total)
    change: float | None  # against the same line a year before (None: no such filing or line)
    largest: bool
    aggregate: bool  # the sum of other lines the filing names (NVIDIA's Data Center)


class LinesView(NamedTuple):
    split: LineSplit | None  # the newest filing stating lines
    earlier: LineSplit | None  # the filing of the same period a year before
    rows: tuple[LineRow, ...]
    filings: int  # the filings of the symbol read for product lines
    reason: str = ""  # why there are no rows, as a sentence


def load_lines(store: Store, symbol: str) -> LinesView:
    """`symbol`'s product lines as the Lines pane shows them."""
    splits = store.segments.of(symbol)
    split = latest_with_lines(splits)
    if split is None:
        code = MissingCode.NO_PRODUCT_LINES if splits else MissingCode.NO_LINE_SPLITS
        return LinesView(None, None, (), len(splits), missing_text(Missing(code, symbol)))
    earlier = year_before(splits, split)
    top = split.lines[0].member if split.lines else ""
    total = split.total_revenue
    rows = []
    for line in split.named:
        before = None if earlier is None else earlier.line(line.label) or earlier.line(line.member)
        change = None
        if before is not None and before.revenue > 0:
            change = line.revenue / before.revenue - 1
        share = line.revenue / total if total and total > 0 else None
        rows.append(
            LineRow(line.label, line.revenue, share, change, line.member == top, line.aggregate)
        )
    return LinesView(split, earlier, tuple(rows), len(splits))
