"""The keys of a screen (`?`) and the command palette (ctrl+p), driven by Textual's Pilot: the
screen's own keys first, every binding a command, never a cursor move."""

from __future__ import annotations

from catalyst_tui.tui.screens.forms import KeysScreen
from catalyst_tui.tui.screens.timeline import TimelineScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen

from ...support.pilot import (
    make_app,
)


async def test_question_mark_lists_the_keys_of_the_screen(demo):
    """The screen's own keys and the app's first, the table's cursor keys after them; the
    palette offers the keys that do something, never a cursor move."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        listed = dict(app.screen.rows)
        for description in ("Timeline", "Sort", "Filter", "Add ticker", "Refresh", "Open"):
            assert description in listed.values()
        descriptions = [description for _, description in app.screen.rows]
        first_cursor = min(i for i, d in enumerate(descriptions) if d.startswith("Cursor"))
        assert descriptions.index("Open") < first_cursor
        assert descriptions.index("Quit") < first_cursor
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        offered = [c.title for c in app.get_system_commands(app.screen)]
        assert "Open" in offered and "Sort" in offered
        assert not [title for title in offered if title.startswith("Cursor")]


async def test_every_binding_is_a_palette_command(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for description in (
            "Timeline",
            "Sort",
            "Filter",
            "Add ticker",
            "Add lot",
            "Remove ticker",
            "Refresh",
            "Acknowledge every flag",
        ):
            assert description in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Timeline")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TimelineScreen)
