"""The watchlist's forward P/E and revision arrow, driven by Textual's Pilot on a real database
file: the figure is the price over this fiscal year's EPS consensus, computed here by hand; the
arrow is read from the latest of two stored days; no consensus is —, never a number; the column
sorts, cheapest first; and it lies past the right edge at 80 and 120 columns, as Shares does,
reached by scrolling sideways."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.market.models import FxRate
from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS
from catalyst_tui.views.watchlist import SORTS

from ...support import scenes
from ...support.demo_data import DEMO_NOW
from ...support.pilot import lines_on_screen, make_app, rows, symbols

FY_END = dt.date(2026, 12, 31)
MONTH_AGO = DEMO_NOW - dt.timedelta(days=30)
COLUMN = [key for key, _ in COLUMNS].index("forward_pe")


def year(eps: float, analysts: int | None, now: float | None, then: float | None) -> Consensus:
    """This fiscal year's consensus: its EPS average, and the EPS trend now and 30 days ago."""
    return Consensus(
        "0y",
        FY_END,
        Range(eps, eps * 0.9, eps * 1.1, analysts),
        trend=(now, None, then, None, None),
    )


def store_day(store, symbol: str, at: dt.datetime, *periods: Consensus) -> None:
    store.estimates.save(symbol, Estimates(symbol, "yahoo", periods=periods), at)


def price(store, symbol: str) -> float:
    last = store.market.last_quotes([symbol])[symbol]
    assert last.quote is not None
    return last.quote.price


def column(app) -> dict[str, str]:
    return {r[0].removeprefix("⚑ "): r[COLUMN] for r in rows(app)}


async def test_forward_pe_is_the_price_over_the_years_consensus_with_the_latest_days_arrow(demo):
    config, store = demo
    # Two stored days each: a month ago the Street moved one way, today the other; today's says.
    store_day(store, "ALAB", MONTH_AGO, year(2.40, 12, 2.40, 2.50))
    store_day(store, "ALAB", DEMO_NOW, year(2.50, 12, 2.50, 2.40))
    store_day(store, "NVDA", MONTH_AGO, year(4.10, 30, 4.10, 3.90))
    store_day(store, "NVDA", DEMO_NOW, year(4.00, 30, 4.00, 4.10))
    store_day(store, "AVGO", DEMO_NOW, year(8.00, 25, 8.00, 8.00))  # unchanged
    store_day(store, "ANET", DEMO_NOW, year(3.00, 20, None, None))  # no trend said
    # No value, never a number: a last day without the fiscal year, a single analyst's, a loss.
    store_day(store, "COHR", MONTH_AGO, year(5.00, 10, 5.00, 4.00))
    store_day(store, "COHR", DEMO_NOW, Consensus("0q", FY_END, Range(1.2, analysts=9)))
    store_day(store, "LITE", DEMO_NOW, year(3.00, 1, 3.00, 2.90))
    store_day(store, "MRVL", DEMO_NOW, year(-0.50, 15, -0.50, -0.40))
    app = make_app(config, store)
    async with app.run_test(size=(160, 36)) as pilot:
        await pilot.pause()
        shown = column(app)
        assert shown["ALAB"] == f"{price(store, 'ALAB') / 2.50:.1f}x ▲"  # 2.40 → 2.50
        assert shown["NVDA"] == f"{price(store, 'NVDA') / 4.00:.1f}x ▼"  # 4.10 → 4.00
        assert shown["AVGO"] == f"{price(store, 'AVGO') / 8.00:.1f}x ="
        assert shown["ANET"] == f"{price(store, 'ANET') / 3.00:.1f}x"
        assert shown["COHR"] == "—"  # a month-old fiscal year is not today's
        assert shown["LITE"] == "—"  # one analyst: no consensus, nor a revision, though it moved
        assert shown["MRVL"] == "— ▼"  # a loss has no P/E
        # the demo's own: the replay market's consensus, stored by the demo's refresh
        assert shown["CRDO"].endswith("x ▲")


async def test_no_consensus_of_none_or_one_analyst_and_none_next_to_zero_shows_a_figure(demo):
    """Yahoo's 0.00 of no analyst, one analyst's figure and revision, and a consensus of 1e-300
    or 5e-324 (a P/E of 300 digits, or inf): each cell is —, with no arrow, never `inf`."""
    config, store = demo
    store_day(
        store,
        "ALAB",
        DEMO_NOW,
        Consensus("0y", FY_END, Range(None, analysts=0), trend=(0.0, None, 0.0, None, None)),
    )
    store_day(store, "LITE", DEMO_NOW, year(3.00, 1, 3.00, 2.90))
    store_day(store, "NVDA", DEMO_NOW, year(1e-300, 30, None, None))
    store_day(store, "AVGO", DEMO_NOW, year(5e-324, 25, None, None))
    store_day(store, "ANET", DEMO_NOW, year(3.00, 20, 3.00, 1e-300))  # revised from next to 0
    app = make_app(config, store)
    async with app.run_test(size=(160, 36)) as pilot:
        await pilot.pause()
        shown = column(app)
        assert [shown[s] for s in ("ALAB", "LITE", "NVDA", "AVGO")] == ["—"] * 4
        assert shown["ANET"] == f"{price(store, 'ANET') / 3.00:.1f}x"  # no arrow of 3e300 %
        assert not any("inf" in line for line in lines_on_screen(app, "#tickers"))


async def test_a_consensus_in_another_money_is_converted_at_the_stored_rate_or_is_none(demo):
    """ALAB's consensus in CNY with a CNY rate stored: the price over it in dollars; NVDA's in
    EUR with no EUR rate stored: —, never the price over euros taken for dollars."""
    config, store = demo
    store.fx.save([FxRate("CNY", "USD", DEMO_NOW.date(), 0.14, "test")], DEMO_NOW)
    store_day(store, "ALAB", DEMO_NOW, year(20.0, 12, None, None)._replace(currency="CNY"))
    store_day(store, "NVDA", DEMO_NOW, year(4.0, 30, None, None)._replace(currency="EUR"))
    store_day(store, "AVGO", DEMO_NOW, year(8.0, 25, None, None)._replace(currency="USD"))
    app = make_app(config, store)
    async with app.run_test(size=(160, 36)) as pilot:
        await pilot.pause()
        shown = column(app)
        assert shown["ALAB"] == f"{price(store, 'ALAB') / (20.0 * 0.14):.1f}x"
        assert shown["NVDA"] == "—"
        assert shown["AVGO"] == f"{price(store, 'AVGO') / 8.0:.1f}x"


async def test_the_forward_pe_sorts_cheapest_first_and_those_without_last(demo):
    config, store = demo
    store_day(store, "COHR", DEMO_NOW, Consensus("0q", FY_END, Range(1.2, analysts=9)))
    app = make_app(config, store)
    async with app.run_test(size=(160, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"s" * 7)  # file, symbol, day, P&L %, weight, thesis, due, forward P/E
        await pilot.pause()
        assert "by forward P/E" in str(app.screen.query_one("#status-line").render())
        shown = column(app)
        figures = [float(cell.split("x")[0]) for cell in shown.values() if cell != "—"]
        assert figures == sorted(figures) and len(figures) == len(config.tickers) - 1
        assert symbols(app)[-1] == "COHR"
        await pilot.press("S")  # reversed: the dearest first, and still those without last
        await pilot.pause()
        assert symbols(app)[-1] == "COHR"
        assert [float(c.split("x")[0]) for c in column(app).values() if c != "—"] == figures[::-1]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_the_column_fits_at_120_and_at_80_shows_while_it_is_sorted_by(demo, size):
    """At 120 columns the forward P/E is on screen (it lay past the right edge); at 80 it gives
    way (cells.py GIVE_WAY) unless the table is sorted by it."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=size) as pilot:
        await scenes.watchlist(pilot)
        table = app.screen.query_one("#tickers", DataTable)
        await scenes.settled(
            pilot, lambda: table.virtual_size.width <= table.size.width, "the columns fitted"
        )
        header = lines_on_screen(app, "#tickers")[0]
        assert ("Fwd P/E" in header) == (size == (120, 36)), (size, header)
        await pilot.press(*["s"] * [k for k, _ in SORTS].index("forward_pe"))
        column = table.columns[ColumnKey("forward_pe")]
        await scenes.settled(
            pilot,
            lambda: not column.auto_width and column.width > 0,
            "the forward P/E sorted by, kept",
        )
        table.scroll_to(x=table.max_scroll_x, animate=False)  # sideways at 80: Symbol kept
        await pilot.pause()
        header = lines_on_screen(app, "#tickers")[0]
        assert "Fwd P/E ▲" in header and "Symbol" in header, (size, header)
