"""Quotes within the services' limits, end to end on the loopback market and a real SQLite file:
a steady-state refresh of 500 symbols in five v7 batches, one crumb shared by separate
processes, and a provider that refuses paused, its symbols asked of the next one and its FX
rates of the ECB."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import Bar, Quote, QuoteOutcome
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from catalyst_tui.store.schema import SCHEMA_VERSION
from tests.jobs.test_refresh import query, refresh, write_config
from tests.support.limits import ClientLimits
from tests.support.market_server import MarketServer

# The providers' own rate limits and request bounds, as a refresh's client has them.
LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}

MANY = tuple(f"Q{i:03d}" for i in range(500))


def seed_current_history(
    store: Store, market: MarketServer, symbols: tuple[str, ...], now: dt.datetime
) -> None:
    """The last session's bar each and a history fetch just made: a database in steady state."""
    day = market.last_session()
    for symbol in symbols:
        close = market.close(symbol, day)
        store.market.replace_history(
            symbol, [Bar(symbol, day, close, close, close, close, 100, "yahoo")]
        )
        store.market.mark_fetched("history", symbol, now)
    store.market.mark_backfilled(symbols, now)


async def test_a_steady_state_refresh_of_500_symbols_makes_at_most_6_requests(tmp_path: Path):
    with MarketServer(symbols=MANY) as market:
        path = write_config(tmp_path / "catalysts.toml", market.url, user_agent=None, symbols=MANY)
        config = load_config(path)
        now = dt.datetime.now(dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            seed_current_history(store, market, MANY, now)
            async with MarketClient(trust_env=False, **LIMITS) as client:
                first = await refresh_in_process(config, store, client=client)
                assert first.all_fresh, first.notes
                market.clear_log()
                second = await refresh_in_process(config, store, client=client)
            assert second.all_fresh
            counts = market.counts()
            assert sum(counts.values()) <= 6, counts
            batches = market.requests_for(provider="yahoo", endpoint="quote")
            assert len(batches) == 5 and all(len(r.symbols) == 100 for r in batches)
            assert {s for r in batches for s in r.symbols} == set(MANY)
            asked = store.providers.requests_since(now - dt.timedelta(hours=1))
            # cookie and crumb once, the batches, and the first refresh's estimates: one
            # quoteSummary a symbol a day (jobs/estimates.py)
            assert asked["yahoo"] == 2 + 5 + 5 + len(MANY)


def test_separate_processes_share_one_crumb(tmp_path: Path):
    with MarketServer() as market:
        write_config(tmp_path / "catalysts.toml", market.url, user_agent=None)
        for _ in range(3):
            result = refresh(tmp_path)
            assert result.returncode == 0, result.stdout + result.stderr
        assert len(market.requests_for(endpoint="getcrumb")) == 1
        assert len(market.requests_for(endpoint="cookie")) == 1
        assert len(market.requests_for(endpoint="quote")) == 3
        kept = query(tmp_path, "SELECT provider, crumb FROM provider_sessions")
        assert kept == [("yahoo", market.crumb)]


def test_a_new_crumb_from_one_process_is_used_by_the_next(tmp_path: Path):
    with MarketServer() as market:
        write_config(tmp_path / "catalysts.toml", market.url, user_agent=None)
        assert refresh(tmp_path).returncode == 0
        new = market.rotate_crumb()
        assert refresh(tmp_path).returncode == 0  # 401, renewed once, kept
        assert refresh(tmp_path).returncode == 0
        assert len(market.requests_for(endpoint="getcrumb")) == 2
        assert query(tmp_path, "SELECT crumb FROM provider_sessions") == [(new,)]
        statuses = [r.status for r in market.requests_for(endpoint="quote")]
        assert statuses == [200, 401, 200, 200]


async def test_a_429ing_provider_is_paused_and_not_asked_again_until_its_time(tmp_path: Path):
    with MarketServer() as market:
        config = load_config(write_config(tmp_path / "catalysts.toml", market.url, user_agent=None))
        market.inject("rate_limit", provider="yahoo", endpoint="quote")
        clock = {"now": dt.datetime.now(dt.UTC)}

        async def refresh_at(delta: dt.timedelta) -> int:
            clock["now"] += delta
            market.clear_log()
            async with MarketClient(
                trust_env=False, **LIMITS, backoff_base=0.01, backoff_max=0.05
            ) as c:
                report = await refresh_in_process(config, store, now=lambda: clock["now"], client=c)
            assert report.all_fresh, report.notes  # the symbols went to Stooq
            return len(market.requests_for(provider="yahoo"))

        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            assert await refresh_at(dt.timedelta(0)) > 0
            sources = {s for (s,) in query(tmp_path, "SELECT source FROM quotes")}
            assert sources == {"stooq"}
            health = store.providers.health()["yahoo"]
            assert health.paused_until is not None and health.strikes == 1
            first_pause = health.paused_until - clock["now"]
            assert dt.timedelta(minutes=4) < first_pause <= dt.timedelta(minutes=5)
            assert await refresh_at(dt.timedelta(minutes=4)) == 0  # paused: not asked
            assert await refresh_at(dt.timedelta(minutes=2)) > 0  # its time: asked, refused
            health = store.providers.health()["yahoo"]
            assert health.paused_until is not None
            second_pause = health.paused_until - clock["now"]
            assert health.strikes == 2 and second_pause > first_pause  # longer each time
            market.clear_faults()
            assert await refresh_at(second_pause + dt.timedelta(seconds=1)) > 0
            sources = {s for (s,) in query(tmp_path, "SELECT source FROM quotes")}
            assert sources == {"yahoo"}
            assert store.providers.health()["yahoo"].strikes == 0


def test_an_html_page_for_quotes_pauses_the_provider(tmp_path: Path):
    with MarketServer() as market:
        write_config(tmp_path / "catalysts.toml", market.url, user_agent=None)
        market.inject("html", provider="yahoo", endpoint="quote")
        result = refresh(tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        paused = query(
            tmp_path,
            "SELECT provider, paused_until IS NOT NULL, failure"
            " FROM provider_health WHERE provider = 'yahoo'",
        )
        assert paused[0][:2] == ("yahoo", 1) and "HTML page" in paused[0][2]
        assert len(market.requests_for(provider="yahoo", endpoint="quote")) == 1  # not halved
        market.clear_log()
        again = refresh(tmp_path)
        assert "yahoo: paused until" in again.stdout
        assert market.requests_for(provider="yahoo", endpoint="quote") == []


def test_status_json_names_the_pause(tmp_path: Path):
    with MarketServer() as market:
        write_config(tmp_path / "catalysts.toml", market.url, user_agent=None)
        market.inject("rate_limit", provider="yahoo", endpoint="quote")
        assert refresh(tmp_path).returncode == 0
        data = status_json(tmp_path)
        yahoo = data["providers"]["yahoo"]
        # the cookie, the crumb, the batch's three attempts; nothing more of a refusing provider
        assert yahoo["paused_until"] and yahoo["requests_last_hour"] == 5
        assert "HTTP 429" in yahoo["failure"]
        assert market.requests_for(endpoint="quoteSummary") == []
        assert yahoo["crumb_age_seconds"] is not None
        assert data["database"]["schema_version"] == SCHEMA_VERSION


def status_json(workdir: Path) -> dict:
    import os
    import subprocess
    import sys

    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "status",
            "--json",
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


async def test_a_database_of_one_year_is_backfilled_to_five_once(tmp_path: Path):
    """A database written when history began a year back: the next refresh fetches each symbol's
    five years once (so the 5Y chart spans them), the one after fetches no history."""
    with MarketServer() as market:
        config = load_config(write_config(tmp_path / "catalysts.toml", market.url, user_agent=None))
        symbols = tuple(config.tickers)
        now = dt.datetime.now(dt.UTC)
        last = market.last_session()
        year = market.trading_days(last - dt.timedelta(days=365), last)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            for symbol in symbols:
                bars = [Bar(symbol, d, *(market.close(symbol, d),) * 4, 100, "yahoo") for d in year]
                store.market.replace_history(symbol, bars)
                store.market.mark_fetched("history", symbol, now)
            async with MarketClient(trust_env=False, **LIMITS) as client:
                await refresh_in_process(config, store, client=client)
                charts = market.requests_for(endpoint="chart")
                assert len(charts) == len(symbols)
                assert all("range=5y" in r.raw_query for r in charts)
                market.clear_log()
                await refresh_in_process(config, store, client=client)
            assert market.requests_for(endpoint="chart") == []
            five = market.trading_days(last - dt.timedelta(days=5 * 365), last)
            counts = dict(query(tmp_path, "SELECT symbol, COUNT(*) FROM prices GROUP BY symbol"))
            assert counts == dict.fromkeys(symbols, len(five))


@pytest.mark.parametrize("why", ["paused", "refusing now"])
async def test_a_paused_or_refusing_yahoo_is_not_asked_for_fx_rates(tmp_path: Path, why: str):
    """A provider that turned this client away is asked for nothing else, FX charts included:
    the rate a euro quote needs comes from the ECB's daily file."""
    with MarketServer(symbols=("AAPL", "SAP.DE")) as market:
        market.currencies["SAP.DE"] = "EUR"
        market.fx_pair("EUR", "USD", 1.08)  # Yahoo would have the rate
        path = write_config(
            tmp_path / "catalysts.toml", market.url, user_agent=None, symbols=("AAPL", "SAP.DE")
        )
        with path.open("a") as toml:
            toml.write(
                f'[providers.ecb]\ndaily_url = "{market.url}/stats/eurofxref/eurofxref-daily.xml"\n'
            )
        config = load_config(path)
        now = dt.datetime.now(dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            euro = Quote("SAP.DE", 250.0, None, None, None, "EUR", None, now, "yahoo")
            store.market.save_quotes([QuoteOutcome("SAP.DE", quote=euro)], now)
            if why == "paused":
                store.providers.record(
                    now, succeeded=set(), failed={}, refused={"yahoo": "HTTP 429"}, requests={}
                )
            else:
                market.inject("rate_limit", provider="yahoo", endpoint="quote")
            async with MarketClient(
                trust_env=False, **LIMITS, backoff_base=0.01, backoff_max=0.05
            ) as c:
                await refresh_in_process(config, store, now=lambda: now, client=c)
            assert market.requests_for(provider="yahoo", endpoint="chart") == []
            if why == "paused":
                assert market.requests_for(provider="yahoo") == []
            assert len(market.requests_for(provider="ecb")) == 1
            rate = store.fx.latest("USD")["EUR"]
            assert rate.source == "ecb" and rate.rate == pytest.approx(1.1252)  # 2025-05-09
