"""The watchlist screen driven by Textual's Pilot on a real database file and a real
catalysts.toml: positions, scores and flags shown, the first run, sorting, filtering, group tabs,
and rows updated in place."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from catalyst_tui.config import Config, load_config
from catalyst_tui.store import Store
from catalyst_tui.tui import format as fmt
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS, GIVE_WAY

from ...conftest import BUNDLED_CONFIG
from ...support import scenes
from ...support.demo_data import DEMO_NOW
from ...support.pilot import (
    lines_on_screen,
    make_app,
    move_to,
    rows,
    symbols,
    text_of,
)


async def test_watchlist_shows_positions_scores_and_the_flagged_row(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(140, 36)) as pilot:  # wide enough for the shares held
        await pilot.pause()
        assert isinstance(app.screen, WatchlistScreen)
        assert symbols(app) == list(config.tickers)
        alab = rows(app)[0]
        assert alab[0] == "⚑ ALAB"  # an unacknowledged miss stands out
        cells = {
            r[0].removeprefix("⚑ "): dict(zip([k for k, _ in COLUMNS], r, strict=True))
            for r in rows(app)
        }
        # The example lots, less NVDA's example sale of 30: as the file has them.
        held = {"ALAB": 40, "LITE": 20, "COHR": 30, "NVDA": 80 - 30, "AVGO": 20, "ANET": 20}
        prices = {s: float(cells[s]["price"].rstrip("*").replace(",", "")) for s in held}
        total = sum(held[s] * prices[s] for s in held)
        for symbol, shares in held.items():
            cell = cells[symbol]
            assert cell["shares"] == str(shares)
            value = float(cell["value"].replace(",", ""))
            assert value == pytest.approx(shares * prices[symbol], abs=0.01)
            assert cell["weight"] == f"{shares * prices[symbol] / total:.1%}"
        assert 0.15 < 40 * prices["ALAB"] / total < 0.35  # over its 15% cap: the guard's miss
        # P&L % of what is held, against the file's cost (ALAB: one lot, no sale)
        [lot] = config.tickers["ALAB"].lots
        gain = prices["ALAB"] / lot.cost - 1
        assert cells["ALAB"]["pnl"] == f"{gain * 100:+.1f}%"
        assert cells["CRDO"]["pnl"] == ""  # watched only
        assert cells["CRDO"]["shares"] == cells["MRVL"]["shares"] == ""  # watched only
        cell = cells["ALAB"]
        assert "✗" in cell["thesis"] and "✓" in cell["thesis"]  # misses and mets
        assert set(alab[3]) <= set("▁▂▃▄▅▆▇█ ") and alab[3].strip()
        summary = text_of(app, "#summary")
        assert f"Portfolio USD {total:,.2f}" in summary
        assert "refreshed 5m ago" in summary and "1 stale" in summary
        mrvl = rows(app)[symbols(app).index("MRVL")]
        assert mrvl[1].endswith("*")  # the last good price, marked stale
        assert "flagged" in text_of(app, "#status-line")


async def test_first_run_with_an_empty_database_says_no_data_yet(tmp_path: Path):
    config = load_config(BUNDLED_CONFIG)
    with Store.open(tmp_path / "empty.db") as store:
        store.sync.apply(config)
        app = make_app(config, store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert symbols(app) == list(config.tickers)
            assert all(r[1] == "no data yet" for r in rows(app))
            assert "no data yet" in text_of(app, "#summary")
            # Nothing priced: no portfolio value, day or P&L (—, never 0.00). NVDA's example
            # sale (a US listing: dollars) realized what the file says, known without a quote.
            (lot,) = config.tickers["NVDA"].lots
            (sale,) = config.tickers["NVDA"].sells
            realized = sale.shares * sale.price - sale.fees - sale.shares * lot.cost
            assert sale.date.year == DEMO_NOW.year
            summary = text_of(app, "#summary")
            assert "Portfolio USD —  Day —  P&L —" in summary
            assert f"Realized YTD {realized:+,.2f}" in summary
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TickerScreen)
            assert "no data yet" in text_of(app, "#ticker-title")
            await pilot.press("escape", "q")
            await pilot.pause()
        assert app.return_code == 0


async def test_sort_cycles_and_filter_narrows_then_escape_clears(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        file_order = symbols(app)
        await pilot.press("s")  # symbol
        assert symbols(app) == sorted(file_order)
        await pilot.press("s")  # day change, biggest first
        days = [float(r[2].rstrip("%")) for r in rows(app) if r[2] != "—"]
        assert days == sorted(days, reverse=True)
        await pilot.press("slash")
        await pilot.press("n", "v")
        await pilot.pause()
        assert symbols(app) == ["NVDA"]
        assert "filter 'nv'" in text_of(app, "#status-line")
        await pilot.press("escape")
        await pilot.pause()
        assert len(symbols(app)) == len(file_order)


async def test_group_tabs_show_one_group_and_all(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        groups = list(dict.fromkeys(t.group for t in config.tickers.values()))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        wanted = [s for s, t in config.tickers.items() if t.group == groups[0]]
        assert symbols(app) == wanted
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert symbols(app) == list(config.tickers)


async def test_rows_update_in_place_and_the_cursor_stays(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#tickers", DataTable)
        await move_to(pilot, app, "#tickers", "NVDA")
        store.checkpoints.acknowledge(
            None, DEMO_NOW
        )  # as if another process acknowledged the flags
        app.refresh_views()
        await pilot.pause()
        assert rows(app)[0][0] == "ALAB"  # no longer flagged
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        assert key.value == "NVDA"


async def test_flagged_counts_the_same_checkpoints_everywhere(demo):
    """ "N flagged" is the number of active checkpoints with an unacknowledged miss wherever it
    is said: the watchlist's status line, the ticker's title, the timeline's title and
    `catalyst check` (its JSON's flagged rows), even when one ticker has two."""
    import re

    from catalyst_tui.cli.output.report import checkpoint_json
    from catalyst_tui.tui.screens.timeline import TimelineScreen

    config, store = demo
    flagged = [
        r for r in checkpoint_json(store.views.checkpoints(), DEMO_NOW.date()) if r["flagged"]
    ]
    assert len(flagged) == 2 and {r["symbol"] for r in flagged} == {"ALAB"}  # two, one ticker
    assert len(store.views.flagged()) == 2
    app = make_app(config, store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()

        def count(selector: str) -> int:
            found = re.search(r"(\d+) flagged", text_of(app, selector))
            assert found, text_of(app, selector)
            return int(found.group(1))

        assert count("#status-line") == 2
        await pilot.press("enter")
        await pilot.pause()
        assert count("#ticker-title") == 2
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert count("#timeline-title") == 2


async def test_the_sorted_column_shows_its_direction_in_its_header(demo):
    """▲ the smallest first, ▼ the largest: the symbol A to Z is ▲, the day change (biggest
    gain first) ▼, reversed the other way; one arrow at a time, none in file order, and the
    columns stay where they were (room for the arrow is kept)."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()

        def header() -> str:
            return lines_on_screen(app, "#tickers")[0]

        first = header()
        assert "▲" not in first and "▼" not in first  # file order: no column sorted
        steps = [("s", "Symbol ▲"), ("S", "Symbol ▼"), ("s", "Day ▼"), ("S", "Day ▲")]
        for key, said in steps:
            await pilot.press(key)
            await pilot.pause()
            shown = header()
            assert said in shown and shown.count("▲") + shown.count("▼") == 1, (key, shown)
            assert shown.index("Price") == first.index("Price")  # nothing moved
        day = symbols(app)
        screen = app.screen
        assert isinstance(screen, WatchlistScreen) and screen.data is not None
        changes = {r.symbol: r.change_pct for r in screen.data.rows}
        priced = [change for s in day if (change := changes[s]) is not None]
        assert priced == sorted(priced)  # ▲: up


async def test_cells_are_kept_across_refreshes_and_rebuilt_when_their_row_changes(demo):
    """A row shown again unchanged (the table rebuilt by a sort, the data read again) keeps the
    cells built for it; a row whose shown values changed gets new ones, with the new values."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#tickers", DataTable)
        before = {key.value: table.get_row(key) for key in table.rows}
        assert str(before["ALAB"][0]).startswith("⚑")  # flagged in the demo
        store.checkpoints.acknowledge(None, DEMO_NOW)  # ALAB's flag goes
        app.refresh_views()
        await pilot.pause()
        await pilot.press("s")  # sorted by symbol: every row added again
        await pilot.pause()
        after = {key.value: table.get_row(key) for key in table.rows}
        assert after.keys() == before.keys()
        assert str(after["ALAB"][0]) == "ALAB" and after["ALAB"][0] is not before["ALAB"][0]
        kept = [s for s in after if s != "ALAB" and "⚑" not in str(before[s][0])]
        # (a column that gives way shows its cell clipped to its width: a copy of it)
        whole = [i for i, (key, _) in enumerate(COLUMNS) if key not in dict(GIVE_WAY)]
        assert kept and all(after[s][i] is before[s][i] for s in kept for i in whole)


async def test_escape_dismisses_the_toasts_once_no_filter_is_shown(demo):
    """A first refresh's toasts can cover the table at 80x24: esc takes them away, and with a
    filter shown it clears the filter first, the toasts left as they are."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for n in range(3):
            app.notify(f"ALAB/gross-margin-floor: met → missed ({n})", timeout=60)
        await pilot.pause()
        assert len(app._notifications) == 3
        await pilot.press("slash", "n", "v")
        await pilot.press("escape")  # the filter goes first
        await pilot.pause()
        assert len(app._notifications) == 3 and "filter" not in text_of(app, "#status-line")
        await pilot.press("escape")
        await pilot.pause()
        assert len(app._notifications) == 0
        assert len(symbols(app)) == 8  # the table as it was


async def test_quitting_as_the_watchlist_first_paints_raises_nothing(demo):
    """The hidden widgets mount after the first frame; a quit that lands in between (ctrl+q as
    the rows appear, on a slow machine) used to raise MountError from that deferred mount and
    print its traceback on the user's terminal."""
    config, store = demo
    app = make_app(config, store)
    seen: list[str] = []

    def quit_on_the_first_mount(message) -> None:
        if type(message).__name__ == "Mount" and isinstance(message._sender, WatchlistScreen):
            seen.append("mounted")
            app.exit()  # as ctrl+q would: before the frame's after-refresh callbacks run

    async with app.run_test(size=(120, 36), message_hook=quit_on_the_first_mount) as pilot:
        await pilot.pause()
    assert seen == ["mounted"]
    assert app.return_code in (0, None) and app._exception is None


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_every_column_fits_at_120_and_at_80_they_give_way_in_the_declared_order(demo, size):
    """At 120 columns every column but the shares is drawn whole, the forward P/E with its
    arrow too (the Earnings date and the forward P/E were cut or past the edge; the shares,
    the least telling, make the room for the verdict's coverage); narrower, the columns of
    cells.py's GIVE_WAY are left blank in its order, and what is drawn fits: nothing is cut
    at the edge."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=size) as pilot:
        await scenes.watchlist(pilot)
        table = app.screen.query_one("#tickers", DataTable)
        blank_order = [key for key, floor in GIVE_WAY if floor == 0]
        assert blank_order[0] == "shares"

        def blank() -> list[str]:
            return [
                str(c.key.value)
                for c in table.columns.values()
                if not c.auto_width and c.width == 0
            ]

        await scenes.settled(
            pilot, lambda: table.virtual_size.width <= table.size.width, "the columns fitted"
        )
        gone = blank()
        assert set(gone) == set(blank_order[: len(gone)])  # in the declared order
        header = lines_on_screen(app, "#tickers")[0]
        shown = [label for key, label in COLUMNS if key not in gone]
        assert header.split() == " ".join(shown).split()  # each label whole, in order
        screen = app.screen
        assert isinstance(screen, WatchlistScreen) and screen.data is not None
        alab = next(r for r in screen.data.rows if r.symbol == "ALAB")
        line = next(ln for ln in lines_on_screen(app, "#tickers") if "ALAB" in ln)
        if size == (120, 36):
            assert gone == ["shares"]
            assert line.split()[-2:] == [f"{alab.forward_pe:.1f}x", "▲"]
        else:  # 80 columns: all but the verdict and the position's figures, which give way last
            assert set(gone) == set(blank_order) - {"pnl", "value", "weight", "verdict"}
            assert str(alab.verdict) in line
            assert line.split()[-1] == fmt.percent(alab.weight, sign=False).plain


async def test_the_headers_totals_are_the_sums_of_the_figures_shown(tmp_path: Path):
    """Three positions worth $1.0049 each show 1.00: the portfolio says 3.00, their sum as
    shown, not 3.01 (the sum of the exact values rounded), and its P&L the sum of theirs."""
    import datetime as dt

    from catalyst_tui.market.models import Quote, QuoteOutcome
    from catalyst_tui.session.workspace import Workspace
    from catalyst_tui.tui.app import CatalystApp

    from ...support.pilot import ZONE

    now = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC)
    path = tmp_path / "catalysts.toml"
    path.write_text(
        "".join(
            f'[tickers.{s}]\nname = "{s}"\n[[tickers.{s}.lots]]\nshares = 1\n'
            f"cost = 0.5\ndate = 2026-01-05\n"
            for s in ("AAA", "BBB", "CCC")
        )
    )
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now)
        quotes = [
            QuoteOutcome(s, Quote(s, 1.0049, 1.0, 0.0049, 0.0049, "USD", "CLOSED", now, "yahoo"))
            for s in ("AAA", "BBB", "CCC")
        ]
        store.market.save_quotes(quotes, now)
        app = CatalystApp(
            Workspace(config, store, clock=lambda: now, zone=ZONE), live=False, watch_file=False
        )
        async with app.run_test(size=(120, 36)) as pilot:
            await scenes.watchlist(pilot)
            shown = rows(app)
            summary = " ".join(text_of(app, "#summary").split())
    at = {key: n for n, (key, _label) in enumerate(COLUMNS)}
    values = [float(r[at["value"]]) for r in shown]
    gains = [float(r[at["gain"]]) for r in shown]
    assert values == [1.00, 1.00, 1.00] and gains == [0.50, 0.50, 0.50]
    assert f"Portfolio USD {sum(values):,.2f} " in summary  # 3.00: it read 3.01
    assert f"P&L {sum(gains):+,.2f} " in summary  # +1.50: it read +1.51


def _numbered(tmp_path: Path, count: int) -> tuple[list[str], Config]:
    """A thesis file of `count` tickers T001, T002… (names "T001 Inc"…), loaded."""
    names = [f"T{i:03d}" for i in range(1, count + 1)]
    path = tmp_path / "catalysts.toml"
    path.write_text("".join(f'[tickers.{s}]\nname = "{s} Inc"\n' for s in names))
    return names, load_config(path)


@contextlib.asynccontextmanager
async def _filled(tmp_path: Path, config: Config) -> AsyncIterator[tuple[CatalystApp, Any]]:
    """The app on `config` at 100x30, its first frame painted, then the rest of the rows
    (their cells built a step at a time, in a worker) added."""
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        app = make_app(config, store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            yield app, pilot


async def test_the_first_frame_holds_a_screen_of_rows_and_the_rest_follow_it(tmp_path, monkeypatch):
    """At start-up the table is built with the rows a screen shows (a row a line), painted, and
    then given the rest: once the app is idle every ticker is there in the file's order, the
    header counts them all, End reaches the last, and a sort orders them all."""
    from textual.widgets import DataTable as Table

    names, config = _numbered(tmp_path, 120)
    seen: list[int] = []  # the rows the table held when the first frame had been painted
    fill_rest = WatchlistScreen._fill_rest

    def record(self, *args):
        seen.append(self.query_one("#tickers", Table).row_count)
        return fill_rest(self, *args)

    monkeypatch.setattr(WatchlistScreen, "_fill_rest", record)
    async with _filled(tmp_path, config) as (app, pilot):
        assert seen == [30]  # one build, of the 30 rows a 30-line screen could show
        assert symbols(app) == names
        assert text_of(app, "#status-line").startswith("120/120 tickers")
        await pilot.press("end")
        table = app.screen.query_one("#tickers", Table)
        assert table.cursor_row == 119
        await pilot.press("s")  # another sort: the table built again, whole, at once
        await pilot.pause()
        assert sorted(symbols(app)) == names and seen == [30]


async def test_the_rows_after_the_first_frame_leave_the_screen_drawn(tmp_path, monkeypatch):
    """The rest of 500 rows comes after the first frame without drawing the cells on screen
    again: a row added under the screen changes none of the cells on it (DataTable drew all
    345 again, which a key pressed then waited for). Only a column the rows made narrower or
    wider (here one that gives way to the scrollbar they bring) is drawn again."""
    names, config = _numbered(tmp_path, 500)
    drawn: list[tuple[int, int, int, int]] = []  # (rows, row, column, width) of a cell drawn
    render_cell = DataTable._render_cell

    def counted(self, row_index, column_index, base_style, width, *args, **kwargs):
        if self.id == "tickers" and row_index >= 0:
            drawn.append((self.row_count, row_index, column_index, width))
        return render_cell(self, row_index, column_index, base_style, width, *args, **kwargs)

    monkeypatch.setattr(DataTable, "_render_cell", counted)
    async with _filled(tmp_path, config) as (app, _pilot):
        assert symbols(app) == names
    first = {(row, column): width for rows, row, column, width in drawn if rows < 500}
    assert len(first) >= 20 * 5  # the first frame: a screen of rows, each of several cells
    again = [(row, column, width) for rows, row, column, width in drawn if rows == 500]
    same = [(r, c, w) for r, c, w in again if first.get((r, c)) == w]
    assert not same, f"{len(same)} cells drawn again as they were: {same[:5]}"
    assert len({c for _, c, _ in again}) <= 1, again  # the one column given way


async def test_the_first_frame_is_drawn_focused_and_fitted(demo, monkeypatch):
    """The watchlist's table is drawn once as it stays: focused (the cursor's band) and its
    columns fitted to the screen from the first frame. A focus given after the first frame, or
    columns fitted after it, drew every row again (a third of a Pilot test's start-up)."""
    from catalyst_tui.tui.widgets.table import RowTable

    frames: list[tuple[bool, int, int]] = []
    render_lines = RowTable.render_lines

    def drawn(self, crop):
        if self.id == "tickers":
            frames.append((self.has_focus, self.virtual_size.width, self.size.width))
        return render_lines(self, crop)

    monkeypatch.setattr(RowTable, "render_lines", drawn)
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert frames
    for focused, virtual, width in frames:
        assert focused and virtual <= width, frames


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_no_cell_is_cut_short(demo, size):
    """As a newcomer met it at 120 columns: the verdict read "at risk…" and the next due
    "41d…". A cell gives way by whole parts (widgets/parted.py): at 120 columns the verdict has
    its coverage and the due its days left, whole; at 80 the verdict its word, whole; no cell
    on screen ends in "…"."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=size) as pilot:
        await scenes.watchlist(pilot)
        table = app.screen.query_one("#tickers", DataTable)
        await scenes.settled(
            pilot, lambda: table.virtual_size.width <= table.size.width, "the columns fitted"
        )
        screen = app.screen
        assert isinstance(screen, WatchlistScreen) and screen.data is not None
        alab = next(r for r in screen.data.rows if r.symbol == "ALAB")
        assert alab.next_due is not None
        done, of = alab.judged
        lines = lines_on_screen(app, "#tickers")
        assert not any("…" in line for line in lines), lines
        line = next(ln for ln in lines if "ALAB" in ln)
        if size == (120, 36):
            assert f" {alab.verdict} {done}/{of} " in line
            assert f" {alab.next_due.days_left}d " in line
        else:
            assert f" {alab.verdict} " in line and f"{done}/{of}" not in line
