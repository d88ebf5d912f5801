"""The 1D and 5D charts in the TUI (Pilot), fed by the loopback market: fetched when shown
through the views and a job (never HTTP in the TUI), their points the bars' closes under the
session's times, kept (not asked again) within a bar's length, and an answer with no bars said."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from textual.widgets import Tabs

from catalyst_tui.config import load_config
from catalyst_tui.demo import demo_config_text
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.widgets.chart import PriceChart

from ....support.demo_data import BUNDLED_CONFIG, DEMO_NOW, seed_demo
from ....support.market_server import MarketServer, intraday_closes, realdata_body
from ....support.pilot import ZONE, lines_on_screen, make_app

WEEKEND = "chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json"


@pytest.fixture
def market():
    with MarketServer() as server:
        server.now = lambda: DEMO_NOW  # type: ignore[method-assign]
        yield server


@pytest.fixture
def loopback_demo(tmp_path: Path, market: MarketServer):
    """The demo database on a copy of the bundled thesis whose providers are the loopback
    market (every URL: a test reaches nothing else)."""
    path = tmp_path / "catalysts.toml"
    path.write_text(demo_config_text(BUNDLED_CONFIG.read_text(), market.url))
    config = load_config(path, use_cache=False)
    store = Store.open(tmp_path / "demo.db")
    seed_demo(store, config)
    yield config, store
    store.close()


def intraday_requests(market: MarketServer) -> list[str]:
    return [
        r.query["interval"][0]
        for r in market.requests_for("yahoo", "chart", "ALAB")
        if r.query.get("interval", ["1d"])[0] != "1d"
    ]


async def show_range(pilot, app, name: str) -> TickerScreen:
    await pilot.press("enter", "2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, TickerScreen)
    while screen.chart.range_name != name:
        await pilot.press("left_square_bracket")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_1d_draws_the_session_s_5_minute_closes_under_their_times(loopback_demo, market):
    config, store = loopback_demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await show_range(pilot, app, "1D")
        assert screen.query_one("#ranges", Tabs).active == "range-1D"
        chart = screen.query_one("#price-chart", PriceChart)
        answered = intraday_closes(market, "ALAB", DEMO_NOW.date(), 5)
        assert len(answered) == 78  # the whole session: DEMO_NOW is after the close
        assert [close for _, close in chart.points] == [c for c in answered if c is not None]
        stored = store.intraday.chart("ALAB", "1D", DEMO_NOW)
        assert stored is not None
        assert [b.close for b in stored.chart.bars] == [close for _, close in chart.points]
        lines = lines_on_screen(app, "#price-chart")
        assert lines[0].startswith("ALAB 1D") and "session 09:30–16:00 New York" in lines[0]
        # the day's change: from the close before the session (the chart's own meta), by hand
        before = market.close("ALAB", dt.date(2026, 11, 19))
        last = chart.points[-1][1]
        arrow = "▲" if last >= before else "▼"
        assert f"{last:,.2f} {arrow} {abs(last / before - 1) * 100:.1f}%" in lines[0]
        assert lines[-1].strip().startswith("09:30") and lines[-1].rstrip().endswith("15:55")
        asked = intraday_requests(market)
        assert asked == ["15m", "5m"]  # 5D on the way to 1D, each once
        # shown again within a bar's length (the clock is frozen): the stored bars, no request
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert intraday_requests(market) == asked
        assert screen.chart.range_name == "1D" and len(chart.points) == 77


async def test_5d_draws_five_sessions_under_weekdays(loopback_demo, market):
    config, store = loopback_demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await show_range(pilot, app, "5D")
        chart = app.screen.query_one("#price-chart", PriceChart)
        assert len(chart.points) == 5 * 25  # 26 quarter-hour bars a session, one null each
        dates = lines_on_screen(app, "#price-chart")[-1]
        assert dates.strip().startswith("Mon 09:30") and dates.rstrip().endswith("Fri 15:45")


async def test_no_bars_says_so(loopback_demo, market):
    market.intraday_body = json.dumps(realdata_body("yahoo_chart", WEEKEND))
    config, store = loopback_demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await show_range(pilot, app, "1D")
        chart = app.screen.query_one("#price-chart", PriceChart)
        assert chart.points == []
        shown = "\n".join(lines_on_screen(app, "#price-chart"))
        assert "no 5-minute bars: ALAB has not traded in its last session" in shown


async def test_a_failed_fetch_says_why(loopback_demo, market):
    market.inject("http500", provider="yahoo", endpoint="chart")
    config, store = loopback_demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await show_range(pilot, app, "1D")
        shown = " ".join(lines_on_screen(app, "#price-chart"))
        assert "no intraday bars:" in shown and "500" in shown


# What a chart error could carry to the terminal: a window title (OSC 2), the clipboard (OSC 52),
# a hyperlink (OSC 8, ended by ST), and CSI sequences that clear the screen and colour the rest.
HOSTILE = (
    "\x1b]2;PWNED\x07 \x1b]52;c;cm0gLXJmIH4K\x07 \x1b]8;;https://evil.example/\x1b\\click"
    "\x1b]8;;\x1b\\ \x1b[2J\x1b[31m \x9b2J"
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


async def test_a_chart_error_never_commands_the_terminal(tmp_path, market):
    """Yahoo's chart error, shown as the empty chart's text (1D, never fetched) and in the note
    beside bars fetched before (5D, due again): it carried OSC 2, 52 and 8 and CSI to the
    terminal; it is drawn as its words only."""
    path = tmp_path / "catalysts.toml"
    path.write_text(demo_config_text(BUNDLED_CONFIG.read_text(), market.url))
    config = load_config(path, use_cache=False)
    now = [DEMO_NOW]
    with Store.open(tmp_path / "demo.db") as store:
        seed_demo(store, config)
        workspace = Workspace(config, store, clock=lambda: now[0], zone=ZONE)
        app = CatalystApp(workspace, live=False, watch_file=False)
        async with app.run_test(size=(160, 36)) as pilot:
            screen = await show_range(pilot, app, "5D")  # fetched: bars to show later
            chart = screen.query_one("#price-chart", PriceChart)
            assert chart.points
            description = f"boom {HOSTILE} end"
            market.intraday_body = json.dumps(
                {"chart": {"result": None, "error": {"code": "Bad", "description": description}}}
            )
            now[0] = DEMO_NOW + dt.timedelta(hours=1)  # 5D is due again
            drawn = {}
            for name, key in (("1D", "left_square_bracket"), ("5D", "right_square_bracket")):
                await pilot.press(key)
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert screen.chart.range_name == name
                drawn[name] = "\n".join(lines_on_screen(app, "#price-chart"))
                for text in (drawn[name], chart.note, chart.empty_text, app.export_screenshot()):
                    assert not CONTROL.search(text), (name, text)
                    assert "PWNED" not in text and "]52;" not in text and "]8;" not in text
        assert "no intraday bars: yahoo ALAB: Bad: boom" in " ".join(drawn["1D"].split())
        assert "click" in drawn["1D"] and "end" in drawn["1D"]
        first_line = drawn["5D"].splitlines()[0]
        assert "session 09:30–16:00 New York" in first_line and "Bad: boom" in first_line
