"""Evidence in a refresh: each ticker's SEC filings, the documents of those that can settle a
milestone, Yahoo headlines, and the matching of every checkpoint's evidence entries.

- **Filings** (10-K, 10-Q, 8-K) of every ticker with a CIK: the submissions JSON once a day, and
  every 15 minutes while its results are awaited (jobs/results.py). At first sight, the last 12
  months. Each filing is stored once; a new 8-K with item 2.02 (results) makes the fundamentals
  fetch due, and its earnings release is read (jobs/results.py) before the documents below,
  which take the exhibits it fetched rather than asking for them again.
- **Documents**, only for tickers whose checkpoints carry evidence entries or name a KPI read
  from words (a 500-symbol watchlist does not download 6,000 filings): an 8-K with item 2.02,
  7.01 or 8.01 gives its EX-99 exhibits (the press release; the first MAX_EXHIBITS), found by
  type in the filing index; a 10-Q or 10-K its primary document. HTML becomes text once, stored
  compressed, each document as it is read; a filing is marked read once all of its are, and a
  failed read is tried again at the next refresh, three times.
- **Feeds**: those tickers' own news feeds (`feeds = [...]`), first, and an awaited ticker's
  when results are notified (its results release may be on them): jobs/feeds.py.
- **News**: the headlines of those tickers (Yahoo's RSS feed), once an hour.
- **Matching** is jobs/evidence_match.py's, run after every refresh and every edit.

Evidence shares the refresh's time (jobs/refresh.py gives each step its share, `until`, a
monotonic time): no new symbol, filing or document is begun after it, at most STEPS at a time,
and what was read is stored; the next refresh resumes where this one stopped (a filing's
documents already stored are not asked for again).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..market.fetch_kinds import DAILY, RETRY_FAILED_AFTER
from ..market.models import FetchError, FetchKind, FormatError
from ..reading.documents import html_to_text
from ..reading.moments import plausible_moment
from ..store.records import FilingRecord, NewDocument
from ..text import counted
from .feeds import FIRST_LOOK, FeedReading, headline_text
from .kpi_reading import kpi_subjects
from .results import POLL_EVERY, ReleaseReading, awaited
from .segments import STEPS

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable, Mapping

    from ..market.http.client import MarketClient
    from ..market.provider import FeedSource, FilingsSource, NewsSource
    from ..store import Store

__all__ = ["EvidenceFetches", "headline_text"]

log = logging.getLogger(__name__)

NEWS_EVERY = dt.timedelta(hours=1)
INDEX_SLACK_DAYS = 5  # an index page's Accepted time days from the filing date is not its own
MAX_EXHIBITS = 20  # EX-99 exhibits read of one 8-K: a real one has one to three


@dataclass
class EvidenceFetches:
    """One refresh's evidence fetches, from its filings and news sources (None: not asked);
    notes for people go to `notes`."""

    store: Store
    client: MarketClient
    clock: Callable[[], dt.datetime]
    notes: list[str]
    filings: FilingsSource | None
    news: NewsSource | None
    releases: ReleaseReading | None = None  # earnings releases, read after the filings
    until: float | None = None  # monotonic: no step is begun after it
    feed_source: FeedSource | None = None  # the tickers' own feeds (jobs/feeds.py)
    feeds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # by symbol
    # The bodies an earlier step of the refresh fetched (by URL): its documents are not asked
    # for again (an earnings release's exhibits, a 10-Q read for its product lines).
    fetched: Mapping[str, bytes] = field(default_factory=dict)
    listed: list[str] = field(default_factory=list)  # the symbols whose filings were listed
    _steps: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(STEPS))

    def out_of_time(self) -> bool:
        return self.until is not None and time.monotonic() >= self.until

    def _left(self) -> float | None:
        """Seconds until `until` (None: no end)."""
        return None if self.until is None else max(0.0, self.until - time.monotonic())

    async def list_filings(self, symbols: list[str], ciks: dict[str, str]) -> None:
        """The due symbols' filings, stored; those still on the way at `until` are left to
        the next refresh (nothing of theirs is marked fetched)."""
        edgar = self.filings
        if edgar is None or not ciks:
            return
        known = {s: cik for s in symbols if (cik := edgar.cik_of(s, ciks)) is not None}
        due = [s for s in self._filings_due(symbols) if s in known]
        due = self.store.results.claim_polls(due, self.clock(), POLL_EVERY)  # across processes
        try:
            async with asyncio.timeout(self._left()):
                await self._each(
                    FetchKind.FILINGS, due, lambda s: self._filings(edgar, s, known[s])
                )
        except TimeoutError:
            undone = self._filings_due(due)  # those not marked fetched yet
            self.notes.append(
                f"filings of {counted(len(undone), 'ticker')} left to the next refresh: "
                "out of their share of its time"
            )

    async def read_releases(self, symbols: list[str], ciks: dict[str, str]) -> None:
        """The earnings releases of the stored 8-Ks (jobs/results.py), within `until`: after
        the filings, before the documents, which take the bodies they fetched. What was read
        is stored; the rest is read at the next refresh."""
        edgar, releases = self.filings, self.releases
        if edgar is None or releases is None or not ciks:
            return
        known = [s for s in symbols if edgar.cik_of(s, ciks) is not None]
        try:
            async with asyncio.timeout(self._left()):
                await releases.run(edgar, known)
        except TimeoutError:
            self.notes.append(
                "earnings releases left to the next refresh: out of their share of its time"
            )

    async def read(self, symbols: list[str]) -> None:
        """The tickers' own feeds, the documents of the filings not read yet, then the news,
        of the tickers whose checkpoints carry evidence entries or name a KPI read from words
        (jobs/kpi_reading.py)."""
        wanted = {t.symbol for t in self.store.evidence.targets()} | set(kpi_subjects(self.store))
        readers = sorted(wanted & set(symbols))
        if self.feed_source is not None and self.feeds:
            results = self.releases is not None and self.releases.notify
            reading = FeedReading(
                self.store,
                self.client,
                self.clock,
                self.notes,
                self.feed_source,
                self.feeds,
                self.out_of_time,
                results=results,
            )
            # An awaited ticker's feeds may carry its results release (jobs/feeds.py).
            awaiting = awaited(self.store, symbols, self.clock()) if results else []
            feeds_of = sorted(set(readers) | {s for s in awaiting if self.feeds.get(s)})
            await self._each(FetchKind.FEEDS, reading.due(feeds_of), reading.read)
        edgar = self.filings
        if edgar is not None:
            await self._each(FetchKind.DOCUMENTS, readers, lambda s: self._documents(edgar, s))
        if self.news is not None:
            feed = self.news
            due = self._due(FetchKind.NEWS, readers, NEWS_EVERY)
            await self._each(FetchKind.NEWS, due, lambda s: self._news(feed, s))

    async def _each(
        self, kind: FetchKind, symbols: list[str], step: Callable[[str], Awaitable[None]]
    ) -> None:
        """`step` for each symbol, STEPS at a time, none begun once out of time."""

        async def one(symbol: str) -> None:
            async with self._steps:
                if not self.out_of_time():
                    await self._guarded(kind, symbol, step(symbol))

        await asyncio.gather(*(one(symbol) for symbol in symbols))

    async def _guarded(self, kind: FetchKind, symbol: str, step: Awaitable[None]) -> None:
        """One symbol's step: whatever it raises (a provider's answer no parser foresaw) fails
        that symbol's step alone, never the refresh; FetchError and the format errors are
        handled inside the steps, with their own messages."""
        try:
            await step
        except Exception as error:  # cancellation is a BaseException and passes through
            log.warning("%s %s: %s", kind, symbol, error, exc_info=True)
            failure = type(error).__name__
            self.notes.append(f"{kind} {symbol}: failed ({failure}), tried again later")
            if kind != FetchKind.DOCUMENTS:
                detail = f"{failure}: {error}"
                self.store.market.mark_fetched(kind, symbol, self.clock(), ok=False, detail=detail)

    # -- filings -----------------------------------------------------------------------------
    def _due(self, kind: FetchKind, symbols: Iterable[str], every: dt.timedelta) -> list[str]:
        return self.store.market.due(
            kind, symbols, self.clock(), every=every, failed_every=RETRY_FAILED_AFTER
        )

    def _filings_due(self, symbols: list[str]) -> list[str]:
        """Daily, and every POLL_EVERY while the company's results are awaited."""
        due = set(self._due(FetchKind.FILINGS, symbols, DAILY))
        waiting = awaited(self.store, symbols, self.clock())
        if waiting:
            due.update(self._due(FetchKind.FILINGS, waiting, POLL_EVERY))
        return [s for s in symbols if s in due]

    async def _filings(self, edgar: FilingsSource, symbol: str, cik: str) -> None:
        market, now = self.store.market, self.clock()
        first = not self.store.evidence.filings(symbol, limit=1)
        cutoff = now - FIRST_LOOK
        try:
            # At first sight, the last 12 months: a prolific filer's reach into an older page.
            filings = await edgar.filings(self.client, cik, cutoff if first else None)
        except (FetchError, FormatError) as error:
            market.mark_fetched(
                FetchKind.FILINGS, symbol, self.clock(), ok=False, detail=str(error)
            )
            self.notes.append(f"filings {symbol}: {error}")
            return
        # Nothing is accepted in the future: a filing dated years ahead is no filing yet.
        recent = [f for f in filings if f.accepted >= cutoff and plausible_moment(f.accepted, now)]
        added = self.store.evidence.save_filings(symbol, recent, edgar.archives_url, self.clock())
        market.mark_fetched(FetchKind.FILINGS, symbol, self.clock(), detail=f"{len(added)} new")
        self.listed.append(symbol)
        results = [f for f in added if f.form == "8-K" and "2.02" in f.filing.items]
        if results and not first:
            self.store.evidence.make_fundamentals_due(symbol)
            self.notes.append(
                f"{symbol}: results filed (8-K {results[-1].filed.isoformat()}, item 2.02): "
                "fundamentals fetched again"
            )

    # -- documents ---------------------------------------------------------------------------
    async def _documents(self, edgar: FilingsSource, symbol: str) -> None:
        store = self.store.evidence
        for record in store.filings_to_read(symbol):
            if self.out_of_time():
                return  # the rest at the next refresh
            if not (record.filing.wants_exhibits or record.filing.wants_primary):
                store.save_documents(symbol, (), self.clock(), filing=record.accession)
                continue
            try:
                accepted = await self._filing_documents(edgar, symbol, record)
            except (FetchError, FormatError) as error:
                store.read_failed(symbol, record.accession, str(error))
                log.info("documents of %s %s: %s", symbol, record.accession, error)
                continue
            if accepted is not None:  # every document read: the filing is
                store.save_documents(
                    symbol, (), self.clock(), filing=record.accession, accepted=accepted
                )

    async def _filing_documents(
        self, edgar: FilingsSource, symbol: str, record: FilingRecord
    ) -> dt.datetime | None:
        """Read and store the filing's documents worth matching, one by one (those stored by an
        earlier refresh are not asked for again); when it was accepted once all are, None when
        time ran out first. A document that cannot be had spoils itself alone: the others are
        read and stored, then the first failure is raised (the filing is tried again later,
        for the failed ones). The time is its index page's (always New York's clock) where the
        index is read, since submissions' acceptanceDateTime is UTC on most rows and New
        York's clock on some."""
        archives, filing = edgar.archives_url, record.filing
        accepted = filing.accepted
        fetched = self.fetched
        if filing.wants_exhibits:
            url = filing.index_url(archives)
            page = fetched.get(url) or await edgar.fetch_archive(self.client, url, filing.cik)
            index = edgar.read_index(page)
            shown = index.accepted
            if shown is not None and abs((shown.date() - filing.filed).days) <= INDEX_SLACK_DAYS:
                accepted = shown  # New York's clock, where submissions' may be either
            wanted = [
                (d.name, f"8-K {d.type}", d.description) for d in index.exhibits[:MAX_EXHIBITS]
            ]
        else:
            wanted = [(filing.primary_document, filing.form, "")]
        stored = self.store.evidence.document_keys(symbol, filing.accession)
        failed: list[FetchError] = []
        for name, form, description in wanted:
            url = filing.document_url(archives, name)
            if url in stored:
                continue
            if self.out_of_time():
                return None
            try:
                body = fetched.get(url) or await edgar.fetch_archive(self.client, url, filing.cik)
            except FetchError as error:
                failed.append(error)
                continue
            text = await asyncio.to_thread(html_to_text, body)
            title = description or filing.item_text or form
            document = NewDocument(
                edgar.name, url, filing.accession, form, title, url, accepted, text
            )
            self.store.evidence.save_documents(symbol, [document], self.clock())
        if failed:
            more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
            raise failed[0].with_message(failed[0].message + more)
        return accepted

    # -- news --------------------------------------------------------------------------------
    async def _news(self, feed: NewsSource, symbol: str) -> None:
        market = self.store.market
        try:
            headlines = await feed.headlines(self.client, symbol)
        except (FetchError, FormatError) as error:
            market.mark_fetched(FetchKind.NEWS, symbol, self.clock(), ok=False, detail=str(error))
            log.info("news %s: %s", symbol, error)
            return
        now = self.clock()
        documents = [
            NewDocument(
                feed.name,
                h.guid or h.link,
                None,
                "news",
                h.title,
                h.link,
                h.published or now,
                headline_text(h.title, h.summary),
            )
            for h in headlines
        ]
        added = self.store.evidence.save_documents(symbol, documents, now)
        market.mark_fetched(FetchKind.NEWS, symbol, now, detail=f"{added} new")
