"""An intraday chart (1D, 5D) fetched when a chart shows one, not in a refresh: only the symbols
someone looks at are asked for, one request each. The request goes through the refresh's shared
client (its rate limits, bounds and browser handshake), counts with Yahoo's requests, and a
refusal pauses Yahoo as one in a refresh would; a paused Yahoo is not asked."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import NamedTuple

from ..config import Config
from ..market.http.client import MarketClient
from ..market.http.errors import is_refusal
from ..market.models import FetchError
from ..market.yahoo import NAME as YAHOO
from ..market.yahoo.intraday import fetch_intraday
from ..store import Store
from ..store.records import StoredIntraday
from .client import market_client

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
    SPANS) from Yahoo; never raises for what Yahoo answers."""
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    paused = store.providers.paused(clock())
    if YAHOO in paused:
        until = paused[YAHOO]
        return IntradayFetch(None, f"yahoo is paused until {until:%H:%M} UTC after refusing")
    notes: list[str] = []
    owned = client is None
    client = client or market_client(config, notes)
    asked_before = client.requests.copy()
    error: FetchError | None = None
    try:
        chart = await fetch_intraday(client, config.providers.yahoo.base_url, symbol, span, clock)
        store.intraday.save(chart, clock())
    except FetchError as exc:
        error = exc
        log.info("intraday %s %s: %s", symbol, span, exc)
    finally:
        asked = client.requests - asked_before
        if owned:
            await client.aclose()
    failed = {YAHOO: error.message} if error is not None else {}
    store.providers.record(
        clock(),
        succeeded=set() if error else {YAHOO},
        failed=failed,
        refused=failed if error is not None and is_refusal(error) else {},
        requests=dict(asked),
    )
    if error is not None:
        return IntradayFetch(store.intraday.chart(symbol, span, clock()), str(error))
    return IntradayFetch(store.intraday.chart(symbol, span, clock()))
