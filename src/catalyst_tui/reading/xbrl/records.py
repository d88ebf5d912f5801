"""What a filing's XBRL says of revenue in its current period: the total, and each member's revenue
on the product, segment and geography axes (`catalyst segments --json` prints it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date

__all__ = ["PRODUCT_AXIS", "SEGMENT_AXIS", "GEOGRAPHY_AXIS", "AxisRevenue", "Line", "Segments"]

# The three axes read, by local name (a file writes them with `srt:` or `us-gaap:`).
PRODUCT_AXIS = "ProductOrServiceAxis"
SEGMENT_AXIS = "StatementBusinessSegmentsAxis"
GEOGRAPHY_AXIS = "StatementGeographicalAxis"


@dataclass(frozen=True, slots=True)
class Line:
    """One member of an axis and its revenue in the period, in the filing's currency units."""

    member: str  # the QName as the file writes it: "nvda:DataCenterMember"
    label: str  # the label linkbase's terse label, else a readable form of the name
    revenue: int
    generic: bool = False  # us-gaap:ProductMember / ServiceMember and the like
    aggregate: bool = False  # the sum of other members of the same axis (a parent)
    # A part of another member beside it whose other parts are not tagged (Netflix's United
    # States beside its United States and Canada): counted once, in the member that holds it.
    within: bool = False


@dataclass(frozen=True, slots=True)
class AxisRevenue:
    """The revenue an instance splits by one axis, a member each."""

    axis: str  # the QName as the file writes it: "srt:ProductOrServiceAxis"
    members: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Segments:
    """A filing's revenue split for its current period: a 10-Q's three months ending
    `period_end`, a 10-K's fiscal year."""

    period_end: date
    period_start: date
    form: str  # dei:DocumentType: "10-Q", "10-K"
    currency: str  # the unit's ISO code: "USD"
    total_revenue: int | None
    axes: tuple[AxisRevenue, ...]
    largest: tuple[str, Line] | None  # (axis, line) of the largest product line, else None
    # The figures asked for beside revenue (reading/xbrl/figures.py), by concept's local name.
    figures: Mapping[str, float] = field(default_factory=dict)
