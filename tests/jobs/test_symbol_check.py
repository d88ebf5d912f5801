"""Whether the quote providers know a symbol (jobs/symbol_check.py), asked of the loopback
market through the registry's quote sources: a known symbol's quote is the market's own close,
an unknown one is said in each provider's words, a market that cannot be reached says nothing of
the symbol, and a paused provider is not asked. Nothing is stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.config import Config, parse_config
from catalyst_tui.jobs.symbol_check import check_symbol, check_symbol_in_thread
from catalyst_tui.store import Store
from tests.support.market_server import MarketServer, unused_local_url

NOW = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)  # a Friday, after the close


def config_for(url: str) -> Config:
    return parse_config(
        'settings.providers = ["yahoo", "stooq"]\n'
        f'[providers.yahoo]\nbase_url = "{url}"\ncookie_url = "{url}/fc"\n'
        f'[providers.stooq]\nbase_url = "{url}"\n[tickers.ALAB]\n'
    )


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


@pytest.fixture
def market():
    with MarketServer(["ALAB", "AMD"]) as server:
        server.now = lambda: NOW  # type: ignore[method-assign]
        yield server


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "catalyst.db") as opened:
        yield opened


async def test_a_symbol_the_market_knows_has_its_quote(market, store):
    found = await check_symbol(config_for(market.url), store, "AMD", now=lambda: NOW)
    assert found.known and not found.unknown
    assert found.quote is not None
    assert found.quote.price == pytest.approx(market.close("AMD", market.last_session()))
    assert found.asked == ("yahoo", "stooq")
    stored = store.market.last_quotes(["AMD"]).get("AMD")
    assert stored is None or stored.quote is None  # asked, not stored: the refresh stores it


async def test_a_symbol_no_provider_knows_is_said_in_their_words(market, store):
    found = await check_symbol(config_for(market.url), store, "ZZZZ", now=lambda: NOW)
    assert not found.known and found.unknown
    assert [e.provider for e in found.errors] == ["yahoo", "stooq"]
    assert found.why.startswith("yahoo: ") and "; stooq: " in found.why


async def test_a_market_out_of_reach_says_nothing_of_the_symbol(store):
    found = await check_symbol(config_for(unused_local_url()), store, "AMD", now=lambda: NOW)
    assert not found.known and not found.unknown  # not known, and not said to be unknown
    assert found.errors and all(e.kind != "unknown_symbol" for e in found.errors)


async def test_a_paused_provider_is_not_asked(market, store):
    store.providers.record(
        NOW - dt.timedelta(minutes=1),
        succeeded=set(),
        failed={"yahoo": "HTTP 429"},
        refused={"yahoo": "HTTP 429"},
        requests={"yahoo": 1},
    )
    paused = store.providers.paused(NOW)
    assert "yahoo" in paused
    asked_before = len(market.requests)
    found = await check_symbol(config_for(market.url), store, "AMD", now=lambda: NOW)
    assert found.asked == ("stooq",) and found.known
    assert all(r.provider == "stooq" for r in market.requests[asked_before:])


def test_in_a_thread_it_opens_the_database_itself(market, tmp_path):
    Store.open(tmp_path / "c.db").close()
    found = check_symbol_in_thread(
        config_for(market.url), tmp_path / "c.db", "ZZZZ", now=lambda: NOW
    )
    assert found.unknown
