"""Snapshot tests (pytest-textual-snapshot) of every screen at 80×24 and 120×36, on the demo
data with a frozen clock and a fixed time zone: nothing in them depends on the machine.

Update after an intended change with `make snapshots` and look at the SVGs before committing."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

import pytest

from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.workspace import Workspace

from .support.demo_data import DEMO_NOW, DEMO_ZONE, demo_database

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


@pytest.fixture
def demo_app(tmp_path: Path):
    config, store = demo_database(tmp_path)
    workspace = Workspace(config, store, clock=lambda: DEMO_NOW, zone=zoneinfo.ZoneInfo(DEMO_ZONE))
    yield CatalystApp(workspace, live=False, watch_file=False)
    store.close()


async def _select_checkpoint(pilot, checkpoint_id: str) -> None:
    table = pilot.app.screen.query_one("#checkpoint-table")
    table.move_cursor(row=table.get_row_index(checkpoint_id))
    await pilot.pause()


class TestWatchlist:
    @pytest.mark.parametrize("size", SIZES)
    def test_watchlist(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size)

    def test_watchlist_one_group_sorted_by_day(self, snap_compare, demo_app):
        assert snap_compare(demo_app, press=["right_square_bracket", "s", "s"],
                            terminal_size=(120, 36))  # fmt: skip


class TestTicker:
    @pytest.mark.parametrize("size", SIZES)
    def test_alab_gross_margin_flagged(self, snap_compare, demo_app, size):
        async def open_alab(pilot):
            await pilot.press("enter")
            await pilot.pause()
            await _select_checkpoint(pilot, "gross-margin-floor")

        assert snap_compare(demo_app, terminal_size=size, run_before=open_alab)

    @pytest.mark.parametrize("size", SIZES)
    def test_alab_chart(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, press=["enter", "2", "_"], terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_alab_position_and_fundamentals(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, press=["enter", "3", "_"], terminal_size=size)


class TestTimeline:
    @pytest.mark.parametrize("size", SIZES)
    def test_timeline(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, press=["t"], terminal_size=size)


class TestForms:
    @pytest.mark.parametrize("size", SIZES)
    def test_checkpoint_form_with_a_bad_date(self, snap_compare, demo_app, size):
        async def fill(pilot):
            await pilot.press("enter", "c")
            await pilot.pause()
            screen = pilot.app.screen
            screen.query_one("#field-id").value = "npo-design-win"
            screen.query_one("#field-title").value = "A hyperscaler NPO design win"
            screen.query_one("#field-due").value = "2027-13-01"
            await pilot.pause()

        assert snap_compare(demo_app, terminal_size=size, run_before=fill)

    def test_keys(self, snap_compare, demo_app):
        assert snap_compare(demo_app, press=["question_mark"], terminal_size=(80, 24))
