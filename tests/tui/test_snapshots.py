"""Snapshot tests (pytest-textual-snapshot) of every screen at 80×24 and 120×36, on the demo
data with a frozen clock and a fixed time zone: nothing in them depends on the machine.

Update after an intended change with `make snapshots` and look at the SVGs before committing."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest

from catalyst_tui.session.workspace import Workspace
from catalyst_tui.tui.app import CatalystApp

from ..support import scenes
from ..support.demo_data import DEMO_NOW, DEMO_ZONE, demo_database
from ..support.returns_data import portfolio_database

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


@pytest.fixture
def demo_app(tmp_path: Path):
    config, store = demo_database(tmp_path)
    workspace = Workspace(config, store, clock=lambda: DEMO_NOW, zone=zoneinfo.ZoneInfo(DEMO_ZONE))
    yield CatalystApp(workspace, live=False, watch_file=False)
    store.close()


@pytest.fixture
def release_week_app(tmp_path: Path):
    """The demo two days after ALAB's Q3 FY26 release (2026-11-05 21:30 UTC, the story's third
    cycle): its row carries the beat of its own guide."""
    config, store = demo_database(tmp_path)
    workspace = Workspace(
        config, store, clock=lambda: RELEASE_WEEK, zone=zoneinfo.ZoneInfo(DEMO_ZONE)
    )
    yield CatalystApp(workspace, live=False, watch_file=False)
    store.close()


RELEASE_WEEK = dt.datetime(2026, 11, 5, 21, 30, tzinfo=dt.UTC)


class TestWatchlist:
    @pytest.mark.parametrize("size", SIZES)
    def test_watchlist(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.watchlist)

    def test_the_days_after_a_release_show_its_beat(self, snap_compare, release_week_app):
        assert snap_compare(release_week_app, terminal_size=(120, 36), run_before=scenes.watchlist)

    def test_watchlist_one_group_sorted_by_day(self, snap_compare, demo_app):
        assert snap_compare(
            demo_app, terminal_size=(120, 36), run_before=scenes.one_group_sorted_by_day
        )


class TestTicker:
    @pytest.mark.parametrize("size", SIZES)
    def test_alab_gross_margin_flagged(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.alab_gross_margin)

    @pytest.mark.parametrize("size", SIZES)
    def test_alab_chart(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.alab_chart)

    @pytest.mark.parametrize("size", SIZES)
    def test_alab_position_and_fundamentals(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.alab_position)

    @pytest.mark.parametrize("size", SIZES)
    def test_alab_results(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.alab_results)

    @pytest.mark.parametrize("size", SIZES)
    def test_alab_lines(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.alab_lines)


class TestReplay:
    @pytest.mark.parametrize("size", SIZES)
    def test_alab_replay(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.alab_replay)


class TestTimeline:
    @pytest.mark.parametrize("size", SIZES)
    def test_timeline(self, snap_compare, demo_app, size):
        assert snap_compare(demo_app, terminal_size=size, run_before=scenes.timeline)


class TestPerformance:
    """On a portfolio of its own (tests/support/returns_data.py), whose figures the screen's
    Pilot tests work by hand."""

    @pytest.mark.parametrize("size", SIZES)
    def test_portfolio_against_its_indexes(self, snap_compare, tmp_path, size):
        config, store = portfolio_database(tmp_path)
        workspace = Workspace(
            config, store, clock=lambda: DEMO_NOW, zone=zoneinfo.ZoneInfo(DEMO_ZONE)
        )
        app = CatalystApp(workspace, live=False, watch_file=False)
        try:
            assert snap_compare(app, terminal_size=size, run_before=scenes.performance)
        finally:
            store.close()


class TestForms:
    @pytest.mark.parametrize("size", SIZES)
    def test_checkpoint_form_with_a_bad_date(self, snap_compare, demo_app, size):
        assert snap_compare(
            demo_app, terminal_size=size, run_before=scenes.checkpoint_form_bad_date
        )

    def test_keys(self, snap_compare, demo_app):
        assert snap_compare(demo_app, terminal_size=(80, 24), run_before=scenes.keys)

    @pytest.mark.parametrize("size", SIZES)
    def test_sec_contact_at_the_first_start(self, snap_compare, tmp_path, size):
        config, store = demo_database(tmp_path, sec_contact=None)
        workspace = Workspace(
            config, store, clock=lambda: DEMO_NOW, zone=zoneinfo.ZoneInfo(DEMO_ZONE)
        )
        app = CatalystApp(workspace, live=False, watch_file=False, ask_sec_contact=True)
        try:
            assert snap_compare(app, terminal_size=size, run_before=scenes.sec_contact_form)
        finally:
            store.close()


@pytest.mark.slow
def test_the_readme_screenshots_are_what_the_app_shows_now(tmp_path: Path):
    """screenshots/*.svg are regenerated by `make screenshots` whenever a screen changes."""
    import subprocess
    import sys

    from ..conftest import REPO

    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    fresh = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert fresh == sorted(p.name for p in (REPO / "screenshots").glob("*.svg"))
    stale = [
        n for n in fresh if (tmp_path / n).read_bytes() != (REPO / "screenshots" / n).read_bytes()
    ]
    assert not stale, f"run `make screenshots`: {stale} differ from what the app shows"
