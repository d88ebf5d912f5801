"""The private parts of Textual the TUI uses (tui/textual_private.py), each by name, on the
Textual of constraints.txt: an upgrade that moves one fails here first."""

from __future__ import annotations

import inspect

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer

from catalyst_tui.tui import textual_private
from catalyst_tui.tui.widgets.footer import KeyFooter
from catalyst_tui.tui.widgets.table import RowTable


def test_the_overridden_methods_keep_their_parameters() -> None:
    for name, parameters in textual_private.OVERRIDDEN.items():
        method = getattr(DataTable, name)
        assert tuple(inspect.signature(method).parameters) == parameters, name
        assert name in vars(RowTable), f"RowTable no longer overrides {name}"


def test_the_footer_hook_keyfooter_overrides_keeps_its_parameters() -> None:
    for name, parameters in textual_private.FOOTER_OVERRIDDEN.items():
        method = getattr(Footer, name)
        assert tuple(inspect.signature(method).parameters) == parameters, name
        assert name in vars(KeyFooter), f"KeyFooter no longer overrides {name}"
        assert f"self.{name}" in inspect.getsource(Footer.on_mount), f"{name} is not subscribed"


def test_the_cell_formatter_takes_what_rowtable_passes() -> None:
    rendered = textual_private.default_cell_formatter("12.5", wrap=False, height=1)
    assert str(rendered) == "12.5"


async def test_a_mounted_table_has_the_state_and_caches_named() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(id="t")

    app = One()
    async with app.run_test() as pilot:
        table = app.query_one("#t", DataTable)
        table.add_column("a", key="a")
        table.add_row("x", key="r")
        await pilot.pause()
        for name in textual_private.TABLE_STATE:
            assert hasattr(table, name), name
        assert textual_private.active_app.get() is app
        for y in range(table.size.height):
            table.render_line(y)  # fills the caches
        assert len(table._row_render_cache) > 0
        textual_private.clear_table_caches(table)
        assert len(table._row_render_cache) == 0
