"""What the TUI remembers between runs (the sort, its direction and the theme), sorting by a
header click and in reverse, a double click opening a row, and the symbol column kept in view."""

from __future__ import annotations

import json

from textual.widgets import DataTable, Static

from catalyst_tui.prefs import Prefs, load, save
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from catalyst_tui.views.watchlist import SORTS

from ...support.demo_data import DEMO_NOW
from ...support.pilot import ZONE, row_keys, screen_as


def app_with(config, store, prefs_path) -> CatalystApp:
    workspace = Workspace(config, store, clock=lambda: DEMO_NOW, zone=ZONE, prefs_path=prefs_path)
    return CatalystApp(workspace, live=False, watch_file=False)


def order(app: CatalystApp) -> list[str]:
    table = app.screen.query_one("#tickers", DataTable)
    return row_keys(table)


async def test_sort_direction_and_theme_are_there_at_the_next_start(demo, tmp_path):
    config, store = demo
    path = tmp_path / "state" / "tui.json"
    app = app_with(config, store, path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("s", "s", "s")  # symbol, day change, P&L %
        await pilot.press("S")  # reversed
        await pilot.pause()
        shown = order(app)
        app.theme = "nord"
        await pilot.pause()
        await pilot.press("q")
    saved = json.loads(path.read_text())
    assert {k: saved[k] for k in ("sort", "reverse", "theme")} == {
        "sort": "pnl",
        "reverse": True,
        "theme": "nord",
    }
    assert path.stat().st_mode & 0o777 == 0o600
    # P&L % reversed: the smallest gain first, by the rows' own figures; no position last.
    app = app_with(config, store, path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert order(app) == shown
        data = screen_as(app, WatchlistScreen).data
        assert data is not None
        rows = {r.symbol: r for r in data.rows}
        held = [s for s in shown if rows[s].pnl_pct is not None]
        pnl = [pct for s in held if (pct := rows[s].pnl_pct) is not None]
        assert pnl == sorted(pnl)
        assert shown[: len(held)] == held  # the rows without a P&L after them
        assert "by P&L %, reversed" in str(app.screen.query_one("#status-line", Static).content)


async def test_a_header_click_sorts_by_that_column_and_a_second_reverses_it(demo):
    config, store = demo
    app = app_with(config, store, None)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.click("#tickers", offset=(2, 0))  # the Symbol header
        await pilot.pause()
        assert order(app) == sorted(order(app))
        await pilot.click("#tickers", offset=(2, 0))
        await pilot.pause()
        assert order(app) == sorted(order(app), reverse=True)


async def test_a_double_click_on_a_row_opens_it(demo):
    config, store = demo
    app = app_with(config, store, None)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        second = order(app)[1]
        await pilot.click("#tickers", offset=(2, 2), times=2)  # the second row
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen) and app.screen.symbol == second


async def test_the_symbol_stays_in_view_when_the_table_scrolls_sideways(demo):
    config, store = demo
    app = app_with(config, store, None)
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#tickers", DataTable)
        # sorted by the forward P/E, kept whole (it gives way otherwise): wider than 40 columns,
        # once every column that may give way has (at 80, and 60, they all fit now)
        await pilot.press(*["s"] * [key for key, _ in SORTS].index("forward_pe"))
        await pilot.pause()
        table.scroll_to(x=table.max_scroll_x, animate=False, immediate=True)
        await pilot.pause()
        assert table.scroll_x > 0
        first_line = app.export_screenshot()
        assert table.fixed_columns == 1
        assert order(app)[0] in first_line


def test_a_broken_or_foreign_preferences_file_is_the_defaults(tmp_path):
    path = tmp_path / "tui.json"
    for text in ("{not json", "[1, 2]", '{"sort": 5, "reverse": "yes", "theme": null}', "\x00"):
        path.write_text(text)
        assert load(path) == Prefs()
    path.write_bytes(b" " * 70_000 + b"{}")  # more than a preferences file holds
    assert load(path) == Prefs()
    save(tmp_path / "new" / "tui.json", Prefs("due", True, "dracula"))
    assert load(tmp_path / "new" / "tui.json") == Prefs("due", True, "dracula")
