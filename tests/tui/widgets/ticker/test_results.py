"""The Results pane and the watchlist's mark, driven by Textual's Pilot on real database files:
ALAB's demo releases (each a beat, confirmed by XBRL), and a release whose quarter missed its
guide and whose 10-Q said otherwise: the miss red, the differing figure yellow beside XBRL's."""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from catalyst_tui.config import load_config
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.palette import ink

from ....support.pilot import ZONE, make_app, open_alab, rows, text_of
from ....support.releases import AlabQuarter, alab_companyfacts, store_alab_releases


def style_of(app: CatalystApp, row: int, column: str) -> str:
    table = app.screen.query_one("#results-table", DataTable)
    return str(table.get_row_at(row)[list(table.columns).index(ColumnKey(column))].style)


async def test_alabs_releases_each_beat_its_guide_and_are_confirmed(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("6")
        await pilot.pause()
        shown = rows(app, "#results-table")
        assert [r[:3] for r in shown] == [
            ["Q3 FY26", "$415M", "+6.4% beat"],
            ["Q2 FY26", "$362M", "+0.6% beat"],
            ["Q1 FY26", "$308.4M", "—"],
        ]
        assert [r[7] for r in shown] == ["✓ confirmed"] * 3
        assert style_of(app, 0, "vs guide") == ink().good
        detail = text_of(app, "#results-detail")
        assert "Guided $385–395M (midpoint $390M); revenue $415M: +6.4% beat" in detail
        assert "Next quarter guided $440–450M" in detail
        assert "alab-ex991-q3fy26.htm" in detail
        await pilot.press("down")
        await pilot.pause()
        assert "Guided $355–365M (midpoint $360M); revenue $362M" in text_of(app, "#results-detail")


Q2 = AlabQuarter(dt.date(2026, 6, 30), 362_000_000, 96_292_000, 188_240_000, 82_250_000, 0.47, 0.55)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 380_000_000, 110_000_000, 200_000_000, 80_000_000, 0.45, 0.53
)


async def test_a_miss_is_red_and_a_figure_xbrl_says_otherwise_is_yellow(tmp_path):
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    config = load_config(config_path)
    now = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, now)
    store_alab_releases(
        store,
        [(Q2, (385e6, 395e6), dt.date(2026, 8, 4)), (Q3, (400e6, 410e6), dt.date(2026, 11, 3))],
        now,
    )
    filed = dataclasses.replace(Q3, revenue=381_000_000, cost_of_revenue=111_000_000)
    facts = alab_companyfacts(
        [Q2, filed], {Q2.end: dt.date(2026, 8, 5), Q3.end: dt.date(2026, 11, 4)}
    )
    store.market.save_facts("ALAB", derive_facts(facts), now)
    app = CatalystApp(
        Workspace(config, store, clock=lambda: now, zone=ZONE), live=False, watch_file=False
    )
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("6")
            await pilot.pause()
            q3 = rows(app, "#results-table")[0]
            # the 10-Q's $381.0M against the $390M midpoint the June release guided
            assert q3[2] == "-2.3% miss" and style_of(app, 0, "vs guide") == ink().alarm
            assert q3[7] == "≠ 1 differ" and style_of(app, 0, "XBRL") == ink().warning
            detail = text_of(app, "#results-detail")
            revenue = next(line for line in detail.splitlines() if line.startswith("Revenue"))
            assert revenue.split() == ["Revenue", "$380M", "$381M"]
    finally:
        store.close()


def test_a_quarter_on_the_guides_midpoint_reads_in_line_not_beat():
    """$415M against a $415M midpoint was shown '+0.0% beat'; within half a tenth of a percent
    it is in line, either way; beyond it a beat or a miss as before."""
    from catalyst_tui.tui.widgets.ticker.results import versus

    assert versus(0.0).plain == versus(0.0004).plain == versus(-0.0004).plain == "0.0% in line"
    assert versus(0.0006).plain == "+0.1% beat" and versus(-0.0006).plain == "-0.1% miss"
    assert versus(None).plain == "—"


def test_the_watchlists_mark_of_a_quarter_on_the_midpoint_is_neither_up_nor_down():
    from catalyst_tui.tui.widgets.watchlist.cells import release_mark

    assert release_mark(0.0002).plain == "= 0.0%"
    assert release_mark(0.057).plain == "▲ +5.7%" and release_mark(-0.021).plain == "▼ -2.1%"
