"""The app as a whole, driven by Textual's Pilot on a real database file and a real
catalysts.toml: `q` quits, the user's text is never read as markup, a worker that fails says
so, a read-only file keeps the edit in the database and says so, and catalysts.toml edited
outside while the app runs is picked up (an invalid edit shows its located errors while the
last good config stays): the faults docs/reliability.md names these tests for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Tab

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.tui.screens.forms import FormScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from catalyst_tui.tui.widgets.banner import ConfigBanner
from tests.support.toasts import raised

from ..conftest import BUNDLED_CONFIG
from ..support.pilot import (
    make_app,
    rows,
    screen_as,
    symbols,
    text_of,
    type_into,
)
from ..support.readonly import read_only_file


async def test_q_quits(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_ctrl_c_says_which_key_quits_in_plain_words(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert [n.message for n in raised(app)] == ["Press q to quit the app"]
        assert app.is_running


async def test_brackets_in_the_users_text_are_shown_never_read_as_markup(tmp_path: Path):
    """Names, groups, thesis, lot notes, titles and toasts with '[...]' show as typed: as
    markup, '[/x]' would raise and take the app down."""
    text = BUNDLED_CONFIG.read_text()
    for old, new in (
        ('name = "Astera Labs"', 'name = "Astera [/x] Labs"'),
        ('group = "interconnect"', 'group = "[b]interconnect"'),
        ('note = "EXAMPLE lot: replace with your own purchases"', 'note = "[/bold] lot [red]"'),
        ("Connectivity, not compute,", "[/] Connectivity [link], not compute,"),
        ("Scorpio becomes ALAB's largest product line", "Scorpio [/i] largest line"),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    (tmp_path / "catalysts.toml").write_text(text)
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        app = make_app(config, store)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            tabs = [str(t.label_text) for t in app.screen.query(Tab)]
            assert "[b]interconnect" in tabs
            await pilot.press("enter")
            await pilot.pause()
            assert "Astera [/x] Labs" in text_of(app, "#ticker-title")
            assert any(
                "Scorpio [/i] largest line" in row[1] for row in rows(app, "#checkpoint-table")
            )
            await pilot.press("3")
            await pilot.pause()
            assert str(app.screen.query_one("#lot-table", DataTable).get_row_at(0)[6]) == (
                "[/bold] lot [red]"
            )
            await pilot.press("4")
            await pilot.pause()
            assert "[/] Connectivity [link]" in text_of(app, "#thesis-text")
            app.notify("ALAB/x: [/y] missed", title="[/t]")
            await pilot.pause()
            await pilot.press("1", "m")
            await pilot.pause()
            await type_into(pilot, app, "note", "[/u] call")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, TickerScreen) and app.is_running


async def test_a_worker_that_fails_says_so_in_a_toast_and_logs_its_traceback(demo, caplog):
    """The watchlist read after a refresh runs in a worker: on a database file that is no
    longer a database it raises. The app stays up, an error toast says what failed and why,
    and the log has the traceback."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        store.path.unlink()  # the open connection keeps the old file; a new one reads this
        store.path.write_bytes(b"this is not a database\n" * 200)
        screen_as(app, WatchlistScreen).reload_in_thread(lambda: None)
        for _ in range(200):  # the worker's thread, then its message on the loop
            await pilot.pause(0.05)
            if errors := [n for n in raised(app) if n.severity == "error"]:
                break
        [toast] = errors
        assert toast.title == "reading the watchlist failed"
        assert toast.message.startswith("StoreError: database ")
        assert "is not a SQLite database" in toast.message
        assert app.is_running and isinstance(app.screen, WatchlistScreen)
    [record] = [r for r in caplog.records if r.getMessage() == "reading the watchlist failed"]
    assert record.levelname == "ERROR" and record.exc_info is not None


async def test_a_read_only_file_keeps_the_database_change_and_tells_the_user(demo):
    config, store = demo
    before = config.path.read_bytes()
    app = make_app(config, store)
    with read_only_file(config.path):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter", "c")
            await pilot.pause()
            await type_into(pilot, app, "id", "npo-design-win")
            await type_into(pilot, app, "title", "A hyperscaler NPO design win")
            await type_into(pilot, app, "due", "2027-09-30")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, TickerScreen)
            messages = [n.message for n in raised(app)]
            assert any("database only" in m and "catalysts.toml" in m for m in messages)
        assert config.path.read_bytes() == before
    assert store.checkpoints.exists("ALAB", "npo-design-win")


async def test_an_outside_edit_is_picked_up_live(demo):
    config, store = demo
    app = make_app(config, store, watch_file=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = config.path.read_text()
        config.path.write_text(text + '\n[tickers.CRWV]\nname = "CoreWeave"\ngroup = "neocloud"\n')
        for _ in range(300):  # the file is looked at once a second
            await pilot.pause(0.1)
            # The toast is a message the app handles after the check that posts it.
            if "CRWV" in symbols(app) and any("reloaded" in n.message for n in raised(app)):
                break
        assert "CRWV" in symbols(app)
        assert "CRWV" in store.views.active_symbols()
        assert any("reloaded" in n.message for n in raised(app))


async def test_an_invalid_outside_edit_shows_located_errors_and_keeps_the_last_good_config(demo):
    config, store = demo
    app = make_app(config, store, watch_file=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = config.path.read_text()
        broken = text.replace("due = 2026-12-31", "due = 2026-12-32", 1)
        assert broken != text
        config.path.write_text(broken)
        for _ in range(300):
            await pilot.pause(0.1)
            # The problem is set, then its toast posted as a message the app handles later.
            shown = [n.message for n in raised(app) if n.severity == "error"]
            if app.config_problem is not None and shown:
                break
        assert app.config_problem is not None
        line = text[: text.index("due = 2026-12-31")].count("\n") + 1
        assert any(f"catalysts.toml:{line}:" in m and "last good" in m for m in shown)
        assert symbols(app) == list(config.tickers)  # nothing lost
        assert app.workspace.config.tickers["ALAB"].checkpoints[0].due == dt.date(2026, 12, 31)
        # A banner stays (a toast goes) on every screen, with the first located error.
        banner = app.screen.query_one(ConfigBanner)
        assert banner.display and f"catalysts.toml:{line}:" in str(banner.content)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ConfigBanner).display
        await pilot.press("escape")
        await pilot.pause()
        # Edits wait until the file is fixed: no form opens to build on the broken file.
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        assert any("fix it first" in n.message for n in raised(app))
        assert config.path.read_text() == broken
        config.path.write_text(text)  # fixed
        for _ in range(300):
            await pilot.pause(0.1)
            if app.config_problem is None:
                break
        assert not app.screen.query_one(ConfigBanner).display
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)


async def test_the_first_runs_copy_of_the_example_is_told_in_the_tui(tmp_path: Path):
    """`catalyst` that just copied the example to the user's config folder says where in the
    TUI too (stderr is hidden behind it)."""
    from catalyst_tui.cli.context import first_run_text

    from ..support.demo_data import demo_database

    config, store = demo_database(tmp_path)
    said = first_run_text(tmp_path / "config" / "catalyst" / "catalysts.toml")
    app = make_app(config, store, notice=said)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert [n.message for n in raised(app) if "copied to" in n.message] == [said]
    store.close()


async def test_the_collector_paused_for_start_up_runs_after_the_first_paint(demo):
    """The `catalyst` script starts with the cyclic collector paused (launch.py); the app sets
    it going once the first frame is painted, what exists then set aside (gc.freeze)."""
    import gc

    config, store = demo
    app = make_app(config, store)
    gc.unfreeze()  # what earlier apps in this process froze: the count below is this app's
    gc.disable()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WatchlistScreen) and rows(app)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()
