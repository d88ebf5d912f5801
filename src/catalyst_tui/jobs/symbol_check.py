"""Whether the quote providers know a symbol, asked before a ticker added in the TUI is written:
one quote request for that symbol along the registry's quote sources, in the config's order
(the refresh's quote pass, for one symbol, without its history), through the shared client and
its limits; a paused provider is not asked. Nothing is stored: the refresh that follows the
addition fetches and stores it."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING, NamedTuple

from ..market.quotes import fetch_quotes
from ..store import Store
from .client import market_client
from .sources import refresh_sources

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ..config import Config
    from ..market.http.client import MarketClient
    from ..market.models import FetchError, Quote

log = logging.getLogger(__name__)

CHECK_DEADLINE = 20.0  # seconds: a form waits on it (the refresh's quote pass takes up to 60)


class SymbolCheck(NamedTuple):
    """What the providers said of one symbol: its quote, or each provider's failure."""

    symbol: str
    quote: Quote | None = None
    errors: tuple[FetchError, ...] = ()
    asked: tuple[str, ...] = ()  # the providers asked, in order
    failure: str = ""  # why they could not be asked at all

    @property
    def known(self) -> bool:
        return self.quote is not None

    @property
    def unknown(self) -> bool:
        """Every provider asked answered that it does not know the symbol (not a failure to
        reach it: that says nothing of the symbol)."""
        return (
            self.quote is None
            and bool(self.errors)
            and all(e.kind == "unknown_symbol" for e in self.errors)
        )

    @property
    def why(self) -> str:
        """The providers' own words: 'yahoo: not in Yahoo's quote batch; stooq: …'."""
        if self.failure:
            return self.failure
        if not self.asked:
            return "no quote provider to ask (every one is paused or none is configured)"
        return "; ".join(f"{e.provider}: {e.message}" for e in self.errors) or "no answer"


async def check_symbol(
    config: Config,
    store: Store,
    symbol: str,
    *,
    now: Callable[[], dt.datetime] | None = None,
    client: MarketClient | None = None,
) -> SymbolCheck:
    """Ask the quote sources for `symbol` (one request each, in order, until one knows it);
    never raises for what they answer."""
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    paused = store.providers.paused(clock())
    providers = [
        p for p in refresh_sources(config, store, now=clock).quotes if p.name not in paused
    ]
    if not providers:
        return SymbolCheck(symbol)
    owned = client is None
    client = client or market_client(config, [])
    try:
        outcomes = await fetch_quotes(client, providers, [symbol], deadline=CHECK_DEADLINE)
    finally:
        if owned:
            await client.aclose()
    outcome = outcomes[symbol]
    log.info("symbol check %s: %s", symbol, outcome.quote or outcome.error_text)
    return SymbolCheck(
        symbol, outcome.quote, tuple(outcome.errors), tuple(p.name for p in providers)
    )


def check_symbol_in_thread(
    config: Config, database: Path, symbol: str, now: Callable[[], dt.datetime] | None = None
) -> SymbolCheck:
    """`check_symbol` for a worker thread: on a connection and an event loop of its own."""
    with Store.open(database) as store:
        return asyncio.run(check_symbol(config, store, symbol, now=now))
