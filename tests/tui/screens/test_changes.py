""" "Since you last looked" across restarts: three runs of the app on one preferences file and one
database. The first has nothing to compare with and shows the watchlist; a checkpoint marked
between runs is on a screen over the watchlist at the second start, Enter opens its ticker and
Esc goes back; the third start, with nothing new, shows the watchlist."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.prefs import load
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.changes import ChangesScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen

from ...support.demo_data import DEMO_NOW
from ...support.pilot import ZONE, rows, text_of


def app_at(config, store, prefs_path, now: dt.datetime) -> CatalystApp:
    workspace = Workspace(config, store, clock=lambda: now, zone=ZONE, prefs_path=prefs_path)
    return CatalystApp(workspace, live=False, watch_file=False)


async def test_what_changed_between_two_runs_is_shown_at_the_next_start(demo, tmp_path):
    config, store = demo
    path = tmp_path / "state" / "tui.json"
    async with app_at(config, store, path, DEMO_NOW).run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, WatchlistScreen)  # never looked before: nothing
        await pilot.press("q")
    assert load(path).seen_at(config.path) == DEMO_NOW

    target = next(c for c in store.views.checkpoints() if c.status == "pending")
    marked = DEMO_NOW + dt.timedelta(hours=1)
    assert store.checkpoints.mark(target.symbol, target.id, "met", "seen at the plant", marked)

    later = DEMO_NOW + dt.timedelta(hours=2)
    app = app_at(config, store, path, later)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ChangesScreen)
        assert [(c.kind, c.symbol) for c in screen.changes] == [("checkpoint", target.symbol)]
        assert screen.since == DEMO_NOW
        assert text_of(app, "#changes-title").startswith("Since you last looked")
        [(_when, symbol, what, change)] = rows(app, "#changes-table")
        assert (symbol, what) == (target.symbol, "checkpoint")
        assert change.startswith(f"{target.title}: pending → ")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TickerScreen)
        assert pilot.app.screen.symbol == target.symbol
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChangesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WatchlistScreen)
        await pilot.press("q")
    assert load(path).seen_at(config.path) == later

    async with app_at(config, store, path, later + dt.timedelta(hours=1)).run_test() as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, WatchlistScreen)  # nothing since the last look


async def test_looking_at_a_second_portfolio_keeps_the_firsts_changes(demo, tmp_path):
    """Each catalysts.toml has its own last look: a second file's TUI run, on the same
    preferences file, leaves the first file's changes for its own next start."""
    from ...support.demo_data import demo_database

    config, store = demo
    (tmp_path / "other").mkdir()
    other_config, other_store = demo_database(tmp_path / "other")
    path = tmp_path / "state" / "tui.json"
    for this_config, this_store in ((config, store), (other_config, other_store)):
        async with app_at(this_config, this_store, path, DEMO_NOW).run_test() as pilot:
            await pilot.pause()
            await pilot.press("q")

    target = next(c for c in store.views.checkpoints() if c.status == "pending")
    assert store.checkpoints.mark(
        target.symbol, target.id, "met", "seen", DEMO_NOW + dt.timedelta(hours=1)
    )
    # The second file is looked at after the first file's change, and closed.
    later = DEMO_NOW + dt.timedelta(hours=2)
    async with app_at(other_config, other_store, path, later).run_test() as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, WatchlistScreen)  # nothing new in its own database
        await pilot.press("q")
    other_store.close()
    assert load(path).seen_at(other_config.path) == later
    assert load(path).seen_at(config.path) == DEMO_NOW

    app = app_at(config, store, path, later + dt.timedelta(hours=1))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ChangesScreen)  # the first file's change is still unseen
        assert [(c.kind, c.symbol) for c in screen.changes] == [("checkpoint", target.symbol)]
        assert screen.since == DEMO_NOW
        await pilot.press("escape", "q")
