"""The SEC contact asked once, driven by Textual's Pilot on a real database and catalysts.toml:
the first start's form (why, a name and an e-mail checked as typed, skip), the contact written
back, the question not asked again, and the ticker screen saying what stays pending while the
contact is unset."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

from catalyst_tui import prefs
from catalyst_tui.config import load_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.market.registry import SEC
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.edit_forms import SecContactForm
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from tests.support.toasts import raised

from ...conftest import BUNDLED_CONFIG
from ...support.demo_data import DEMO_NOW, DEMO_ZONE, demo_database
from ...support.pilot import field_error, open_alab, screen_as, text_of, type_into

CONTACT = "Jane Doe jane@example.com"


def app_on(config, store, prefs_path: Path | None = None, **options) -> CatalystApp:
    workspace = Workspace(
        config,
        store,
        clock=lambda: DEMO_NOW,
        zone=zoneinfo.ZoneInfo(DEMO_ZONE),
        prefs_path=prefs_path,
    )
    return CatalystApp(workspace, live=False, watch_file=False, **options)


async def test_the_first_start_asks_checks_as_typed_and_writes_the_contact(tmp_path):
    config, store = demo_database(tmp_path, sec_contact=None)
    path = tmp_path / "state" / "tui.json"
    assert config.path is not None
    before = config.path.read_text()
    app = app_on(config, store, path, ask_sec_contact=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SecContactForm)
        assert "fair-access policy" in text_of(app, "#form-note")
        await type_into(pilot, app, "user_agent", "jane@example.com")
        assert "a name and an e-mail address" in field_error(app, "user_agent")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SecContactForm)  # refused: the form stays
        await type_into(pilot, app, "user_agent", CONTACT)
        assert field_error(app, "user_agent") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        assert any("SEC contact saved" in n.message for n in raised(app))
        assert app.workspace.config.providers.of(SEC).user_agent == CONTACT
    store.close()
    after = config.path.read_text()
    assert after.replace(f'user_agent = "{CONTACT}"\n', "", 1) == before
    assert load_config(config.path).providers.of(SEC).user_agent == CONTACT
    assert prefs.load(path).sec_contact_asked


async def test_no_toast_covers_the_form_and_a_skip_says_where_it_is_found_again(tmp_path):
    """At 80×24 the first run's notice (where the example was copied) covered the form: it waits
    for the form to close; skipped, a toast says the command palette opens it again, and it
    does."""
    config, store = demo_database(tmp_path, sec_contact=None)
    notice = "First run: copied the example to /tmp/x/catalysts.toml"
    app = app_on(config, store, tmp_path / "tui.json", ask_sec_contact=True, notice=notice)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SecContactForm)
        await pilot.pause()
        assert raised(app) == [] and not app._notifications  # nothing drawn over the form
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        said = [n.message for n in raised(app)]
        assert said[-1] == notice
        assert any("ctrl+p, SEC contact" in s for s in said), said
        [command] = [c for c in app.get_system_commands(app.screen) if c.title == "SEC contact"]
        command.callback()  # as the palette runs it
        await pilot.pause()
        assert isinstance(app.screen, SecContactForm)
    store.close()


async def test_skipped_it_is_not_asked_again(tmp_path):
    config, store = demo_database(tmp_path, sec_contact=None)
    path = tmp_path / "state" / "tui.json"
    app = app_on(config, store, path, ask_sec_contact=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SecContactForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
    assert prefs.load(path).sec_contact_asked
    assert load_config(config.path).providers.of(SEC).user_agent is None  # nothing written
    again = app_on(config, store, path, ask_sec_contact=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(again.screen, WatchlistScreen)
        # Still to be set later, from the command palette.
        commands = [c.title for c in again.get_system_commands(again.screen)]
        assert "SEC contact" in commands
    store.close()


async def test_a_file_with_a_contact_is_never_asked(tmp_path):
    config, store = demo_database(tmp_path)
    app = app_on(config, store, tmp_path / "tui.json", ask_sec_contact=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
    store.close()
    assert not prefs.load(tmp_path / "tui.json").sec_contact_asked


async def test_the_ticker_screen_says_what_stays_pending_without_the_contact(tmp_path):
    """Nothing fetched yet and no contact: ALAB's revenue targets and margin guards can't be
    judged, and its milestones' evidence is read in headlines only; said under the title until
    the contact is set."""
    (tmp_path / "catalysts.toml").write_bytes(BUNDLED_CONFIG.read_bytes())
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        evaluate_checkpoints(config, store, DEMO_NOW)
        app = app_on(config, store)
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            notice = " ".join(text_of(app, "#sec-notice").split())
            assert notice.startswith("No SEC contact set (providers.sec.user_agent): ")
            # Every ALAB condition but the position's weight, the Street's (Yahoo's estimates)
            # and Scorpio's share in management's words (read in headlines too) is on SEC's
            # figures.
            other = ("weight", "eps_revision_30d", "forward_pe", "share")
            sec_built = [
                c.id
                for c in config.tickers["ALAB"].checkpoints
                if c.when is not None and c.when.metric not in other
            ]
            assert len(sec_built) == 6
            detail = screen_as(app, TickerScreen).detail
            assert detail is not None
            shown = [c.id for c in detail.checkpoints if c.id in sec_built]
            assert (
                f"6 checkpoints stay pending without SEC figures ({', '.join(shown[:3])} "
                "and 3 more)"
            ) in notice
            assert "evidence is looked for in headlines only" in notice
            assert "ctrl+p, SEC contact" in notice
            app.workspace.set_sec_contact(CONTACT)
            app.refresh_views()
            await pilot.pause()
            assert not app.screen.query_one("#sec-notice").display


async def test_a_contact_that_cannot_go_in_a_header_is_refused_in_the_form_and_not_written(
    tmp_path,
):
    """A contact of "José Núñez jose@example.com" was saved, and every SEC request failed from
    then on: the form says which character can't be sent and how to write it, and the file
    stays as it was."""
    config, store = demo_database(tmp_path, sec_contact=None)
    assert config.path is not None
    before = config.path.read_bytes()
    app = app_on(config, store, tmp_path / "tui.json", ask_sec_contact=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SecContactForm)
        await type_into(pilot, app, "user_agent", "José Núñez jose@example.com")
        said = field_error(app, "user_agent")
        assert "'é'" in said and "User-Agent header" in said
        assert "Jose Nunez jose@example.com" in said
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SecContactForm)  # refused: the form stays
        assert app.workspace.config.providers.of(SEC).user_agent is None
    store.close()
    assert config.path.read_bytes() == before
