"""Helpers for driving the TUI with Textual's Pilot in tests: the app on the demo clock and
zone, what a table or a Static shows, a row chosen by key, a form field filled, ALAB opened."""

from __future__ import annotations

import asyncio
import io
import zoneinfo
from typing import Any, TypeVar

from rich.console import Console
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static, TextArea

from catalyst_tui.session.workspace import Workspace
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.ticker import TickerScreen

from .demo_data import DEMO_NOW, DEMO_ZONE

S = TypeVar("S", bound=Screen[Any])


async def wait_for(pilot, condition, timeout: float = 60.0) -> None:
    """Pause until `condition()` holds (the state itself, never a guessed time); fails after
    `timeout` seconds of the loop's clock."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.1)


def screen_as(app: CatalystApp, kind: type[S]) -> S:
    """The app's current screen, which the test knows to be a `kind`."""
    screen = app.screen
    assert isinstance(screen, kind), f"{screen} is not a {kind.__name__}"
    return screen


def row_keys(table: DataTable[Any]) -> list[str]:
    """The key of each row of `table`, top to bottom."""
    keys = [table.coordinate_to_cell_key(Coordinate(i, 0)).row_key for i in range(table.row_count)]
    return [str(key.value) for key in keys]


ZONE = zoneinfo.ZoneInfo(DEMO_ZONE)
# The watchlist header's items, each whole: a label with its figure (P&L with its percentage).
HEADER_ITEMS = {
    "Portfolio": r"Portfolio USD [\d,]+\.\d\d",
    "Day": r"Day [+-][\d,]+\.\d\d \([+-][\d.]+%\)",
    "P&L": r"P&L [+-][\d,]+\.\d\d \([+-][\d.]+%\)",
    "Realized YTD": r"Realized YTD [+-][\d,]+\.\d\d",
}


def make_app(config, store, **kwargs) -> CatalystApp:
    """The app on the demo's frozen clock and zone; no live updates, no file watching."""
    workspace = Workspace(config, store, clock=lambda: DEMO_NOW, zone=ZONE)
    kwargs.setdefault("live", False)
    kwargs.setdefault("watch_file", False)
    return CatalystApp(workspace, **kwargs)


def rows(app: CatalystApp, table_id: str = "#tickers") -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(app: CatalystApp, selector: str) -> str:
    """The plain text a Static shows (a rich Text, Table or Group alike), 200 columns wide."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def lines_on_screen(app: CatalystApp, selector: str) -> list[str]:
    """The lines a widget draws, as it draws them: at its own width and height on screen."""
    widget = app.screen.query_one(selector)
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text.rstrip() for strip in strips]


def symbols(app: CatalystApp) -> list[str]:
    return [r[0].replace("⚑ ", "") for r in rows(app)]


def field_error(app: CatalystApp, field: str) -> str:
    return str(app.screen.query_one(f"#error-{field}", Static).render())


async def move_to(pilot, app: CatalystApp, table_id: str, key: str) -> None:
    table = app.screen.query_one(table_id, DataTable)
    index = table.get_row_index(key)
    table.move_cursor(row=index)
    await pilot.pause()


async def type_into(pilot, app: CatalystApp, field: str, text: str, *, keys: bool = False) -> None:
    """Fill a form field: with real key presses, or by setting the value (which sends the
    same Changed message, in a fraction of the time)."""
    widget = app.screen.query_one(f"#field-{field}")
    if keys:
        assert isinstance(widget, Input)
        widget.value = ""
        widget.focus()
        await pilot.press(*[c if c != " " else "space" for c in text])
    elif isinstance(widget, Input):
        widget.value = text
    else:
        assert isinstance(widget, TextArea)
        widget.text = text
    await pilot.pause()


async def open_alab(pilot, app: CatalystApp) -> None:
    """From the watchlist as it starts: ALAB's ticker screen (ALAB is the first row)."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, TickerScreen) and app.screen.symbol == "ALAB"


def first_refresh_shown(app: CatalystApp) -> bool:
    """Whether a live app shows its first refresh whole: a price on every row (shown as soon
    as the quote pass is stored) and the header no longer refreshing (its cycle's rows read,
    with the verdicts judged on them)."""
    from catalyst_tui.tui.screens.watchlist import WatchlistScreen

    screen = app.screen
    if not isinstance(screen, WatchlistScreen) or screen.header.refreshing:
        return False
    shown = rows(app)
    return bool(shown) and all(r[1][:1].isdigit() for r in shown)
