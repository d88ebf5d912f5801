"""The numbers the watchlist shows, from the demo database: positions, totals per tab, every
sort order, the filter and the next due checkpoint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.thesis.wording import format_value
from catalyst_tui.views.watchlist import SORTS, load_watchlist, sort_rows

from ..support.demo_data import DEMO_NOW, demo_database

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def data(tmp_path: Path):
    config, store = demo_database(tmp_path)
    yield config, store, load_watchlist(store, TODAY)
    store.close()


def test_position_pnl_weight_and_totals_come_from_lots_and_quotes(data):
    config, _store, w = data
    alab = w.row("ALAB")
    lot = config.tickers["ALAB"].lots[0]
    assert alab.shares == lot.shares and alab.basis == pytest.approx(lot.shares * lot.cost)
    assert alab.value == pytest.approx(lot.shares * alab.price)
    assert alab.pnl == pytest.approx(alab.value - alab.basis)
    assert alab.day_pnl == pytest.approx(alab.change * lot.shares)
    # The bundled example lots, as written in the file; NVDA's sale of 30 leaves 50 of its 80
    # at their cost (first in, first out).
    held = {
        "ALAB": (40, 118.50),
        "LITE": (20, 96.00),
        "COHR": (30, 68.50),
        "NVDA": (50, 96.30),
        "AVGO": (20, 168.40),
        "ANET": (20, 88.10),
    }
    values = {s: shares * w.row(s).price for s, (shares, _) in held.items()}
    total = sum(values.values())
    for symbol, (shares, cost) in held.items():
        row = w.row(symbol)
        assert row.shares == shares and row.basis == pytest.approx(shares * cost)
        assert row.weight == pytest.approx(values[symbol] / total)
    assert not w.row("CRDO").shares and not w.row("MRVL").shares  # watched only
    totals = w.totals()
    basis = sum(shares * cost for shares, cost in held.values())
    assert totals.value == pytest.approx(total) and totals.basis == pytest.approx(basis)
    assert totals.positions == 6 and totals.pnl_pct == pytest.approx(total / basis - 1)
    optics = w.totals("optics")  # LITE and COHR
    assert optics.positions == 2 and optics.value == pytest.approx(values["LITE"] + values["COHR"])
    interconnect = w.totals("interconnect")  # ALAB held, CRDO watched
    assert interconnect.positions == 1 and interconnect.value == pytest.approx(values["ALAB"])


def test_counts_flags_next_due_and_earnings(data):
    _config, _store, w = data
    alab = w.row("ALAB")
    # met: beats-own-guide, scorpio-x-full-volume (by hand) and the Street's two guards; missed:
    # the two margin guards and the weight cap
    assert (alab.met, alab.missed, alab.flagged) == (4, 3, 2)
    assert alab.next_due.checkpoint_id == "scorpio-largest-line"
    assert alab.next_due.days_left == (dt.date(2026, 12, 31) - TODAY).days
    assert alab.earnings == dt.date(2027, 2, 10) and not alab.earnings_estimate
    assert w.row("MRVL").stale and w.row("MRVL").price is not None
    assert len(w.row("NVDA").spark) >= 20  # about 30 days of closes


@pytest.mark.parametrize("sort", [key for key, _ in SORTS])
def test_every_sort_order_keeps_every_row_and_orders_by_its_key(data, sort):
    _config, _store, w = data
    rows = sort_rows(list(w.rows), sort)
    assert sorted(r.symbol for r in rows) == sorted(r.symbol for r in w.rows)
    keyed = {
        "file": lambda r: r.position,
        "symbol": lambda r: r.symbol,
        "day": lambda r: -r.change_pct,
        "pnl": lambda r: -r.pnl_pct,
        "weight": lambda r: -r.weight,
        "thesis": lambda r: (-r.flagged, -r.missed, -r.pending),
        "due": lambda r: r.next_due.days_left,
        "forward_pe": lambda r: r.forward_pe,
    }[sort]
    present = [r for r in rows if _has(r, sort)]
    assert [keyed(r) for r in present] == sorted(keyed(r) for r in present)
    assert rows[: len(present)] == present  # rows without the value go last


def _has(row, sort: str) -> bool:
    return {
        "day": row.change_pct is not None,
        "pnl": row.pnl_pct is not None,
        "weight": row.weight is not None,
        "due": row.next_due is not None,
        "forward_pe": row.forward_pe is not None,
    }.get(sort, True)


def test_filter_matches_symbol_name_or_group_and_tabs_narrow(data):
    _config, _store, w = data
    assert [r.symbol for r in w.visible(None, "astera")] == ["ALAB"]
    assert [r.symbol for r in w.visible(None, "nvd")] == ["NVDA"]
    optics = [r.symbol for r in w.visible("optics")]
    assert optics and all(w.row(s).group == "optics" for s in optics)
    assert w.visible("optics", "alab") == []


def test_timeline_is_newest_first_with_values_in_their_metric(data):
    _config, store, _w = data
    entries = store.views.events()
    assert [e.ts for e in entries] == sorted((e.ts for e in entries), reverse=True)
    gross = next(e for e in entries if e.checkpoint_id == "gross-margin-floor" and e.flagged)
    assert gross.condition is not None and gross.value is not None
    assert format_value(gross.condition.metric, gross.value) == "69.1%"
    assert gross.to_status == "missed"


def test_the_extended_hours_trade_of_the_v7_batch_is_stored_and_shown(data):
    """The real overnight AAPL row read as a refresh reads it, stored, shown as the watchlist's
    day column and the ticker title show it: the post-market change beside the day's."""
    import json

    from rich.text import Text

    from catalyst_tui.market.models import Quote, QuoteOutcome
    from catalyst_tui.market.yahoo.quote import quotes_from_batch
    from catalyst_tui.tui.widgets.watchlist.cells import row_cells

    from ..support.market_server import fixture_text

    _config, store, _w = data
    body = fixture_text("yahoo_quote-AAPL-BABA-marketState-PREPRE-2021-02-08.json")
    row = next(r for r in json.loads(body)["quoteResponse"]["result"] if r["symbol"] == "AAPL")
    body = body.replace('"symbol": "AAPL"', '"symbol": "ALAB"')
    quote = quotes_from_batch(body, ["ALAB"], DEMO_NOW)["ALAB"]
    assert isinstance(quote, Quote), quote
    store.market.save_quotes([QuoteOutcome("ALAB", quote)], DEMO_NOW)
    alab = load_watchlist(store, TODAY).row("ALAB")
    assert alab is not None
    assert alab.market_state == "PREPRE" and alab.ext_session == "post"
    assert alab.ext_price == row["postMarketPrice"]
    assert alab.ext_change_pct == pytest.approx(row["postMarketChangePercent"] / 100)
    cell = row_cells(alab, "USD")[2]
    assert isinstance(cell, Text)
    day = cell.plain
    assert (
        day
        == f"{row['regularMarketChangePercent']:+.1f}% post {row['postMarketChangePercent']:+.1f}%"
    )
