"""A refresh against a hostile market always ends, keeps each symbol's failure to itself, stores
nothing absurd, and is followed by evaluation: a provider that drips its answer a byte every two
seconds, one absurd value in one symbol's answers, a clock that ran a year ahead."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.bounds import EARNINGS_AHEAD, MAX_AMOUNT, MAX_PRICE, MAX_VOLUME
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.http.limits import REQUEST_BOUNDS
from catalyst_tui.market.models import Bar, QuoteOutcome
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.limits import ClientLimits
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer

from .test_refresh import SYMBOLS, query, refresh, write_config


def at(moment: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that stands at `moment`."""
    return lambda: moment


# The providers' own rate limits and request bounds, as a refresh's client has them.
LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}

GUARDS = "".join(
    f'[[tickers."{s}".checkpoints]]\nid = "floor"\ntitle = "Above a dollar"\nkind = "guard"\n'
    'when = "price >= 1"\n'
    for s in SYMBOLS
)


@pytest.fixture
def market():
    with MarketServer() as server:
        yield server


def thesis(workdir: Path, market: MarketServer, providers: str = '["yahoo"]') -> Path:
    """The four symbols, each with a guard that evaluation judges once its quote is in."""
    path = write_config(workdir / "catalysts.toml", market.url, providers=providers)
    path.write_text(path.read_text() + GUARDS)
    return path


def assert_evaluated(
    workdir: Path, fresh: frozenset[str] = frozenset({"ALAB", "NVDA", "BRK.B"})
) -> None:
    """Every checkpoint judged after the refresh; the `fresh` ones moved (an event each)."""
    rows = query(workdir, "SELECT symbol, evaluated_at, status FROM checkpoints")
    assert len(rows) == len(SYMBOLS) and all(at for _, at, _ in rows), rows
    moved = {s for (s,) in query(workdir, "SELECT symbol FROM events WHERE to_status = 'met'")}
    assert moved == fresh, moved


def absurd_rows(workdir: Path) -> dict[str, list[tuple]]:
    """Whatever no market holds: dates past tomorrow, numbers out of every range."""
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    latest_earnings = (dt.date.today() + EARNINGS_AHEAD).isoformat()
    checks = {
        "prices": (
            "SELECT * FROM prices WHERE ts > ? OR volume < 0 OR volume > ? OR close > ?"
            " OR close IS NULL OR close <= 0",
            tomorrow,
            MAX_VOLUME,
            MAX_PRICE,
        ),
        "quotes": (
            "SELECT * FROM quotes WHERE volume < 0 OR volume > ? OR price > ?"
            " OR abs(change) > ? OR quote_time > ?",
            MAX_VOLUME,
            MAX_PRICE,
            MAX_PRICE,
            tomorrow + "T23:59:59",
        ),
        "earnings": ("SELECT * FROM earnings WHERE next_date > ?", latest_earnings),
        "fundamentals": (
            "SELECT * FROM fundamentals WHERE abs(value) > ? OR value IS NULL OR filed > ?"
            " OR period_end > ?",
            MAX_AMOUNT,
            tomorrow,
            tomorrow,
        ),
    }
    return {table: query(workdir, str(sql), *args) for table, (sql, *args) in checks.items()}


@pytest.mark.slow
def test_refresh_against_a_dripping_provider_ends_within_its_deadline(tmp_path, market):
    """Yahoo answers any quote batch holding CRDO a byte every two seconds: httpx's read
    timeout never fires. The request's deadline ends it; the batch is halved, each half with
    half the time (5 s at least), so the others' quotes come from Yahoo (once, the whole batch
    went stale, or to the next provider) and CRDO alone is asked of Stooq; the reason is kept,
    and evaluation runs after it, as ever."""
    thesis(tmp_path, market, providers='["yahoo", "stooq"]')
    market.inject("drip", provider="yahoo", endpoint="quote", symbol="CRDO")
    started = time.monotonic()
    result = refresh(tmp_path, timeout=2 * REQUEST_BOUNDS.deadline + 300)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    # 20 s, then the halves' 10 s, then the quarters' 5 s: the pass is over by twice a deadline,
    # then seconds on a quiet machine for the rest of the refresh. Not before the first deadline;
    # the ceiling is a liveness bound, far from the hours the drip would take.
    assert REQUEST_BOUNDS.deadline - 1 < elapsed < 2 * REQUEST_BOUNDS.deadline + HANG, elapsed
    assert "4/4 symbols fresh" in result.stdout
    sources = dict(query(tmp_path, "SELECT symbol, source FROM quotes"))
    assert sources == {"ALAB": "yahoo", "NVDA": "yahoo", "BRK.B": "yahoo", "CRDO": "stooq"}
    assert_evaluated(tmp_path, frozenset(SYMBOLS))
    assert "Traceback" not in result.stderr


async def test_a_refresh_ends_at_its_own_deadline_whatever_its_requests_may_take(tmp_path, market):
    """Requests allowed ten minutes each, a refresh allowed three seconds (its quote pass two):
    the symbol whose first-sight history drips is cut at two (its quote, from the batch, is
    kept), the SEC answer that drips at three, and nothing of the cut daily fetch is marked
    done, so the next refresh asks again."""
    config = load_config(thesis(tmp_path, market))
    market.inject("drip", provider="yahoo", endpoint="chart", symbol="CRDO", delay=0.5)
    market.inject("drip", provider="sec", endpoint="companyfacts", symbol="ALAB", delay=0.5)
    now = dt.datetime.now(dt.UTC)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        started = time.monotonic()
        async with MarketClient(trust_env=False, **LIMITS, deadline=600.0) as client:
            report = await refresh_in_process(
                config, store, client=client, deadline=3.0, quotes_deadline=2.0
            )
        elapsed = time.monotonic() - started
        changed = evaluate_checkpoints(config, store, now)
        # Not before the refresh's deadline; after it, a moment on a quiet machine. The ceiling
        # is a liveness bound, far from the requests' own ten minutes.
        assert 2.9 < elapsed < 3.0 + HANG, elapsed
        assert report.fresh == {"ALAB", "NVDA", "BRK.B", "CRDO"}
        assert store.market.first_bar_day("CRDO") is None  # its history waits for the next one
        assert store.market.first_bar_day("ALAB") is not None
        assert any("deadline (3s)" in note for note in report.notes), report.notes
        assert {e.symbol for e in changed} >= {"ALAB", "NVDA", "BRK.B"}  # evaluated after it
        every, failed = dt.timedelta(days=1), dt.timedelta(hours=1)
        due = store.market.due("fundamentals", ["ALAB"], now, every=every, failed_every=failed)
        assert due == ["ALAB"]  # cut, not failed: asked again at the next refresh


VALUE_FAULTS = {
    "huge_volume": "is 1e+30, out of range",
    "negative_volume": "is -5000, out of range",
    "far_future": "3000-01-02",
    "nan": "NaN is not a number",
    "infinity": "Infinity is not a number",
    "overflow": "1e400 beyond a float's range",
    "deep_json": "nests too deep",
}


@pytest.mark.parametrize(("fault", "reason"), VALUE_FAULTS.items(), ids=list(VALUE_FAULTS))
def test_one_absurd_value_fails_that_symbol_alone_and_nothing_absurd_is_stored(
    tmp_path, market, fault, reason
):
    """Every answer about CRDO (its chart, its earnings calendar, its SEC facts) carries one
    absurd value: a volume of 1e30 once aborted the whole batch's transaction, Infinity in a
    calendar the whole refresh, and a bar dated 3000 was stored. Now CRDO is stale with the
    value named, the other symbols fresh, nothing absurd stored, and evaluation done."""
    thesis(tmp_path, market)
    market.inject(fault, symbol="CRDO")
    result = refresh(tmp_path)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "3/4 symbols fresh" in result.stdout
    ((error,),) = query(tmp_path, "SELECT last_error FROM quotes WHERE symbol = 'CRDO'")
    assert error.startswith("yahoo CRDO: ") and reason in error, error
    assert query(tmp_path, "SELECT COUNT(*) FROM quotes WHERE stale = 0") == [(3,)]
    assert absurd_rows(tmp_path) == {
        t: [] for t in ("prices", "quotes", "earnings", "fundamentals")
    }
    assert_evaluated(tmp_path)
    bars = dict(query(tmp_path, "SELECT symbol, COUNT(*) FROM prices GROUP BY symbol"))
    assert set(bars) == {"ALAB", "NVDA", "BRK.B"}  # CRDO's absurd history is not half kept


def test_a_fetch_time_in_the_future_is_due(tmp_path):
    """The store's door: a time not yet come was written by a clock that ran ahead; it proves no
    fetch, so it does not hold the next one off."""
    now = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC)
    day, hour = dt.timedelta(days=1), dt.timedelta(hours=1)
    with Store.open(tmp_path / "c.db") as store:
        store.market.mark_fetched("earnings", "AHEAD", now + dt.timedelta(days=365))
        store.market.mark_fetched("earnings", "SECONDS", now + dt.timedelta(seconds=5))
        store.market.mark_fetched("earnings", "FRESH", now - hour)
        store.market.mark_fetched("earnings", "OLD", now - day)
        store.market.mark_fetched("earnings", "FAILED", now - hour, ok=False)
        store.market.mark_fetched("earnings", "FAILING", now - 0.5 * hour, ok=False)
        symbols = ["AHEAD", "SECONDS", "FRESH", "OLD", "FAILED", "FAILING", "NEVER"]
        due = store.market.due("earnings", symbols, now, every=day, failed_every=hour)
    assert due == ["AHEAD", "SECONDS", "OLD", "FAILED", "NEVER"]


async def test_a_refresh_made_a_year_ahead_does_not_stop_the_daily_fetches(tmp_path, market):
    """Refreshed once while the clock was a year ahead, then with the right time: the daily
    fetches (fundamentals, earnings dates, SEC's ticker map) are made again, not held off for
    a year."""
    config = load_config(write_config(tmp_path / "catalysts.toml", market.url))
    now = dt.datetime.now(dt.UTC)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        for clock in (now + dt.timedelta(days=365), now):
            market.clear_log()
            async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
                await refresh_in_process(config, store, now=at(clock), client=client)
            assert len(market.requests_for(provider="sec", endpoint="companyfacts")) == 4
            assert len(market.requests_for(provider="sec", endpoint="tickers")) == 1
        states = store.market.fetch_states("fundamentals")
        earnings = store.market.fetch_states("earnings")
    assert all(abs(s.fetched_at - now) < dt.timedelta(minutes=5) for s in states.values())
    assert len(earnings) == 4
    assert all(abs(s.fetched_at - now) < dt.timedelta(minutes=5) for s in earnings.values())


def test_a_bar_stored_in_the_future_does_not_hold_the_history_still(tmp_path):
    """A database written before market/bounds may hold a bar dated 3000: the next history
    fetch starts from the last day that has come, not from the year 3000."""
    now = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC)
    days = (dt.date(2026, 11, 19), dt.date(2026, 11, 20), dt.date(3000, 1, 2))
    bars = [Bar("CRDO", day, 10.0, 11.0, 9.0, 10.5, 1000, "yahoo") for day in days]
    with Store.open(tmp_path / "c.db") as store:
        store.market.save_quotes([QuoteOutcome("CRDO", bars=bars)], now)
        assert store.market.history_starts(["CRDO"], now) == {"CRDO": dt.date(2026, 11, 20)}


async def test_a_jump_against_a_bar_stored_in_the_future_fetches_from_the_last_day_that_came(
    tmp_path, market
):
    """The history fetched after a jump in the price (a split?) starts, like any other, from the
    last stored day that has come, not from a bar a database before market/bounds dated 3000."""
    config = load_config(
        write_config(tmp_path / "catalysts.toml", market.url, user_agent=None, symbols=("CRDO",))
    )
    now = dt.datetime.now(dt.UTC)
    came = market.previous_session(market.last_session())
    far = market.close("CRDO", came) / 10  # the quote is ten times this: a jump
    bars = [
        Bar("CRDO", day, far, far, far, far, 1000, "yahoo") for day in (came, dt.date(3000, 1, 2))
    ]
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        store.market.replace_history("CRDO", bars)
        store.market.mark_fetched("history", "CRDO", now)
        store.market.mark_backfilled(["CRDO"], now)
        async with MarketClient(trust_env=False, **LIMITS) as client:
            await refresh_in_process(config, store, client=client)
    (chart,) = market.requests_for(endpoint="chart", symbol="CRDO")
    start = int(dt.datetime.combine(came, dt.time(), dt.UTC).timestamp())
    assert chart.query["period1"] == [str(start)]
