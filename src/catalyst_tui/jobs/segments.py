"""A company's revenue by product line from EDGAR: the newest 10-Q or 10-K of a symbol, its XBRL
instance (`*_htm.xml`, else the inline primary document) and its label file when listed,
fetched through the registry's filings source, read by reading/xbrl and stored with the filing
(store/segments.py), so a line's history builds up a filing at a time. `catalyst segments SYMBOL`
reads the newest one now (`read_symbol`); the refresh (jobs/refresh.py) runs `SegmentsReading`
after the filings step, for the symbols whose filings it listed: each new report read when
listed, a failure tried again a day later. An inline primary document it fetched is kept in
the refresh's `fetched` (by URL): the evidence documents of the same refresh take it from there,
so SEC is asked for it once."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..market.models import FetchError, FetchKind, FormatError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..config import Config
    from ..market.http.client import MarketClient
    from ..market.provider import FilingsSource
    from ..reading.xbrl.records import Segments  # the reader's package loads the reader
    from ..store import Store
    from ..store.records import Filing

log = logging.getLogger(__name__)

STEPS = 8  # symbols' steps at a time (the evidence steps' too): what they hold stays bounded

REPORTS = ("10-Q", "10-K")
RETRY_AFTER = dt.timedelta(days=1)


class SegmentsRead(NamedTuple):
    """What one read of a filing gave: its split (stored), or why there is none."""

    symbol: str
    filing: Filing
    segments: Segments | None
    problem: str = ""  # why the filing gave nothing (a fetch that failed, no revenue in it)


def newest_report(filings: Iterable[Filing]) -> Filing | None:
    """The newest 10-Q or 10-K (an amendment is no report of its own)."""
    reports = [f for f in filings if f.form in REPORTS]
    return max(reports, key=lambda f: f.accepted, default=None)


async def read_filing(
    client: MarketClient,
    edgar: FilingsSource,
    filing: Filing,
    fetched: dict[str, bytes] | None = None,
) -> Segments:
    """The filing's revenue split: its index, its XBRL instance (or inline primary document)
    and label file fetched, read in a thread. FetchError, or a FormatError (the reader's
    XbrlFormatError, NoRevenue) for what is not a split. The primary document, when it is what
    was read, is kept in `fetched` by its URL (the evidence step reads the same document)."""
    from ..reading.xbrl.facts import MAX_BYTES  # the reader's bound: the fetch's too
    from ..reading.xbrl.reader import read_segments  # the reader: loaded with the first one
    from ..thesis.catalogue import xbrl_concepts

    archives, cik = edgar.archives_url, filing.cik
    page = await edgar.fetch_archive(client, filing.index_url(archives), cik)
    instance, labels = edgar.read_xbrl_files(page)
    name = instance.name if instance is not None else filing.primary_document
    url = filing.document_url(archives, name)
    document = await edgar.fetch_archive(client, url, cik, max_bytes=MAX_BYTES)
    if fetched is not None and name == filing.primary_document:
        fetched[url] = document
    label_body = None
    if labels is not None:
        label_body = await edgar.fetch_archive(
            client, filing.document_url(archives, labels.name), cik, max_bytes=MAX_BYTES
        )
    return await asyncio.to_thread(read_segments, document, label_body, xbrl_concepts())


async def read_and_store(
    store: Store,
    client: MarketClient,
    edgar: FilingsSource,
    symbol: str,
    filing: Filing,
    clock: Callable[[], dt.datetime],
    fetched: dict[str, bytes] | None = None,
) -> SegmentsRead:
    """Read `filing`'s split and store it with the filing; the fetch's outcome kept
    (FetchKind.SEGMENTS) either way."""
    try:
        segments = await read_filing(client, edgar, filing, fetched)
    except (FetchError, FormatError) as error:
        detail = f"{filing.form} {filing.accession}: {error}"
        store.market.mark_fetched(FetchKind.SEGMENTS, symbol, clock(), ok=False, detail=detail)
        return SegmentsRead(symbol, filing, None, str(error))
    store.segments.save(symbol, filing.accession, filing.filed, segments, clock())
    store.market.mark_fetched(FetchKind.SEGMENTS, symbol, clock(), detail=filing.accession)
    return SegmentsRead(symbol, filing, segments)


async def read_newest(
    store: Store,
    client: MarketClient,
    edgar: FilingsSource,
    symbol: str,
    cik: str,
    clock: Callable[[], dt.datetime],
) -> SegmentsRead | None:
    """The newest 10-Q or 10-K in the company's submissions, read and stored (None: it lists
    none). FetchError or a FormatError when the submissions can't be had."""
    filing = newest_report(await edgar.filings(client, cik))
    if filing is None:
        return None
    return await read_and_store(store, client, edgar, symbol, filing, clock)


@dataclass
class SegmentsReading:
    """One refresh's reading of product lines, after its filings step: each listed symbol's
    newest stored 10-Q or 10-K, read when it was not yet (after a failure, a day later); notes
    for people go to `notes`, the primary documents fetched to `fetched` (by URL)."""

    store: Store
    client: MarketClient
    clock: Callable[[], dt.datetime]
    notes: list[str]
    fetched: dict[str, bytes] = field(default_factory=dict)

    async def run(self, edgar: FilingsSource | None, symbols: Iterable[str]) -> None:
        """Each symbol's step, STEPS at a time; whatever one raises (a document no reader
        foresaw) fails that symbol's step alone, tried again a day later."""
        if edgar is None:
            return
        steps = asyncio.Semaphore(STEPS)

        async def one(symbol: str) -> None:
            async with steps:
                try:
                    found = await self.catch_up(edgar, symbol)
                except Exception as error:  # cancellation is a BaseException and passes through
                    log.warning("product lines %s: %s", symbol, error, exc_info=True)
                    detail = f"{type(error).__name__}: {error}"
                    self.store.market.mark_fetched(
                        FetchKind.SEGMENTS, symbol, self.clock(), ok=False, detail=detail
                    )
                    self.notes.append(f"product lines {symbol}: failed ({type(error).__name__})")
                    return
            if found is not None and found.segments is None:
                self.notes.append(f"product lines {symbol}: {found.problem}")

        await asyncio.gather(*(one(symbol) for symbol in dict.fromkeys(symbols)))

    async def catch_up(self, edgar: FilingsSource, symbol: str) -> SegmentsRead | None:
        """The symbol's newest stored 10-Q or 10-K, read when it was not yet (after a failure,
        a day later). None when there is nothing to read."""
        store, clock = self.store, self.clock
        filing = newest_report(r.filing for r in store.evidence.filings(symbol, limit=50))
        if filing is None or filing.accession in store.segments.accessions(symbol):
            return None
        due = store.market.due(
            FetchKind.SEGMENTS, [symbol], clock(), every=dt.timedelta(0), failed_every=RETRY_AFTER
        )
        if not due:
            return None
        return await read_and_store(store, self.client, edgar, symbol, filing, clock, self.fetched)


class SegmentsProblem(Exception):
    """Why `catalyst segments SYMBOL` read nothing, as a sentence."""


async def read_symbol(
    store: Store, config: Config, symbol: str, clock: Callable[[], dt.datetime]
) -> SegmentsRead:
    """`catalyst segments SYMBOL`: the newest 10-Q or 10-K of `symbol`'s company on EDGAR, read
    and stored; SegmentsProblem when there is no SEC contact, no CIK, no such filing or the
    submissions can't be had."""
    from .client import market_client
    from .daily import DailyFetches
    from .sources import refresh_sources

    sources = refresh_sources(config, store)
    edgar = sources.filings
    if edgar is None or sources.fundamentals is None:
        raise SegmentsProblem("no SEC EDGAR source: set providers.sec.user_agent")
    notes: list[str] = []
    async with market_client(config, notes) as client:
        ciks = await DailyFetches(store, client, clock, notes).ciks(sources.fundamentals)
        cik = edgar.cik_of(symbol, ciks)
        if cik is None and not ciks:  # the map itself could not be had: nothing is known
            raise SegmentsProblem(f"{symbol}'s company not looked up: {'; '.join(notes)}")
        if cik is None:
            raise SegmentsProblem(f"SEC EDGAR knows no company with the ticker {symbol}")
        try:
            found = await read_newest(store, client, edgar, symbol, cik, clock)
        except (FetchError, FormatError) as error:
            raise SegmentsProblem(f"the filings of {symbol}: {error}") from None
    if found is None:
        raise SegmentsProblem(f"EDGAR lists no 10-Q or 10-K of {symbol}")
    return found
