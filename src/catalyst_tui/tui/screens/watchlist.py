"""The main screen: every ticker with price, position and thesis score, by group, with the
portfolio's totals and the data's health in the header."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from functools import partial

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static, Tab, Tabs

from ...text import printable
from ...views.health import health_ok, health_text
from ...views.watchlist import SORTS, Totals, Watchlist, WatchRow
from ...views.workspace import Workspace
from .. import format as fmt
from .. import messages
from ..widgets.banner import ConfigBanner
from ..widgets.chart import sparkline
from ..widgets.table import RowTable

ALL = "All"
ROWS_PER_STEP = 25  # changed rows updated per step of the event loop
PROGRESS_CELLS = 13  # the bar; with " 100%" it fills the 18-cell #progress
SPARK_WIDTH = 10
# The keys of SORTS, in their order; a column whose key is one of them sorts by it when its
# header is clicked.
SORT_KEYS = [key for key, _ in SORTS]
# The most telling first: at 80 columns the table ends around Value (left/right scroll).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("symbol", "Symbol"),
    ("price", "Price"),
    ("day", "Day"),
    ("spark", "30 days"),
    ("thesis", "Thesis"),
    ("pnl", "P&L"),
    ("value", "Value"),
    ("weight", "Weight"),
    ("shares", "Shares"),
    ("due", "Next due"),
    ("earnings", "Earnings"),
)


class WatchlistScreen(Screen[None]):
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
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "app.keys", "Keys"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(id="watchlist")
        self.workspace = workspace
        remembered = workspace.prefs()
        sort = remembered.sort
        self.sort_index = SORT_KEYS.index(sort) if sort in SORT_KEYS else 0
        self.reverse = remembered.reverse
        self.filter_text = ""
        self.group: str | None = None
        self._tab_groups: dict[str, str] = {}  # tab id -> group (a label is the group shown)
        self.data: Watchlist | None = None
        self._shown: list[str] = []
        self._rows_shown: dict[str, WatchRow] = {}
        self._tab_serial = 0
        self.progress: tuple[int, int] | None = None  # (done, total) last shown
        self.reach = ""  # the last refresh's: "offline", "unreachable" or "" (jobs/refresh.py)
        self._totals = fmt.Flow([])  # the header's first part, as last shown
        self._health = Text()  # and its last line, the data's health
        self.progress_shown = False

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        with Horizontal(id="summary-bar"):
            yield Static(id="summary")
            yield Static(id="progress")  # a refresh's progress, drawn by show_progress
        yield Tabs(Tab(ALL, id="group-all"), id="groups")
        yield Input(placeholder="filter: symbol, name or group (esc clears)", id="filter")
        # The symbol stays in view when the table is scrolled sideways (80 columns).
        yield RowTable(id="tickers", zebra_stripes=True, fixed_columns=1)
        yield Static(id="status-line")
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; ? says so

    def on_mount(self) -> None:
        # What exists now (modules, the config, the widget tree) lives as long as the app: out
        # of the collector before the rows are built, not only after the first paint.
        gc.freeze()
        table = self.query_one("#tickers", DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        self.query_one("#filter", Input).display = False
        self.reload()
        table.focus()
        self.set_interval(5, self._count_ages)  # "refreshed 1m ago" goes on counting

    def _count_ages(self) -> None:
        """The tick: the health line again, drawn only when its text changed ("refreshed 1m
        ago" counts on); the totals and the status line do not change with time."""
        if self.data is not None:
            health = self._health_line(self.data)
            if health != self._health:
                self._show_header(self._totals, health)

    # -- data ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the watchlist again and show it: cells change in place when the same rows are
        shown; otherwise the table is rebuilt with the cursor kept on its symbol."""
        self.show_data(self.workspace.watchlist())

    def reload_in_thread(self, then: Callable[[], object]) -> None:
        """The same with the reading in a worker thread (after a refresh: 500 rows take tens
        of milliseconds to read, which keys should not wait for); `then` runs once shown."""
        self.run_worker(
            partial(self._read_in_thread, then),
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
        self.data = data
        self._sync_tabs(data.groups)
        self._show()

    def _sync_tabs(self, groups: list[str]) -> None:
        """One tab per group after "All": tabs of groups gone are removed, new groups added
        at the end (ids are never reused: removal completes after this returns)."""
        tabs = self.query_one("#groups", Tabs)
        have = {group: tab_id for tab_id, group in self._tab_groups.items()}
        for group, tab_id in have.items():
            if group not in groups:
                del self._tab_groups[tab_id]
                tabs.remove_tab(tab_id)
        for group in groups:
            if group not in have:
                self._tab_serial += 1
                tab_id = f"group-{self._tab_serial}"
                self._tab_groups[tab_id] = group
                tabs.add_tab(Tab(fmt.plain(group), id=tab_id))
        if self.group is not None and self.group not in groups:
            self.group = None
            tabs.active = "group-all"

    def _show(self) -> None:
        assert self.data is not None
        data = self.data
        table = self.query_one("#tickers", DataTable)
        rows = data.visible(
            self.group, self.filter_text, SORTS[self.sort_index][0], reverse=self.reverse
        )
        symbols = [r.symbol for r in rows]
        if symbols == self._shown:
            # Rows where nothing visible changed are skipped without building a cell.
            changed = [r for r in rows if self._rows_shown.get(r.symbol) != _shown_part(r)]
            if len(changed) <= ROWS_PER_STEP:
                self._update_rows(changed)
            else:  # a refresh moves every price: the rows on screen first, then the rest
                top = int(table.scroll_y)
                index = {symbol: i for i, symbol in enumerate(symbols)}
                changed.sort(key=lambda r: not top <= index[r.symbol] < top + 40)
                self.run_worker(
                    self._update_rows_in_steps(changed),
                    group="rows",
                    exclusive=True,
                    exit_on_error=False,
                )
        else:
            current = self._current_symbol()
            scroll = table.scroll_y
            table.clear()
            for row in rows:
                table.add_row(*_cells(row, data.currency), key=row.symbol)
            if current in symbols:
                table.move_cursor(row=symbols.index(current), animate=False, scroll=False)
            table.scroll_to(y=scroll, animate=False, immediate=True)
            self._shown = symbols
        self._rows_shown = {row.symbol: _shown_part(row) for row in rows}
        self._show_summary(data, rows)

    def _update_rows(self, rows: list[WatchRow]) -> None:
        table = self.query_one("#tickers", DataTable)
        base = self.data.currency if self.data is not None else ""
        for row in rows:
            self._rows_shown[row.symbol] = _shown_part(row)
            for (key, _), cell in zip(COLUMNS, _cells(row, base), strict=True):
                if table.get_cell(row.symbol, key) != cell:
                    # Widths follow the content: a price that gains a digit or a stale mark
                    # after the first fill is never cut.
                    table.update_cell(row.symbol, key, cell, update_width=True)

    async def _update_rows_in_steps(self, rows: list[WatchRow]) -> None:
        """Many changed rows, a few at a time, so keys are handled between the steps."""
        for start in range(0, len(rows), ROWS_PER_STEP):
            self._update_rows(rows[start : start + ROWS_PER_STEP])
            await asyncio.sleep(0)

    def _show_summary(self, data: Watchlist, rows: list[WatchRow]) -> None:
        """The header (the totals, then the data's health) and the status line."""
        totals = data.totals(self.group)
        portfolio = Text(f"Portfolio {printable(data.currency)} ", style="bold")
        portfolio.append(fmt.money(totals.value) if totals.priced else fmt.NONE, style="not bold")
        if totals.no_fx:
            portfolio.append("*", style="yellow")
        items = [portfolio, Text("Day ") + fmt.signed(totals.day_pnl if totals.priced else None),
                 Text("P&L ") + _pnl(totals),
                 Text("Realized YTD ") + fmt.signed(totals.realized_year)]  # fmt: skip
        # Each item whole on its line (a narrow terminal breaks between items, never inside one:
        # laid out as drawn, for the width there is), and the data's health on a line of its own.
        self._show_header(fmt.Flow(items), self._health_line(data))
        status = Text()
        status.append(f"{len(rows)}/{len(data.rows)} tickers · by {self._sort_label()}")
        if self.filter_text:
            status.append(f" · filter '{printable(self.filter_text)}'")
        overdue = [r for r in data.rows if r.next_due is not None and r.next_due.why]
        if overdue:  # past due and still pending: why, not only "83d ago"
            first = overdue[0]
            assert first.next_due is not None
            status.append(
                printable(f" · {first.symbol}/{first.next_due.checkpoint_id} past due, "
                          f"pending: {first.next_due.why}"),
                style="yellow",
            )  # fmt: skip
            if len(overdue) > 1:
                status.append(f" (+{len(overdue) - 1} more)", style="yellow")
        flagged = sum(1 for r in data.rows if r.flagged)
        if flagged:
            status.append(f" · {fmt.FLAG} {flagged} flagged (A acknowledges)", style="bold red")
        if totals.unpriced:
            unpriced = printable(", ".join(totals.unpriced))
            status.append(f" · no price yet for {unpriced}", style="yellow")
        if totals.no_fx:
            no_fx = printable(", ".join(totals.no_fx))
            status.append(
                f" · * no {printable(data.currency)} rate for {no_fx}: left out of the totals",
                style="yellow",
            )
        self.query_one("#status-line", Static).update(status)

    def _health_line(self, data: Watchlist) -> Text:
        health = data.health
        line = Text()
        if self.reach:
            line.append(f"{self.reach}: no provider answers", style="bold red")
            line.append(" · ", style="dim")
        if self.reach and health.last_refresh is None:
            line.append("nothing stored yet", style="yellow")
        else:
            now = self.workspace.now()
            line.append_text(
                fmt.plain(health_text(health, now), "" if health_ok(health, now) else "yellow")
            )
        return line

    def _show_header(self, totals: fmt.Flow, health: Text) -> None:
        self._totals, self._health = totals, health
        self.query_one("#summary", Static).update(Group(totals, health))

    def _current_symbol(self) -> str | None:
        table = self.query_one("#tickers", DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return key.value

    # -- progress (from the app while a refresh runs) -------------------------------------------
    def show_progress(self, done: int, total: int) -> None:
        # A fixed-size cell whose text changes: only the cell is repainted, where showing and
        # hiding a bar by `display` would lay out the whole screen twice per refresh.
        self.progress = (done, total)
        self.progress_shown = done < total
        cell = self.query_one("#progress", Static)
        cell.update(_progress_text(done, total) if self.progress_shown else "", layout=False)

    def hide_progress(self) -> None:
        self.progress_shown = False
        self.query_one("#progress", Static).update("", layout=False)

    # -- actions ---------------------------------------------------------------------------------
    def action_open_ticker(self) -> None:
        if self.focused is self.query_one("#filter", Input):
            self.query_one("#tickers", DataTable).focus()
            return
        symbol = self._current_symbol()
        if symbol:
            self.post_message(messages.OpenTicker(symbol))

    def action_timeline(self) -> None:
        self.post_message(messages.OpenTimeline())

    def action_sort(self) -> None:
        self._sort_by((self.sort_index + 1) % len(SORTS), reverse=False)

    def action_reverse_sort(self) -> None:
        self._sort_by(self.sort_index, reverse=not self.reverse)

    def _sort_label(self) -> str:
        return SORTS[self.sort_index][1] + (", reversed" if self.reverse else "")

    def _sort_by(self, index: int, *, reverse: bool) -> None:
        self.sort_index, self.reverse = index, reverse
        self._show()
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
        box = self.query_one("#filter", Input)
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
        box = self.query_one("#filter", Input)
        if box.display:
            box.value = ""
            box.display = False
            self.filter_text = ""
            self._show()
            self.query_one("#tickers", DataTable).focus()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        group = self._tab_groups.get(event.tab.id or "") if event.tab else None
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
        symbol = self._current_symbol()
        if symbol:
            self.post_message(messages.AddLot(symbol))

    def action_remove_ticker(self) -> None:
        symbol = self._current_symbol()
        if symbol:
            self.post_message(messages.RemoveTicker(symbol))

    def action_acknowledge(self) -> None:
        symbol = self._current_symbol()
        if symbol:
            self.post_message(messages.AcknowledgeTicker(symbol))


def _shown_part(row: WatchRow) -> WatchRow:
    """The row without what no cell shows (when it was fetched), to tell changed rows."""
    return row._replace(fetched_at=None, position=0)


def _pnl(totals: Totals) -> Text:
    if not totals.priced:
        return Text(fmt.NONE, style="dim")
    text = fmt.signed(totals.pnl)
    if totals.pnl_pct is not None:
        text.append(" (")
        text.append_text(fmt.percent(totals.pnl_pct))
        text.append(")")
    return text


def _cells(row: WatchRow, base: str) -> tuple[Text | str, ...]:
    flagged = row.flagged > 0
    symbol = fmt.plain(row.symbol, "bold")
    if flagged:
        symbol = fmt.plain(f"{fmt.FLAG} {row.symbol}", "bold white on red")
    if not row.has_quote:  # why is on the ticker screen (⏎): the provider's own words
        price = Text("no quote ⏎", style="yellow") if row.error else Text("no data yet", "dim")
    else:
        price = Text(fmt.money(row.price), style="yellow" if row.stale else "")
        if row.stale:
            price.append("*", style="yellow")
        if row.currency and row.currency != base:  # a listing in another currency says which
            price.append(f" {printable(row.currency)}", style="dim")
    due = Text("")
    if row.next_due is not None:
        due = fmt.days_left(row.next_due.days_left)
        ident = printable(row.next_due.checkpoint_id)
        due.append(f" {ident if len(ident) <= 16 else ident[:15] + '…'}")
    earnings = Text(row.earnings.strftime("%b %d") if row.earnings else "", style="cyan")
    day = fmt.percent(row.change_pct) if row.has_quote else Text("")
    if row.has_quote and row.ext_session and row.ext_change_pct is not None:
        day.append(f" {row.ext_session} ", style="dim")
        day.append_text(fmt.percent(row.ext_change_pct))
    return (
        symbol,
        price,
        day,
        _spark(row.spark),
        fmt.score(row.met, row.missed, row.pending),
        fmt.signed(row.pnl) if row.shares else Text(""),
        _value(row),
        fmt.percent(row.weight, sign=False) if row.shares else "",
        fmt.shares(row.shares),
        due,
        earnings,
    )


def _spark(closes: tuple[float, ...]) -> Text:
    """The sparkline, green when the period ends at or above where it began, else red."""
    if not closes:
        return Text("")
    return Text(sparkline(closes, SPARK_WIDTH), style="green" if closes[-1] >= closes[0] else "red")


def _value(row: WatchRow) -> Text | str:
    """The value in the base currency; without an FX rate, in the listing's own, marked."""
    if not row.shares:
        return ""
    if row.no_fx and row.local_value is not None:
        unit = printable(row.currency or "")
        return Text(f"{fmt.money(row.local_value)} {unit}*", style="yellow")
    return fmt.money(row.value)


def _progress_text(done: int, total: int) -> Text:
    """`━━━━━━╸━━━━━━  47%`: PROGRESS_CELLS of bar and the percentage, in 18 cells."""
    share = done / total if total else 0.0
    filled = int(share * PROGRESS_CELLS)
    text = Text()
    text.append("━" * filled, style="bold cyan")
    text.append("━" * (PROGRESS_CELLS - filled), style="dim")
    text.append(f" {share:4.0%}")
    return text
