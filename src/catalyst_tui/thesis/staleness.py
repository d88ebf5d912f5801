"""A verdict judged from stale data, and since when: which of the sources a ticker's checkpoints
read stopped answering (its own quote not renewed by the last refresh; SEC EDGAR's last try
failed with nothing answered after it, store/records.ProviderHealth.failing_since), since when,
and the day of the newest data it was judged from. Pure: what the checkpoints read, the
providers' failures and the ticker's last quote in, a record and its words out (docs/thesis.md,
A verdict from stale data)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from .catalogue import METRICS, Source
from .kinds import KINDS
from .vocabulary import Status

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..market.models import LastQuote
    from .verdict import Standing

QUOTES = "quotes"  # the ticker's own quote, whichever provider served it
QUOTE = "quote"  # its quote not renewed while its provider answers (another symbol failed alone)
# SEC EDGAR: fundamentals, product lines, releases, KPIs' documents, and the reports
# milestones await.
SEC_EDGAR = "sec"

#: What each source of a metric (thesis/catalogue.py) is fetched from. The Street's consensus is
#: kept by day and judged by its own age (a day without it is no stale figure): none here.
READS: dict[Source, tuple[str, ...]] = {
    Source.QUOTES: (QUOTES,),
    Source.LOTS: (QUOTES,),
    Source.MIXED: (QUOTES, SEC_EDGAR),
    Source.FUNDAMENTALS: (SEC_EDGAR,),
    Source.RELEASES: (SEC_EDGAR,),
    Source.LINES: (SEC_EDGAR,),
    Source.STREET: (),
    Source.WORDS: (SEC_EDGAR,),  # the filings' documents, most of what the KPIs are read from
}


class Failing(NamedTuple):
    """A provider whose last try failed, nothing answering after it: when it was last tried and
    when it last answered (None: never)."""

    tried: dt.datetime
    last_success: dt.datetime | None


class Stale(NamedTuple):
    """A verdict's data stopped coming: since when (nothing it reads was renewed after that
    moment: the oldest last answer of its failing sources; of one that never answered, its last
    try), the day of that data (None: a source never answered), and each failing source with
    its last try (None: a quote not renewed while its provider answers), the oldest data first."""

    since: dt.datetime
    data_of: dt.date | None
    sources: tuple[tuple[str, dt.datetime | None], ...]


# The kinds whose pending checkpoints the report of their quarter settles (their KINDS row), by
# value: a stored standing's kind is text, and an enum member hashes in Python, a str in C.
_SETTLED_BY_REPORT = frozenset(str(kind) for kind, row in KINDS.items() if row.settled_by_report)


def reads(standings: Iterable[Standing]) -> frozenset[str]:
    """The sources a ticker's verdict reads: each metric's of its checkpoints that data decides
    (a mark is yours: it reads nothing), and SEC EDGAR for a checkpoint still pending that the
    report of its quarter settles (a milestone: its row in thesis/kinds.py)."""
    found: set[str] = set()
    for s in standings:
        if s.manual:
            continue
        if s.status == Status.PENDING and s.kind in _SETTLED_BY_REPORT:
            found.add(SEC_EDGAR)
        if s.metric in METRICS:
            found.update(READS[METRICS[s.metric].source])
    return frozenset(found)


def stale_since(
    standings: Iterable[Standing], failing: Mapping[str, Failing], quote: LastQuote | None
) -> Stale | None:
    """Whether the data a ticker's verdict is judged from is stale, from what its checkpoints
    read (`reads`): its quote when the last refresh did not renew it (its provider failing, or
    that symbol alone), SEC EDGAR while its last try failed; None when every source it reads
    answers."""
    wanted = reads(standings)
    # (the moment its data is of, or its last try when it never answered; source, last try)
    stopped: list[tuple[dt.datetime, str, dt.datetime | None]] = []
    never = False
    if QUOTES in wanted and quote is not None and quote.stale and quote.fetched_at is not None:
        down = failing.get(quote.source or "")
        if down is None:  # its provider answers: this symbol alone was not renewed
            stopped.append((quote.fetched_at, QUOTE, None))
        else:
            stopped.append((quote.fetched_at, quote.source or QUOTE, down.tried))
    sec = failing.get(SEC_EDGAR)
    if SEC_EDGAR in wanted and sec is not None:
        never = sec.last_success is None
        stopped.append((sec.last_success or sec.tried, SEC_EDGAR, sec.tried))
    if not stopped:
        return None
    stopped.sort()
    since = stopped[0][0]
    sources = tuple((name, tried) for _, name, tried in stopped)
    return Stale(since, None if never else since.date(), sources)


def stale_text(stale: Stale) -> str:
    """ "from data of 2026-11-20 (sec failing, last tried 2026-11-22)", "from data of
    2026-11-20 (quote not renewed)"; "from data never fetched (sec failing, last tried
    2026-11-21)" when a source it reads never answered (days in UTC, as the moments are kept)."""
    failing = "; ".join(
        f"{name} not renewed" if tried is None else f"{name} failing, last tried {tried.date()}"
        for name, tried in stale.sources
    )
    if stale.data_of is None:
        return f"from data never fetched ({failing})"
    return f"from data of {stale.data_of.isoformat()} ({failing})"
