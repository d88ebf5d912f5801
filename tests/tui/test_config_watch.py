"""catalysts.toml edited outside the app while it runs, driven by Textual's Pilot: a valid
edit is picked up live, an invalid one shows its located errors and the last good config stays."""

from __future__ import annotations

from catalyst_tui.tui.screens.forms import FormScreen
from catalyst_tui.tui.widgets.banner import ConfigBanner

from ..support.pilot import (
    make_app,
    symbols,
)


async def test_an_outside_edit_is_picked_up_live(demo):
    config, store = demo
    app = make_app(config, store, watch_file=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = config.path.read_text()
        config.path.write_text(text + '\n[tickers.CRWV]\nname = "CoreWeave"\ngroup = "neocloud"\n')
        for _ in range(30):  # the file is looked at once a second
            await pilot.pause(0.1)
            if "CRWV" in symbols(app):
                break
        assert "CRWV" in symbols(app)
        assert "CRWV" in store.views.active_symbols()
        assert any("reloaded" in n.message for n in app._notifications)


async def test_an_invalid_outside_edit_shows_located_errors_and_keeps_the_last_good_config(demo):
    config, store = demo
    app = make_app(config, store, watch_file=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = config.path.read_text()
        broken = text.replace("due = 2026-12-31", "due = 2026-12-32", 1)
        assert broken != text
        config.path.write_text(broken)
        for _ in range(30):
            await pilot.pause(0.1)
            if app.config_problem is not None:
                break
        assert app.config_problem is not None
        line = text[: text.index("due = 2026-12-31")].count("\n") + 1
        shown = [n.message for n in app._notifications if n.severity == "error"]
        assert any(f"catalysts.toml:{line}:" in m and "last good" in m for m in shown)
        assert symbols(app) == list(config.tickers)  # nothing lost
        assert app.workspace.config.tickers["ALAB"].checkpoints[0].due.isoformat() == "2026-12-31"
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
        assert any("fix it first" in n.message for n in app._notifications)
        assert config.path.read_text() == broken
        config.path.write_text(text)  # fixed
        for _ in range(30):
            await pilot.pause(0.1)
            if app.config_problem is None:
                break
        assert not app.screen.query_one(ConfigBanner).display
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
