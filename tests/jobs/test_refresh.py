"""`catalyst refresh` end to end against the loopback market: stored data, faults, exit codes."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from tests.support import cli_inline
from tests.support.limits import ClientLimits
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer, unused_local_url

# The providers' own rate limits and request bounds, as a refresh's client has them.
LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}

SYMBOLS = ("ALAB", "CRDO", "NVDA", "BRK.B")
UA = "Catalyst Tests tests@example.com"


def write_config(
    path: Path,
    base: str,
    *,
    user_agent: str | None = UA,
    providers: str = '["yahoo", "stooq"]',
    symbols: tuple[str, ...] = SYMBOLS,
) -> Path:
    tickers = "".join(f'[tickers."{s}"]\n' for s in symbols)
    ua = f'user_agent = "{user_agent}"\n' if user_agent else ""
    path.write_text(
        f"[settings]\nproviders = {providers}\n"
        f'[providers.yahoo]\nbase_url = "{base}"\ncookie_url = "{base}/fc"\n'
        f'[providers.stooq]\nbase_url = "{base}"\n'
        f'[providers.finnhub]\nbase_url = "{base}"\n'
        f'[providers.sec]\nbase_url = "{base}"\n'
        f'tickers_url = "{base}/files/company_tickers.json"\n{ua}'
        f"{tickers}"
    )
    return path


@pytest.fixture
def market() -> Iterator[MarketServer]:
    with MarketServer() as server:
        yield server


@pytest.fixture
def workdir(tmp_path: Path, market: MarketServer) -> Path:
    write_config(tmp_path / "catalysts.toml", market.url)
    return tmp_path


def refresh(
    workdir: Path, *extra: str, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """`catalyst refresh` on the workdir's files: in this process (tests/support/cli_inline.py),
    or, given a `timeout`, as a process stopped at it (a test that proves the refresh ends)."""
    where = ("--db", str(workdir / "c.db"), "--config", str(workdir / "catalysts.toml"))
    if timeout is None:
        return cli_inline.run("refresh", *where, *extra, env={"NO_PROXY": "127.0.0.1,localhost"})
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "refresh",
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
            *extra,
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def query(workdir: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(workdir / "c.db")
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_refresh_fills_quotes_history_fundamentals_and_earnings(workdir, market):
    result = refresh(workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4/4 symbols fresh" in result.stdout
    for symbol in SYMBOLS:
        assert symbol in result.stdout
    quotes = dict(query(workdir, "SELECT symbol, price FROM quotes WHERE stale = 0"))
    assert set(quotes) == set(SYMBOLS)
    today = market.last_session()
    assert quotes["ALAB"] == pytest.approx(market.close("ALAB", today))
    bars = dict(query(workdir, "SELECT symbol, COUNT(*) FROM prices GROUP BY symbol"))
    five_years = market.trading_days(today - dt.timedelta(days=5 * 365), today)
    assert all(bars[s] == len(five_years) for s in SYMBOLS), bars  # five years at first sight
    (close,) = query(
        workdir, "SELECT close FROM prices WHERE symbol = 'NVDA' AND ts = ?", today.isoformat()
    )[0]
    assert close == pytest.approx(market.close("NVDA", today))
    concepts = {c for (c,) in query(workdir, "SELECT DISTINCT concept FROM fundamentals")}
    assert {"revenue_q", "shares_outstanding"} <= concepts
    alab = dict(
        query(
            workdir,
            "SELECT period_end, value FROM fundamentals "
            "WHERE symbol = 'ALAB' AND concept = 'revenue_q'",
        )
    )
    assert alab["2026-06-30"] == 362e6  # the Q2 FY26 guide was ~$360M
    assert alab["2025-12-31"] == pytest.approx(270.4e6)  # Q4 only via the 10-K minus 9M YTD
    earnings = dict(query(workdir, "SELECT symbol, next_date FROM earnings"))
    assert earnings["ALAB"] == market.next_earnings("ALAB").isoformat()
    sec = market.requests_for(provider="sec")
    assert sec and all(r.headers.get("user-agent") == UA for r in sec)
    assert "Traceback" not in result.stderr


def test_second_refresh_adds_no_duplicate_bars_and_skips_daily_fetches(workdir, market):
    assert refresh(workdir).returncode == 0
    before = query(workdir, "SELECT COUNT(*) FROM prices")[0][0]
    market.clear_log()
    assert refresh(workdir).returncode == 0
    assert query(workdir, "SELECT COUNT(*) FROM prices")[0][0] == before
    duplicates = query(workdir, "SELECT symbol, ts FROM prices GROUP BY 1, 2 HAVING COUNT(*) > 1")
    assert duplicates == []
    assert market.requests_for(provider="sec") == []  # fundamentals are daily
    assert market.requests_for(endpoint="quoteSummary") == []  # so are earnings dates
    # The quotes in one v7 batch; the history is current, so no chart.
    assert market.counts() == {("yahoo", "quote"): 1}


def test_fallback_to_stooq_when_yahoo_fails(workdir, market):
    market.inject("http500", provider="yahoo", symbol="ALAB")
    result = refresh(workdir)
    assert result.returncode == 0, result.stdout
    assert query(workdir, "SELECT source FROM quotes WHERE symbol = 'ALAB'") == [("stooq",)]
    others = query(workdir, "SELECT DISTINCT source FROM quotes WHERE symbol != 'ALAB'")
    assert others == [("yahoo",)]  # the failing batch was halved until ALAB stood alone
    alone = [
        r for r in market.requests_for(provider="yahoo", endpoint="quote") if r.symbols == ("ALAB",)
    ]
    assert len(alone) == 3  # the client's attempts, then the next provider


# An HTML page is a refusal, not one symbol's fault: test_provider_cooldown.py.
@pytest.mark.parametrize("fault", ["truncated", "unknown", "reset", "quota"])
def test_a_symbol_no_provider_answers_keeps_its_last_quote_marked_stale(workdir, market, fault):
    assert refresh(workdir).returncode == 0
    (good,) = query(workdir, "SELECT price, fetched_at FROM quotes WHERE symbol = 'CRDO'")
    prices_before = query(workdir, "SELECT * FROM prices WHERE symbol = 'CRDO' ORDER BY ts")
    market.inject(fault, symbol="CRDO")
    result = refresh(workdir)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "3/4 symbols fresh" in result.stdout
    row = query(
        workdir, "SELECT price, fetched_at, stale, last_error FROM quotes WHERE symbol = 'CRDO'"
    )[0]
    assert row[:3] == (good[0], good[1], 1)
    assert row[3]  # the failure is recorded for the user
    assert query(workdir, "SELECT * FROM prices WHERE symbol = 'CRDO' ORDER BY ts") == prices_before
    fresh = query(workdir, "SELECT COUNT(*) FROM quotes WHERE stale = 0")[0][0]
    assert fresh == 3  # one symbol's failure fails no other
    assert "Traceback" not in result.stderr


def test_no_sec_contact_means_no_sec_request_and_a_note(tmp_path, market):
    write_config(tmp_path / "catalysts.toml", market.url, user_agent=None)
    result = refresh(tmp_path)
    assert result.returncode == 0
    assert market.requests_for(provider="sec") == []
    assert "providers.sec.user_agent" in result.stdout
    assert query(tmp_path, "SELECT COUNT(*) FROM fundamentals")[0][0] == 0


def test_no_network_ends_with_every_symbol_stale(tmp_path):
    """Ends (a refused connection is not waited on: the subprocess's bound is a liveness
    ceiling); how soon is bench/offline.py's figure, against `catalyst check` on the same files."""
    write_config(tmp_path / "catalysts.toml", unused_local_url())
    result = refresh(tmp_path, timeout=HANG)
    assert result.returncode == 3
    assert "0/4 symbols fresh" in result.stdout
    assert query(tmp_path, "SELECT COUNT(*) FROM quotes WHERE stale = 1")[0][0] == len(SYMBOLS)
    assert query(tmp_path, "SELECT COUNT(*) FROM prices")[0][0] == 0
    assert "Traceback" not in result.stderr


def test_progress_is_plain_lines_when_not_a_terminal(workdir):
    result = refresh(workdir)
    lines = [line for line in result.stderr.splitlines() if line.startswith("refresh: ")]
    assert len(lines) == len(SYMBOLS)
    assert lines[-1].startswith(f"refresh: {len(SYMBOLS)}/{len(SYMBOLS)} ")
    assert "\x1b[" not in result.stdout + result.stderr


async def test_daily_fetches_wait_a_day_and_failed_ones_an_hour(tmp_path, market):
    from catalyst_tui.config import load_config
    from catalyst_tui.jobs.refresh import refresh_in_process
    from catalyst_tui.store import Store

    config = load_config(write_config(tmp_path / "catalysts.toml", market.url))
    market.inject("http500", provider="sec", endpoint="companyfacts", symbol="ALAB")
    clock = {"now": dt.datetime.now(dt.UTC)}
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)

        async def refresh_after(delta: dt.timedelta) -> tuple[int, int]:
            clock["now"] += delta
            market.clear_log()
            async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
                await refresh_in_process(config, store, now=lambda: clock["now"], client=client)
            facts = market.requests_for(provider="sec", endpoint="companyfacts")
            calendar = market.requests_for(endpoint="quoteSummary")
            return len(facts), len(calendar)

        # Earnings dates come with the quote batch: quoteSummary is asked once a symbol a day,
        # for the Street's estimates (jobs/estimates.py), not for them.
        first_facts, first_calendar = await refresh_after(dt.timedelta(0))
        assert first_facts >= len(SYMBOLS) and first_calendar == len(SYMBOLS)
        assert len(store.market.fetch_states("earnings")) == len(SYMBOLS)
        market.clear_faults()
        assert await refresh_after(dt.timedelta(minutes=30)) == (0, 0)
        assert await refresh_after(dt.timedelta(minutes=31)) == (1, 0)  # ALAB, failed an hour ago
        facts, calendar = await refresh_after(dt.timedelta(days=1))
        assert (facts, calendar) == (len(SYMBOLS), len(SYMBOLS))  # a day on: every symbol again
        fetched = store.market.fetch_states("earnings").values()
        assert all(clock["now"] - state.fetched_at < dt.timedelta(seconds=1) for state in fetched)


def test_symbols_without_an_earnings_calendar_are_no_failure_and_not_asked_again(tmp_path, market):
    """An index and a coin (Yahoo: 404 "No fundamentals data found") beside a stock."""
    write_config(tmp_path / "catalysts.toml", market.url, symbols=("ALAB", "^GSPC", "BTC-USD"))
    assert refresh(tmp_path).returncode == 0
    states = dict(query(tmp_path, "SELECT symbol, ok FROM fetch_state WHERE kind = 'earnings'"))
    assert states == {"ALAB": 1, "^GSPC": 1, "BTC-USD": 1}
    earnings = dict(query(tmp_path, "SELECT symbol, next_date FROM earnings"))
    assert earnings["^GSPC"] is None and earnings["BTC-USD"] is None and earnings["ALAB"]
    asked = len(market.requests_for(endpoint="quoteSummary"))
    again = refresh(tmp_path)
    assert again.returncode == 0 and "earnings failed" not in again.stdout + again.stderr
    assert len(market.requests_for(endpoint="quoteSummary")) == asked  # not before tomorrow


async def test_a_stale_sec_ticker_map_is_asked_for_once_a_refresh_and_kept_when_it_fails(
    tmp_path, market
):
    """Filings and fundamentals share one ticker map: a week-old one is fetched again once per
    refresh (its attempts), and when that fails the cached map still serves both."""
    from catalyst_tui.config import load_config
    from catalyst_tui.jobs.refresh import refresh_in_process
    from catalyst_tui.store import Store

    config = load_config(write_config(tmp_path / "catalysts.toml", market.url))
    now = dt.datetime.now(dt.UTC)
    market.inject("http500", provider="sec", endpoint="tickers")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        store.market.save_cik_map({"ALAB": "1736297"}, now - dt.timedelta(days=8))
        async with MarketClient(
            trust_env=False, **LIMITS, backoff_base=0.01, backoff_max=0.05
        ) as client:
            report = await refresh_in_process(config, store, now=lambda: now, client=client)
        tickers = market.requests_for(provider="sec", endpoint="tickers")
        assert [r.status for r in tickers] == [500] * client.attempts  # one fetch, not two
        assert report.fundamentals_updated == ["ALAB"]  # from the cached map
        assert store.market.cik_map() == {"ALAB": "1736297"}


async def test_providers_that_all_answer_with_errors_are_unreachable_not_offline(tmp_path, market):
    """Every provider answers, each answer an error: no quote, and the network is not to blame
    (the header says "unreachable", not "offline")."""
    from catalyst_tui.config import load_config
    from catalyst_tui.jobs.refresh import refresh_in_process
    from catalyst_tui.store import Store

    config = load_config(write_config(tmp_path / "catalysts.toml", market.url, user_agent=None))
    market.inject("http500")  # every provider, every endpoint, every symbol
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        async with MarketClient(
            trust_env=False, **LIMITS, backoff_base=0.01, backoff_max=0.05
        ) as client:
            report = await refresh_in_process(config, store, client=client)
    assert not report.fresh and set(report.stale) == set(SYMBOLS)
    assert report.reach == "unreachable"
    assert {r.provider for r in market.requests} >= {"yahoo", "stooq"}
    assert all(r.status == 500 for r in market.requests)


def test_an_offline_refresh_says_one_line_per_provider_not_lines_per_symbol(tmp_path):
    """No network: each symbol's row is one line saying it is stale for being offline, and each
    provider's failure is said once, under the table, with how many symbols it stood for."""
    write_config(tmp_path / "catalysts.toml", unused_local_url())
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "COLUMNS": "80"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "refresh",
            "--db",
            str(tmp_path / "c.db"),
            "--config",
            str(tmp_path / "catalysts.toml"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    rows = [line for line in lines if line.split()[:1] and line.split()[0] in SYMBOLS]
    assert [row.split()[0] for row in rows] == list(SYMBOLS)  # one line each
    assert all(row.rstrip().endswith("stale: offline") for row in rows), rows
    for provider in ("yahoo", "stooq"):
        said = [line for line in lines if line.startswith(f"{provider}: ")]
        assert len(said) == 1, done.stdout
        assert "cannot connect" in said[0] and f"{len(SYMBOLS)} symbols" in said[0]
    assert len(lines) <= 2 + len(SYMBOLS) + 1 + 2 + 3, done.stdout  # header, rows, total, ...
