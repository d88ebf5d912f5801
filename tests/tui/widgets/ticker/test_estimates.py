"""The Estimates pane, driven by Textual's Pilot on a real database file: the consensus by period
with its 90-day trend and revisions, the forward P/E and the revision on its title line, the
surprises, and a release against the consensus frozen before it; and a ticker with none."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, TabbedContent
from textual.widgets.data_table import ColumnKey

from catalyst_tui.config import load_config
from catalyst_tui.market.estimates import Consensus, Estimates, Range, Surprise
from catalyst_tui.market.models import EarningsDate, Quote, QuoteOutcome
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.palette import ink
from catalyst_tui.tui.widgets.ticker.panes import PANES

from ....support.pilot import ZONE, lines_on_screen, open_alab, rows, text_of
from ....support.releases import AlabQuarter, store_alab_releases

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
BEFORE = dt.datetime(2026, 11, 2, 14, tzinfo=dt.UTC)
REPORT = dt.date(2026, 11, 3)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
)
FROZEN_Q = Consensus("0q", Q3.end, Range(0.58, 0.55, 0.62, 12), Range(405e6, 400e6, 411e6, 11))
QUARTER = Consensus(
    "0q",
    dt.date(2026, 12, 31),
    Range(0.66, 0.6, 0.7, 12),
    Range(446e6, 440e6, 455e6, 11),
    (0.66, 0.66, 0.64, 0.62, 0.60),
    1,
    5,
    0,
    0,
)
YEAR = Consensus(
    "0y",
    dt.date(2026, 12, 31),
    Range(2.10, 2.0, 2.3, 14),
    Range(1.6e9, 1.55e9, 1.7e9, 13),
    (2.10, 2.08, 2.00, 1.95, 1.90),
    3,
    8,
    0,
    1,
)
NEXT = Consensus(
    "+1y",
    dt.date(2027, 12, 31),
    Range(2.9, 2.5, 3.4, 13),
    Range(2.3e9),
    (2.9, 2.95, 3.0, 3.0, 3.1),
    0,
    1,
    1,
    4,
)
HISTORY = (Surprise(dt.date(2026, 6, 30), 0.55, 0.50, 0.1), Surprise(Q3.end, 0.61, 0.58, 0.0517))


def app_on(tmp_path, *, estimates: bool) -> CatalystApp:
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    config = load_config(config_path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW)
    quote = Quote("ALAB", 168.0, 165.0, 3.0, 0.018, "USD", None, NOW, "yahoo")
    store.market.save_quotes([QuoteOutcome("ALAB", quote)], NOW)
    if estimates:
        day = EarningsDate("ALAB", REPORT, "yahoo", False)
        store.estimates.save("ALAB", Estimates("ALAB", "yahoo", day, None, (FROZEN_Q,)), BEFORE)
        later = EarningsDate("ALAB", dt.date(2027, 2, 9), "yahoo", True)
        store.estimates.save(
            "ALAB", Estimates("ALAB", "yahoo", later, None, (QUARTER, YEAR, NEXT), HISTORY), NOW
        )
        store_alab_releases(store, [(Q3, (440e6, 450e6), REPORT)], NOW)
    return CatalystApp(
        Workspace(config, store, clock=lambda: NOW, zone=ZONE), live=False, watch_file=False
    )


def style_of(app: CatalystApp, row: int, column: str) -> str:
    table = app.screen.query_one("#estimates-table", DataTable)
    cell = table.get_row_at(row)[list(table.columns).index(ColumnKey(column))]
    return " ".join(str(span.style) for span in getattr(cell, "spans", ()))


async def test_the_pane_shows_the_consensus_its_trend_and_the_release_against_it(tmp_path):
    app = app_on(tmp_path, estimates=True)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("7")
            await pilot.pause()
            title = text_of(app, "#estimates-title")
            # 168 / 2.10 = 80.0; (2.10 - 2.00) / 2.00 = +5.0%
            assert "forward P/E 80.0x   FY EPS 30 days: +5.0%   as of 2026-11-20 (yahoo)" in title
            shown = rows(app, "#estimates-table")
            assert shown == [
                [
                    "this quarter",
                    "2026-12-31",
                    "0.66",
                    "0.60–0.70",
                    "12",
                    "$446M",
                    "$440–455M",
                    "0.60 0.62 0.64 0.66 0.66 ▲",
                    "5 ▲ 0 ▼",
                ],
                [
                    "this fiscal year",
                    "2026-12-31",
                    "2.10",
                    "2.00–2.30",
                    "14",
                    "$1.6B",
                    "$1.55–1.7B",
                    "1.90 1.95 2.00 2.08 2.10 ▲",
                    "8 ▲ 1 ▼",
                ],
                [
                    "next fiscal year",
                    "2027-12-31",
                    "2.90",
                    "2.50–3.40",
                    "13",
                    "$2.3B",
                    "—",
                    "3.10 3.00 3.00 2.95 2.90 ▼",
                    "1 ▲ 4 ▼",
                ],
            ]
            assert ink().good in style_of(app, 0, "EPS 90d → now")
            assert ink().alarm in style_of(app, 2, "EPS 90d → now")
            below = text_of(app, "#estimates-detail")
            lines = [" ".join(line.split()) for line in below.splitlines()]
            # the surprises, newest first, as the provider said them
            assert lines[2:4] == [
                "2026-09-30 0.61 0.58 +5.2% beat",
                "2026-06-30 0.55 0.50 +10.0% beat",
            ]
            # the release: $412.3M against the $405M frozen on 2026-11-02, 0.61 against 0.58
            assert "2026-09-30 $412.3M $405M +1.8% beat 0.61 0.58 +5.2% beat" in lines
    finally:
        app.workspace.store.close()


async def test_the_results_pane_shows_each_release_against_the_street(tmp_path):
    app = app_on(tmp_path, estimates=True)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("6")
            await pilot.pause()
            (q3,) = rows(app, "#results-table")
            # $412.3M: no release before it guided it; against the Street's $405M, +1.8%
            assert q3[1:4] == ["$412.3M", "—", "+1.8% beat"]
            assert (
                " ".join(text_of(app, "#results-detail").split()).count(
                    "The Street expected revenue $405M, EPS 0.58 (its consensus of 2026-11-02): "
                    "revenue +1.8% beat, EPS 0.61 +5.2% beat"
                )
                == 1
            )
    finally:
        app.workspace.store.close()


async def test_a_ticker_without_estimates_says_so(tmp_path):
    app = app_on(tmp_path, estimates=False)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("7")
            await pilot.pause()
            assert "none for ALAB yet" in text_of(app, "#estimates-title")
            assert not app.screen.query_one("#estimates-table", DataTable).display
    finally:
        app.workspace.store.close()


WIDE = Consensus(
    "0q",
    dt.date(2026, 12, 31),
    Range(1.07, 0.98, 1.14, 19),
    Range(438_812_000, 421_275_000, 456_381_000, 17),
    (1.07, 1.06, 1.06, 1.05, 1.03),
    1,
    10,
    0,
    1,
)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_every_panes_key_focuses_its_pane(tmp_path, size):
    """Each row of widgets/ticker/panes.py: its number key shows the pane and puts the focus in
    it, from whichever pane had it, on a ticker with the Street's estimates."""
    app = app_on(tmp_path, estimates=True)
    try:
        async with app.run_test(size=size) as pilot:
            await open_alab(pilot, app)
            tabs = app.screen.query_one("#panes", TabbedContent)
            for pane in (*PANES[1:], *reversed(PANES)):
                await pilot.press(pane.key)
                await pilot.pause()
                assert tabs.active == pane.id
                focused = app.focused
                assert focused is not None, pane.id
                assert app.screen.query_one(f"#{pane.id}") in focused.ancestors_with_self, pane.id
    finally:
        app.workspace.store.close()


async def test_the_ranges_are_rounded_and_every_column_fits_120_columns(tmp_path):
    """$421,275,000 to $456,381,000 reads $421.3–456.4M, as every amount is rounded (it read
    $421.275–456.381M); at 120 columns the last column, the revisions, is drawn whole."""
    app = app_on(tmp_path, estimates=True)
    store = app.workspace.store
    store.estimates.save("ALAB", Estimates("ALAB", "yahoo", None, None, (WIDE, YEAR)), NOW)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("7")
            await pilot.pause()
            shown = rows(app, "#estimates-table")
            assert shown[0][5:7] == ["$438.8M", "$421.3–456.4M"]
            assert shown[1][5:7] == ["$1.6B", "$1.55–1.7B"]
            table = app.screen.query_one("#estimates-table", DataTable)
            drawn = lines_on_screen(app, "#estimates-table")
            assert drawn[0].split()[-2:] == ["Up/down", "30d"], drawn[0]
            assert drawn[1].endswith("10 ▲ 1 ▼"), drawn[1]
            assert table.region.right <= 120
    finally:
        store.close()
