"""The Street's estimates in a refresh: one request a symbol once a day (a failure after an hour),
a few at a time, each symbol's answer stored in its own transaction (store/estimates.py). The
same answer carries the next earnings date: the earnings fetch that follows takes it from here
(`dates`) instead of asking the same provider again. A refusal (429, a block page) ends the
pass: the symbols left wait an hour (PAUSE), and the quotes are not touched (their own
pass is over, and a refusal here pauses no provider)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..market.exchanges import listing_today
from ..market.fetch_kinds import DAILY, RETRY_FAILED_AFTER
from ..market.http.errors import is_refusal
from ..market.models import EarningsDate, FetchError, FetchKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..market.http.client import MarketClient
    from ..market.provider import EstimatesSource
    from ..store import Store

log = logging.getLogger(__name__)

PAUSE = dt.timedelta(hours=1)  # after a refusal, before any symbol is asked again
AT_ONCE = 2  # requests in flight: Yahoo answers a few a second before it says 429


@dataclass
class EstimatesFetch:
    """One refresh's estimates: `dates`, the next earnings date each answer gave (None: it
    gave none), by symbol; `source`, who answered them."""

    store: Store
    client: MarketClient
    clock: Callable[[], dt.datetime]
    notes: list[str]
    dates: dict[str, EarningsDate | None] = field(default_factory=dict)
    updated: list[str] = field(default_factory=list)
    source: str = ""
    refused: FetchError | None = None
    paused: bool = False  # it refused within PAUSE: not asked

    async def fetch(
        self, source: EstimatesSource | None, symbols: list[str], refusing: set[str]
    ) -> None:
        """The due symbols' estimates from `source` (None: no provider gives them; one of
        `refusing`, turning this client away: not asked)."""
        if source is None or source.name in refusing:
            return
        self.source = source.name  # before the pause: `refusing()` names it
        market, clock = self.store.market, self.clock
        kind = FetchKind.ESTIMATES
        # A refusal in the last hour (kept under the symbol ""): no symbol is asked till then.
        if not market.due(kind, [""], clock(), every=dt.timedelta(0), failed_every=PAUSE):
            self.paused = True
            return
        due = market.due(kind, symbols, clock(), every=DAILY, failed_every=RETRY_FAILED_AFTER)
        gate = asyncio.Semaphore(AT_ONCE)
        now = clock()

        async def one(symbol: str) -> None:
            # Its exchange's day: 21:00 in New York is the next day in UTC, 02:00 in London not
            today = listing_today(symbol, now)
            async with gate:
                if self.refused is not None:
                    return  # left due: asked at the next refresh
                try:
                    found = await source.estimates(self.client, symbol, today)
                except FetchError as error:
                    if is_refusal(error):
                        self.refused = error
                        return
                    market.mark_fetched(kind, symbol, clock(), ok=False, detail=str(error))
                    log.info("estimates %s: %s", symbol, error)
                    return
                except Exception as error:
                    log.error("estimates %s failed", symbol, exc_info=error)
                    detail = f"unexpected failure: {type(error).__name__}: {error}"
                    market.mark_fetched(kind, symbol, clock(), ok=False, detail=detail)
                    return
            self.store.estimates.save(symbol, found, clock())
            self.dates[symbol] = None if found is None else found.next_date
            self.updated.append(symbol)

        await asyncio.gather(*(one(symbol) for symbol in due))
        if self.refused is not None:
            market.mark_fetched(kind, "", clock(), ok=False, detail=str(self.refused))
            self.notes.append(f"estimates: {self.refused} (the rest in an hour)")

    def refusing(self) -> set[str]:
        """The provider, when it refused the estimates (now or within PAUSE): not asked for
        earnings dates either (the same endpoint)."""
        return {self.source} if self.refused is not None or self.paused else set()

    def found_dates(self, first: str) -> dict[str, EarningsDate | None]:
        """The next earnings dates the answers gave, for the earnings fetch (as `seen`), when
        their provider is the `first` one asked for earnings dates (a keyed calendar the
        registry puts ahead, Finnhub's, is still asked first)."""
        if first != self.source:
            return {}
        return {symbol: day for symbol, day in self.dates.items() if day is not None}

    def answered(self) -> dict[str, tuple[str, EarningsDate | None]]:
        """Each symbol answered, who answered and the date it gave (`answered`): that
        provider is not asked again for it."""
        return {symbol: (self.source, day) for symbol, day in self.dates.items()}
