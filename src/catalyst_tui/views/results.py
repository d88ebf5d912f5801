"""Earnings releases as the Results pane, `catalyst results` and the watchlist read them: each
release with its fiscal quarter, XBRL's figures of the same quarter beside its own (confirmed,
or where they differ), the guide the release before gave against the outcome; and the mark a
watchlist row carries in the days after a release. Plain data, no textual and no SQL.

For a caller that stores its own releases (`catalyst demo`'s replay): `store.results.save(symbol,
filing, url, read_release(body), now)` after `store.evidence.save_filings`, then
`load_results(store, symbol)` gives what the pane shows."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..reading.release.records import MAX_BYTES, Gap, NotRead
from ..thesis.reported.results import Check, Facts, Release, check, fiscal_label, guide_of, versus
from ..thesis.wording import money

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..store import Store

__all__ = [
    "FIGURE_LABELS",
    "MARK_DAYS",
    "ReleaseMark",
    "ResultRow",
    "gap_text",
    "load_results",
    "not_read_text",
    "recent_marks",
    "result_rows",
]

MARK_DAYS = 5  # a watchlist row shows its release's beat or miss this many days after it

#: A release's figures, in the order shown, as people name them.
FIGURE_LABELS = {
    "revenue": "Revenue",
    "gross_profit": "Gross profit",
    "operating_income": "Operating income",
    "net_income": "Net income",
    "eps_diluted": "Diluted EPS",
    "eps_nongaap": "Non-GAAP diluted EPS",
}
_GAPS = {
    Gap.NOT_STATED: "not stated",
    Gap.AMBIGUOUS: "two different values are labelled as it",
    Gap.UNKNOWN_SCALE: "its table states no scale (thousands, millions)",
    Gap.NO_STATEMENT: "no income statement",
    Gap.OUT_OF_RANGE: "printed beyond any company's figure",
    Gap.LAYOUT_DISAGREES: (
        "where the company's release confirmed by XBRL printed it, this one prints another value"
    ),
    Gap.COST_IN_PARTS: "its costs of revenue are printed in parts, with no total",
    Gap.COST_OF_SALES_ONLY: "its one cost is of the goods sold, not of its other revenues",
}
_NOT_READ = {
    NotRead.EMPTY: "the document has no text",
    NotRead.TOO_LARGE: f"the document is over the size read ({MAX_BYTES // 1024 // 1024} MiB)",
    NotRead.NO_STATEMENT: "no income statement (a deliveries update, or results told in prose)",
    NotRead.UNREADABLE: "the document could not be read",
    NotRead.FUTURE_PERIOD: "its statement ends after its 8-K was filed",
    NotRead.UNDATED: "its results table names the quarter but not the day it ended",
    NotRead.OTHER_PERIOD: "its statement's columns end before the quarter it reports",
    NotRead.NO_EXHIBIT: "the 8-K lists no EX-99 press release",
    NotRead.FETCH_FAILED: "the press release could not be fetched",
}


def gap_text(gap: Gap | None) -> str:
    """Why a figure is missing, in words ("" when it is not)."""
    return _GAPS.get(gap, str(gap)) if gap is not None else ""


def not_read_text(reason: NotRead | None) -> str:
    """Why a release gave no results, in words ("" when it gave some)."""
    return _NOT_READ.get(reason, str(reason)) if reason is not None else ""


class ResultRow(NamedTuple):
    """One release as shown: its fiscal quarter ('Q3 FY26', None when no fiscal year end is
    known), XBRL's figures of that quarter (`check`), the guide the release before gave for it,
    and the outcome against that guide's midpoint (XBRL's revenue once it has the quarter)."""

    release: Release
    label: str | None
    check: Check
    guide: tuple[float, float] | None
    vs_guide: float | None

    @property
    def symbol(self) -> str:
        return self.release.symbol

    @property
    def outcome(self) -> float | None:
        """The quarter's revenue: XBRL's when it has it, else the release's."""
        filed = self.check.filed.get("revenue")
        return filed if filed is not None else self.release.results.quarter.revenue


class ReleaseMark(NamedTuple):
    """A release of the last MARK_DAYS days on a watchlist row: its day and the revenue against
    its guide (None: no guide to beat or miss)."""

    filed: dt.date
    vs_guide: float | None


def amount(figure: str, value: float) -> str:
    """A release figure as shown: EPS to the cent, the others as money ($415M)."""
    return f"{value:.2f}" if figure.startswith("eps") else money(value)


def result_rows(
    releases: Sequence[Release], facts: Facts, year_ends: Sequence[dt.date]
) -> list[ResultRow]:
    """The rows of one symbol's `releases` (in their order), against its `facts`."""
    found = [r for r in releases if r.results.found]
    rows = []
    for release in releases:
        end = release.period_end
        checked = check(release, facts)
        guide = guide_of(found, end) if end is not None else None
        label = fiscal_label(end, year_ends) if end is not None else None
        row = ResultRow(release, label, checked, guide, None)
        if row.outcome is not None:
            row = row._replace(vs_guide=versus(row.outcome, guide))
        rows.append(row)
    return rows


def load_results(store: Store, symbol: str | None) -> list[ResultRow]:
    """Every stored release (of `symbol`), newest filed first, as rows."""
    releases = store.results.releases(symbol)
    if not releases:
        return []
    filed = store.results.filed_facts(symbol)  # XBRL's: what each release is checked against
    by_symbol: dict[str, list[Release]] = {}
    for release in releases:
        by_symbol.setdefault(release.symbol, []).append(release)
    rows: dict[tuple[str, str], ResultRow] = {}
    for sym, mine in by_symbol.items():
        for row in result_rows(mine, filed.of(sym), store.results.fiscal_year_ends(sym)):
            rows[(sym, row.release.accession)] = row
    return [rows[(r.symbol, r.accession)] for r in releases]


def recent_marks(store: Store, today: dt.date) -> dict[str, ReleaseMark]:
    """The symbols with a release filed in the last MARK_DAYS days, each with its newest one's
    revenue against its guide (the release's own revenue: XBRL rarely has it that soon)."""
    first = today - dt.timedelta(days=MARK_DAYS)
    symbols = store.results.filed_since(first)
    if not symbols:
        return {}
    marks = {}
    for symbol, releases in store.results.of_symbols(symbols).items():
        newest = max(releases, key=lambda r: r.filed)
        if newest.filed > today:  # filed_since: at least one on or after `first`
            continue
        end, revenue = newest.period_end, newest.results.quarter.revenue
        vs = None
        if end is not None and revenue is not None:
            vs = versus(revenue, guide_of(releases, end))
        marks[symbol] = ReleaseMark(newest.filed, vs)
    return marks
