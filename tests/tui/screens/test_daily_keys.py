"""Keys and forms as a daily tool: q quits from every screen, a form shows only the fields its
kind takes, a symbol is taken as exchanges write it, the mark form starts from how the
checkpoint stands, and pending is not styled as a warning."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
import sqlite3

from rich.color import Color
from textual.widgets import DataTable, Input, Select, Static
from textual.widgets.data_table import ColumnKey

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.thesis.vocabulary import STATUS_STYLE, Status
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.palette import ink
from catalyst_tui.tui.screens.edit_forms import CheckpointForm, LotForm
from catalyst_tui.tui.screens.forms import FormScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.timeline import TimelineScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen

from ...conftest import BUNDLED_CONFIG
from ...support.demo_data import DEMO_NOW
from ...support.liveness import no_hang_async
from ...support.pilot import (
    HEADER_ITEMS,
    ZONE,
    lines_on_screen,
    make_app,
    move_to,
    open_alab,
    rows,
    screen_as,
    text_of,
    type_into,
    wait_for,
)


async def test_q_quits_from_the_ticker_and_the_timeline_screens(demo):
    config, store = demo
    for keys, screen in ((("enter",), TickerScreen), (("t",), TimelineScreen)):
        app = make_app(config, store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, screen)
            await pilot.press("q")
            await pilot.pause()
            assert app.return_code == 0 and not app.is_running


async def test_a_milestone_form_shows_neither_when_nor_until_and_saves_neither(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)

        def shown() -> set[str]:
            return {f.name for f in form.fields if form.query_one(f"#row-{f.name}").display}

        assert form.query_one("#field-kind", Select).value == "milestone"
        assert {"due"} <= shown() and not {"when", "until"} & shown()
        form.query_one("#field-kind", Select).value = "guard"
        await pilot.pause()
        assert {"when", "until"} <= shown() and "due" not in shown()
        await type_into(pilot, app, "when", "gross_margin >= 60%")
        await type_into(pilot, app, "until", "2027-12-31")
        form.query_one("#field-kind", Select).value = "milestone"  # changed my mind
        await pilot.pause()
        await type_into(pilot, app, "id", "npo-second-customer")
        await type_into(pilot, app, "title", "A second NPO customer")
        await type_into(pilot, app, "due", "2027-09-30")
        assert form.values()["when"] == "" and form.values()["until"] == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen), form.errors
    saved = next(
        c
        for c in load_config(config.path).tickers["ALAB"].checkpoints
        if c.id == "npo-second-customer"
    )
    assert (saved.kind, saved.when, saved.until) == ("milestone", None, None)


async def test_a_lower_case_symbol_is_added_in_capitals(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, app, "symbol", "aapl")
        assert screen_as(app, FormScreen).errors.get("symbol", "") == ""  # not refused
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "AAPL" in load_config(config.path).tickers
    assert "aapl" not in config.path.read_text()


async def test_the_mark_form_starts_from_the_status_as_it_stands(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")  # missed
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#field-status", Select).value == "missed"
        await pilot.press("escape")
        await pilot.pause()
        await move_to(pilot, app, "#checkpoint-table", "npo-multi-rack-2027")  # pending
        await pilot.press("m")
        await pilot.pause()
        # pending stays pending until the user says otherwise (it read met)
        assert app.screen.query_one("#field-status", Select).value == "pending"
        assert app.screen.query_one("#field-note", Input).value == ""
        app.screen.query_one("#field-status", Select).value = "missed"
        await type_into(pilot, app, "note", "Q4 call: no NPO revenue", keys=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        # marked: the form opened again starts from the mark and its note
        await move_to(pilot, app, "#checkpoint-table", "npo-multi-rack-2027")
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#field-status", Select).value == "missed"
        assert app.screen.query_one("#field-note", Input).value == "Q4 call: no NPO revenue"


def test_pending_is_not_styled_as_a_warning():
    pending = STATUS_STYLE[Status.PENDING]
    assert not {"yellow", "orange", "red"} & set(pending.replace("_", " ").split())
    assert "red" in STATUS_STYLE[Status.MISSED]


def _last_line(svg: str) -> str:
    text = html.unescape("".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)))
    return text.replace("\xa0", " ").rstrip().splitlines()[-1]


async def test_the_footer_keeps_quit_and_keys_at_80_columns_on_every_screen(demo):
    config, store = demo
    app = make_app(config, store)

    async def footer(pilot) -> str:
        """The screen's last line once its footer is painted (a loaded machine paints a frame
        late): the last line seen when none shows the keys within the wait."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60.0
        line = _last_line(app.export_screenshot())
        while not ("q Quit" in line and "? Keys" in line) and loop.time() < deadline:
            await pilot.pause(0.1)
            line = _last_line(app.export_screenshot())
        return line

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footers = [await footer(pilot)]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TickerScreen))
        footers.append(await footer(pilot))
        await pilot.press("escape", "t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
        footers.append(await footer(pilot))
    for footer_line in footers:
        assert "q Quit" in footer_line and "? Keys" in footer_line, footer_line


async def test_the_refresh_age_counts_up_on_its_own(demo):
    """No refresh, no key: the header's "refreshed … ago" follows the clock."""
    config, store = demo
    last = store.views.health().last_refresh
    clock = [DEMO_NOW]
    app = CatalystApp(
        Workspace(config, store, clock=lambda: clock[0]), live=False, watch_file=False
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()

        def header() -> str:
            return text_of(app, "#summary")

        assert "refreshed" in header() and "refreshed 3h ago" not in header()
        clock[0] = last + dt.timedelta(hours=3, minutes=5)  # 3h 5m after the last fetch
        async with no_hang_async("the header's timer ticking"):  # a tick every 5 s
            while "refreshed 3h ago" not in header():
                await pilot.pause(0.1)


async def test_a_price_that_grows_past_the_first_width_and_goes_stale_is_never_cut(demo):
    """The columns were sized by the first fill: a six-digit price with its stale mark must
    widen the column, not be cut."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(200, 36)) as pilot:
        await pilot.pause()
        conn = sqlite3.connect(store.path)
        with conn:
            conn.execute("UPDATE quotes SET price = 123456.78, stale = 1 WHERE symbol = 'NVDA'")
        conn.close()
        screen_as(app, WatchlistScreen).reload()
        await pilot.pause()
        table = app.screen.query_one("#tickers", DataTable)
        cell = table.get_cell("NVDA", "price")
        assert str(cell) == "123,456.78*"  # the figure as written by hand, with its mark
        assert table.columns[ColumnKey("price")].get_render_width(table) >= len("123,456.78*")
        assert table.columns[ColumnKey("price")].content_width >= len("123,456.78*")


async def test_sparklines_are_coloured_by_their_direction(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#tickers", DataTable)
        data = screen_as(app, WatchlistScreen).data
        assert data is not None
        for row in data.rows:
            if len(row.spark) < 2 or row.spark[-1] == row.spark[0]:
                continue
            expected = ink().good if row.spark[-1] > row.spark[0] else ink().bad  # the theme's
            assert str(table.get_cell(row.symbol, "spark").style) == expected, row.symbol
        drawn = {str(table.get_cell(r.symbol, "spark").style) for r in data.rows if r.spark}
        assert drawn == {ink().good, ink().bad}  # the demo has both


async def test_e_on_the_position_pane_edits_the_lot_under_the_cursor(demo):
    """ALAB with a second lot: e edits the first while the lots table has no focus, and the
    one under the cursor once it has (the second, not the first)."""
    config, store = demo
    app = make_app(config, store)
    added = app.workspace.add_lot("ALAB", {"shares": "15", "cost": "150", "date": "2026-06-01"})
    assert added.written
    first, second = app.workspace.config.tickers["ALAB"].lots
    assert (first.shares, second.shares) == (40, 15)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("e")  # on the checkpoints pane: the checkpoint
        await pilot.pause()
        assert isinstance(app.screen, CheckpointForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("3")  # the position pane
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, LotForm) and "Lot 1 of ALAB" in app.screen.title_text
        assert app.screen.values()["shares"] == f"{first.shares:g}"
        await pilot.press("escape")
        await pilot.pause()
        lots = app.screen.query_one("#lot-table", DataTable)
        assert [r[1] for r in rows(app, "#lot-table")] == ["40", "15"]
        lots.focus()
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, LotForm) and "Lot 2 of ALAB" in app.screen.title_text
        assert app.screen.values()["shares"] == f"{second.shares:g}"
        assert app.screen.values()["cost"] == "150"


async def test_a_past_due_checkpoint_still_pending_says_why_on_the_first_screen(tmp_path):
    """Nothing fetched yet: the FY26 estimate, made due 2026-08-31 here, is past due and can't
    be judged; the first screen says why (the evaluation's own reason), not only how long ago
    it was due."""
    edited = tmp_path / "catalysts.toml"
    text = BUNDLED_CONFIG.read_text()
    edited.write_text(text.replace("due = 2027-03-31", "due = 2026-08-31", 1))
    config = load_config(edited)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        evaluate_checkpoints(config, store, DEMO_NOW)
        (row,) = [c for c in store.views.checkpoints("ALAB") if c.id == "fy26-revenue-estimate"]
        assert row.status == "pending" and row.due is not None and row.due < DEMO_NOW.date()
        workspace = Workspace(config, store, clock=lambda: DEMO_NOW, zone=ZONE)
        app = CatalystApp(workspace, live=False, watch_file=False)
        async with app.run_test(size=(200, 36)) as pilot:
            await pilot.pause()
            line = str(app.screen.query_one("#status-line", Static).content)
    assert "ALAB/fy26-revenue-estimate past due, pending: no fundamentals yet for ALAB" in line


async def test_a_stale_price_keeps_its_colour_on_the_highlighted_row(demo):
    """The cursor row took the cursor's foreground for every cell: the stale price's yellow
    (MRVL's last refresh failed in the demo) vanished exactly where the user was looking."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#tickers", DataTable)

        def mark_colour() -> tuple[Color | None, Color | None]:
            """The colour of MRVL's `*` on screen, and of the cursor's own text beside it."""
            for y in range(table.size.height):
                segments = list(table.render_line(y))
                if "MRVL" not in "".join(s.text for s in segments):
                    continue
                star = next(s for s in segments if s.text.rstrip().endswith("*"))
                symbol = next(s for s in segments if "MRVL" in s.text)
                assert star.style is not None and symbol.style is not None
                return star.style.color, symbol.style.bgcolor
            raise AssertionError("MRVL is not on screen")

        await move_to(pilot, app, "#tickers", "NVDA")
        away, away_bg = mark_colour()
        await move_to(pilot, app, "#tickers", "MRVL")
        under, under_bg = mark_colour()
        assert under_bg != away_bg  # the row is highlighted now
        warning = Color.parse(ink().warning).get_truecolor()  # the theme's (palette.py)
        assert under == away and under is not None and under.get_truecolor() == warning


async def test_the_header_breaks_between_its_items_never_inside_one(demo):
    """At 80 columns the header's four items do not fit one line: the terminal's own wrap put
    P&L's percentage and Realized YTD's figure at the start of the next line, away from their
    labels. Each item stays whole on its line; at 120 columns all four share the first. The
    lines are read as the widget draws them, at its width on screen."""
    config, store = demo
    whole = HEADER_ITEMS
    for size, first_line_items in (((80, 24), 2), ((120, 36), 4)):
        app = make_app(config, store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.pause()
            summary = app.screen.query_one("#summary", Static)
            lines = lines_on_screen(app, "#summary")
            assert len(lines) == summary.size.height and lines[-1]  # no blank line drawn
            for label, pattern in whole.items():
                assert any(re.search(pattern, line) for line in lines), (label, lines)
            assert all(len(line.rstrip()) <= summary.content_size.width for line in lines), lines
            first = lines[0]
            assert sum(label in first for label in whole) == first_line_items, lines
            assert lines[-1].startswith("refreshed")  # the health on its own line
