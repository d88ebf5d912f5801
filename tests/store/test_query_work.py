"""Every query a screen or report runs does work in proportion to the tickers, not to their
square: counted in SQLite's own virtual-machine steps (a progress handler called every
STEP instructions), which do not depend on the machine's speed, at 500 and at 5,000 tickers.

And the one that was not: `checkpoints`' flagged lookup, pinned to the events_checkpoint index
by its query plan (SQLite chose the partial index events_flagged and read every flagged event
for each checkpoint: 7.5 s at 5,000 tickers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.market.models import Bar, Quote, QuoteOutcome
from catalyst_tui.store import Store
from tests.support.demo_data import big_config_text
from tests.support.reads import readers

NOW = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC)
TODAY = NOW.date()
STEP = 1000  # VM instructions per progress call
DAYS = 40  # bars per ticker: the sparkline's month and more
SMALL, LARGE = 500, 5000
# The goal of `catalyst check` (issue 25): 5,000 tickers in at most 12 times the time of 500.
LINEAR = 12.0


def seed(path: Path, tickers: int) -> tuple[object, Store]:
    """`tickers` tickers of big_config_text (two checkpoints each, a lot on every third), a
    quote and DAYS bars each, evaluated once: about 40% of the checkpoints missed and flagged."""
    config = parse_config(big_config_text(tickers))
    store = Store.open(path)
    store.sync.apply(config, NOW - dt.timedelta(days=1))
    days = [TODAY - dt.timedelta(days=DAYS - i) for i in range(DAYS)]
    outcomes = []
    for n, symbol in enumerate(config.tickers):
        price = 20.0 + (n * 37) % 400
        bars = [
            Bar(symbol, d, price, price * 1.01, price * 0.99, price + i % 3, 1_000_000, "yahoo")
            for i, d in enumerate(days)
        ]
        quote = Quote(symbol, price, price - 1, 1.0, 0.01, "USD", "CLOSED", NOW, "yahoo")
        outcomes.append(QuoteOutcome(symbol, quote, bars))
    store.market.save_quotes(outcomes, NOW - dt.timedelta(minutes=5))
    evaluate_checkpoints(config, store, NOW - dt.timedelta(hours=1))
    return config, store


def steps(store: Store, read: Callable[[], object]) -> int:
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0  # go on

    store.conn.set_progress_handler(tick, STEP)
    try:
        read()
    finally:
        store.conn.set_progress_handler(None, STEP)
    return counted[0] * STEP


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """Both sizes seeded once for the module (about 10 CPU-seconds): its two tests read them,
    and `make test` keeps the two on one worker (their group), so no worker seeds them again."""
    where = tmp_path_factory.mktemp("work")
    small, large = seed(where / "small.db", SMALL), seed(where / "large.db", LARGE)
    yield small, large
    small[1].close()
    large[1].close()


@pytest.mark.xdist_group("query_work")
def test_every_screen_and_report_reads_in_linear_work(stores):
    (small_config, small), (large_config, large) = stores
    assert large.views.flagged(), "the seed must leave flags to look up"
    small_reads = readers(small_config, small, NOW)
    large_reads = readers(large_config, large, NOW)
    ratios = {}
    for name in small_reads:
        before, after = steps(small, small_reads[name]), steps(large, large_reads[name])
        ratios[name] = after / max(before, STEP)
    worst = {name: round(r, 1) for name, r in ratios.items() if r > LINEAR}
    assert not worst, f"more than {LINEAR}x the work for 10x the tickers: {worst}"


@pytest.mark.xdist_group("query_work")
def test_the_flagged_lookup_seeks_each_checkpoints_own_events(stores):
    _, (_, store) = stores
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        store.views.checkpoints()
    finally:
        store.conn.set_trace_callback(None)
    (select,) = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + select)]
    lookups = [step for step in plan if "SEARCH e " in step]
    assert lookups == ["SEARCH e USING INDEX events_checkpoint (symbol=? AND checkpoint_id=?)"], (
        plan
    )
