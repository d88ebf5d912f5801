"""Results read from an earnings press release (8-K EX-99.1) the evening it lands.

Pure, no I/O, no store or config: bytes in, a frozen record out. `read_release` finds the
income statement and reads, for the quarter reported, its period end, revenue, gross profit
(revenue - cost of revenue where only the cost is printed), operating income, net income
attributable to the company, GAAP diluted EPS and non-GAAP (or "adjusted") diluted EPS where
the release labels one; on a Q4 release the fiscal year too; and the revenue guidance it
gives for next quarter and the fiscal year. A figure not stated is None with a reason, never
a guess: a wrong number is worse than a missing one. A release without a statement (a
deliveries update, annual results told in prose) gives nothing, with a reason.

The parts: release_document (HTML, plain text, the SGML envelope -> tables and text),
release_tables (rows -> labelled figures), release_periods (what a column header says of its
period), release_labels (which row is which figure), release_figures (the statement and its
figures), release_guidance (the outlook).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from .release_document import read_document
from .release_figures import FIGURES, Gap, ReleaseFigures, find_statements, read_figures
from .release_guidance import Guidance, GuidancePeriod, read_guidance
from .release_periods import Kind
from .release_tables import Segment, segments

__all__ = [
    "Gap",
    "Guidance",
    "GuidancePeriod",
    "NotRead",
    "ReleaseFigures",
    "ReleaseResults",
    "nothing",
    "read_release",
    "to_json",
]


class NotRead(StrEnum):
    """Why a release gave no results."""

    EMPTY = "empty"  # no text at all
    TOO_LARGE = "too_large"  # over release_document.MAX_BYTES
    NO_STATEMENT = "no_statement"  # no income statement: a deliveries update, prose results
    UNREADABLE = "unreadable"  # the readers failed on it (a bug to report, not a release)
    # Said by whoever fetches it (the refresh), never by read_release:
    NO_EXHIBIT = "no_exhibit"  # the 8-K's index lists no EX-99 press release
    FETCH_FAILED = "fetch_failed"  # the index or the exhibit could not be had (tried 3 times)


@dataclass(frozen=True)
class ReleaseResults:
    found: bool
    reason: NotRead | None  # why nothing was found; None when found
    period_end: date | None
    quarter: ReleaseFigures
    year: ReleaseFigures | None  # the fiscal year, on a Q4 release
    guidance: tuple[Guidance, ...] = field(default=())


def read_release(body: bytes | str) -> ReleaseResults:
    """The results in a release (HTML, plain text, or in EDGAR's SGML envelope). Never raises."""
    try:
        return _read(body)
    except Exception:  # junk the readers did not foresee: nothing, rather than a crash
        return nothing(NotRead.UNREADABLE)


def _read(body: bytes | str) -> ReleaseResults:
    document = read_document(body)
    if document is None:
        return nothing(NotRead.TOO_LARGE)
    if not document.text and not document.tables:
        return nothing(NotRead.EMPTY)
    found: list[Segment] = []
    for table in document.tables:
        found.extend(segments(table, found[-1] if found else None))
    statements = find_statements(found)
    if not statements:
        return nothing(NotRead.NO_STATEMENT)
    statement = statements[0]
    quarter = read_figures(statement, found, Kind.QUARTER) if statement.quarterly else None
    # the year: in the same statement on a Q4 release, else in an annual one ending that day
    year = next(
        (
            figures
            for other in statements
            if other.titled == statement.titled
            and other.period_end == statement.period_end
            and (figures := read_figures(other, found, Kind.YEAR)) is not None
        ),
        None,
    )
    return ReleaseResults(
        found=True,
        reason=None,
        period_end=statement.period_end,
        quarter=quarter or ReleaseFigures.nothing(Gap.NOT_STATED),
        year=year,
        guidance=read_guidance(document.text, found),
    )


def nothing(why: NotRead) -> ReleaseResults:
    """No results, and why (the fetching code says NO_EXHIBIT or FETCH_FAILED with it)."""
    return ReleaseResults(False, why, None, ReleaseFigures.nothing(Gap.NO_STATEMENT), None)


def to_json(results: ReleaseResults) -> dict[str, Any]:
    """`catalyst results --json`: found, reason, period_end (ISO), quarter, year, guidance."""
    return {
        "found": results.found,
        "reason": str(results.reason) if results.reason else None,
        "period_end": results.period_end.isoformat() if results.period_end else None,
        "quarter": _figures_json(results.quarter),
        "year": _figures_json(results.year) if results.year else None,
        "guidance": [
            {"period": str(g.period), "revenue_low": g.revenue_low, "revenue_high": g.revenue_high}
            for g in results.guidance
        ],
    }


def _figures_json(figures: ReleaseFigures) -> dict[str, float | None]:
    return {name: getattr(figures, name) for name in FIGURES}
