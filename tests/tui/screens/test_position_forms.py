"""The position forms on the ticker screen, driven by Pilot on the demo database and the bundled
catalysts.toml: record a sale (refused as typed when it sells more than is held), remove a lot,
edit a ticker's name, group and thesis; each written back with every comment of the file kept.
And the checkpoint form's fields, each shown for the kinds thesis/kinds.py lets carry it."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from catalyst_tui.config import load_config
from catalyst_tui.thesis.kinds import KINDS
from catalyst_tui.thesis.portfolio.positions import Sell
from catalyst_tui.tui.screens.edit_forms import CheckpointForm
from catalyst_tui.tui.screens.forms import ConfirmScreen, FormScreen
from catalyst_tui.tui.screens.ticker import TickerScreen

from ...support.pilot import field_error, make_app, open_alab, text_of, type_into


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


async def test_a_sale_of_more_than_is_held_is_refused_as_typed_then_recorded(demo):
    config, store = demo
    before = config.path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await type_into(pilot, app, "shares", "50")
        await type_into(pilot, app, "price", "171.20")
        await type_into(pilot, app, "date", "2026-11-02")
        assert "only 40 are held" in field_error(app, "shares")  # the one lot: 40 shares
        await type_into(pilot, app, "shares", "10")
        assert not field_error(app, "shares")
        await type_into(pilot, app, "fees", "4.95")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        await pilot.press("3")
        await pilot.pause()
        sales = text_of(app, "#sales")
        realized = (10 * 171.20 - 4.95) - 10 * 118.50  # the sale, less the shares of the lot
        assert "2026-11-02  10 at 171.20 USD (fees 4.95 USD)" in sales  # each with its currency
        assert f"Realized (first-in first-out) {realized:+,.2f} USD" in sales
    after = config.path.read_text()
    assert comments(after) == comments(before)
    assert after.startswith(before[: before.index("[[tickers.ALAB.lots]]")])
    ticker = load_config(config.path).tickers["ALAB"]
    assert ticker.sells == (Sell(10, 171.2, dt.date(2026, 11, 2), 4.95),)
    position = store.views.positions()["ALAB"]
    assert position.shares == 30
    [sale] = position.sales
    assert sale.proceeds - sale.cost == (10 * 171.20 - 4.95) - 10 * 118.50  # FIFO: the one lot


async def test_removing_a_lot_asks_then_leaves_the_rest_of_the_file(demo):
    config, store = demo
    before = config.path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    after = config.path.read_text()
    assert load_config(config.path).tickers["ALAB"].lots == ()
    # The lot goes with the comment block right above its header, and nothing else does.
    lines = before.splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if line.startswith("[[tickers.ALAB.lots]]"))
    first = header
    while first > 0 and lines[first - 1].startswith("#"):
        first -= 1
    end = next(i for i in range(header + 1, len(lines)) if not lines[i].strip())
    assert "shares = 40" not in after
    assert comments("".join(lines[:first] + lines[end:])) == comments(after)


async def test_a_tickers_name_group_and_thesis_are_edited_in_place(demo):
    config, store = demo
    before = config.path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        await type_into(pilot, app, "name", "")
        await type_into(pilot, app, "group", "")
        await type_into(pilot, app, "group", "core")
        await type_into(pilot, app, "name", "Astera Labs Inc.")
        await type_into(pilot, app, "thesis", "PCIe and CXL retimers.\nScorpio switches next.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = config.path.read_text()
    assert comments(after) == comments(before)
    ticker = load_config(config.path).tickers["ALAB"]
    assert (ticker.name, ticker.group) == ("Astera Labs Inc.", "core")
    assert ticker.thesis == "PCIe and CXL retimers.\nScorpio switches next."
    assert 'name = "Astera Labs Inc."' in after and 'group = "core"' in after
    assert store.views.ticker("ALAB").group == "core"


async def test_a_recorded_sale_removed_again_leaves_the_file_as_it_was(demo):
    config, store = demo
    before = config.path.read_text()
    app = make_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        await type_into(pilot, app, "shares", "5")
        await type_into(pilot, app, "price", "150")
        await type_into(pilot, app, "date", "2026-11-03")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "[[tickers.ALAB.sells]]" in config.path.read_text()
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert config.path.read_text() == before
    assert store.views.positions()["ALAB"].shares == 40


def test_a_checkpoint_field_shows_for_the_kinds_whose_row_allows_its_key(demo):
    config, store = demo
    form = CheckpointForm(make_app(config, store).workspace, "ALAB")
    shown = {f.name: f.for_kinds for f in form.fields}
    assert shown["due"] == ("milestone", "target")
    assert shown["when"] == ("target", "guard")
    assert shown["until"] == ("guard",)
    assert shown["period_end"] == ("target", "guard")  # a milestone refuses it
    for name, kinds in shown.items():
        allowing = tuple(k for k, row in KINDS.items() if row.allows(name))
        assert kinds == (() if len(allowing) == len(KINDS) else allowing), name


async def test_the_sale_form_dates_the_sale_today_by_the_app_s_clock(demo):
    """The date starts as today by the app's clock, in the user's zone (03:00 UTC on the 21st
    is still the 20th in New York); a sale saved without touching it is dated so."""
    from catalyst_tui.session.workspace import Workspace
    from catalyst_tui.tui.app import CatalystApp

    from ...support.pilot import ZONE

    config, store = demo
    moment = dt.datetime(2026, 11, 21, 3, 0, tzinfo=dt.UTC)
    app = CatalystApp(
        Workspace(config, store, clock=lambda: moment, zone=ZONE), live=False, watch_file=False
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("3", "s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-date", Input).value == "2026-11-20"
        await type_into(pilot, app, "shares", "5")
        await type_into(pilot, app, "price", "150")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
    ticker = load_config(config.path).tickers["ALAB"]
    assert ticker.sells[-1] == Sell(5, 150.0, dt.date(2026, 11, 20))
