"""The private parts of Textual the TUI uses (tui/textual_private.py), each by name, on the
Textual of constraints.txt: an upgrade that moves one fails here first."""

from __future__ import annotations

import inspect

import pytest
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


def test_the_stylesheet_parse_the_suite_shares_keeps_its_parameters() -> None:
    """tests/support/parsed_css.py wraps it (each CSS text parsed once a test process)."""
    from textual.css.stylesheet import Stylesheet

    from ..support import parsed_css

    parameters = ("self", "css", "read_from", "is_default_rules", "tie_breaker", "scope")
    assert tuple(inspect.signature(parsed_css._parse_rules).parameters) == parameters
    assert Stylesheet._parse_rules is parsed_css._shared_parse_rules


async def test_css_parsed_once_still_follows_the_theme_and_still_fails_when_wrong() -> None:
    """Two apps on one CSS text under two themes each get their theme's colour (the variables
    are part of what a parse is shared by), and CSS that does not parse fails every app."""
    from textual.css.stylesheet import StylesheetParseError
    from textual.widgets import Static

    class Tinted(App[None]):
        CSS = "Static { background: $primary; }"

        def compose(self) -> ComposeResult:
            yield Static("x")

    colours: dict[str, set[object]] = {}
    for theme in ("textual-dark", "textual-light", "textual-dark"):
        app = Tinted()
        app.theme = theme
        async with app.run_test() as pilot:
            await pilot.pause()
            colours.setdefault(theme, set()).add(app.query_one(Static).styles.background)
    assert all(len(seen) == 1 for seen in colours.values())
    assert colours["textual-dark"] != colours["textual-light"]

    class Wrong(App[None]):
        CSS = "Static { background: not-a-colour; }"

    for _ in range(2):
        wrong = Wrong()
        with pytest.raises(StylesheetParseError):
            async with wrong.run_test() as pilot:
                await pilot.pause()
        assert wrong.return_code == 1
