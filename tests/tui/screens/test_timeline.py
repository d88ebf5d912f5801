"""The timeline driven by Textual's Pilot on a real database file: events newest first, `A`
acknowledges, times in the user's zone and values in their metric."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from textual.widgets import DataTable

from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store.records import EventRecord
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.timeline import TimelineScreen

from ...support.demo_data import DEMO_NOW
from ...support.pilot import (
    make_app,
    rows,
    screen_as,
)


async def test_timeline_lists_events_newest_first_and_A_acknowledges(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        entries = app.screen.entries
        events = [e for e in entries if isinstance(e, EventRecord)]  # and ALAB's 8-Ks
        assert len(events) == len(store.views.events())
        assert [e.ts for e in entries] == sorted((e.ts for e in entries), reverse=True)
        flagged = [i for i, e in enumerate(entries) if isinstance(e, EventRecord) and e.flagged]
        assert flagged and rows(app, "#events")[flagged[0]][1].startswith("⚑")
        table = app.screen.query_one("#events", DataTable)
        table.move_cursor(row=flagged[0])
        await pilot.pause()
        first = entries[flagged[0]]
        assert isinstance(first, EventRecord)
        target = (first.symbol, first.checkpoint_id)
        await pilot.press("A")
        await pilot.pause()
        assert target not in store.views.flagged()
        assert not any(
            (e.symbol, e.checkpoint_id) == target and e.flagged
            for e in app.screen.entries
            if isinstance(e, EventRecord)
        )
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert store.views.flagged() == set()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)


async def test_timeline_times_are_in_the_users_zone_and_values_in_their_metric(demo):
    config, store = demo
    workspace = Workspace(config, store, clock=lambda: DEMO_NOW, zone=ZoneInfo("Asia/Tokyo"))
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        entries = screen_as(app, TimelineScreen).entries
        shown = [
            r
            for e, r in zip(entries, rows(app, "#events"), strict=True)
            if isinstance(e, EventRecord)
        ]
        for event, row in zip(store.views.events(), shown, strict=True):
            assert row[0] == event.ts.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%d %H:%M")
        gross = next(r for r in shown if "gross-margin-floor" in r[1] and "missed" in r[2])
        assert gross[3] == "69.1%" and gross[4].startswith("gross_margin 69.1% < 70%")


async def test_a_guards_change_reads_as_the_ticker_screen_says_it(demo):
    """A guard that is met reads "holding" on the ticker screen; the timeline said "met"."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        shown = rows(app, "#events")
        changes = [  # (kind, stored status it went to, the change as shown): every event
            (e.kind, e.to_status, shown[i][2])
            for i, e in enumerate(app.screen.entries)
            if isinstance(e, EventRecord)
        ]
        guard_met = [text for kind, to, text in changes if kind == "guard" and to == "met"]
        assert guard_met and all("→ holding" in text for text in guard_met), guard_met
        others = [text for kind, to, text in changes if kind != "guard" and to == "met"]
        assert others and all("→ met" in text for text in others), others
