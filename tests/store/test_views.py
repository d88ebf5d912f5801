"""The read-only views: watch rows (counts, flags, what is held, the quote, next due) in file
order, checkpoints and events in their orders, prices for charts and export, and the health of
the data."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import FetchError, QuoteOutcome
from catalyst_tui.store import Store
from catalyst_tui.store.records import DueCheckpoint, Health, PriceRow
from catalyst_tui.thesis.evaluate import Reason, Why

from .conftest import T0, T1, THESIS, bars, fresh, miss, record_miss

DAYS = [dt.date(2026, 11, 2) + dt.timedelta(days=i) for i in range(15)]


def test_watch_rows_count_checkpoints_flags_and_position_in_file_order(store: Store):
    record_miss(store)
    rows = store.views.watch_rows()
    counts = [(r.symbol, r.group, r.met, r.missed, r.pending, r.flagged) for r in rows]
    assert counts == [("ALAB", "interconnect", 0, 1, 1, 1), ("CRDO", "watchlist", 0, 0, 0, 0)]
    alab, crdo = rows
    assert alab.position is not None and crdo.position is None
    assert (alab.position.shares, alab.position.basis) == (40, 40 * 118.5)
    assert alab.last is None  # no quote yet
    assert alab.next_due is not None
    assert alab.next_due[:3] == DueCheckpoint("npo", "NPO ships", dt.date(2027, 12, 31))[:3]
    store.checkpoints.acknowledge(None, T1)
    assert store.views.watch_rows()[0].flagged == 0


def test_a_checkpoint_the_file_no_longer_has_leaves_the_counts_and_its_flag(store: Store):
    """Archived with an unacknowledged miss (the file dropped "gm"): it is neither counted nor
    flagged; the one left pending still is."""
    record_miss(store)
    store.sync.apply(parse_config(THESIS.replace('id = "gm"', 'id = "gm2"')), now=T1)
    alab = store.views.watch_rows()[0]
    assert (alab.met, alab.missed, alab.pending, alab.flagged) == (0, 0, 2, 0)
    store.sync.apply(parse_config(THESIS), now=T1)  # "gm" back: its miss and flag with it
    alab = store.views.watch_rows()[0]
    assert (alab.met, alab.missed, alab.pending, alab.flagged) == (0, 1, 1, 1)


def test_watch_rows_carry_the_last_quote(store: Store):
    store.market.save_quotes([fresh("ALAB", 227.88)], T0)
    store.market.save_quotes([QuoteOutcome("ALAB", errors=[FetchError("http", "HTTP 500")])], T1)
    alab = store.views.watch_rows()[0]
    assert alab.last is not None and alab.last.price == 227.88
    assert alab.last.stale and alab.last.error == "HTTP 500" and alab.last.fetched_at == T0


def test_checkpoints_in_file_order_with_their_flags_and_events_newest_first(store: Store):
    [first] = record_miss(store)
    [second] = store.checkpoints.record(
        [miss(checkpoint_id="npo", reason=Reason(Why.DUE_PASSED, dt.date(2026, 1, 1)))], T1
    )
    assert [(c.id, c.flagged) for c in store.views.checkpoints()] == [("gm", True), ("npo", True)]
    assert store.views.checkpoints("CRDO") == []
    assert [e.id for e in store.views.events()] == [second, first]
    assert [e.id for e in store.views.events(limit=1)] == [second]
    assert [e.id for e in store.views.events(symbol="CRDO")] == []


def test_prices_for_sparklines_charts_and_export(store: Store):
    store.market.save_quotes(
        [fresh("ALAB", 1.0, DAYS), QuoteOutcome("CRDO", None, bars("CRDO", DAYS[:2], 50.0))], T0
    )
    closes = store.views.recent_closes(["ALAB", "CRDO", "NVDA"], DAYS[12])
    assert closes == {"ALAB": [112.0, 113.0, 114.0], "CRDO": [], "NVDA": []}
    assert store.views.price_history("CRDO") == [(DAYS[0], 50.0), (DAYS[1], 51.0)]
    exported = list(store.views.iter_prices())
    assert [(r.symbol, r.day) for r in exported] == [("ALAB", d) for d in DAYS] + [
        ("CRDO", d) for d in DAYS[:2]
    ]
    assert list(store.views.iter_prices("CRDO"))[0] == PriceRow(
        "CRDO", DAYS[0], 50.0, 52.0, 48.0, 50.0, 1000, "yahoo"
    )


def test_health_counts_fresh_sources_stale_quotes_and_failed_fetches(store: Store):
    assert store.views.health() == Health(None, {}, 0, {}, {}, {}, {})
    store.market.save_quotes([fresh("ALAB", 10.0), fresh("CRDO", 20.0)], T0)
    store.market.save_quotes([QuoteOutcome("CRDO", errors=[FetchError("http", "down")])], T1)
    store.market.mark_fetched("earnings", "ALAB", T1, ok=False, detail="HTTP 500")
    assert store.views.health() == Health(T0, {"yahoo": 1}, 1, {"earnings": 1}, {}, {}, {})


def test_a_ticker_and_its_lots(store: Store):
    alab = store.views.ticker("ALAB")
    assert alab is not None and (alab.name, alab.group, alab.archived) == (
        "Astera Labs",
        "interconnect",
        False,
    )
    assert store.views.ticker("NOPE") is None
    assert [(lot.shares, lot.cost) for lot in store.views.lots("ALAB")] == [(40, 118.5)]
    assert store.views.lots("CRDO") == []
