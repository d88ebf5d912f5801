"""The Performance screen (`p` on the watchlist), driven by Textual's Pilot on a real database
file and catalysts.toml (tests/support/returns_data.py): each position's, group's and the
portfolio's yearly rate against its index on the same money, the time-weighted rate, the
dividends and the fees, worked by hand here, at 80×24 and 120×36; `s` changes the span; a
return that cannot be computed says why; the screen follows a change of the data."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from catalyst_tui.market.models import QuoteOutcome
from catalyst_tui.tui.screens.forms import KeysScreen
from catalyst_tui.tui.screens.performance import PerformanceScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from tests.thesis.conftest import last_quote

from ...support.demo_data import DEMO_NOW
from ...support.pilot import make_app, move_to, rows, screen_as, text_of
from ...support.returns_data import YEAR_AGO, portfolio_database

SIZES = [(80, 24), (120, 36)]


def yearly_rate(flows: Sequence[tuple[int, float]]) -> float:
    """The rate r at which Σ amount / (1 + r)^(days / 365) is zero, by bisection (flows by
    their day counted from the first, money put in negative)."""
    low, high = -0.99, 10.0
    for _ in range(300):
        r = (low + high) / 2
        npv = sum(amount / (1 + r) ** (days / 365) for days, amount in flows)
        low, high = (r, high) if npv > 0 else (low, r)
    return (low + high) / 2


def pct(rate: float) -> str:
    return f"{rate * 100:+.1f}%"


def points_between(rate: float, other: float) -> float:
    """The points between two rates as the screen shows them (to a tenth each), by hand: the
    difference adds up on screen (+10.1% against +4.9% is 5.2, not the exact 5.25's 5.3)."""
    return float(pct(rate)[:-1]) - float(pct(other)[:-1])


def versus(name: str, rate: float, index: str, other: float) -> str:
    points = points_between(rate, other)
    verb = "beat" if points > 0 else "trailed"
    return (
        f"{name} {pct(rate)} a year against {index} {pct(other)}: the thesis {verb} the "
        f"index by {abs(points):.1f} points"
    )


# Over each position's life. ALAB: 1005 in (10 × 100 and 5 of fees), 1500 out a year later: a
# two-flow rate, 1500 / 1005 − 1; SOXX on the same money 400 → 440, +10%.
ALAB = 1500 / 1005 - 1
SOXX = 440 / 400 - 1
# MSFT: 6000 in two years ago, 17 of dividend a year ago (20 × 1.00 less 15%), 20 × 363 today;
# SPY on the same money: 12 units at 500 are 6600 at 550, over 730 days.
MSFT = yearly_rate([(0, -6000.0), (365, 17.0), (730, 7260.0)])
SPY = (550 / 500) ** (365 / 730) - 1
# Every flow together; each position's money in its own index.
PORTFOLIO = yearly_rate([(0, -6000.0), (365, -1005.0 + 17.0), (730, 7260.0 + 1500.0)])
PORTFOLIO_INDEX = yearly_rate([(0, -6000.0), (365, -1005.0), (730, 6600.0 + 1005 * 1.1)])
# Time-weighted: 6000 grew to 6600 (MSFT at 330) and paid 17 of dividend by the day ALAB was
# bought: 6617, then 988 more (1005 in, the 17 taken out); 7605 then, 8760 today: chained, on a
# yearly basis over 730 days.
TIME_WEIGHTED = (6617 / 6000 * 8760 / 7605) ** (365 / 730) - 1


async def open_performance(pilot, app) -> PerformanceScreen:
    await pilot.pause()
    assert isinstance(app.screen, WatchlistScreen)
    await pilot.press("p")
    await pilot.pause()
    return screen_as(app, PerformanceScreen)


def row_of(app, key: str) -> list[str]:
    table = app.screen.query_one("#returns-table")
    return [str(cell) for cell in table.get_row(key)]


def said(app, selector: str) -> str:
    return " ".join(text_of(app, selector).split())


@pytest.mark.parametrize("size", SIZES)
async def test_each_line_against_its_index_on_the_same_money(tmp_path, size):
    config, store = portfolio_database(tmp_path)
    app = make_app(config, store)
    try:
        async with app.run_test(size=size) as pilot:
            await open_performance(pilot, app)
            names = [r[0].strip() for r in rows(app, "#returns-table")]
            alab, msft = row_of(app, "ticker:ALAB"), row_of(app, "ticker:MSFT")
            chips, whole = row_of(app, "group:chips"), row_of(app, "portfolio:portfolio")
            summary = said(app, "#performance-summary")
            await move_to(pilot, app, "#returns-table", "ticker:ALAB")
            detail = said(app, "#returns-detail")
    finally:
        store.close()
    assert names == ["Portfolio", "chips", "ALAB", "software", "MSFT"]
    excess = f"{points_between(ALAB, SOXX):+.1f} pts"
    assert alab[1:6] == [pct(ALAB), f"SOXX {pct(SOXX)}", excess, "0.00", "5.00"]
    assert chips[1:6] == alab[1:6]  # one position in the group
    assert msft[1:6] == [
        pct(MSFT),
        f"SPY {pct(SPY)}",
        f"{points_between(MSFT, SPY):+.1f} pts",
        "17.00",
        "0.00",
    ]
    points = points_between(PORTFOLIO, PORTFOLIO_INDEX)
    assert whole[1:6] == [
        pct(PORTFOLIO),
        f"mixed {pct(PORTFOLIO_INDEX)}",
        f"{points:+.1f} pts",
        "17.00",
        "5.00",
    ]
    assert versus("Portfolio", PORTFOLIO, "their indexes", PORTFOLIO_INDEX) in summary
    assert f"Time-weighted {pct(TIME_WEIGHTED)} a year" in summary
    assert "dividends 17.00 USD after tax withheld · fees 5.00 USD" in summary
    assert versus("ALAB", ALAB, "SOXX", SOXX) in detail


async def test_s_shows_the_year_to_date(tmp_path):
    config, store = portfolio_database(tmp_path)
    app = make_app(config, store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_performance(pilot, app)
            await pilot.press("s")
            await pilot.pause()
            assert "since 1 January, on the money put in, USD" in said(app, "#performance-title")
            detail = said(app, "#returns-detail")
            alab, msft = row_of(app, "ticker:ALAB"), row_of(app, "ticker:MSFT")
            await pilot.press("s", "s")  # the last 365 days, then back to the whole life
            await pilot.pause()
            back = screen.span
    finally:
        store.close()
    # Held on 1 January: as if bought then at the close before (ALAB 100, SOXX 400, MSFT 330,
    # SPY 500); worth 150, 440, 363 and 550 today, 323 days later, shorter than a year: the
    # gain on the money put in, not put on a year.
    assert alab[1:6] == [pct(0.5), f"SOXX {pct(0.1)}", "+40.0 pts", "0.00", "0.00"]
    assert msft[1:4] == [pct(0.1), f"SPY {pct(0.1)}", "+0.0 pts"]
    # the portfolio: 6600 + 1000 on 1 January, 7260 + 1500 today; the indexes 6600 + 1000 → 8360
    whole, index = 8760 / 7600 - 1, 8360 / 7600 - 1
    beat = points_between(whole, index)
    assert (
        f"Portfolio {pct(whole)} on the money put in against their indexes {pct(index)}: the "
        f"thesis beat the index by {beat:.1f} points"
    ) in detail
    assert back == "life"


async def test_a_return_that_cannot_be_computed_says_why(tmp_path):
    undated = f"""[tickers.ALAB]
name = "Astera Labs"
group = "chips"
[[tickers.ALAB.lots]]
shares = 10
cost = 100
[[tickers.ALAB.lots]]
shares = 5
cost = 120
date = {YEAR_AGO}
"""
    config, store = portfolio_database(tmp_path, undated)
    app = make_app(config, store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_performance(pilot, app)
            alab = row_of(app, "ticker:ALAB")
            summary = said(app, "#performance-summary")
            await move_to(pilot, app, "#returns-table", "ticker:ALAB")
            detail = said(app, "#returns-detail")
    finally:
        store.close()
    why = "a lot without its date: it cannot be placed in time"
    assert alab[1] == "—" and alab[3] == "—"
    assert f"Portfolio: no return since each first lot: {why}" in summary
    assert f"ALAB: no return since each first lot: {why}" in detail


async def test_the_screen_follows_new_prices_and_opens_a_ticker(tmp_path):
    config, store = portfolio_database(tmp_path)
    app = make_app(config, store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_performance(pilot, app)
            quote = last_quote(201.0, 0.0, None, DEMO_NOW, False, "ALAB").quote
            store.market.save_quotes([QuoteOutcome("ALAB", quote)], DEMO_NOW)
            app.refresh_views()  # what a refresh, an edit or another process's write calls
            await pilot.pause()
            alab = row_of(app, "ticker:ALAB")
            await move_to(pilot, app, "#returns-table", "ticker:ALAB")
            await pilot.press("enter")
            await pilot.pause()
            opened = screen_as(app, TickerScreen).symbol
    finally:
        store.close()
    assert alab[1] == pct(2010 / 1005 - 1)  # 10 × 201 a year after 1005: +100.0%
    assert opened == "ALAB"


async def test_the_watchlist_keys_and_the_palette_offer_it(tmp_path):
    config, store = portfolio_database(tmp_path)
    app = make_app(config, store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            footer_keys = {k for k, b in app.screen.active_bindings.items() if b.binding.show}
            await pilot.press("question_mark")
            await pilot.pause()
            listed = dict(screen_as(app, KeysScreen).rows)
            await pilot.press("escape")
            await pilot.pause()
            offered = [c.title for c in app.get_system_commands(app.screen)]
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"Performance")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.3)
            reached = isinstance(app.screen, PerformanceScreen)
            titles = [c.title for c in app.get_system_commands(app.screen)]
    finally:
        store.close()
    assert listed.get("p") == "Performance"
    assert "p" not in footer_keys  # the watchlist's footer stays as it was
    assert "Performance" in offered and reached
    assert "Span" in titles


async def test_without_lots_it_says_there_is_nothing_to_measure(tmp_path):
    config, store = portfolio_database(tmp_path, '[tickers.ALAB]\nname = "Astera Labs"\n')
    app = make_app(config, store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_performance(pilot, app)
            summary = said(app, "#performance-summary")
            count = len(rows(app, "#returns-table"))
    finally:
        store.close()
    assert "No lots: nothing to measure" in summary and count == 0
