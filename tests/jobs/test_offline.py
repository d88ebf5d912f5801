"""A refresh with no network ends in seconds (issue 25): each host is met once, the one that
cannot be reached is not asked again in that refresh, "offline" is said as soon as the quote
pass knows, and nothing else is asked of the network; the scheduler says once that a turn was
skipped while a long refresh ran."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import subprocess
import sys
from pathlib import Path

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobSubmissionEvent

from catalyst_tui.config import load_config, parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.refresh_report import RefreshListener
from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.liveness import no_hang_async
from tests.support.market_server import unused_local_url
from tests.support.network import Network, transport

SYMBOLS = [f"S{i:04d}" for i in range(500)]
TICKERS = "".join(f"[tickers.{s}]\n" for s in SYMBOLS)
NOW = dt.datetime(2026, 11, 23, 15, tzinfo=dt.UTC)


async def test_a_refresh_of_500_symbols_with_no_network_meets_each_host_once(tmp_path: Path):
    """The default providers at their real names, none of which resolves: one look-up per host
    (the quote providers', Yahoo's cookie host), no FX, filings or earnings asked, every symbol
    stale, "offline" heard before the refresh ends."""
    config = parse_config('[settings]\nproviders = ["yahoo", "stooq"]\n' + TICKERS)
    network = Network(delay=0.05)
    heard: list[tuple[str, bool]] = []
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        async with MarketClient(
            trust_env=False,
            rate_limits=RATE_LIMITS,
            bounds=PROVIDER_BOUNDS,
            transport=transport(network),
        ) as client:
            report = await refresh_in_process(
                config,
                store,
                client=client,
                env={},
                listener=RefreshListener(
                    on_reach=lambda reach: heard.append((reach, store.views.health().stale == 0))
                ),
            )
    assert report.reach == "offline" and report.stale == SYMBOLS and not report.stored
    assert heard == [("offline", True)]  # before the stale quotes were written
    assert network.connects and max(network.connects.values()) == 1, network.connects
    assert set(network.connects) == {"fc.yahoo.com", "query1.finance.yahoo.com", "stooq.com"}
    assert any("no network" in note for note in report.notes)
    # each provider's failure said once, with how many symbols it failed (not 500 lines each)
    assert set(report.failures) == {"yahoo", "stooq"}, report.failures
    assert all(line.endswith("(500 symbols)") for line in report.failures.values())


def test_each_providers_first_failure_is_said_once_with_the_symbols_it_failed():
    from catalyst_tui.jobs.reach import failures_by_provider
    from catalyst_tui.market.models import FetchError, Quote, QuoteOutcome

    def failed(symbol: str, *errors: FetchError) -> QuoteOutcome:
        return QuoteOutcome(symbol, errors=list(errors))

    down = FetchError("network", "cannot connect to stooq.com", "stooq")
    outcomes = [
        failed("A", FetchError("http", "HTTP 500", "yahoo"), down),
        failed("B", FetchError("http", "HTTP 502", "yahoo"), down),
        failed("C", down),
        QuoteOutcome(
            "D",
            Quote("D", 1.0, None, None, None, None, None, NOW, "yahoo"),
            errors=[FetchError("http", "HTTP 500", "stooq")],
        ),  # quoted: not a failure
    ]
    assert failures_by_provider(outcomes) == {
        "yahoo": "HTTP 500 (2 symbols)",  # the first failure's words
        "stooq": "cannot connect to stooq.com (3 symbols)",
    }
    assert failures_by_provider(outcomes[2:3]) == {
        "stooq": "cannot connect to stooq.com (1 symbol)"
    }


def test_catalyst_refresh_of_500_symbols_refused_everywhere_asks_each_host_once(tmp_path):
    """The command itself, every provider at a loopback port that refuses: it ends (exit 3,
    every symbol stale) having tried each host once, as its log of the requests says."""
    dead = unused_local_url()
    path = tmp_path / "catalysts.toml"
    path.write_text(
        '[settings]\nproviders = ["yahoo", "stooq"]\n'
        f'[providers.yahoo]\nbase_url = "{dead}"\ncookie_url = "{dead}/fc"\n'
        f'[providers.stooq]\nbase_url = "{dead}"\n' + TICKERS
    )
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "refresh",
            "--config",
            str(path),
            "--db",
            str(tmp_path / "c.db"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr[-2000:]
    assert "0/500 symbols fresh" in done.stdout
    assert "no network" in done.stdout
    with Store.open(tmp_path / "c.db") as store:
        asked = dict(
            store.conn.execute(
                "SELECT provider, SUM(requests) FROM provider_requests GROUP BY provider"
            ).fetchall()
        )
    # One host (127.0.0.1:port) for both: Yahoo's cookie is its first contact; nothing after.
    assert sum(asked.values()) == 1, asked
    assert load_config(path).tickers  # the file is untouched


async def test_a_turn_skipped_while_a_refresh_runs_is_logged_once(tmp_path, caplog):
    config = parse_config('[settings]\nproviders = ["yahoo"]\n[tickers.ALAB]\n')
    release = asyncio.Event()
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        scheduler = ThesisScheduler(config, store, [], role="test")
        scheduler.interval = 0.2

        async def slow_refresh():
            await release.wait()
            raise RuntimeError("no refresh in this test")

        scheduler._refresh = slow_refresh  # type: ignore[method-assign]
        skipped: list[JobSubmissionEvent] = []
        scheduler.scheduler.add_listener(skipped.append, EVENT_JOB_MAX_INSTANCES)
        with caplog.at_level(logging.INFO):
            scheduler.start(refresh_at_start=True)
            async with no_hang_async("three turns skipped"):
                while len(skipped) < 3:  # turns that come while the first one runs
                    await asyncio.sleep(0.05)
            release.set()
            await asyncio.sleep(0.1)
            scheduler.shutdown()
    said = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert len(said) == 1, [r.getMessage() for r in said]
    assert said[0].name == "catalyst_tui.jobs.scheduler"
