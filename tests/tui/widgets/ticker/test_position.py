"""The Position pane says the currency of every amount: a London listing quoted in pence against
a portfolio kept in euros shows each lot's cost a share in GBp, its basis and value in GBP and
its basis, value and P&L in EUR (in a portfolio kept in pounds, once); a US listing's lots are in
USD above a realized figure in EUR; the title keeps GBp. The figures are checked against the
arithmetic written here from the lots, the quotes and the rates stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable

from catalyst_tui.config import load_config
from catalyst_tui.market.models import FxRate, Quote, QuoteOutcome
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.ticker import TickerScreen

from ....support.pilot import move_to, rows, screen_as, text_of

NOW = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC)
THESIS = """\
[settings]
currency = "EUR"

[tickers."VOD.L"]
name = "Vodafone"
[[tickers."VOD.L".lots]]
shares = 1000
cost = 70.5
date = 2026-03-02
[[tickers."VOD.L".lots]]
shares = 200
cost = 80
date = 2026-06-01
fx = 1.19

[tickers.AAPL]
name = "Apple"
[[tickers.AAPL.lots]]
shares = 10
cost = 150
date = 2026-01-05
[[tickers.AAPL.sells]]
shares = 4
price = 200
date = 2026-09-01
"""
VOD, AAPL = 77.5, 210.0  # GBp, USD
GBP_EUR, USD_EUR, USD_EUR_SALE = 1.16, 0.86, 0.90


def quote(symbol: str, price: float, currency: str) -> Quote:
    return Quote(symbol, price, price, 0.0, 0.0, currency, "CLOSED", NOW, "yahoo")


@pytest.fixture
def workspace(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    config = load_config(path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW - dt.timedelta(days=60))
    store.market.save_quotes(
        [
            QuoteOutcome("VOD.L", quote("VOD.L", VOD, "GBp")),
            QuoteOutcome("AAPL", quote("AAPL", AAPL, "USD")),
        ],
        NOW,
    )
    store.fx.save(
        [
            FxRate("GBP", "EUR", NOW.date(), GBP_EUR, "ecb"),
            FxRate("USD", "EUR", dt.date(2026, 9, 1), USD_EUR_SALE, "ecb"),
            FxRate("USD", "EUR", NOW.date(), USD_EUR, "ecb"),
        ],
        NOW,
    )
    yield Workspace(config, store, clock=lambda: NOW, zone=dt.UTC)
    store.close()


def money(value: float) -> str:
    return f"{value:,.2f}"


async def test_a_pence_listing_shows_its_lots_in_gbp_and_in_the_base_currency(workspace):
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await move_to(pilot, app, "#tickers", "VOD.L")
        await pilot.press("enter", "3")
        await pilot.pause()
        screen = screen_as(app, TickerScreen)
        title = text_of(app, "#ticker-title")
        assert f"{VOD:.2f} GBp" in title
        headers = [str(c.label) for c in screen.query_one("#lot-table", DataTable).columns.values()]
        # the cost a share in pence, as the quote; amounts of money in pounds (they read
        # 70,500.00 GBp)
        assert headers == [
            "Date",
            "Shares",
            "Cost GBp",
            "Basis GBP",
            "Value GBP",
            "Basis EUR",
            "Value EUR",
            "P&L EUR",
            "Note",
        ]
        first, second = rows(app, "#lot-table")
        # 1,000 at 70.5p: £705 cost, £775 worth; in euros at 1.16 per pound.
        assert first[2:8] == [
            money(70.5),
            money(705),
            money(775),
            money(70_500 / 100 * GBP_EUR),
            money(77_500 / 100 * GBP_EUR),
            f"{(77_500 - 70_500) / 100 * GBP_EUR:+,.2f}",
        ]
        # The second lot was paid at its own rate (1.19 EUR per GBP): its cost stays at that.
        assert second[5] == money(200 * 80 / 100 * 1.19)
        assert second[6] == money(200 * VOD / 100 * GBP_EUR)


async def test_a_dollar_listing_says_usd_above_the_realized_figure_in_euros(workspace):
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await move_to(pilot, app, "#tickers", "AAPL")
        await pilot.press("enter", "3")
        await pilot.pause()
        screen = screen_as(app, TickerScreen)
        assert "GBp" not in text_of(app, "#ticker-title")
        headers = [str(c.label) for c in screen.query_one("#lot-table", DataTable).columns.values()]
        assert headers[2:8] == [
            "Cost USD",
            "Basis USD",
            "Value USD",
            "Basis EUR",
            "Value EUR",
            "P&L EUR",
        ]
        [lot] = rows(app, "#lot-table")
        assert lot[1] == "6 of 10"
        assert lot[3:5] == [money(6 * 150), money(6 * AAPL)]
        assert lot[5:7] == [money(6 * 150 * USD_EUR), money(6 * AAPL * USD_EUR)]
        sales = text_of(app, "#sales")
        assert "4 at 200.00 USD" in sales
        realized = 4 * (200 - 150) * USD_EUR_SALE  # at the rate of the sale's day
        assert f"Realized (first-in first-out) {realized:+,.2f} EUR" in sales


async def test_in_a_portfolio_kept_in_pounds_a_pence_listings_money_is_said_once(tmp_path):
    """Base GBP, a listing quoted in GBp: the basis, value and P&L in pounds, once (the base
    currency's columns would repeat the listing's); the cost a share stays in pence."""
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS.replace('currency = "EUR"', 'currency = "GBP"'))
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=60))
        store.market.save_quotes([QuoteOutcome("VOD.L", quote("VOD.L", VOD, "GBp"))], NOW)
        app = CatalystApp(
            Workspace(config, store, clock=lambda: NOW, zone=dt.UTC), live=False, watch_file=False
        )
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            await move_to(pilot, app, "#tickers", "VOD.L")
            await pilot.press("enter", "3")
            await pilot.pause()
            table = app.screen.query_one("#lot-table", DataTable)
            headers = [str(c.label) for c in table.columns.values()]
            assert headers == [
                "Date",
                "Shares",
                "Cost GBp",
                "Basis GBP",
                "Value GBP",
                "P&L GBP",
                "Note",
            ]
            first = rows(app, "#lot-table")[0]
            # 1,000 at 70.5p, now 77.5p: £705 cost, £775 worth, £70 gained
            assert first[2:6] == [money(70.5), money(705), money(775), "+70.00"]
