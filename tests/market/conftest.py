"""Fixtures for the market-data tests: the loopback server, a fast client, the three providers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from tests.support.market_server import FINNHUB_TOKEN, MarketServer

from catalyst_tui.market.finnhub import FinnhubProvider
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.market.stooq import StooqProvider
from catalyst_tui.market.yahoo.provider import YahooProvider

# The providers' own limits and bounds (their specs), as a refresh's client has them; short
# timeouts and backoffs so fault tests take milliseconds, no Finnhub free-tier pacing (1/s)
# unless a test sets limits of its own; trust_env=False so a proxy set in the environment can
# never route a loopback request elsewhere.
FAST_CLIENT: dict[str, Any] = {
    "trust_env": False,
    "bounds": PROVIDER_BOUNDS,
    "connect_timeout": 1.0,
    "read_timeout": 1.0,
    "backoff_base": 0.01,
    "backoff_max": 0.05,
    "connect_retry_delay": 0.01,
}


def fast_client(**overrides: Any) -> MarketClient:
    limits = {**RATE_LIMITS, **overrides.pop("rate_limits", {"finnhub": None})}
    return MarketClient(**{**FAST_CLIENT, "rate_limits": limits, **overrides})


@pytest.fixture
def market_server() -> Iterator[MarketServer]:
    with MarketServer() as server:
        yield server


@pytest.fixture
async def client() -> AsyncIterator[MarketClient]:
    async with fast_client() as market_client:
        yield market_client


@pytest.fixture
def make_client() -> Callable[..., MarketClient]:
    """fast_client with overrides; use as `async with make_client(read_timeout=0.2) as c`."""
    return fast_client


@pytest.fixture
def yahoo(market_server: MarketServer) -> YahooProvider:
    return YahooProvider(market_server.url)


@pytest.fixture
def stooq(market_server: MarketServer) -> StooqProvider:
    return StooqProvider(market_server.url)


@pytest.fixture
def finnhub(market_server: MarketServer) -> FinnhubProvider:
    return FinnhubProvider(FINNHUB_TOKEN, market_server.url)
