"""The main screen: every ticker with price, position and thesis score, by group, with the
portfolio's totals and the data's health in the header."""

from __future__ import annotations

import asyncio
import gc
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static, Tabs

from ...views.watchlist import SORTS, Watchlist, WatchRow
from .. import messages
from ..widgets.banner import ConfigBanner
from ..widgets.footer import KeyFooter
from ..widgets.one_line import OneLine
from ..widgets.table import RowTable
from ..widgets.watchlist.cells import COLUMNS, GIVE_WAY, CellCache, show_sort
from ..widgets.watchlist.groups import GroupTabs
from ..widgets.watchlist.header import WatchlistHeader
from ..widgets.watchlist.status import status_text
from .fresh import FreshScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import ComposeResult
    from textual.message import Message

    from ...jobs.reach import Reach
    from ...session.workspace import Workspace

ROWS_PER_STEP = 25  # changed rows updated per step of the event loop
FILL_STEP = 100  # rows whose cells are built per step of the event loop, after the first frame
# The keys of SORTS, in order: a column whose key is one sorts by it when its header is clicked.
SORT_KEYS = [key for key, _ in SORTS]


class WatchlistScreen(FreshScreen, Screen[None]):
    """Rows update in place when data arrives; the cursor and scroll stay where they were."""

    BINDINGS = [
        Binding("enter", "open_ticker", "Open", priority=True),
        Binding("t", "timeline", "Timeline"),
        Binding("r", "app.refresh_now", "Refresh"),
        Binding("s", "sort", "Sort"),
        Binding("S", "reverse_sort", "Reverse sort", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("right_square_bracket", "next_group", "Next group", show=False),
        Binding("left_square_bracket", "previous_group", "Previous group", show=False),
        Binding("a", "add_ticker", "Add ticker"),
        Binding("l", "add_lot", "Add lot", show=False),
        Binding("delete,d", "remove_ticker", "Remove ticker", show=False),
        Binding("A", "acknowledge", "Ack flags", show=False),
        Binding("p", "performance", "Performance", show=False),
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "app.keys", "Keys"),
    ]

    def __init__(self, workspace: Workspace, *, refresh_coming: bool = False) -> None:
        """`refresh_coming`: a refresh starts right after the first paint (a live app), so the
        header says "refreshing" from the first frame, not what was stored before it."""
        super().__init__(id="watchlist")
        self.workspace = workspace
        remembered = workspace.prefs()
        sort = remembered.sort
        self.sort_index = SORT_KEYS.index(sort) if sort in SORT_KEYS else 0
        self.reverse = remembered.reverse
        self.filter_text = ""
        self.group: str | None = None
        self.data: Watchlist | None = None
        self._shown: list[str] = []
        self._filling = 0  # counts the builds of the table: a later one drops a pending fill
        self._cells = CellCache()  # each row's cells, kept across refreshes
        self.header = WatchlistHeader(workspace.now, id="summary-bar")
        self.header.refreshing = refresh_coming

    def compose(self) -> ComposeResult:
        # What the first frame shows; the banner and the filter box mount after it (_mount_hidden).
        yield self.header
        yield GroupTabs(id="groups")
        # The symbol stays in view when the table is scrolled sideways (80 columns).
        yield RowTable(id="tickers", zebra_stripes=True, fixed_columns=1)
        yield OneLine(id="status-line")
        yield KeyFooter()  # ctrl+p still opens it; ? says so

    def on_mount(self) -> None:
        # What exists now lives as long as the app: out of the collector before the rows are built.
        gc.freeze()
        table = self.query_one("#tickers", RowTable)
        table.add_keyed_columns(COLUMNS)
        table.give_way(GIVE_WAY)
        show_sort(table, SORTS[self.sort_index][0], reverse=self.reverse)
        self.reload()
        # The first frame drawn as it stays: fitted to the screen the table spans, and focused
        # now (a widget's focus() comes after the first frame, which then draws every row again).
        table.fit_to(self.size.width)
        self.set_focus(table)
        self.call_after_refresh(self._mount_hidden)

    def _mount_hidden(self) -> None:
        if not self.is_attached:  # the app is closing (a quit as the rows appeared)
            return
        if not self.query(ConfigBanner):
            self.mount(ConfigBanner(), before=self.header)
        self._filter_box()

    def _filter_box(self) -> Input:
        """The filter box, mounted (hidden) the first time it is wanted."""
        found = self.query("#filter").results(Input)
        box = next(found, None)
        if box is None:
            box = Input(placeholder="filter: symbol, name or group (esc clears)", id="filter")
            box.display = False
            self.mount(box, after=self.query_one(GroupTabs))
        return box

    @property
    def reach(self) -> Reach | None:
        """The last refresh's: why no provider answered, or None (jobs/reach.py)."""
        return self.header.reach

    @reach.setter
    def reach(self, reach: Reach | None) -> None:
        self.header.reach = reach

    # -- data ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the watchlist again and show it: cells change in place when the same rows are
        shown; otherwise the table is rebuilt with the cursor kept on its symbol."""
        self.show_data(self.workspace.watchlist())

    def recolour(self) -> None:
        """The theme changed: every row's cells built again, in its colours (palette.py)."""
        self._cells = CellCache()
        self._shown = []
        if self.data is not None:
            self.show_data(self.data)

    def reload_in_thread(self, then: Callable[[], object]) -> None:
        """The same with the reading in a worker thread (after a refresh: 500 rows take tens
        of milliseconds to read, which keys should not wait for); `then` runs once shown."""
        self.app.run_worker(  # on the app, whose one handler reports a failed worker
            partial(self._read_in_thread, then),
            name="reading the watchlist",
            thread=True,
            exclusive=True,
            group="watchlist",
            exit_on_error=False,
        )

    def _read_in_thread(self, then: Callable[[], object]) -> None:
        data = self.workspace.watchlist_in_thread()
        self.app.call_from_thread(self._show_then, data, then)

    def _show_then(self, data: Watchlist, then: Callable[[], object]) -> None:
        self.show_data(data)
        then()

    def show_data(self, data: Watchlist) -> None:
        """Show `data`; nothing once the app is closing (a quit while the rows were read or the
        screen mounted), when nothing may be mounted any more (a group's new tab)."""
        if not self.is_attached:
            return
        self.data = data
        self._cells.keep({row.symbol for row in data.rows})
        self._sync_tabs(data.groups)
        self._show()

    def _sync_tabs(self, groups: list[str]) -> None:
        """One tab per group after "All"; a group gone shows "All"."""
        tabs = self.query_one(GroupTabs)
        tabs.sync(groups)
        if self.group is not None and self.group not in groups:
            self.group = None
            tabs.show_all()

    def _show(self) -> None:
        assert self.data is not None
        data = self.data
        table = self.query_one("#tickers", RowTable)
        rows = data.visible(
            self.group, self.filter_text, SORTS[self.sort_index][0], reverse=self.reverse
        )
        symbols = [r.symbol for r in rows]
        if symbols == self._shown:
            # Rows where nothing visible changed are skipped without building a cell.
            changed = [r for r in rows if not self._cells.is_current(r, data.currency)]
            if len(changed) <= ROWS_PER_STEP:
                self._update_rows(changed)
            else:  # a refresh moves every price: the rows on screen first, then the rest
                top = int(table.scroll_y)
                index = {symbol: i for i, symbol in enumerate(symbols)}
                changed.sort(key=lambda r: not top <= index[r.symbol] < top + 40)
                self.app.run_worker(  # on the app, whose one handler reports a failed worker
                    self._update_rows_in_steps(changed),
                    name="updating the rows",
                    group="rows",
                    exclusive=True,
                    exit_on_error=False,
                )
        else:
            current = self._current_symbol()
            scroll = table.scroll_y
            first = not table.row_count and not self._shown
            table.clear()
            self._filling += 1
            # The first build: the rows a screen shows (a row a line), painted before the rest.
            now = rows[: max(1, self.app.size.height)] if first else rows
            self._cells.add_rows(table, now, data.currency)
            if current in symbols:
                table.move_cursor(row=symbols.index(current), animate=False, scroll=False)
            table.scroll_to(y=scroll, animate=False, immediate=True)
            self._shown = symbols[: len(now)]
            if len(now) < len(rows):
                self.call_after_refresh(self._fill_rest, self._filling, rows[len(now) :], symbols)
        table.fit_columns()  # the columns that give way, to the widths the rows now ask
        self._show_summary(data, rows)

    def _fill_rest(self, filling: int, rest: list[WatchRow], symbols: list[str]) -> None:
        """The rows under the first screen, once it is painted (unless the table was rebuilt
        meanwhile): their cells built a step at a time, keys handled between the steps (500
        rows built in one step held a key 150 ms), then the rows added at once, measured and
        fitted before the next frame (a column fitted a frame later draws all its cells again)."""
        self.app.run_worker(  # on the app, whose one handler reports a failed worker
            self._fill_rest_in_steps(filling, rest, symbols),
            name="filling the rows",
            group="fill",
            exit_on_error=False,
        )

    async def _fill_rest_in_steps(
        self, filling: int, rest: list[WatchRow], symbols: list[str]
    ) -> None:
        # Between two steps the table may have been rebuilt, or the app closed.
        for start in range(0, len(rest), FILL_STEP):
            if filling != self._filling or not self.is_attached or self.data is None:
                return
            for row in rest[start : start + FILL_STEP]:
                self._cells.cells(row, self.data.currency)  # built and kept for add_rows
            await asyncio.sleep(0)
        if filling != self._filling or not self.is_attached or self.data is None:
            return
        table = self.query_one("#tickers", RowTable)
        self._cells.add_rows(table, rest, self.data.currency)
        self._shown = symbols
        table.fit_to()

    def _update_rows(self, rows: list[WatchRow]) -> None:
        base = self.data.currency if self.data is not None else ""
        self._cells.update_rows(self.query_one("#tickers", RowTable), rows, base)

    async def _update_rows_in_steps(self, rows: list[WatchRow]) -> None:
        """Many changed rows, a few at a time, so keys are handled between the steps."""
        for start in range(0, len(rows), ROWS_PER_STEP):
            self._update_rows(rows[start : start + ROWS_PER_STEP])
            await asyncio.sleep(0)

    def _show_summary(self, data: Watchlist, rows: list[WatchRow]) -> None:
        """The header (the totals, then the data's health) and the status line."""
        totals = data.totals(self.group)
        self.header.show(data, totals)
        status = status_text(data, rows, totals, self._sort_label(), self.filter_text)
        self.query_one("#status-line", Static).update(status)

    def _current_symbol(self) -> str | None:
        table = self.query_one("#tickers", DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return key.value

    # -- actions ---------------------------------------------------------------------------------
    def action_open_ticker(self) -> None:
        if self.focused is self._filter_box():
            self.query_one("#tickers", DataTable).focus()
            return
        symbol = self._current_symbol()
        if symbol:
            self.post_message(messages.OpenTicker(symbol))

    def action_timeline(self) -> None:
        self.post_message(messages.OpenTimeline())

    def action_performance(self) -> None:
        self.post_message(messages.OpenPerformance())

    def action_sort(self) -> None:
        self._sort_by((self.sort_index + 1) % len(SORTS), reverse=False)

    def action_reverse_sort(self) -> None:
        self._sort_by(self.sort_index, reverse=not self.reverse)

    def _sort_label(self) -> str:
        return SORTS[self.sort_index][1] + (", reversed" if self.reverse else "")

    def _sort_by(self, index: int, *, reverse: bool) -> None:
        self.sort_index, self.reverse = index, reverse
        self._show()
        show_sort(self.query_one("#tickers", RowTable), SORTS[index][0], reverse=reverse)
        self.workspace.remember(sort=SORTS[index][0], reverse=reverse)
        self.notify(f"sorted by {self._sort_label()}", timeout=2)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a column's header sorts by it; on the sorted column, reverses it."""
        sort = str(event.column_key.value)
        if sort not in SORT_KEYS:
            return
        index = SORT_KEYS.index(sort)
        self._sort_by(index, reverse=not self.reverse if index == self.sort_index else False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A click on the highlighted row (a double click) opens it, as enter does."""
        if event.row_key.value:
            self.post_message(messages.OpenTicker(event.row_key.value))

    def action_filter(self) -> None:
        box = self._filter_box()
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.filter_text = event.value
            self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            if not event.value:
                event.input.display = False
            self.query_one("#tickers", DataTable).focus()

    def key_escape(self) -> None:
        """esc clears the filter when one is shown, else dismisses the toasts (a first
        refresh's flags and changes can cover the table at 80x24)."""
        box = self._filter_box()
        if box.display:
            box.value = ""
            box.display = False
            self.filter_text = ""
            self._show()
            self.query_one("#tickers", DataTable).focus()
        else:
            self.app.clear_notifications()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        group = self.query_one(GroupTabs).group_of(event.tab)
        if group != self.group:
            self.group = group
            self._show()

    def action_next_group(self) -> None:
        self.query_one("#groups", Tabs).action_next_tab()

    def action_previous_group(self) -> None:
        self.query_one("#groups", Tabs).action_previous_tab()

    def action_add_ticker(self) -> None:
        self.post_message(messages.AddTicker())

    def action_add_lot(self) -> None:
        self._of_the_row(messages.AddLot)

    def action_remove_ticker(self) -> None:
        self._of_the_row(messages.RemoveTicker)

    def action_acknowledge(self) -> None:
        self._of_the_row(messages.AcknowledgeTicker)

    def _of_the_row(self, message: Callable[[str], Message]) -> None:
        """Ask the app for `message` of the highlighted row's symbol (none: nothing)."""
        if symbol := self._current_symbol():
            self.post_message(message(symbol))
