"""Results read from an earnings press release (8-K EX-99.1) the evening it lands.

Pure, no I/O, no store or config: bytes in, a frozen record out. `read_release` finds the
income statement and reads, for the quarter reported, its period end, revenue, gross profit
(revenue - the total cost of revenue where only that is printed), operating income, net income
attributable to the company, GAAP diluted EPS and non-GAAP (or "adjusted") diluted EPS where
the release labels one; on a Q4 release the fiscal year too; and the revenue guidance it
gives for next quarter and the fiscal year. A figure not stated is None with a reason, never
a guess: a wrong number is worse than a missing one. A release without a statement (a
deliveries update, annual results told in prose) gives nothing, with a reason.

The parts: release_document (HTML, plain text, the SGML envelope -> tables and text),
release_tables (rows -> labelled figures), release_periods (what a column header says of its
period), columns (the header cells over a figure read together as its column's period),
release_labels (which row is which figure), release_figures (the statement and its
figures), release_eps (per-share figures outside the statement: non-GAAP EPS under its names,
GAAP EPS in a summary table), release_stated (a statement's day from its own note),
release_layout (where each figure was read; a company's layout as the check of the next
release), release_guidance (the outlook), spans (a column headed by its day alone), pages (a
sentence a page break cuts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Gap, NotRead, Place, ReleaseFigures, ReleaseResults, nothing

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from .tables import Segment

__all__ = ["read_release"]


def read_release(
    body: bytes | str, filed: date | None = None, layout: Iterable[Place] = ()
) -> ReleaseResults:
    """The results in a release (HTML, plain text, or in EDGAR's SGML envelope). Never raises.

    `filed`, the day its 8-K was filed, where known: a statement ending after it reports no
    period that could have been (a quarter "ended March 31, 2099"), so it is not read.
    `layout`, the places its company's release confirmed by XBRL read each figure from: a
    figure read by structure that its place contradicts is not reported (release_layout).
    The results carry the places of the figures read (`places`), for a layout to be learned.
    """
    try:
        return _read(body, filed, tuple(layout))
    except Exception:  # junk the readers did not foresee: nothing, rather than a crash
        return nothing(NotRead.UNREADABLE)


def _read(body: bytes | str, filed: date | None, layout: tuple[Place, ...]) -> ReleaseResults:
    # The readers (regular expressions, the HTML parser) load with the first release read:
    # what only holds results (the store, the metrics, the screens) never pays for them.
    from .document import read_document
    from .figures import (
        find_statements,
        fiscal_year,
        has_period,
        read_agreed,
        undated_results,
    )
    from .guidance import read_guidance
    from .layout import checked, places_of
    from .periods import Kind
    from .spans import span_by_text
    from .stated import date_orders, date_own_quarter, date_quarters, per_share, reported_end
    from .tables import segments

    document = read_document(body)
    if document is None:
        return nothing(NotRead.TOO_LARGE)
    if not document.text and not document.tables:
        return nothing(NotRead.EMPTY)
    found: list[Segment] = []
    previous = None  # the last segment read, or a table of headers alone for the next table
    for table in document.tables:
        for segment in segments(table, previous):
            previous = segment
            if segment.lines:
                found.append(segment)
    statements = find_statements(found)
    if not statements and (dated := date_quarters(found, document.text)) is not None:
        found = dated  # "First-Quarter" over "2025", dated by the statements' own note
        statements = find_statements(found)
    if not statements and (dated := date_orders(found, document.text)) is not None:
        found = dated  # "2Q25 | 1Q25 | 2Q24", dated by the days the text lists in that order
        statements = find_statements(found)
    if not statements and (spanned := span_by_text(found, document.text, filed)) is not None:
        found = spanned  # "March 28, 2026 | March 29, 2025": the quarter the text says ended
        statements = find_statements(found)
    elif statements and (
        dated := date_orders(found, document.text)
        or date_own_quarter(found, document.text, statements[0].period_end)
    ):
        # beside a dated statement, a summary's "3Q25" column, wherever it stands among other
        # periods, is the quarter the text names with its end, or its headline names by its
        # order: its per-share lines are read there
        mine = {id(statement.segment) for statement in statements}
        found = [s if id(s) in mine else per_share(s, d) for s, d in zip(found, dated, strict=True)]
    if filed is not None and statements:
        statements = [s for s in statements if s.period_end <= filed]
        if not statements:
            return nothing(NotRead.FUTURE_PERIOD)
    own = reported_end(document.text, filed)
    if own is not None and statements:  # a column of another period is never this one's
        statements = [s for s in statements if s.period_end >= own]
        if not statements:
            return nothing(NotRead.OTHER_PERIOD)
    if not statements:
        undated = any(undated_results(segment) for segment in found)
        return nothing(NotRead.UNDATED if undated else NotRead.NO_STATEMENT)
    statement = statements[0]
    quarterly = read_agreed(statements, found, Kind.QUARTER) if statement.quarterly else None
    # the year: in the same statement on a Q4 release, else in an annual one ending that day
    yearly = [
        other
        for other in statements
        if other.titled == statement.titled
        and other.period_end == statement.period_end
        and has_period(other, Kind.YEAR)
        and fiscal_year(other, document.text)  # not a first quarter's trailing twelve months
    ]
    annual = read_agreed(yearly, found, Kind.YEAR) if yearly else None
    places = []
    quarter, year = ReleaseFigures.nothing(Gap.NOT_STATED), None
    if quarterly is not None:
        quarter = checked(quarterly[0], "quarter", statement.period_end, layout, found)
        places += places_of(found, "quarter", statement.period_end, quarterly[1])
    if annual is not None:
        year = checked(annual[0], "year", statement.period_end, layout, found)
        places += places_of(found, "year", statement.period_end, annual[1])
    return ReleaseResults(
        found=True,
        reason=None,
        period_end=statement.period_end,
        quarter=quarter,
        year=year,
        guidance=read_guidance(document.text, found),
        places=tuple(places),
    )
