"""An intraday chart (1D, 5D) fetched when a chart shows one, not in a refresh: only the symbols
someone looks at are asked for, one request each, of the registry's intraday source (Yahoo's).
The request goes through the refresh's shared client (its rate limits, bounds and browser
handshake), counts with its provider's requests, and a refusal pauses that provider as one in a
refresh would; a paused provider is not asked."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, NamedTuple

from ..market.http.errors import is_refusal
from ..market.models import FetchError
from .client import market_client
from .sources import refresh_sources

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..config import Config
    from ..market.http.client import MarketClient
    from ..store import Store
    from ..store.records import StoredIntraday

log = logging.getLogger(__name__)


class IntradayFetch(NamedTuple):
    """What one fetch gave: the chart now stored, or why there is none ("" when fetched)."""

    stored: StoredIntraday | None
    error: str = ""


async def fetch_intraday_chart(
    config: Config,
    store: Store,
    symbol: str,
    span: str,
    *,
    now: Callable[[], dt.datetime] | None = None,
    client: MarketClient | None = None,
) -> IntradayFetch:
    """Fetch and store the intraday chart of `symbol` over `span` (a key of market.intraday
    SPANS) from the registry's intraday source; never raises for what it answers."""
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    source = refresh_sources(config, store, now=clock).intraday
    if source is None:
        return IntradayFetch(None, "no provider serves intraday charts")
    name = source.name
    paused = store.providers.paused(clock())
    if name in paused:
        until = paused[name]
        return IntradayFetch(None, f"{name} is paused until {until:%H:%M} UTC after refusing")
    notes: list[str] = []
    owned = client is None
    client = client or market_client(config, notes)
    asked_before = client.requests.copy()
    error: FetchError | None = None
    try:
        chart = await source.intraday(client, symbol, span, clock())
        store.intraday.save(chart, clock())
    except FetchError as exc:
        error = exc
        log.info("intraday %s %s: %s", symbol, span, exc)
    finally:
        asked = client.requests - asked_before
        if owned:
            await client.aclose()
    failed = {name: error.message} if error is not None else {}
    store.providers.record(
        clock(),
        succeeded=set() if error else {name},
        failed=failed,
        refused=failed if error is not None and is_refusal(error) else {},
        requests=dict(asked),
    )
    if error is not None:
        return IntradayFetch(store.intraday.chart(symbol, span, clock()), str(error))
    return IntradayFetch(store.intraday.chart(symbol, span, clock()))
