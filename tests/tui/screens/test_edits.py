"""The forms and questions that write catalysts.toml, driven by Textual's Pilot on a real
database file and a real catalysts.toml: validated as you type, written back changing only their
lines, and cancelled without writing (a read-only file: tests/tui/test_app.py)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input

from catalyst_tui.config import load_config
from catalyst_tui.tui.screens.forms import ConfirmScreen, FormScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen

from ...support.demo_data import DEMO_NOW
from ...support.pilot import (
    field_error,
    make_app,
    move_to,
    open_alab,
    row_keys,
    symbols,
    type_into,
)


async def test_add_ticker_form_validates_as_you_type_and_writes_the_file(demo):
    config, store = demo
    path = config.path
    before = path.read_bytes()
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await type_into(pilot, app, "symbol", "al ab", keys=True)
        assert field_error(app, "symbol")  # inline, while typing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # not saved, nothing lost
        assert path.read_bytes() == before
        await type_into(pilot, app, "symbol", "ALAB")
        assert field_error(app, "symbol")  # already followed
        await type_into(pilot, app, "symbol", "CRWV")
        assert field_error(app, "symbol") == ""
        await type_into(pilot, app, "name", "CoreWeave")
        await type_into(pilot, app, "group", "neocloud")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        assert "CRWV" in symbols(app)
    after = path.read_bytes()
    assert after.startswith(before.rstrip(b"\n"))  # every byte before the new table is kept
    assert load_config(path).tickers["CRWV"].name == "CoreWeave"
    assert (path.parent / "catalysts.toml.bak").read_bytes() == before
    assert "CRWV" in store.views.active_symbols()


async def test_new_checkpoint_with_a_bad_date_gets_an_inline_message_then_saves(demo):
    config, store = demo
    path = config.path
    before = path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await type_into(pilot, app, "id", "scorpio-x-design-wins")
        await type_into(pilot, app, "title", "Two new Scorpio X design wins")
        await type_into(pilot, app, "due", "2027-13-01")
        assert "not a date" in field_error(app, "due")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await type_into(pilot, app, "id", "npo-multi-rack-2027")
        assert field_error(app, "id")  # duplicate id
        await type_into(pilot, app, "id", "scorpio-x-design-wins")
        await type_into(pilot, app, "due", "2027-06-30")
        assert field_error(app, "due") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        table = app.screen.query_one("#checkpoint-table", DataTable)
        shown = row_keys(table)
        flagged = {c.id for c in store.views.checkpoints("ALAB") if c.flagged}
        assert set(shown[: len(flagged)]) == flagged  # the flagged first, then by due date
        shown = shown[len(flagged) :]
        at = shown.index("scorpio-x-design-wins")  # in due order: after 2027-06-30's peers
        dues = {c.id: c.due for c in load_config(path).tickers["ALAB"].checkpoints}
        earlier, later = [dues[i] for i in shown[:at]], [dues[i] for i in shown[at + 1 :]]
        assert all(due is not None and due <= dt.date(2027, 6, 30) for due in earlier)
        assert all(due is None or due > dt.date(2027, 6, 30) for due in later)
    after = path.read_text()
    for line in before.splitlines():
        assert line in after.splitlines()  # comments and everything else kept
    ids = [c.id for c in load_config(path).tickers["ALAB"].checkpoints]
    assert ids[-1] == "scorpio-x-design-wins"
    assert store.checkpoints.exists("ALAB", "scorpio-x-design-wins")


async def test_edit_a_checkpoint_changes_only_its_lines(demo):
    config, store = demo
    path = config.path
    before = path.read_text().splitlines()
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-when", Input).value == "gross_margin >= 70%"
        await type_into(pilot, app, "when", "gross_margn >= 68%")
        assert field_error(app, "when")
        await type_into(pilot, app, "when", "gross_margin >= 68%")
        assert field_error(app, "when") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
    after = path.read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [('when = "gross_margin >= 70%"', 'when = "gross_margin >= 68%"')]
    # evaluated at once on stored data: 69.1% >= 68% holds again
    row = next(r for r in store.views.checkpoints("ALAB") if r.id == "gross-margin-floor")
    assert row.status == "met" and row.condition.text == "gross_margin >= 68%"


async def test_archive_a_checkpoint_and_remove_a_ticker_after_confirming(demo):
    config, store = demo
    path = config.path
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "optical-scorpio-x")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert "optical-scorpio-x" in path.read_text()
        await pilot.press("x", "y")
        await pilot.pause()
        assert "optical-scorpio-x" not in path.read_text()
        assert not store.checkpoints.exists("ALAB", "optical-scorpio-x")
        archived = store.views.checkpoints("ALAB", include_archived=True)
        assert any(r.id == "optical-scorpio-x" and r.archived for r in archived)
        await pilot.press("escape")
        await move_to(pilot, app, "#tickers", "NVDA")
        await pilot.press("d", "y")
        await pilot.pause()
        assert "NVDA" not in symbols(app)
    assert "NVDA" not in load_config(path).tickers
    assert store.views.price_history("NVDA")  # its prices stay stored


async def test_add_a_lot_with_bad_then_good_numbers(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await move_to(pilot, app, "#tickers", "CRDO")
        await pilot.press("l")
        await pilot.pause()
        await type_into(pilot, app, "shares", "-5")
        assert field_error(app, "shares")
        await type_into(pilot, app, "shares", "25")
        await type_into(pilot, app, "cost", "abc")
        assert field_error(app, "cost")
        await type_into(pilot, app, "cost", "61.20")
        await type_into(pilot, app, "date", "2026-11-02")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        # (at 80 columns the Shares column gives way: the row the screen shows says it)
        assert app.screen.data is not None
        crdo = app.screen.data.row("CRDO")
        assert crdo is not None and crdo.shares == 25
    lots = load_config(config.path).tickers["CRDO"].lots
    assert [(lot.shares, lot.cost) for lot in lots][-1] == (25, 61.2)


async def test_escape_cancels_a_form_without_writing(demo):
    config, store = demo
    before = config.path.read_bytes()
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        await pilot.press("a")
        await type_into(pilot, app, "symbol", "ZZZZ")
        await pilot.press("escape")  # something typed: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # back to the form, the typing kept
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.values()["symbol"] == "ZZZZ"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
    assert config.path.read_bytes() == before
    assert not (config.path.parent / "catalysts.toml.bak").exists()


async def test_a_kill_criterion_loosened_in_the_form_asks_for_a_note(demo):
    """Goalposts: the floor of a kill criterion lowered in the TUI opens the journal's form,
    which says what moved; the note written there explains the move (docs/thesis.md)."""
    from catalyst_tui.tui.screens.journal_form import JournalForm

    config, store = demo
    text = config.path.read_text()
    floor = 'when = "gross_margin >= 70%"\n'
    assert text.count(floor) == 1
    config.path.write_text(text.replace(floor, floor + "kill = true\n"))
    config = load_config(config.path)
    store.sync.apply(config, now=DEMO_NOW - dt.timedelta(days=1))  # made a kill criterion
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, app, "when", "gross_margin >= 65%")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalForm)
        said = str(app.screen.query_one("#form-note").render())
        assert "Kill criterion loosened: ALAB/gross-margin-floor: condition" in said
        assert "gross_margin >= 70% → gross_margin >= 65%" in said and "(loosened)" in said
        moves = [m for m in store.journal.moves("ALAB") if m.checkpoint == "gross-margin-floor"]
        assert [(m.field, m.loosened, m.noted) for m in moves] == [
            ("kill", False, False),  # made a kill criterion: no loosening
            ("condition", True, False),
        ]
        await type_into(pilot, app, "text", "Mix shifts to Scorpio: 65% is the new floor")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
    assert all(m.noted for m in store.journal.moves("ALAB"))


async def test_the_judged_field_writes_at_due_and_takes_it_back_leaving_every_other_line(demo):
    """A milestone's form has `judged`: "by report" (the default: no key in the file) or "at
    due"; "at due" is written as one line after the table's keys, evaluation reads it at once,
    and "by report" again removes that line: the file is as it was, its comments too."""
    from textual.widgets import Select

    config, store = demo
    path = config.path
    before = path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "scorpio-largest-line")
        await pilot.press("e")
        await pilot.pause()
        judged = app.screen.query_one("#field-judged", Select)
        assert judged.value == "by report" and app.screen.query_one("#row-judged").display
        judged.value = "at due"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        written = path.read_text()
        added = [line for line in written.splitlines() if line not in before.splitlines()]
        assert added == ['judged = "at due"']
        scorpio = written.index('id = "scorpio-largest-line"')
        assert scorpio < written.index('\njudged = "at due"') < written.index('id = "scorpio-x-')
        assert load_config(path).tickers["ALAB"].checkpoints[0].judged == "at due"
        await pilot.press("e")
        await pilot.pause()
        judged = app.screen.query_one("#field-judged", Select)
        assert judged.value == "at due"  # the form starts from the file
        judged.value = "by report"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
    assert path.read_text() == before


async def test_the_judged_field_shows_for_a_milestone_only(demo):
    from textual.widgets import Select

    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")
        await pilot.press("e")
        await pilot.pause()
        assert not app.screen.query_one("#row-judged").display  # a guard's form
        app.screen.query_one("#field-kind", Select).value = "milestone"
        await pilot.pause()
        assert app.screen.query_one("#row-judged").display
