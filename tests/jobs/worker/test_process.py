"""The market refresh in a child process (jobs/worker/process.py), with real parts only: the real
child (`python -m catalyst_tui.jobs.worker.process`), a real SQLite file, the loopback market. It
refreshes the database end to end and reports progress and a report (which symbols are fresh,
whether any price is stored; the quotes stay in the database); a failing child reaches the
caller as a logged error and a failed cycle, never as text on the terminal; a cancelled refresh
kills and reaps the child; an orphaned child stops by itself."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import Config, parse_config
from catalyst_tui.jobs.refresh_report import RefreshListener
from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.jobs.worker.parent import RefreshFailed, refresh_in_child_process
from catalyst_tui.jobs.worker.process import MODULE, WorkerRequest
from catalyst_tui.store import Store
from tests.support.liveness import no_hang_async
from tests.support.market_server import MarketServer, unused_local_url
from tests.support.processes import gone

SYMBOLS = ["ALAB", "CRDO", "LITE", "COHR", "NVDA", "MRVL"]


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


def config_text(base: str, symbols: list[str] = SYMBOLS) -> str:
    tickers = "".join(f"[tickers.{s}]\n" for s in symbols)
    return (
        '[settings]\nproviders = ["yahoo", "stooq"]\nrefresh = "60s"\nrefresh_closed = "30m"\n'
        'timezone = "America/New_York"\n'
        f'[providers.stooq]\nbase_url = "{base}"\n[providers.yahoo]\nbase_url = "{base}"\n'
        f'cookie_url = "{base}/fc"\n{tickers}'
    )


def synced(tmp_path: Path, base: str) -> tuple[Config, Path]:
    config = parse_config(config_text(base))
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        store.sync.apply(config)
    return config, db


async def until(condition, timeout: float = 120.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


def test_the_child_speaks_json_lines_and_refreshes_the_database(tmp_path):
    """The protocol itself, driven by hand: a pickled request in, progress, the quote pass
    said stored after the last count, and a report out."""
    with MarketServer(symbols=SYMBOLS) as market:
        config, db = synced(tmp_path, market.url)
        request = WorkerRequest(config, str(db), 0.0, os.getpid())
        done = subprocess.run(
            [sys.executable, "-m", MODULE],
            input=pickle.dumps(request),
            capture_output=True,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr.decode()
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[-2] == {"stored": "quotes"}  # then filings and the Street, which say nothing
    progress = [line["progress"] for line in lines[:-2]]
    assert progress and all(total == len(SYMBOLS) for _, total, _ in progress)
    assert progress[-1][0] == len(SYMBOLS)  # the last count always arrives
    report = lines[-1]["report"]
    assert sorted(report["fresh"]) == sorted(SYMBOLS)
    assert report["symbols"] == SYMBOLS and report["stored"] is True
    assert "statuses" not in report  # the quotes are read from the database, not sent
    for line in done.stderr.decode().splitlines():  # log records, never raw text
        assert {"level", "name", "message"} <= json.loads(line).keys()
    with Store.open(db) as store:
        assert not any(s.stale for s in store.market.last_quotes(SYMBOLS).values())
        assert store.views.health().last_refresh is not None


def test_the_child_refreshes_once_per_request_until_eof(tmp_path):
    """Requests one after another on one stdin (the kept worker's): a report for each, then EOF
    ends the child, status 0."""
    with MarketServer(symbols=SYMBOLS) as market:
        config, db = synced(tmp_path, market.url)
        request = pickle.dumps(WorkerRequest(config, str(db), 0.0, os.getpid()))
        done = subprocess.run(
            [sys.executable, "-m", MODULE], input=request * 2, capture_output=True, timeout=120
        )
        batches = len(market.requests_for("yahoo", "quote"))
    assert done.returncode == 0, done.stderr.decode()
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    reports = [line["report"] for line in lines if "report" in line]
    assert len(reports) == 2 and all(sorted(r["fresh"]) == sorted(SYMBOLS) for r in reports)
    assert lines[0]["progress"][0] == 0 and "report" in lines[-1]
    starts = [i for i, line in enumerate(lines) if line.get("progress", [None])[0] == 0]
    assert len(starts) == 2  # each refresh says at once that it is under way
    assert batches >= 2  # both asked the market


async def test_refresh_apart_reports_progress_and_which_symbols_are_fresh(tmp_path):
    with MarketServer(symbols=SYMBOLS) as market:
        config, db = synced(tmp_path, market.url)
        seen: list[tuple[int, int, str]] = []
        heard = RefreshListener(on_progress=lambda *p: seen.append(p))
        report = await refresh_in_child_process(config, db, listener=heard)
    assert report.fresh == set(SYMBOLS) and report.all_fresh and report.stored
    assert report.symbols == SYMBOLS and report.stale == []
    assert seen[-1][:2] == (len(SYMBOLS), len(SYMBOLS))
    assert report.earnings_updated and sorted(report.earnings_updated) == sorted(SYMBOLS)
    with Store.open(db) as store:  # what the screens read: every quote stored, none stale
        stored = store.market.last_quotes(SYMBOLS)
    assert list(stored) == SYMBOLS and not any(s.stale or s.price is None for s in stored.values())


async def test_a_child_refresh_that_reaches_no_provider_says_what_is_stored(tmp_path):
    """Offline: every symbol stale; `stored` tells the TUI whether there is older data to show."""
    with MarketServer(symbols=SYMBOLS) as market:
        config, db = synced(tmp_path, market.url)
        first = await refresh_in_child_process(config, db)
        market.inject("unknown")
        second = await refresh_in_child_process(config, db)
    (tmp_path / "empty").mkdir()
    config, fresh_db = synced(tmp_path / "empty", unused_local_url())
    never = await refresh_in_child_process(config, fresh_db)
    assert first.stored and first.all_fresh
    assert second.reach == "unreachable" and second.stale == SYMBOLS and second.stored
    assert never.reach == "offline" and never.stale == SYMBOLS and not never.stored


async def test_the_callers_clock_reaches_the_child(tmp_path):
    """A scheduler with its own clock (tests, a replay) stamps the child's writes with it."""
    monday = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC)
    with MarketServer(symbols=SYMBOLS) as market:
        config, db = synced(tmp_path, market.url)
        report = await refresh_in_child_process(config, db, now=lambda: monday)
    assert abs(report.started - monday) < dt.timedelta(seconds=30)
    with Store.open(db) as store:
        stamps = [state.fetched_at for state in store.market.fetch_states("earnings").values()]
    assert len(stamps) == len(SYMBOLS)
    assert all(abs(stamp - monday) < dt.timedelta(seconds=30) for stamp in stamps)


async def test_an_unusable_database_is_a_logged_error_and_a_failed_cycle(tmp_path, caplog, capfd):
    with MarketServer(symbols=SYMBOLS) as market:
        config, _db = synced(tmp_path, market.url)
        not_a_db = tmp_path / "a-directory"
        not_a_db.mkdir()
        caplog.set_level(logging.INFO)
        with pytest.raises(RefreshFailed, match="is a directory"):
            await refresh_in_child_process(config, not_a_db)
        # Through the scheduler, as the TUI runs it: the cycle goes on without a refresh.
        with Store.open(tmp_path / "c.db") as store:
            scheduler = ThesisScheduler(config, store, [], role="test", refresh_in_child=True)
            store.path = not_a_db  # the child opens this path, the evaluation the real one
            result = await scheduler.refresh_cycle()
    assert result.refresh is None
    relayed = [r for r in caplog.records if "market worker" in r.getMessage()]
    assert relayed and relayed[0].levelno == logging.ERROR
    assert "Traceback" in relayed[0].getMessage()  # the child's traceback, in the log only
    assert any(r.getMessage().startswith("refresh failed: database") for r in caplog.records)
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "is a directory" not in out + err


async def test_garbage_on_stdin_is_an_error_line_not_a_traceback(tmp_path):
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        MODULE,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate(b"not a pickle")
    assert proc.returncode == 1
    assert "error" in json.loads(out.splitlines()[-1])
    records = [json.loads(line) for line in err.splitlines()]  # every stderr line is a record
    assert records[-1]["level"] == "ERROR" and "Traceback" in records[-1]["message"]


async def test_cancelling_a_running_refresh_kills_and_reaps_the_child(tmp_path):
    with (
        MarketServer(symbols=SYMBOLS, latency=0.5) as market,
        Store.open(synced(tmp_path, market.url)[1]) as store,
    ):
        config = parse_config(config_text(market.url))
        progress: list[tuple] = []
        scheduler = ThesisScheduler(
            config,
            store,
            [],
            role="test",
            refresh_in_child=True,
            listener=RefreshListener(on_progress=lambda *p: progress.append(p)),
        )
        task = asyncio.create_task(scheduler.refresh_cycle())
        await until(lambda: scheduler.worker is not None and market.requests)
        assert scheduler.worker is not None
        pid = scheduler.worker.pid
        assert not gone(pid)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert gone(pid)
        assert scheduler.worker is None and not scheduler.refreshing
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_scheduler_shutdown_kills_the_child_of_a_scheduled_refresh(tmp_path):
    with (
        MarketServer(symbols=SYMBOLS, latency=0.5) as market,
        Store.open(synced(tmp_path, market.url)[1]) as store,
    ):
        config = parse_config(config_text(market.url))
        scheduler = ThesisScheduler(config, store, [], role="test", refresh_in_child=True)
        scheduler.start(refresh_at_start=True)
        await until(lambda: scheduler.worker is not None and market.requests)
        assert scheduler.worker is not None
        pid = scheduler.worker.pid
        await scheduler.stop()  # as the app does on quit
        await until(lambda: gone(pid))
        await until(lambda: not scheduler.refreshing)
        sent = len(market.requests)
        await asyncio.sleep(1.0)
        assert len(market.requests) == sent  # nothing fetches on after the shutdown


def test_an_orphaned_child_stops_by_itself(tmp_path):
    """The child checks that the process that started it is still its parent; here it was
    told of another one, as if the TUI had died and it had been re-parented."""
    with MarketServer(symbols=SYMBOLS, latency=2.0) as market:
        config, db = synced(tmp_path, market.url)
        request = WorkerRequest(config, str(db), 0.0, parent_pid=os.getpid() + 1_000_000)
        done = subprocess.run(
            [sys.executable, "-m", MODULE],
            input=pickle.dumps(request),
            capture_output=True,
            timeout=20,
        )
    assert done.returncode == 3  # long before the 2 s requests could have finished
    assert b'"report"' not in done.stdout


async def test_a_child_that_does_not_report_in_time_is_killed_and_reaped(tmp_path):
    """Whatever holds the child (here every answer drips), the TUI waits for its report no longer
    than its deadline: then the child is killed and reaped, and the refresh is a failure."""
    with MarketServer(symbols=SYMBOLS) as market:
        config, db = synced(tmp_path, market.url)
        market.inject("drip", delay=0.5)
        started: list[asyncio.subprocess.Process] = []
        with pytest.raises(RefreshFailed, match="no report within 3s"):  # the deadline's verdict
            async with no_hang_async("a child that never reports"):
                await refresh_in_child_process(config, db, on_start=started.append, deadline=3.0)
        assert started and gone(started[0].pid)
