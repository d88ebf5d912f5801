"""The TUI never waits on its loop for a lock another process holds. A save made while another
process holds the database's write lock (a real second process in `BEGIN IMMEDIATE`) or
catalysts.toml's edit lock waits in a worker thread: keys are answered meanwhile (each test
presses one and sees its effect while the save still waits), and the save is made when the
lock goes, never dropped. Nothing here is timed: each step waits for the state it names."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, Select, Static

from catalyst_tui.session import workspace as workspace_module
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.edit_forms import CheckpointForm, MarkForm
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen

from ...support.locks import holding
from ...support.pilot import make_app, move_to, open_alab, type_into, wait_for
from ...support.saves import saves_not_awaited
from ...support.toasts import raised
from ..test_outside_writes import status_of

STILL_SAVING = "still saving"


async def until(condition) -> None:
    """Wait for `condition`, looking again every 50 ms (the app may be exiting: no pilot)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.05)


def said(app: CatalystApp, words: str) -> bool:
    return any(words in toast.message for toast in raised(app))


async def test_a_mark_waits_for_another_process_s_write_lock_off_the_loop(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "scorpio-largest-line")
        await pilot.press("m")
        assert isinstance(app.screen, MarkForm)
        app.screen.query_one("#field-status", Select).value = "met"  # it starts as it stands
        with holding("database", store.path) as release, saves_not_awaited(app):
            await pilot.press("ctrl+s")
            # esc while the save waits: answered (said, the form stays, nothing typed lost).
            await pilot.press("escape")
            await wait_for(pilot, lambda: said(app, STILL_SAVING))
            assert isinstance(app.screen, MarkForm) and app.screen.saving
            [row] = [c for c in store.views.checkpoints("ALAB") if c.id == "scorpio-largest-line"]
            assert row.status == "pending"  # not written yet: the other process holds the lock
            await asyncio.to_thread(release)
            await wait_for(pilot, lambda: isinstance(app.screen, TickerScreen))
        [row] = [c for c in store.views.checkpoints("ALAB") if c.id == "scorpio-largest-line"]
        assert (row.status, row.manual) == ("met", True)
        await wait_for(pilot, lambda: "met" in status_of(app, "scorpio-largest-line"))
        assert said(app, "ALAB/scorpio-largest-line marked met")


async def test_an_acknowledgement_waits_for_the_write_lock_while_the_cursor_moves(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        table = app.screen.query_one("#tickers", DataTable)
        flagged = [s for s, _c in store.views.flagged()]
        assert "ALAB" in flagged and table.cursor_row == 0  # ALAB, the first row, is flagged
        with holding("database", store.path) as release, saves_not_awaited(app):
            await pilot.press("A")  # ALAB's flags: the save waits for the lock
            await pilot.press("down")  # answered at once: the cursor moves
            await wait_for(pilot, lambda: table.cursor_row == 1)
            assert any(s == "ALAB" for s, _c in store.views.flagged())  # not yet acknowledged
            assert not said(app, "acknowledged")
            await asyncio.to_thread(release)
            await wait_for(pilot, lambda: said(app, "acknowledged ALAB/"))
        assert not any(s == "ALAB" for s, _c in store.views.flagged())


async def test_an_edit_waits_for_catalysts_toml_s_lock_off_the_loop(demo):
    config, store = demo
    path = config.path
    before = path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")
        await pilot.press("e")
        assert isinstance(app.screen, CheckpointForm)
        await type_into(pilot, app, "when", "gross_margin >= 68%")
        with holding("config", path) as release, saves_not_awaited(app):
            await pilot.press("ctrl+s")  # waits for the other process's lock on the file
            await pilot.press("escape")
            await wait_for(pilot, lambda: said(app, STILL_SAVING))
            assert isinstance(app.screen, CheckpointForm) and app.screen.saving
            assert path.read_text() == before
            await asyncio.to_thread(release)
            await wait_for(pilot, lambda: isinstance(app.screen, TickerScreen))
            # the form closes as the save lands; its toast may be drawn a turn of the loop later
            await wait_for(pilot, lambda: said(app, "saved ALAB/gross-margin-floor"))
        assert not said(app, "database only")  # the file took it
    assert 'when = "gross_margin >= 68%"' in path.read_text()
    assert 'when = "gross_margin >= 70%"' in before


async def test_quitting_while_a_save_waits_finishes_the_save_first(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert any(s == "ALAB" for s, _c in store.views.flagged())
        with holding("database", store.path) as release, saves_not_awaited(app):
            await pilot.press("A")  # ALAB's flags: the save waits for the lock
            await pilot.press("q")
            await wait_for(pilot, lambda: said(app, "quitting once the save"))
            assert app.return_code is None  # still running: the save is under way
            await asyncio.to_thread(release)
            await until(lambda: app.return_code is not None)  # it quits once saved
    assert said(app, "acknowledged ALAB/")
    assert not any(s == "ALAB" for s, _c in store.views.flagged())


async def test_a_save_refused_past_its_patience_is_said_and_nothing_typed_is_lost(
    demo, monkeypatch
):
    monkeypatch.setattr(workspace_module, "SAVE_PATIENCE_MS", 100)  # the lock outlasts it
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "scorpio-largest-line")
        await pilot.press("m")
        await type_into(pilot, app, "note", "Q4 call: Scorpio now the largest line")
        with holding("database", store.path) as release:
            await pilot.press("ctrl+s")
            await pilot.pause()  # the save ends (refused) while the lock is held
            form = app.screen
            assert isinstance(form, MarkForm) and not form.saving
            refusal = str(form.query_one("#form-error", Static).render())
            assert "is locked by another process" in refusal and str(store.path) in refusal
            assert form.values()["note"] == "Q4 call: Scorpio now the largest line"
            await pilot.press("escape")  # the typed note dropped, when asked
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(app.screen, TickerScreen)
            await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")
            await pilot.press("A")
            await wait_for(pilot, lambda: said(app, "was not saved: database"))
            release()
        [row] = [c for c in store.views.checkpoints("ALAB") if c.id == "scorpio-largest-line"]
        assert row.status == "pending"  # refused, and said: nothing half-written
        assert ("ALAB", "gross-margin-floor") in store.views.flagged()
