"""A 10-for-1 split served by the loopback market (history restated by the source, as Yahoo
does) between two refreshes: the split is stored once and shown on the timeline, the stored
history is replaced by the restated one, a pre-split lot's P&L is unchanged, and no checkpoint
changes status (so nothing is notified). Then the timeline's rewrite puts the thresholds on
today's basis in the file, comments kept, verdicts the same."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.views.timeline import SplitEntry
from tests.support.limits import ClientLimits
from tests.support.market_server import MarketServer

from .test_refresh import write_config

# The providers' own rate limits and request bounds, as a refresh's client has them.
LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}


@pytest.fixture
def market():
    with MarketServer() as server:
        yield server


def thesis(path: Path, market: MarketServer, close: float) -> Path:
    write_config(path, market.url, symbols=())
    floor = round(close * 0.5)
    path.write_text(
        path.read_text()
        + f"""
[tickers.NVDA]
name = "NVIDIA"
# bought before the split, as the broker's statement says
[[tickers.NVDA.lots]]
shares = 40
cost = {round(close * 0.8, 2)}
date = 2024-01-16
[[tickers.NVDA.checkpoints]]
id = "floor"
title = "Holds half of today's price"
kind = "guard"
when = "price >= {floor}"  # per share: on the basis it was written in
[[tickers.NVDA.checkpoints]]
id = "drawdown"
title = "No deep drawdown"
kind = "guard"
when = "drawdown <= 30%"
"""
    )
    return path


async def refresh(config, store: Store, now: dt.datetime):
    async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
        report = await refresh_in_process(config, store, now=lambda: now, client=client)
    evaluate_checkpoints(config, store, now)
    return report


def cli_check(workdir: Path) -> dict[str, dict]:
    """`catalyst check --json` on the same database, as another process reads it."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "check",
            "--json",
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


def position(store: Store) -> tuple[float, float, float]:
    row = next(r for r in store.views.watch_rows() if r.symbol == "NVDA")
    assert row.last is not None and row.last.price is not None
    held = row.position
    assert held is not None
    return held.shares, held.basis, held.shares * row.last.price - held.basis


async def test_a_ten_for_one_split_changes_no_verdict_and_shows_on_the_timeline(tmp_path, market):
    session = market.last_session()
    close = market.close("NVDA", session)
    config = load_config(thesis(tmp_path / "catalysts.toml", market, close))
    now = dt.datetime.now(dt.UTC)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now - dt.timedelta(days=30))  # written a month ago
        await refresh(config, store, now)
        statuses = {c.id: c.status for c in store.views.checkpoints("NVDA")}
        assert statuses == {"floor": "met", "drawdown": "met"}  # what a split would break
        events_before = store.views.events(limit=-1)
        outbox_before = store.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        shares, basis, gain = position(store)
        assert shares == 40
        first_day = store.market.first_bar_day("NVDA")
        assert first_day is not None

        market.split("NVDA", session, 10)
        market.clear_log()
        report = await refresh(config, store, now + dt.timedelta(minutes=15))

        # Stored once, and the whole history re-fetched from its first day.
        assert store.views.splits("NVDA") == [store.market.splits()["NVDA"][0]]
        split = store.views.splits("NVDA")[0]
        assert (split.day, split.ratio) == (session, 10)
        assert "NVDA: price history restated for its split" in report.notes
        charts = market.requests_for(provider="yahoo", endpoint="chart", symbol="NVDA")
        assert any("events=div%2Csplits" in r.raw_query for r in charts)
        refetch = dt.datetime.combine(first_day, dt.time(), dt.UTC).timestamp()
        assert any(f"period1={int(refetch)}" in r.raw_query for r in charts)
        assert store.market.splits_to_restate() == []
        for day, stored in store.views.price_history("NVDA"):
            assert stored == pytest.approx(market.close("NVDA", day), abs=1e-4)

        # No verdict changed: no event, nothing for the notifier.
        assert store.views.events(limit=-1) == events_before
        assert store.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == outbox_before
        assert {c.id: c.status for c in store.views.checkpoints("NVDA")} == statuses
        floor = next(c for c in store.views.checkpoints("NVDA") if c.id == "floor")
        assert floor.reason.observed is not None
        assert floor.reason.observed.rebased == 10  # 1/10 of the price, ×10
        checked = cli_check(tmp_path)
        assert checked["floor"]["status"] == "met"
        assert "×10 to the share basis the condition was written in" in checked["floor"]["reason"]

        # The lot: 400 shares at a tenth of the cost; what it cost and made are as before.
        after_shares, after_basis, after_gain = position(store)
        assert after_shares == 400 and after_basis == pytest.approx(basis)
        assert after_gain == pytest.approx(gain, abs=0.01 * 400)  # closes kept to 4 decimals

        workspace = Workspace(config, store, clock=lambda: now + dt.timedelta(minutes=20))
        entry = next(e for e in workspace.timeline() if isinstance(e, SplitEntry))
        assert entry.text == f"NVDA split 10:1 on {session.isoformat()}"
        [rewrite] = entry.rewrites  # the price floor; drawdown is not per share
        assert rewrite.old == f"price >= {round(close * 0.5)}"
        assert float(rewrite.new.split()[-1]) == pytest.approx(round(close * 0.5) / 10)

        outcome = workspace.rewrite_for_splits(entry.rewrites)
        assert outcome.written, outcome.message
        text = (tmp_path / "catalysts.toml").read_text()
        assert f'when = "{rewrite.new}"  # per share: on the basis it was written in' in text
        assert "# bought before the split, as the broker's statement says" in text
        assert "cost = " in text and "date = 2024-01-16" in text  # the lot as written
        floor = next(c for c in store.views.checkpoints("NVDA") if c.id == "floor")
        assert floor.status == "met" and floor.reason.observed is not None
        assert floor.reason.observed.rebased is None
        assert store.views.events(limit=-1) == events_before
        entry = next(e for e in workspace.timeline() if isinstance(e, SplitEntry))
        assert entry.rewrites == []
