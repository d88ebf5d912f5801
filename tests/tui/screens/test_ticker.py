"""The ticker screen driven by Textual's Pilot on a real database file and a real
catalysts.toml: why a checkpoint is flagged, the chart's ranges, marking and acknowledging, and
the keys that reach the panes, the forms and the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Select, TabbedContent, Tabs
from textual.widgets.data_table import ColumnKey

from catalyst_tui.tui.screens.forms import FormScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.timeline import TimelineScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from catalyst_tui.tui.widgets.chart import PriceChart
from catalyst_tui.tui.widgets.footer import FooterKeys
from catalyst_tui.tui.widgets.ticker.panes import PANES

from ...support import scenes
from ...support.pilot import (
    lines_on_screen,
    make_app,
    move_to,
    open_alab,
    row_keys,
    rows,
    text_of,
    type_into,
)


async def test_enter_opens_alab_and_says_why_gross_margin_is_flagged(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        # Soonest due first, the undated guards after (by their end), file order among equals.
        dated = sorted(
            (c.due, n, c.id)
            for n, c in enumerate(config.tickers["ALAB"].checkpoints)
            if c.due is not None
        )
        undated = sorted(
            (c.until or dt.date.max, n, c.id)
            for n, c in enumerate(config.tickers["ALAB"].checkpoints)
            if c.due is None
        )
        ids = [i for *_, i in dated] + [i for *_, i in undated]
        assert ids != [c.id for c in config.tickers["ALAB"].checkpoints]  # the order is news
        flagged = {c.id for c in store.views.checkpoints("ALAB") if c.flagged}
        ids = [i for i in ids if i in flagged] + [i for i in ids if i not in flagged]
        table = app.screen.query_one("#checkpoint-table", DataTable)
        assert row_keys(table) == ids
        await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")
        detail = text_of(app, "#checkpoint-detail")
        assert "gross_margin 69.1% < 70%" in detail
        assert "unacknowledged" in detail and "Source:" in detail
        cells = rows(app, "#checkpoint-table")[ids.index("gross-margin-floor")]
        assert "missed" in cells[0] and "⚑" in cells[0] and cells[4] == "69.1%"
        await pilot.press("3")
        await pilot.pause()
        funds = text_of(app, "#fundamentals")
        assert "Gross margin" in funds and "69.1%" in funds and "Next earnings" in funds
        assert app.screen.query_one("#lot-table", DataTable).row_count == 1
        await pilot.press("4")
        await pilot.pause()
        assert "Connectivity, not compute" in text_of(app, "#thesis-text")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)


async def test_chart_ranges_change_with_brackets(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TickerScreen) and screen.chart.range_name == "1Y"
        year = len(screen.query_one("#price-chart", PriceChart).points)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.chart.range_name == "6M"
        assert 0 < len(screen.query_one("#price-chart", PriceChart).points) < year
        for _ in range(2):
            await pilot.press("left_square_bracket")
        assert screen.chart.range_name == "1M"
        # shorter still are the intraday ranges (widgets/ticker/test_intraday_chart.py); longer, 5Y
        for _ in range(6):
            await pilot.press("right_square_bracket")
        assert screen.chart.range_name == "5Y"


async def test_a_range_tab_synced_late_does_not_take_the_range_back(demo):
    """On a busy loop the range tab's own message arrives after the next `[`: the chart stays
    on the range the keys chose."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "2")
        await pilot.pause()
        chart = app.screen.chart if isinstance(app.screen, TickerScreen) else None
        assert chart is not None and chart.range_name == "1Y"
        chart.action_range(-1)
        chart._sync_range_tab()  # the tab follows 6M now, as after a refresh of the screen
        chart.action_range(-1)  # the next `[`, before anything the tab posted is read
        await pilot.pause()
        await pilot.pause()
        assert chart.range_name == "3M"
        assert chart.query_one("#ranges", Tabs).active == "range-3M"


async def test_mark_the_npo_milestone_met_with_a_note(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "npo-multi-rack-2027")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        status = app.screen.query_one("#field-status", Select)
        assert status.value == "pending"  # as it stands
        status.value = "met"
        await type_into(pilot, app, "note", "Q4 call: NPO chipsets shipping", keys=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        row = next(r for r in store.views.checkpoints("ALAB") if r.id == "npo-multi-rack-2027")
        assert (row.status, row.manual, row.manual_note) == (
            "met",
            True,
            "Q4 call: NPO chipsets shipping",
        )
        await move_to(pilot, app, "#checkpoint-table", "npo-multi-rack-2027")
        assert "Q4 call: NPO chipsets shipping" in text_of(app, "#checkpoint-detail")
        # reopen it: the form starts from the status as it stands
        await pilot.press("m")
        await pilot.pause()
        status = app.screen.query_one("#field-status", Select)
        assert status.value == "met"
        status.value = "pending"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        row = next(r for r in store.views.checkpoints("ALAB") if r.id == "npo-multi-rack-2027")
        assert (row.status, row.manual) == ("pending", False)


async def test_acknowledge_on_the_ticker_screen_clears_the_highlighted_flag(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "gross-margin-floor")
        await pilot.press("A")
        await pilot.pause()
        assert ("ALAB", "gross-margin-floor") not in store.views.flagged()
        assert ("ALAB", "operating-margin-floor") in store.views.flagged()


async def test_ticker_screen_keys_reach_lots_timeline_and_back(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "3")
        await pilot.pause()
        assert app.screen.query_one("#panes", TabbedContent).active == "position"
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.query_one("#panes", TabbedContent).active == "checkpoints"
        assert app.focused is app.screen.query_one("#checkpoint-table")
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and "ALAB" in app.screen.title_text
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)


async def test_the_position_pane_shows_the_shares_still_held_after_a_sale(demo):
    """NVDA's example lot bought 80 shares and the example sale sold 30 of them: the lot's row
    holds 50, valued at 50 × the price, as the watchlist and `catalyst positions` count."""
    config, store = demo
    (lot,) = config.tickers["NVDA"].lots
    (sale,) = config.tickers["NVDA"].sells
    held = lot.shares - sale.shares
    assert (lot.shares, held) == (80, 50)
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await move_to(pilot, app, "#tickers", "NVDA")
        await pilot.press("enter", "3")
        await pilot.pause()
        assert app.workspace.latest is not None
        row = app.workspace.latest.row("NVDA")
        assert row is not None and row.shares == held and row.price is not None
        (cells,) = rows(app, "#lot-table")
        date, shares, cost, basis, value, pnl, _note = cells
        assert shares == "50 of 80"
        assert cost == "96.30"
        assert basis == f"{held * lot.cost:,.2f}"
        assert value == f"{held * row.price:,.2f}"
        assert pnl == f"{held * row.price - held * lot.cost:+,.2f}"


async def test_at_80x24_the_flagged_checkpoints_come_first_and_titles_before_numbers(demo):
    """What needs the user is on the first lines of a small terminal, by name: the flagged
    checkpoints (an unacknowledged miss) lead, and each title shows before the figures, as much
    of it as the figures leave room for, not the few letters left after them."""
    config, store = demo
    flagged = {c.id: c for c in store.views.checkpoints("ALAB") if c.flagged}
    assert len(flagged) == 2  # the demo's margin guards, neither due first nor listed first
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        await pilot.pause()
        table = app.screen.query_one("#checkpoint-table", DataTable)
        keys = row_keys(table)
        assert set(keys[:2]) == set(flagged)
        shown = lines_on_screen(app, "#checkpoint-table")
        for line, key in zip(shown[1:3], keys[:2], strict=True):
            c = flagged[key]
            value = str(table.get_row(key)[list(table.columns).index(ColumnKey("value"))])
            assert value and value in line
            words = c.title.split()[:3]  # "Gross margin holds": the title, before its figure
            assert " ".join(words) in line and line.index(words[0]) < line.index(value), line


# What each pane's keys are said as in the Footer while it is shown (its number key pressed).
PANE_KEYS = {
    "1": ("m Mark", "c New checkpoint", "e Edit", "x Archive", "A Ack"),
    "2": ("[ Shorter", "] Longer"),
    "3": ("l Add lot", "L Edit lot", "D Remove", "s Sell", "S Undo sale"),
    "4": ("n Name, group, thesis",),
    "5": ("m Mark from it", "y Accept", "d Dismiss", "a Add document"),
}


async def test_every_pane_shows_its_own_keys_in_the_footer_at_80_columns(demo):
    """The Footer shows the keys of the pane shown, whole, with back, quit and keys: those of
    the Chart, the Position and the Thesis panes were listed nowhere but under `?`."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        for number, keys in PANE_KEYS.items():
            await pilot.press(number)
            await pilot.pause()
            line = app.screen.query_one(FooterKeys)
            footer = [
                " ".join(text.split())
                for text, _start, end in line.placed()
                if line.region.x + end <= 80  # drawn whole, on screen
            ]
            assert sorted(footer) == sorted((*keys, "esc Back", "q Quit", "? Keys")), number
        await pilot.press("1")
        await pilot.click("#--content-tab-thesis")  # a tab clicked: the focus goes in, as by 4
        await pilot.pause()
        assert app.focused is app.screen.query_one("#thesis-scroll")
        await pilot.press("3", "l")  # a pane's key acts as the screen's: a new lot's form
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)


async def test_the_screen_is_built_from_the_table_of_panes(demo):
    """Each row of widgets/ticker/panes.py: its tab says its number and title, its number key
    shows it and puts the focus in the widget the row names; no key is declared by two panes
    (the screen would run only one of them)."""
    keys = [k.key for pane in PANES for k in pane.keys]
    assert len(keys) == len(set(keys)), keys
    assert not {p.key for p in PANES} & set(keys)
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        tabs = app.screen.query_one("#panes", TabbedContent)
        for pane in PANES:
            assert str(tabs.get_tab(pane.id).label) == f"{pane.key} {pane.title}"
        for pane in (*PANES[1:], PANES[0]):
            await pilot.press(pane.key)
            await pilot.pause()
            assert tabs.active == pane.id
            assert app.focused is app.screen.query_one(pane.focus), pane.id


def hangs_under(lines: list[str], label: str) -> list[str]:
    """The lines after the one `label` starts, while they begin under its text's first column:
    its wrapped lines (none when they restart at the left edge)."""
    [at] = [i for i, line in enumerate(lines) if line.lstrip().startswith(label)]
    column = lines[at].index(label) + len(label)
    wrapped = []
    for line in lines[at + 1 :]:
        if line[:column].strip() or not line[column : column + 1].strip():
            break
        wrapped.append(line[column:])
    return wrapped


async def test_the_checkpoint_details_wrap_under_their_texts_first_column(demo):
    """At 80 columns the NPO milestone's source and notes wrap; each wrapped line starts under
    the text's first column, after 'Source: ' and 'Notes: ' (they restarted at column 0)."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "npo-multi-rack-2027")
        lines = lines_on_screen(app, "#checkpoint-detail")
        [c] = [c for c in config.tickers["ALAB"].checkpoints if c.id == "npo-multi-rack-2027"]
        assert c.source is not None and c.notes is not None
        source = hangs_under(lines, "Source: ")
        assert source and c.source.endswith(" ".join(w.strip() for w in source))
        notes = hangs_under(lines, "Notes: ")
        assert notes and " ".join(notes[0].split()) in " ".join(c.notes.split())


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_toasts_stand_above_the_checkpoints_detail(demo, size):
    """As a newcomer met it: a refresh's toasts covered the ticker page's detail panel (the
    highlighted checkpoint's why, source and notes). On the ticker page they stand above it,
    over the table's last rows, at 80x24 and at 120x36."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=size, notifications=True) as pilot:
        await scenes.alab_gross_margin(pilot)
        for n in range(3):
            app.notify(f"ALAB/gross-margin-floor: holding → missed ({n})", timeout=600)

        def toasts() -> list:
            return [w for w in app.screen.query("Toast") if w.region.height]

        await scenes.settled(pilot, lambda: len(toasts()) == 3, "three toasts shown")
        detail = app.screen.query_one("#checkpoint-detail").region
        assert detail.height >= 5  # the guard's why, its flag, source and notes
        for toast in toasts():
            assert not toast.region.overlaps(detail), (toast.region, detail)
            assert toast.region.bottom <= detail.y
