"""The Position pane's returns, driven by Textual's Pilot on a real database file: ALAB's money
against SOXX on the same days, worked by hand, at 80×24 and 120×36; and a lot without a date
says why there is no return."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.models import Bar, Dividend, QuoteOutcome
from catalyst_tui.store import Store
from tests.thesis.conftest import last_quote

from ....support.demo_data import DEMO_NOW
from ....support.pilot import make_app, open_alab, text_of

TODAY = dt.date(2026, 11, 20)  # DEMO_NOW in New York
BOUGHT = TODAY - dt.timedelta(days=365)


def bar(symbol: str, day: dt.date, close: float) -> Bar:
    return Bar(symbol, day, close, close, close, close, 1000, "test")


def open_store(tmp_path, lot_date: str):
    path = tmp_path / "catalysts.toml"
    path.write_text(f"""[groups.interconnect]
benchmark = "SOXX"
[tickers.ALAB]
name = "Astera Labs"
group = "interconnect"
dividend_tax = "15%"
[[tickers.ALAB.lots]]
shares = 10
cost = 100
{lot_date}
""")
    config = load_config(path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, DEMO_NOW)
    outcomes = []
    for symbol, price, history in (
        ("ALAB", 150.0, [(BOUGHT, 100.0)]),
        ("SOXX", 440.0, [(BOUGHT, 400.0), (TODAY, 440.0)]),
    ):
        quote = last_quote(price, 0.0, None, DEMO_NOW, False, symbol).quote
        bars = [bar(symbol, day, close) for day, close in history]
        outcomes.append(QuoteOutcome(symbol, quote, bars))
    store.market.save_quotes(outcomes, DEMO_NOW)
    return config, store


async def returns_shown(config, store: Store, size: tuple[int, int] = (120, 36)) -> str:
    """The Position pane's returns of ALAB, on one line; the store closed after."""
    app = make_app(config, store)
    try:
        async with app.run_test(size=size) as pilot:
            await open_alab(pilot, app)
            await pilot.press("3")  # the Position pane
            await pilot.pause()
            assert app.screen.query_one("#returns").display
            return " ".join(text_of(app, "#returns").split())
    finally:
        store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_pane_says_what_the_thesis_returned_against_its_index(tmp_path, size):
    config, store = open_store(tmp_path, f"date = {BOUGHT}")
    # half-way, a dividend of 2 a share: 10 × 2 less 15% is 17 received
    paid = BOUGHT + dt.timedelta(days=180)
    store.dividends.save([Dividend("ALAB", paid, 2.0)])
    shown = await returns_shown(config, store, size)
    # 1000 → 1500 and 17 half-way: the rate r with -1000 + 17/(1+r)^(180/365) + 1500/(1+r) = 0,
    # bisected here; SOXX 400 → 440 is +10.0%.
    low, high = 0.0, 1.0
    for _ in range(200):
        r = (low + high) / 2
        npv = -1000 + 17 / (1 + r) ** (180 / 365) + 1500 / (1 + r)
        low, high = (r, high) if npv > 0 else (low, r)
    rate = (low + high) / 2
    assert f"ALAB {rate * 100:+.1f}% a year against SOXX +10.0%" in shown
    points = round(rate * 100, 1) - 10.0  # the difference of the rates as shown
    assert f"the thesis beat the index by {points:.1f} points" in shown
    assert "Dividends received 17.00 USD" in shown


async def test_the_pane_says_the_fees_paid_and_counts_them_in_the_rate(tmp_path):
    """A lot of 10 at 100 with 5 of fees: 1,005 went in, 1,500 is held a year later."""
    config, store = open_store(tmp_path, f"date = {BOUGHT}\nfees = 5")
    shown = await returns_shown(config, store)
    assert "Fees paid 5.00 USD" in shown
    # 1,005 → 1,500 over 365 days: 1500 / 1005 - 1 = +49.3% a year (not the +50.0% of 1,000)
    assert f"ALAB {(1500 / 1005 - 1) * 100:+.1f}% a year against SOXX +10.0%" in shown
    assert "+49.3% a year" in shown


async def test_a_lot_without_a_date_says_why_there_is_no_return(tmp_path):
    config, store = open_store(tmp_path, "")
    shown = await returns_shown(config, store)
    assert "none over its life: a lot without its date: it cannot be placed in time" in shown


async def test_a_position_bought_this_spring_shows_its_return_over_the_span(tmp_path):
    """Bought 10 at 100 on 1 April, 150 today (233 days): +50.0% on the money put in, not put on a
    year; SOXX on the same money 400 (its close of 1 April) → 440, +10.0%."""
    spring = dt.date(2026, 4, 1)
    config, store = open_store(tmp_path, f"date = {spring}")
    store.market.save_quotes([QuoteOutcome("SOXX", None, [bar("SOXX", spring, 400.0)])], DEMO_NOW)
    shown = await returns_shown(config, store)
    assert "ALAB +50.0% on the money put in against SOXX +10.0%" in shown
    assert "this year +50.0% vs +10.0% on the money put in" in shown
    assert "a year" not in shown
