"""A company's product lines as its filings state them: the stored split of one filing
(`LineSplit`) and its members (`StoredLine`), which members are product lines, the split a year
before. What the store hands out (store/segments.py) and the snapshot holds; the metrics that read
them are thesis/lines/metrics.py's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ...reading.xbrl.records import PRODUCT_AXIS, SEGMENT_AXIS
from ..observation import Period, PeriodKind

#: The axis whose members are product lines, by local name (a file writes `srt:` or `us-gaap:`),
#: and the one read in its place when a filing has no product axis (as reading/xbrl's largest).
#: reading/xbrl/records.py declares them for the reader (its package loads the reader: not
#: on the way to the first frame); tests/thesis/lines/test_lines.py holds the two the same.
#: How far from a year before a split's period may end and still be "the same quarter a year
#: earlier" (52/53-week fiscal years end quarters near, not on, the same day).
YEAR_TOLERANCE_DAYS = 10


class StoredLine(NamedTuple):
    """One member's revenue in a stored filing, on one axis."""

    axis: str  # the QName as the file writes it: "srt:ProductOrServiceAxis"
    member: str  # "alab:ScorpioMember"
    label: str  # "Scorpio"
    revenue: int
    generic: bool = False  # us-gaap:ProductMember and the like
    aggregate: bool = False  # the sum of other members of the axis
    within: bool = False  # a part of another member beside it (reading/xbrl/aggregates.py)


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
    # What it states beside revenue for the period, by XBRL concept (an `xbrl=` metric's).
    figures: Mapping[str, float] = field(default_factory=dict)

    @property
    def lines(self) -> tuple[StoredLine, ...]:
        """The product lines: the product axis's members (the segments' without one) that are
        neither a generic member (products, services), nor the sum of others, nor a part of
        another beside it, largest first."""
        return tuple(m for m in self.named if not m.aggregate and not m.within)

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
