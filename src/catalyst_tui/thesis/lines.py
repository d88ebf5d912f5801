"""A company's product lines as its filings state them: the stored split of one filing
(`LineSplit`), which members are product lines, the split a year before, and the metrics
`line_revenue`, `line_share`, `line_growth` and `line_lead` of one line a condition names
(`line_share(Scorpio) >= 40%`). Pure: the store loads the splits (store/segments.py), these
functions only read them."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .observation import Missing, MissingCode, Observation, Period, PeriodKind

if TYPE_CHECKING:
    from .snapshot import MarketSnapshot

#: The axis whose members are product lines, by local name (a file writes `srt:` or `us-gaap:`),
#: and the one read in its place when a filing has no product axis (as reading/xbrl's largest).
PRODUCT_AXIS = "ProductOrServiceAxis"
SEGMENT_AXIS = "StatementBusinessSegmentsAxis"
#: How far from a year before a split's period may end and still be "the same quarter a year
#: earlier" (52/53-week fiscal years end quarters near, not on, the same day).
YEAR_TOLERANCE_DAYS = 10

LineFunction = Callable[[str, "MarketSnapshot", str], Observation]


class StoredLine(NamedTuple):
    """One member's revenue in a stored filing, on one axis."""

    axis: str  # the QName as the file writes it: "srt:ProductOrServiceAxis"
    member: str  # "alab:ScorpioMember"
    label: str  # "Scorpio"
    revenue: int
    generic: bool = False  # us-gaap:ProductMember and the like
    aggregate: bool = False  # the sum of other members of the axis


@dataclass(frozen=True, slots=True)
class LineSplit:
    """What one stored 10-Q or 10-K says of revenue by member in its current period."""

    symbol: str
    accession: str
    form: str
    filed: dt.date | None
    period_start: dt.date
    period_end: dt.date
    currency: str
    total_revenue: int | None
    members: tuple[StoredLine, ...]

    @property
    def lines(self) -> tuple[StoredLine, ...]:
        """The product lines: the product axis's members (the segments' without one) that are
        neither a generic member (products, services) nor the sum of others, largest first."""
        return tuple(m for m in self.named if not m.aggregate)

    @property
    def named(self) -> tuple[StoredLine, ...]:
        """The lines a condition may name: `lines` and the sums of them the filing names (NVIDIA's
        Data Center, Compute + Networking), largest first."""
        axes = {m.axis.rpartition(":")[2] for m in self.members}
        axis = PRODUCT_AXIS if PRODUCT_AXIS in axes else SEGMENT_AXIS
        found = (m for m in self.members if m.axis.rpartition(":")[2] == axis and not m.generic)
        return tuple(sorted(found, key=lambda m: (-m.revenue, m.label)))

    @property
    def days(self) -> int:
        return (self.period_end - self.period_start).days

    @property
    def period(self) -> Period:
        kind = PeriodKind.FISCAL_YEAR if self.days > 120 else PeriodKind.QUARTER
        return Period(kind, self.period_end, self.filed)

    def line(self, name: str) -> StoredLine | None:
        """The product line `name` names: its label or its member's local name, in any case."""
        wanted = name.strip().casefold()
        for m in self.named:
            local = m.member.rpartition(":")[2].removesuffix("Member")
            if wanted in (m.label.casefold(), local.casefold()):
                return m
        return None


def year_before(splits: tuple[LineSplit, ...], split: LineSplit) -> LineSplit | None:
    """The stored split of the same length of period ending a year before `split`'s."""
    target = split.period_end - dt.timedelta(days=365)
    for s in splits:
        if (
            abs((s.period_end - target).days) <= YEAR_TOLERANCE_DAYS
            and abs(s.days - split.days) <= YEAR_TOLERANCE_DAYS
        ):
            return s
    return None


def latest_with_lines(splits: tuple[LineSplit, ...]) -> LineSplit | None:
    """The newest stored split that names product lines."""
    return next((s for s in reversed(splits) if s.lines), None)


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
