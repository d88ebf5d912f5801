"""The watchlist's header (tui/widgets/watchlist/header.py) in a real Textual app on the demo's
real database: the portfolio's totals, and a refresh's progress in its cell."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.app import App, ComposeResult

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import Quote, QuoteOutcome
from catalyst_tui.store import Store
from catalyst_tui.tui.widgets.watchlist.header import WatchlistHeader
from catalyst_tui.views.watchlist import load_watchlist

from ....support.demo_data import DEMO_NOW
from ....support.pilot import text_of


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield WatchlistHeader(lambda: DEMO_NOW, id="header")


async def test_the_header_says_the_portfolios_value_and_a_refreshs_progress(workspace):
    data = workspace.watchlist()
    held = [r for r in data.rows if r.shares and r.value is not None]
    assert held
    app = Host()
    async with app.run_test(size=(120, 6)) as pilot:
        header = app.query_one(WatchlistHeader)
        header.show(data, data.totals())
        await pilot.pause()
        summary = " ".join(text_of(app, "#summary").split())  # type: ignore[arg-type]
        # the sum of the positions' values, by hand
        assert summary.startswith(f"Portfolio USD {sum(r.value or 0.0 for r in held):,.2f} ")
        header.show_progress(47, 100)
        await pilot.pause()
        assert " ".join(text_of(app, "#progress").split()).endswith("47%")  # type: ignore[arg-type]
        assert summary != " ".join(text_of(app, "#summary").split())  # type: ignore[arg-type]
        header.hide_progress()
        await pilot.pause()
        assert text_of(app, "#progress").strip() == ""  # type: ignore[arg-type]


BOOK = """
[tickers.ALAB]
lots = [{ shares = 10, cost = 100, date = 2026-01-05 }]
[[tickers.ALAB.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 250"

[tickers.CRDO]
lots = [{ shares = 30, cost = 50, date = 2026-01-05 }]
[[tickers.CRDO.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 50"

[tickers.MU]
"""


async def test_the_portfolio_line_says_the_book_at_risk_as_review_does(tmp_path):
    """ALAB 10 x 200 = 2,000 at risk (its floor missed), CRDO 30 x 100 = 3,000 proven: 40% of
    5,000 is at risk; without CRDO's price the share is not known."""
    config = parse_config(BOOK)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now=DEMO_NOW)
        for symbol, price in (("ALAB", 200.0), ("CRDO", 100.0)):
            quote = Quote(symbol, price, None, None, None, "USD", None, DEMO_NOW, "test")
            store.market.save_quotes([QuoteOutcome(symbol, quote=quote)], DEMO_NOW)
        store.checkpoints.mark("ALAB", "floor", "missed", "below 250", DEMO_NOW)
        store.checkpoints.mark("CRDO", "floor", "met", "", DEMO_NOW)
        data = load_watchlist(store, DEMO_NOW.date())
        assert data.book_at_risk() == pytest.approx(0.40)
        app = Host()
        async with app.run_test(size=(120, 6)) as pilot:
            header = app.query_one(WatchlistHeader)
            header.show(data, data.totals("nothing"))  # a tab's totals: the book is the whole's
            await pilot.pause()
            assert "Book at risk 40.0%" in text_of(app, "#summary")  # type: ignore[arg-type]
            unpriced = replace(data, rows=[r._replace(value=None) for r in data.rows])
            header.show(unpriced, unpriced.totals())
            await pilot.pause()
            assert "Book at risk —" in text_of(app, "#summary")  # type: ignore[arg-type]
            nothing_held = replace(data, rows=[r._replace(shares=None) for r in data.rows])
            header.show(nothing_held, nothing_held.totals())
            await pilot.pause()
            assert "Book at risk" not in text_of(app, "#summary")  # type: ignore[arg-type]


async def test_the_days_change_reads_as_money_beside_its_percentage(workspace):
    """A user read "Day +161.30" as neither a percentage nor money: the day's change is said
    as the P&L is, an amount in the portfolio's currency (named at the head) and its share of
    what the positions were worth at the previous close, each computed by hand from the rows."""
    data = workspace.watchlist()
    held = [r for r in data.rows if r.shares and r.value is not None]
    day = sum(r.day_pnl or 0.0 for r in held)
    before = sum(r.value or 0.0 for r in held) - day
    app = Host()
    async with app.run_test(size=(120, 6)) as pilot:
        app.query_one(WatchlistHeader).show(data, data.totals())
        await pilot.pause()
        summary = " ".join(text_of(app, "#summary").split())  # type: ignore[arg-type]
    assert f" Day {day:+,.2f} ({day / before * 100:+.1f}%) " in summary
    assert summary.startswith("Portfolio USD ")
