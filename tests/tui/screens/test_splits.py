"""A split in the TUI: the ticker screen shows pre-split lots on today's basis (the file as
written), asks for the date of an undated lot, and the timeline shows the split and rewrites the
per-share thresholds written before it, after asking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable

from catalyst_tui.config import load_config
from catalyst_tui.market.models import Bar, Quote, QuoteOutcome, Split
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.forms import ConfirmScreen, FormScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.timeline import TimelineScreen
from catalyst_tui.views.timeline import SplitEntry
from tests.support.toasts import raised

from ...support.pilot import rows, screen_as, text_of, type_into

NOW = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC)
SPLIT = Split("NVDA", dt.date(2026, 11, 16), 10, 1)
THESIS = """\
[tickers.NVDA]
name = "NVIDIA"
# the broker's statement
[[tickers.NVDA.lots]]
shares = 40
cost = 900
date = 2026-01-16
[[tickers.NVDA.lots]]
shares = 5
cost = 1000
note = "gift, date unknown"
[[tickers.NVDA.checkpoints]]
id = "floor"
title = "Holds 1,000"
kind = "guard"
when = "price >= 1000"  # written on the pre-split basis
"""


def quote(price: float, at: dt.datetime) -> Quote:
    return Quote("NVDA", price, price * 0.99, price * 0.01, 0.0101, "USD", "CLOSED", at, "yahoo")


@pytest.fixture
def split_store(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    config = load_config(path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW - dt.timedelta(days=60))
    days = [dt.date(2026, 11, 9) + dt.timedelta(days=i) for i in range(5)]
    old = [Bar("NVDA", d, 1100, 1120, 1090, 1110, 1_000_000, "yahoo") for d in days]
    store.market.save_quotes([QuoteOutcome("NVDA", quote(1110.0, NOW), old)], NOW)
    new = [Bar("NVDA", SPLIT.day, 112, 113, 110, 112, 10_000_000, "yahoo")]
    store.market.save_quotes([QuoteOutcome("NVDA", quote(112.0, NOW), new, [], [SPLIT])], NOW)
    workspace = Workspace(config, store, clock=lambda: NOW, zone=dt.UTC)
    workspace.evaluate()
    yield workspace
    store.close()


async def test_ticker_screen_shows_lots_on_todays_basis_and_dates_an_undated_lot(split_store):
    workspace = split_store
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "3")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        lots = rows(app, "#lot-table")
        # 40 at 900 before the 10:1 split: 400 at 90, worth 400 × 112 = 44,800; cost 36,000.
        assert lots[0][1] == "400 (40×10)" and lots[0][2].startswith("90")
        assert lots[0][3].replace(",", "").startswith("36000")
        assert lots[0][4].replace(",", "").startswith("44800")
        assert "P&L uncertain" in lots[1][6] and "gift, date unknown" in lots[1][6]
        assert "Splits: 10:1 on 2026-11-16" in text_of(app, "#splits")
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and "Lot 2 of NVDA" in app.screen.title_text
        await type_into(pilot, app, "date", "2026-02-02")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        text = workspace.config.path.read_text()
        assert "date = 2026-02-02" in text and "# the broker's statement" in text
        lots = rows(app, "#lot-table")
        assert lots[1][1] == "50 (5×10)" and "uncertain" not in lots[1][6]


async def open_the_split(pilot, app: CatalystApp) -> int:
    """The timeline, its cursor on the split's row; the row's index."""
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, TimelineScreen)
    [index] = [i for i, e in enumerate(app.screen.entries) if isinstance(e, SplitEntry)]
    app.screen.query_one("#events", DataTable).move_cursor(row=index)
    await pilot.pause()
    return index


async def test_timeline_shows_the_split_and_w_rewrites_the_threshold_after_asking(split_store):
    workspace = split_store
    floor = workspace.store.views.checkpoints("NVDA")[0]
    assert floor.status == "met" and floor.reason.observed.value == pytest.approx(1120)
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        index = await open_the_split(pilot, app)
        assert "Timeline: 1 event, 1 split" in text_of(app, "#timeline-title")
        row = rows(app, "#events")[index]
        assert row[:3] == ["2026-11-16", "NVDA", "split 10:1"] and "w rewrites" in row[4]
        detail = text_of(app, "#event-detail")
        assert "NVDA split 10:1 on 2026-11-16" in detail
        assert "price >= 1000 is compared on the basis it was written in" in detail
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert 'when = "price >= 1000"' in workspace.config.path.read_text()
        await pilot.press("w", "y")
        await pilot.pause()
        text = workspace.config.path.read_text()
        assert 'when = "price >= 100"  # written on the pre-split basis' in text
        floor = workspace.store.views.checkpoints("NVDA")[0]
        assert floor.status == "met" and floor.reason.observed.value == 112
        [entry] = [e for e in screen_as(app, TimelineScreen).entries if isinstance(e, SplitEntry)]
        assert entry.rewrites == []
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)  # nothing left to rewrite: a warning


async def test_a_rewrite_for_a_split_waits_while_the_file_is_invalid(split_store):
    """As every edit of catalysts.toml: made on the last good version, it would write over the
    user's fixing. No question is asked, the banner's message is given, the file is kept."""
    workspace = split_store
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_the_split(pilot, app)
        path = workspace.config.path
        broken = path.read_text().replace('kind = "guard"', 'kind = "guardian"')
        path.write_text(broken)
        app.check_file()  # what the file watcher does each second
        await pilot.pause()
        assert app.config_problem is not None
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)  # no question asked
        said = [n.message for n in raised(app)]
        assert "catalysts.toml is invalid: fix it first (the banner says where)" in said
        assert path.read_text() == broken
