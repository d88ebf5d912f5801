"""Every fault the loopback server injects ends as a FetchError of the right kind, never a Quote."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.support.market_server import MarketServer

from catalyst_tui.market.finnhub import FinnhubProvider
from catalyst_tui.market.http import MarketClient
from catalyst_tui.market.models import FetchError, Quote
from catalyst_tui.market.provider import QuoteProvider
from catalyst_tui.market.stooq import StooqProvider
from catalyst_tui.market.yahoo import YahooProvider

FAULTS = [
    ("http500", "http"),
    ("http503", "http"),
    ("rate_limit", "rate_limited"),
    ("timeout", "timeout"),
    ("reset", "network"),
    ("html", "bad_body"),
    ("truncated", "bad_body"),
    ("unknown", "unknown_symbol"),
    ("auth", "auth"),
]
PROVIDER_FAULTS = {
    "yahoo": [*FAULTS, ("quota", "bad_body")],
    "stooq": [*[f for f in FAULTS if f[0] != "auth"], ("quota", "quota")],
    "finnhub": [*FAULTS, ("quota", "bad_body")],
}
CASES = [(name, fault, kind) for name, faults in PROVIDER_FAULTS.items() for fault, kind in faults]


def make_provider(name: str, server: MarketServer) -> QuoteProvider:
    factories: dict[str, Callable[[], QuoteProvider]] = {
        "yahoo": lambda: YahooProvider(server.url),
        "stooq": lambda: StooqProvider(server.url),
        "finnhub": lambda: FinnhubProvider(server.finnhub_token, server.url),
    }
    return factories[name]()


@pytest.mark.parametrize(("provider_name", "fault", "kind"), CASES,
                         ids=[f"{p}-{f}" for p, f, _ in CASES])  # fmt: skip
async def test_fault_becomes_fetch_error_of_its_kind(
    market_server: MarketServer,
    make_client: Callable[..., MarketClient],
    provider_name: str,
    fault: str,
    kind: str,
) -> None:
    provider = make_provider(provider_name, market_server)
    market_server.inject(fault, provider=provider_name, symbol="ALAB", delay=1.0)
    async with make_client(read_timeout=0.2, attempts=2) as client:
        results = await provider.fetch_quotes(client, ["ALAB", "NVDA"])
    failed = results["ALAB"]
    assert isinstance(failed, FetchError), failed
    assert (failed.kind, failed.provider, failed.symbol) == (kind, provider_name, "ALAB")
    assert failed.message
    if provider_name != "stooq":  # a Stooq batch shares one request, so its fault hits both
        assert isinstance(results["NVDA"], Quote)


async def test_stooq_unknown_symbol_in_a_batch_fails_only_that_symbol(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider
) -> None:
    market_server.inject("unknown", provider="stooq", symbol="ALAB")
    results = await stooq.fetch_quotes(client, ["ALAB", "NVDA", "CRDO"])
    assert isinstance(results["ALAB"], FetchError) and results["ALAB"].kind == "unknown_symbol"
    assert isinstance(results["NVDA"], Quote) and isinstance(results["CRDO"], Quote)
    assert len(market_server.requests) == 1


@pytest.mark.parametrize(("fault", "kind"), [("quota", "quota"), ("html", "bad_body")])
async def test_stooq_body_fault_fails_the_whole_batch(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider, fault: str, kind: str
) -> None:
    market_server.inject(fault, provider="stooq")
    results = await stooq.fetch_quotes(client, ["ALAB", "NVDA"])
    assert {r.kind for r in results.values() if isinstance(r, FetchError)} == {kind}
    assert len(results) == 2


@pytest.mark.parametrize("fault", ["http500", "html", "truncated", "unknown", "reset"])
async def test_yahoo_history_faults_raise_fetch_error(
    market_server: MarketServer,
    make_client: Callable[..., MarketClient],
    yahoo: YahooProvider,
    fault: str,
) -> None:
    market_server.inject(fault, provider="yahoo")
    async with make_client(attempts=2) as client:
        with pytest.raises(FetchError):
            await yahoo.fetch_quote_and_history(client, "ALAB", None)
        with pytest.raises(FetchError):
            await yahoo.fetch_history(client, "ALAB", None)


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("quota", "quota"), ("html", "bad_body"), ("unknown", "unknown_symbol"), ("http500", "http")],
)
async def test_stooq_history_faults_raise_fetch_error(
    market_server: MarketServer, client: MarketClient, stooq: StooqProvider, fault: str, kind: str
) -> None:
    market_server.inject(fault, provider="stooq", endpoint="history")
    with pytest.raises(FetchError) as raised:
        await stooq.fetch_history(client, "ALAB", None)
    assert raised.value.kind == kind and raised.value.symbol == "ALAB"
