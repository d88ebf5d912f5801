"""The screens as the snapshot tests and `make screenshots` show them: each scene takes a Pilot
on the app over the demo data and brings it to one screen, then waits for that screen's own
state (its rows read, its pane shown, its message placed, no worker left running), never for a
length of time: a busy machine only makes a scene take longer, not photograph something else.
A text field's cursor does not blink in a photograph."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.widgets import DataTable, Input, Static, TabbedContent

from catalyst_tui.tui.widgets.ticker.panes import PANES

from .pilot import lines_on_screen

PATIENCE = 120.0  # seconds before a scene says which state never came (a hang, not a load)


async def settled(pilot, ready: Callable[[], bool], what: str) -> None:
    """Pause until `ready()` holds with every worker done, then let the last frame land."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if ready():
            break
        assert loop.time() < deadline, f"the scene's state never came: {what}"
        await pilot.pause(0.05)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _rows(pilot, table_id: str) -> int:
    tables = pilot.app.screen.query(table_id)
    return tables.first(DataTable).row_count if tables else 0


def _pane(pilot, pane: str) -> bool:
    panes = pilot.app.screen.query("#panes")
    return bool(panes) and panes.first(TabbedContent).active == pane


async def watchlist(pilot) -> None:
    await settled(pilot, lambda: _rows(pilot, "#tickers") > 0, "the watchlist's rows")


def _status(pilot) -> str:
    lines = pilot.app.screen.query("#status-line")
    return str(lines.first(Static).render()) if lines else ""


async def one_group_sorted_by_day(pilot) -> None:
    """The watchlist's second group sorted by the day's change (two presses of s). The two
    toasts that name each sort time out on the wall clock, so a busy machine would photograph one
    or none: they are cleared, and the status line names the sort."""
    await watchlist(pilot)
    await pilot.press("right_square_bracket", "s", "s")
    await settled(pilot, lambda: "by day change" in _status(pilot), "the sort by day change")
    pilot.app.clear_notifications()
    await settled(pilot, lambda: not pilot.app.screen.query("Toast"), "no toast left")


async def _ticker(pilot, pane: str, table_id: str | None = None) -> None:
    """ALAB's ticker screen (the first row) with `pane` shown and, when named, its table read."""
    await watchlist(pilot)
    await pilot.press("enter")
    await settled(pilot, lambda: _rows(pilot, "#checkpoint-table") > 0, "ALAB's checkpoints")
    if pane != "checkpoints":
        await pilot.press(next(k for k, p in _KEYS.items() if p == pane))
    await settled(
        pilot,
        lambda: _pane(pilot, pane) and (table_id is None or _rows(pilot, table_id) > 0),
        f"the {pane} pane",
    )


_KEYS = {p.key: p.id for p in PANES}  # every pane's number key, from the one table of panes


async def alab_gross_margin(pilot) -> None:
    """ALAB's checkpoints with the flagged gross-margin guard highlighted: the reason shows."""
    await _ticker(pilot, "checkpoints")
    table = pilot.app.screen.query_one("#checkpoint-table", DataTable)
    table.move_cursor(row=table.get_row_index("gross-margin-floor"))
    await settled(
        pilot,
        lambda: "gross_margin" in " ".join(lines_on_screen(pilot.app, "#checkpoint-detail")),
        "the guard's reason",
    )


async def alab_chart(pilot) -> None:
    await _ticker(pilot, "chart")


async def alab_position(pilot) -> None:
    await _ticker(pilot, "position", "#lot-table")


async def alab_results(pilot) -> None:
    """ALAB's earnings releases: the Q3 FY26 one against its guide, its figures beside XBRL's."""
    await _ticker(pilot, "results", "#results-table")


async def alab_kpis(pilot) -> None:
    """ALAB's KPIs read from words: Scorpio's share of revenue as management says it, quarter
    by quarter, and the guidance raised."""
    await _ticker(pilot, "kpis", "#kpis-table")


async def alab_replay(pilot) -> None:
    """ALAB's thesis replayed over every stored close (`r` on its page), once made."""
    await _ticker(pilot, "checkpoints")
    await pilot.press("r")
    await settled(pilot, lambda: getattr(pilot.app.screen, "loaded", False), "the replay")


async def timeline(pilot) -> None:
    await watchlist(pilot)
    await pilot.press("t")
    await settled(pilot, lambda: _rows(pilot, "#events") > 0, "the timeline's rows")


def _error_shown(pilot, field: str) -> bool:
    errors = pilot.app.screen.query(f"#error-{field}")
    return bool(errors) and bool(str(errors.first(Static).render()).strip())


async def checkpoint_form_bad_date(pilot) -> None:
    """A new ALAB checkpoint whose due date is not a date: the inline message shows."""
    await _ticker(pilot, "checkpoints")
    await pilot.press("c")
    await settled(pilot, lambda: bool(pilot.app.screen.query("#field-due")), "the form")
    screen = pilot.app.screen
    screen.query_one("#field-id").value = "npo-design-win"
    screen.query_one("#field-title").value = "A hyperscaler NPO design win"
    screen.query_one("#field-due").value = "2027-13-01"
    await settled(pilot, lambda: _error_shown(pilot, "due"), "the due date's message")


async def keys(pilot) -> None:
    await watchlist(pilot)
    await pilot.press("question_mark")
    await settled(pilot, lambda: pilot.app.screen.id == "keys", "the keys screen")


async def alab_1d(pilot) -> None:
    """ALAB's one-day chart: its 5-minute bars under the session's times."""
    await _ticker(pilot, "chart")
    while pilot.app.screen.chart.range_name != "1D":
        await pilot.press("left_square_bracket")
    await settled(pilot, lambda: pilot.app.screen.chart.range_name == "1D", "the 1D chart")


async def sec_contact_form(pilot) -> None:
    """The first start without an SEC contact: the form, an address without a name typed."""
    await settled(pilot, lambda: bool(pilot.app.screen.query("#field-user_agent")), "the form")
    field = pilot.app.screen.query_one("#field-user_agent")
    field.value = "jane@example.com"
    await settled(pilot, lambda: _error_shown(pilot, "user_agent"), "the contact's message")


async def performance(pilot) -> None:
    """The Performance screen (`p` on the watchlist), its rows read."""
    await watchlist(pilot)
    await pilot.press("p")
    await settled(pilot, lambda: _rows(pilot, "#returns-table") > 0, "the returns' rows")


async def alab_lines(pilot) -> None:
    """ALAB's product lines from its Q3 FY26 10-Q: Scorpio the largest, each against Q3 FY25."""
    await _ticker(pilot, "lines", "#lines-table")
