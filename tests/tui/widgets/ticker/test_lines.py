"""The Lines pane, driven by Textual's Pilot on a real database file: a filing's lines with their
share and change, the largest marked, a label from the filing that tries to command the terminal
shown as plain text; a company whose filings state no lines says so."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.config import load_config
from catalyst_tui.reading.xbrl.records import AxisRevenue, Line, Segments
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp

from ....support.pilot import ZONE, open_alab, rows, text_of

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
PRODUCT = "srt:ProductOrServiceAxis"
HOSTILE = "Leo\x1b]52;c;cHduZWQ=\x07\x1b[2J"


def app_on(tmp_path, *lines: Line) -> CatalystApp:
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    config = load_config(config_path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW)
    end = dt.date(2026, 9, 30)
    split = Segments(
        end,
        dt.date(2026, 7, 1),
        "10-Q",
        "USD",
        400_000_000,
        (AxisRevenue(PRODUCT, lines),) if lines else (),
        None,
    )
    store.segments.save("ALAB", "0001736297-26-000002", dt.date(2026, 11, 5), split, NOW)
    return CatalystApp(
        Workspace(config, store, clock=lambda: NOW, zone=ZONE), live=False, watch_file=False
    )


async def test_the_pane_shows_each_line_and_marks_the_largest(tmp_path):
    app = app_on(
        tmp_path,
        Line("alab:AriesMember", "Aries", 150_000_000),
        Line("alab:ScorpioMember", "Scorpio", 220_000_000),
        Line("alab:LeoMember", HOSTILE, 30_000_000),
    )
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("8")
            await pilot.pause()
            assert "quarter ended 2026-09-30  (10-Q filed 2026-11-05)  revenue $400M" in text_of(
                app, "#lines-title"
            )
            shown = rows(app, "#lines-table")
            # 220 / 400 = 55.0%, 150 / 400 = 37.5%, 30 / 400 = 7.5%; no year-earlier filing
            assert [r[:5] for r in shown] == [
                ["Scorpio", "$220M", "55.0%", "—", "◀ largest"],
                ["Aries", "$150M", "37.5%", "—", ""],
                [shown[2][0], "$30M", "7.5%", "—", ""],
            ]
            assert shown[2][0].startswith("Leo") and "\x1b" not in shown[2][0]
            assert "\x07" not in shown[2][0]
    finally:
        app.workspace.store.close()


async def test_a_company_whose_filings_state_no_lines_says_so(tmp_path):
    app = app_on(tmp_path)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("8")
            await pilot.pause()
            assert "ALAB's filings state no revenue by product line" in text_of(app, "#lines-title")
            assert rows(app, "#lines-table") == []
    finally:
        app.workspace.store.close()
