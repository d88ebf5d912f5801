"""An intraday chart fetched when shown (jobs/intraday.py), against the loopback market: stored,
counted with Yahoo's requests, a refusal pausing Yahoo, a paused Yahoo not asked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui.config import Config, parse_config
from catalyst_tui.jobs.intraday import fetch_intraday_chart
from catalyst_tui.store import Store
from tests.support.market_server import MarketServer, realdata_body

NOW = dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC)  # 13:00 New York, a Friday
WEEKEND = "chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json"


def config_for(url: str) -> Config:
    return parse_config(
        f'[providers.yahoo]\nbase_url = "{url}"\ncookie_url = "{url}/fc"\n[tickers.ALAB]\n'
    )


@pytest.fixture
def market():
    with MarketServer(["ALAB"]) as server:
        server.now = lambda: NOW  # type: ignore[method-assign]
        yield server


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "catalyst.db") as opened:
        yield opened


async def test_a_fetched_chart_is_stored_and_counted_with_yahoo_s_requests(market, store):
    fetched = await fetch_intraday_chart(
        config_for(market.url), store, "ALAB", "1D", now=lambda: NOW
    )
    assert fetched.error == "" and fetched.stored is not None
    assert fetched.stored.fetched_at == NOW
    assert len(fetched.stored.chart.bars) == 42 - 1  # 09:30 .. 12:55 begun by 13:00, one null
    assert store.intraday.chart("ALAB", "1D", NOW) == fetched.stored
    assert store.providers.requests_since(NOW - dt.timedelta(hours=1)) == {"yahoo": 1}
    assert store.providers.health()["yahoo"].last_success == NOW


async def test_an_answer_without_bars_is_stored_as_one(market, store):
    market.intraday_body = json.dumps(realdata_body("yahoo_chart", WEEKEND))
    fetched = await fetch_intraday_chart(
        config_for(market.url), store, "ALAB", "1D", now=lambda: NOW
    )
    assert fetched.error == "" and fetched.stored is not None
    assert fetched.stored.chart.bars == ()


async def test_a_refusal_pauses_yahoo_and_keeps_what_was_stored(market, store):
    config = config_for(market.url)
    first = await fetch_intraday_chart(config, store, "ALAB", "1D", now=lambda: NOW)
    later = NOW + dt.timedelta(minutes=10)
    market.inject("rate_limit", provider="yahoo", endpoint="chart")
    fetched = await fetch_intraday_chart(config, store, "ALAB", "1D", now=lambda: later)
    assert "429" in fetched.error
    assert fetched.stored == first.stored  # the bars fetched before stay shown
    assert "yahoo" in store.providers.paused(later)
    asked = len(market.requests_for("yahoo", "chart"))
    again = await fetch_intraday_chart(config, store, "ALAB", "5D", now=lambda: later)
    assert again.stored is None and "paused" in again.error
    assert len(market.requests_for("yahoo", "chart")) == asked  # a paused Yahoo is not asked
