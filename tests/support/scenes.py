"""The screens as the snapshot tests and `make screenshots` show them: each scene takes a Pilot
on the app over the demo data and brings it to one screen."""

from __future__ import annotations


async def watchlist(pilot) -> None:
    await pilot.pause()


async def alab_gross_margin(pilot) -> None:
    """ALAB's checkpoints with the flagged gross-margin guard highlighted: the reason shows."""
    await pilot.press("enter")
    await pilot.pause()
    table = pilot.app.screen.query_one("#checkpoint-table")
    table.move_cursor(row=table.get_row_index("gross-margin-floor"))
    await pilot.pause()


async def alab_chart(pilot) -> None:
    await pilot.press("enter", "2")
    await pilot.pause()


async def alab_position(pilot) -> None:
    await pilot.press("enter", "3")
    await pilot.pause()


async def alab_results(pilot) -> None:
    """ALAB's earnings releases: the Q3 FY26 one against its guide, its figures beside XBRL's."""
    await pilot.press("enter", "6")
    await pilot.pause()


async def timeline(pilot) -> None:
    await pilot.press("t")
    await pilot.pause()


async def checkpoint_form_bad_date(pilot) -> None:
    """A new ALAB checkpoint whose due date is not a date: the inline message shows."""
    await pilot.press("enter", "c")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#field-id").value = "npo-design-win"
    screen.query_one("#field-title").value = "A hyperscaler NPO design win"
    screen.query_one("#field-due").value = "2027-13-01"
    await pilot.pause()


async def keys(pilot) -> None:
    await pilot.press("question_mark")
    await pilot.pause()


async def alab_1d(pilot) -> None:
    """ALAB's one-day chart: its 5-minute bars under the session's times."""
    await pilot.press("enter", "2")
    await pilot.pause()
    while pilot.app.screen.chart.range_name != "1D":
        await pilot.press("left_square_bracket")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()


async def sec_contact_form(pilot) -> None:
    """The first start without an SEC contact: the form, an address without a name typed."""
    await pilot.pause()
    field = pilot.app.screen.query_one("#field-user_agent")
    field.value = "jane@example.com"
    await pilot.pause()
