"""Fundamentals and next earnings dates in a refresh: fetched per symbol once a day (a failure
after an hour), each symbol's result stored in its own transaction; and SEC's ticker → CIK map,
once a week."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..market.earnings import fetch_next_earnings
from ..market.exchanges import listing_today
from ..market.fetch_kinds import DAILY, RETRY_FAILED_AFTER
from ..market.models import EarningsDate, FetchError, FetchKind

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ..market.http.client import MarketClient
    from ..market.provider import EarningsSource, FundamentalsSource
    from ..store import Store

log = logging.getLogger(__name__)

CIK_MAP_MAX_AGE = dt.timedelta(days=7)


@dataclass
class DailyFetches:
    """One refresh's daily fetches; notes for people go to `notes`, the symbols whose facts or
    earnings date were stored to the `*_updated` lists as each one is."""

    store: Store
    client: MarketClient
    clock: Callable[[], dt.datetime]
    notes: list[str]
    fundamentals_updated: list[str] = field(default_factory=list)
    earnings_updated: list[str] = field(default_factory=list)

    def due(self, kind: FetchKind, symbols: list[str]) -> list[str]:
        return self.store.market.due(
            kind, symbols, self.clock(), every=DAILY, failed_every=RETRY_FAILED_AFTER
        )

    def failed(self, kind: FetchKind, symbol: str, error: Exception) -> None:
        """A failure that is no FetchError (a bug, an answer no check foresaw): this symbol's
        alone, tried again after the hour like any failed fetch."""
        log.error("%s %s failed", kind, symbol, exc_info=error)
        detail = f"unexpected failure: {type(error).__name__}: {error}"
        self.store.market.mark_fetched(kind, symbol, self.clock(), ok=False, detail=detail)
        self.notes.append(f"{kind} {symbol}: {detail}")

    async def fundamentals(
        self, source: FundamentalsSource | None, symbols: list[str], ciks: Mapping[str, str]
    ) -> None:
        """The due symbols' facts, their CIKs from `ciks` (the map of `ciks()`)."""
        if source is None:  # no SEC contact: `refresh` and the ticker screen say what waits
            return
        due = self.due(FetchKind.FUNDAMENTALS, symbols)
        if not due or not ciks:
            return
        market, clock, client = self.store.market, self.clock, self.client
        kind = FetchKind.FUNDAMENTALS

        async def one(symbol: str) -> None:
            cik = source.cik_of(symbol, ciks)
            if cik is None:  # ETFs, indices, foreign listings: not an error, just no filings
                market.mark_fetched(kind, symbol, clock(), ok=True, detail="no CIK")
                return
            try:
                facts, filed = await source.fetch_filed(client, cik)
            except FetchError as error:
                market.mark_fetched(kind, symbol, clock(), ok=False, detail=str(error))
                self.notes.append(f"fundamentals {symbol}: {error}")
                return
            except Exception as error:
                self.failed(kind, symbol, error)
                return
            market.save_facts(symbol, facts, clock())
            self.store.as_filed.save(symbol, filed)  # each value known from its filing
            self.fundamentals_updated.append(symbol)

        await asyncio.gather(*(one(symbol) for symbol in due))

    async def ciks(self, source: FundamentalsSource | None) -> dict[str, str]:
        """The cached ticker → CIK map, fetched again when older than a week (empty without a
        source: no SEC contact), kept with SEC's name of each company."""
        if source is None:
            return {}
        market = self.store.market
        ciks = market.cik_map()
        if ciks and not market.due(FetchKind.CIK_MAP, [""], self.clock(), every=CIK_MAP_MAX_AGE):
            return ciks
        try:
            companies = await source.fetch_companies(self.client)
        except FetchError as error:
            if not ciks:
                self.notes.append(f"fundamentals: the SEC ticker map is unavailable ({error})")
            else:
                log.warning("keeping the cached SEC ticker map: %s", error)
            return ciks
        market.save_cik_map(companies.ciks, self.clock(), companies.names)
        return companies.ciks

    async def earnings(
        self,
        sources: Sequence[EarningsSource],
        symbols: list[str],
        seen: Mapping[str, EarningsDate | None],
        fresh: set[str],
        answered: Mapping[str, tuple[str, EarningsDate | None]] | None = None,
    ) -> None:
        """Next earnings dates of the symbols due: from the quote answers where they carried
        them (`seen`, no request), the others from `sources` in order (none: they wait, nothing
        is marked fetched). A symbol quoted in this refresh (`fresh`) that a source does not
        know has no earnings calendar. `answered`: the symbols whose estimates (jobs/estimates.py)
        were read, from which provider and the date they gave: that provider is not asked
        again, and its date stands where the sources before it know none."""
        due = self.due(FetchKind.EARNINGS, symbols)
        if not due:
            return
        market, clock = self.store.market, self.clock
        for symbol in [s for s in due if seen.get(s) is not None]:
            market.save_earnings(symbol, seen[symbol], clock())
            self.earnings_updated.append(symbol)
        due = [s for s in due if seen.get(s) is None]
        if not due or not sources:
            return
        now = self.clock()

        async def one(symbol: str) -> None:
            today = listing_today(symbol, now)  # its exchange's: London's for OCDO.L
            said = (answered or {}).get(symbol)
            asked = [s for s in sources if said is None or s.name != said[0]]
            if said is not None and not asked:  # the only source has answered already
                market.save_earnings(symbol, said[1], clock())
                return
            try:
                found = await fetch_next_earnings(self.client, asked, symbol, today)
                if found is None and said is not None:
                    found = said[1]
            except FetchError as error:
                if said is not None:  # the estimates' answer stands
                    market.save_earnings(symbol, said[1], clock())
                    return
                if error.kind == "unknown_symbol" and symbol in fresh:
                    # Quoted a moment ago, so it exists: it only has no earnings calendar.
                    market.save_earnings(symbol, None, clock())
                    return
                detail = str(error)
                market.mark_fetched(FetchKind.EARNINGS, symbol, clock(), ok=False, detail=detail)
                log.info("earnings %s: %s", symbol, error)
                return
            except Exception as error:
                self.failed(FetchKind.EARNINGS, symbol, error)
                return
            market.save_earnings(symbol, found, clock())
            self.earnings_updated.append(symbol)

        await asyncio.gather(*(one(symbol) for symbol in due))
