"""The New and Edit checkpoint forms (Pilot, on the demo's copy of the bundled file): a
checkpoint's `confidence` is a field of both, starting from the file, checked as typed by the
file's own validator (its message on the field), written as one line and taken out when
cleared; and at 80x24 the Save button stays in sight, the fields scrolling in what is left."""

from __future__ import annotations

from textual.widgets import Button, Input

from catalyst_tui.config import load_config
from catalyst_tui.tui.screens.forms import FormScreen
from catalyst_tui.tui.screens.ticker import TickerScreen

from ...support.pilot import field_error, make_app, move_to, open_alab, type_into


async def test_confidence_is_a_field_checked_as_typed_and_written_to_the_file(demo):
    config, store = demo
    path = config.path
    before = path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "scorpio-largest-line")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-confidence", Input).value == ""  # none in the file
        await type_into(pilot, app, "confidence", "1")
        await pilot.pause()
        assert "0 and 1 are excluded" in field_error(app, "confidence")
        await type_into(pilot, app, "confidence", "0.85")
        await pilot.pause()
        assert field_error(app, "confidence") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        written = path.read_text()
        added = [line for line in written.splitlines() if line not in before.splitlines()]
        assert added == ["confidence = 0.85"]
        [scorpio] = [
            c
            for c in load_config(path).tickers["ALAB"].checkpoints
            if c.id == "scorpio-largest-line"
        ]
        assert scorpio.confidence == 0.85
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-confidence", Input).value == "0.85"  # from the file
        await type_into(pilot, app, "confidence", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
    assert path.read_text() == before


async def test_the_new_and_edit_forms_keep_save_in_sight_at_80x24(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        for key in ("c", "e"):  # the edit form says more above its fields
            if key == "e":
                await move_to(pilot, app, "#checkpoint-table", "scorpio-largest-line")
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            form = app.screen
            assert isinstance(form, FormScreen)
            save = form.query_one("#save", Button)
            box = form.query_one("#form-box").content_region  # inside its border, on screen
            assert box.bottom <= 24 and box.contains_region(save.region), (key, save.region, box)
            assert form.query_one("#field-confidence")  # among the fields, which scroll
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TickerScreen)
