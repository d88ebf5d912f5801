"""One ticker: its checkpoints (status, due, value against threshold, why, evidence found),
price chart, position and fundamentals, the thesis text, and the evidence found in filings
and news."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, Tab, TabbedContent, TabPane, Tabs

from ...store.records import CheckpointRecord
from ...text import printable
from ...thesis.positions import Lot
from ...thesis.vocabulary import Kind, Status
from ...thesis.wording import format_value, observation_note, reason_text
from ...views.ticker import Figure, TickerDetail
from ...views.workspace import Workspace
from .. import format as fmt
from .. import messages
from ..widgets.banner import ConfigBanner
from ..widgets.chart import RANGES, PriceChart, slice_range
from ..widgets.evidence import EvidencePane
from ..widgets.table import RowTable

CHECKPOINT_COLUMNS = (
    ("status", "Status"),
    ("due", "Due"),
    ("left", "Left"),
    ("value", "Value"),
    ("condition", "Condition"),
    ("title", "Checkpoint"),  # last: clipped with … to the room left (RowTable.set_last_column)
)


class TickerScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.quit", "Quit"),
        Binding("1", "pane('checkpoints')", "Checkpoints", show=False),
        Binding("2", "pane('chart')", "Chart", show=False),
        Binding("3", "pane('position')", "Position", show=False),
        Binding("4", "pane('thesis')", "Thesis", show=False),
        Binding("5", "pane('evidence')", "Evidence", show=False),
        Binding("m", "mark", "Mark"),
        Binding("c", "add_checkpoint", "New checkpoint"),
        Binding("e", "edit_checkpoint", "Edit"),
        Binding("x", "archive_checkpoint", "Archive", show=False),
        Binding("l", "add_lot", "Add lot", show=False),
        Binding("L", "edit_lot", "Edit lot", show=False),
        Binding("D", "remove_lot", "Remove lot", show=False),
        Binding("s", "sell", "Sell", show=False),
        Binding("S", "remove_sell", "Remove last sale", show=False),
        Binding("n", "edit_ticker", "Name, group, thesis", show=False),
        Binding("A", "acknowledge", "Ack"),
        Binding("right_square_bracket", "range(1)", "Longer range", show=False),
        Binding("left_square_bracket", "range(-1)", "Shorter range", show=False),
        Binding("t", "app.open_timeline", "Timeline", show=False),
        Binding("r", "app.refresh_now", "Refresh", show=False),
        Binding("question_mark", "app.keys", "Keys"),
    ]

    def __init__(self, workspace: Workspace, symbol: str) -> None:
        super().__init__(id=f"ticker-{symbol.replace('.', '_').replace('^', '_')}")
        self.workspace = workspace
        self.symbol = symbol
        self.detail: TickerDetail | None = None
        self.range_name = "1Y"

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        yield Static(id="ticker-title")
        with TabbedContent(id="panes", initial="checkpoints"):
            with TabPane("1 Checkpoints", id="checkpoints"):
                yield RowTable(id="checkpoint-table", zebra_stripes=True)
                yield Static(id="checkpoint-detail")
            with TabPane("2 Chart", id="chart"):
                yield Tabs(
                    *(Tab(name, id=f"range-{name}") for name in RANGES),
                    active=f"range-{self.range_name}",
                    id="ranges",
                )
                yield PriceChart(id="price-chart")
            with TabPane("3 Position", id="position"), VerticalScroll():
                yield Static("Lots", classes="section")
                yield Static(id="splits")
                yield RowTable(id="lot-table")
                yield Static(id="sales")
                yield Static("Fundamentals", classes="section")
                yield Static(id="fundamentals")
            with TabPane("4 Thesis", id="thesis"), VerticalScroll():
                yield Static(id="thesis-text")
            with TabPane("5 Evidence", id="evidence"):
                yield EvidencePane(id="evidence-pane")
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; ? says so

    def on_mount(self) -> None:
        table = self.query_one("#checkpoint-table", DataTable)
        for key, label in CHECKPOINT_COLUMNS:
            table.add_column(label, key=key)
        lots = self.query_one("#lot-table", DataTable)
        for label in ("Date", "Shares", "Cost", "Basis", "Value", "P&L", "Note"):
            lots.add_column(label)
        self.reload()
        table.focus()

    def reload(self) -> None:
        detail = self.workspace.ticker(self.symbol)
        if detail is None:
            self.app.pop_screen()
            return
        self.detail = detail
        self._show_title(detail)
        self._show_checkpoints(detail)
        self._show_chart()
        self._show_position(detail)
        reading = any(c.evidence for c in detail.checkpoints)
        self.query_one(EvidencePane).show(detail.evidence, detail.symbol, reading=reading)
        thesis = detail.ticker.thesis.strip()
        missing = f'No thesis written yet: add thesis = """...""" to [tickers.{detail.symbol}].'
        self.query_one("#thesis-text", Static).update(
            fmt.plain(thesis, multiline=True) if thesis else Text(missing, style="dim")
        )

    def _show_title(self, d: TickerDetail) -> None:
        text = Text()
        text.append(printable(d.symbol), style="bold")
        text.append(printable(f"  {d.ticker.name} · {d.ticker.group}"), style="dim")
        row = d.row
        if row is None or row.price is None:
            if row is not None and row.error:  # asked, and told why not
                text.append(f"   no quote: {printable(row.error)}", style="yellow")
            else:
                text.append("   no data yet: the first refresh fetches it (r)", style="dim")
        else:
            text.append(f"   {fmt.money(row.price)} ")
            text.append_text(fmt.percent(row.change_pct))
            if row.ext_session and row.ext_price is not None:
                text.append(f"   {row.ext_session}-market {fmt.money(row.ext_price)} ", style="dim")
                text.append_text(fmt.percent(row.ext_change_pct))
            if row.stale:
                stale = printable(row.error or "last refresh failed")
                text.append(f"   stale: {stale}", style="yellow")
        if row is not None:
            text.append("   ")
            text.append_text(fmt.score(row.met, row.missed, row.pending))
            if row.flagged:
                text.append(f"  {fmt.FLAG} {row.flagged} flagged", style="bold red")
        self.query_one("#ticker-title", Static).update(text)

    def _show_checkpoints(self, d: TickerDetail) -> None:
        table = self.query_one("#checkpoint-table", RowTable)
        current = self.current_checkpoint()
        keys = [c.id for c in d.checkpoints]
        row_index = table.cursor_row
        table.clear()
        today = self.workspace.today()
        found = Counter(e.checkpoint_id for e in d.evidence)
        titles = {}  # row key -> the whole title, before fitting
        for c in d.checkpoints:
            *cells, last = _checkpoint_cells(c, today)
            title = last if isinstance(last, Text) else Text(last)
            if found[c.id]:  # the title, then how many passages of evidence it has
                title = Text.assemble(title, (f"  ▤{found[c.id]}", "cyan"))
            titles[c.id] = title
            table.add_row(*cells, title, key=c.id)
        table.set_last_column(titles)
        if current is not None and current.id in keys:
            row_index = keys.index(current.id)
        if d.checkpoints:
            table.move_cursor(row=min(row_index, len(keys) - 1), animate=False)
        self._show_checkpoint_detail()

    def _show_chart(self) -> None:
        if self.detail is None:
            return
        points = slice_range(self.detail.history, self.range_name, self.workspace.today())
        chart = self.query_one("#price-chart", PriceChart)
        chart.set_series(points, label=f"{self.symbol} {self.range_name}")
        self.call_after_refresh(self._sync_range_tab)

    def _sync_range_tab(self) -> None:
        # Only while visible: a Tabs underline animated at zero width never settles.
        ranges = self.query_one("#ranges", Tabs)
        if ranges.active != f"range-{self.range_name}" and ranges.region.width:
            ranges.active = f"range-{self.range_name}"

    def _show_position(self, d: TickerDetail) -> None:
        lots = self.query_one("#lot-table", DataTable)
        lots.clear()
        price = d.row.price if d.row else None
        for held in d.lots:
            lot = held.lot
            value = None if price is None else price * held.shares
            basis = lot.shares * lot.cost
            shares = fmt.shares(held.shares)
            if held.factor != 1:  # bought before a split: shown on today's basis
                shares += f" ({fmt.shares(lot.shares)}×{held.factor:g})"
            note = Text()
            if held.uncertain:
                note.append("no date: before or after the split? P&L uncertain: L to date it ",
                            style="yellow")  # fmt: skip
            note.append(printable(lot.note))  # the user's words: plain text, never markup
            lots.add_row(
                lot.date.isoformat() if lot.date else "",
                shares,
                fmt.money(held.cost),
                fmt.money(basis),
                fmt.money(value),
                fmt.signed(None if value is None else value - basis),
                note,
            )
        lots.display = bool(d.lots)
        self._show_sales(d)
        splits = self.query_one("#splits", Static)
        splits.display = bool(d.splits)
        if d.splits:
            listed = ", ".join(f"{s.text} on {s.day.isoformat()}" for s in d.splits)
            splits.update(Text(f"Splits: {listed}. Lots bought before a split are shown on "
                               "today's share basis; the file keeps what you wrote.",
                               style="dim"))  # fmt: skip
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(style="dim", overflow="fold")
        for label, shown, aside in self._figures(d):
            table.add_row(label, shown, fmt.plain(aside))
        if d.lots:
            self.query_one("#fundamentals", Static).update(table)
        else:
            none = Text("No lots: watched only. Press l to add a purchase.\n", style="dim")
            self.query_one("#fundamentals", Static).update(Group(none, table))

    def _show_sales(self, d: TickerDetail) -> None:
        """The sales as written, and what they realized in the base currency (first-in
        first-out against the lots)."""
        sales = self.query_one("#sales", Static)
        sales.display = bool(d.sells)
        if not d.sells:
            return
        text = Text("Sales ", style="bold")
        for sell in sorted(d.sells, key=lambda s: s.date):
            fees = f" (fees {fmt.money(sell.fees)})" if sell.fees else ""
            text.append(f"\n  {sell.date.isoformat()}  {fmt.shares(sell.shares)} at "
                        f"{fmt.money(sell.price)}{fees}  ")  # fmt: skip
            text.append(printable(sell.note))
        realized = d.row.realized if d.row else None
        base = printable(self.workspace.config.settings.currency)
        text.append(f"\n  Realized ({base}, first-in first-out) ")
        text.append_text(fmt.signed(realized))
        sales.update(text)

    def _figures(self, d: TickerDetail) -> list[tuple[str, str, str]]:
        """(label, value, note) of each fundamentals line, then the next earnings date."""
        lines = [_figure(f) for f in d.fundamentals]
        row = d.row
        if row is not None and row.earnings is not None:
            days = (row.earnings - self.workspace.today()).days
            estimate = ", estimated" if row.earnings_estimate else ""
            lines.append(("Next earnings", row.earnings.isoformat(), f"in {days} d{estimate}"))
        else:
            lines.append(("Next earnings", "—", "not known yet"))
        return lines

    # -- the highlighted checkpoint ---------------------------------------------------------------
    def current_checkpoint(self) -> CheckpointRecord | None:
        if self.detail is None:
            return None
        table = self.query_one("#checkpoint-table", DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return next((c for c in self.detail.checkpoints if c.id == key.value), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "checkpoint-table":
            self._show_checkpoint_detail()

    def _show_checkpoint_detail(self) -> None:
        c = self.current_checkpoint()
        detail = self.query_one("#checkpoint-detail", Static)
        if c is None:
            detail.update(Text("No checkpoints yet: press c to write the first one.", style="dim"))
            return
        text = Text()
        text.append(printable(f"{c.symbol}/{c.id}"), style="bold")
        text.append(printable(f"  {c.kind}"))
        if c.condition:
            text.append(printable(f"  when {c.condition.text}"))
        if c.period_end:
            text.append(f"  (period ending {c.period_end.isoformat()})")
        if c.until:
            text.append(f"  until {c.until.isoformat()}")
        text.append("\n")
        text.append("Why: ", style="bold")
        reason = reason_text(c.reason, c.condition, self.workspace.today())
        text.append(printable(reason) or "not evaluated yet", style="bold red" if c.flagged else "")
        if c.flagged:
            text.append(f"  {fmt.FLAG} unacknowledged: A to acknowledge", style="red")
        if c.manual_note and c.manual_note not in reason:
            text.append(f"\nNote: {printable(c.manual_note)}")
        if c.source:
            text.append("\nSource: ", style="bold")
            text.append(printable(c.source), style="dim")
        if c.notes:
            text.append("\nNotes: ", style="bold")
            text.append(printable(c.notes.strip(), multiline=True), style="dim")
        if c.evidence:
            found = sum(e.checkpoint_id == c.id for e in self.detail.evidence) if self.detail else 0
            text.append("\nEvidence: ", style="bold")
            text.append(f"{found} passage(s) found (5 shows them) for ", style="cyan")
            text.append(printable(" · ".join(c.evidence)), style="dim")
        detail.update(text)
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        # The detail's height changes with its text, and with it the table's: scroll again.
        table = self.query_one("#checkpoint-table", DataTable)
        if table.row_count:
            table.move_cursor(row=table.cursor_row, animate=False, scroll=True)

    # -- actions ----------------------------------------------------------------------------------
    def action_pane(self, pane: str) -> None:
        self.query_one("#panes", TabbedContent).active = pane
        if pane == "checkpoints":
            self.query_one("#checkpoint-table", DataTable).focus()
        elif pane == "evidence":
            self.query_one("#evidence-table", DataTable).focus()

    def action_range(self, step: int) -> None:
        names = list(RANGES)
        index = max(0, min(len(names) - 1, names.index(self.range_name) + step))
        self.range_name = names[index]
        self.query_one("#panes", TabbedContent).active = "chart"
        self._show_chart()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tabs.id == "ranges" and event.tab is not None:
            name = event.tab.label_text
            if name != self.range_name:
                self.range_name = name
                self._show_chart()

    def _need_checkpoint(self) -> CheckpointRecord | None:
        self.action_pane("checkpoints")
        c = self.current_checkpoint()
        if c is None:
            self.notify("no checkpoint selected", severity="warning")
        return c

    def action_mark(self) -> None:
        c = self._need_checkpoint()
        if c is not None:
            self.post_message(messages.MarkCheckpoint(c))

    def action_add_checkpoint(self) -> None:
        self.post_message(messages.AddCheckpoint(self.symbol))

    def action_edit_checkpoint(self) -> None:
        """e edits what the pane shows: a lot on the Position pane, else a checkpoint."""
        if self.query_one("#panes", TabbedContent).active == "position":
            self.action_edit_lot()
            return
        c = self._need_checkpoint()
        if c is not None:
            self.post_message(messages.EditCheckpoint(c))

    def action_archive_checkpoint(self) -> None:
        c = self._need_checkpoint()
        if c is not None:
            self.post_message(messages.ArchiveCheckpoint(c))

    def action_add_lot(self) -> None:
        self.post_message(messages.AddLot(self.symbol))

    def action_edit_lot(self) -> None:
        """The lot under the lots table's cursor when it has focus, else the first lot a split
        leaves uncertain, else the first lot."""
        found = self._chosen_lot()
        if found is not None:
            self.post_message(messages.EditLot(self.symbol, *found))

    def action_remove_lot(self) -> None:
        found = self._chosen_lot()
        if found is not None:
            self.post_message(messages.RemoveLot(self.symbol, *found))

    def _chosen_lot(self) -> tuple[int, Lot] | None:
        lots = self.detail.lots if self.detail else []
        if not lots:
            self.notify(f"{self.symbol} has no lots: l adds one", severity="warning", timeout=3)
            return None
        table = self.query_one("#lot-table", DataTable)
        if table.has_focus:
            index = min(table.cursor_row, len(lots) - 1)
        else:
            index = next((i for i, held in enumerate(lots) if held.uncertain), 0)
        return index, lots[index].lot

    def action_sell(self) -> None:
        self.post_message(messages.AddSell(self.symbol))

    def action_remove_sell(self) -> None:
        """The last sale in the file (the one most likely just recorded by mistake)."""
        sells = self.detail.sells if self.detail else ()
        if not sells:
            self.notify(f"{self.symbol} has no sales: s records one", severity="warning", timeout=3)
            return
        self.post_message(messages.RemoveSell(self.symbol, len(sells) - 1, sells[-1]))

    def action_edit_ticker(self) -> None:
        self.post_message(messages.EditTicker(self.symbol))

    def action_acknowledge(self) -> None:
        c = self.current_checkpoint()
        if c is not None and c.flagged:
            self.post_message(messages.Acknowledge([(c.symbol, c.id)]))
        else:
            self.post_message(messages.AcknowledgeTicker(self.symbol))


def _figure(f: Figure) -> tuple[str, str, str]:
    obs = f.observed
    if obs.value is None:
        return f.label, "—", obs.missing
    return f.label, format_value(f.metric, obs.value), observation_note(obs)


def _checkpoint_cells(c: CheckpointRecord, today: dt.date) -> tuple[Text | str, ...]:
    title = fmt.plain(c.title, "bold red" if c.flagged else "")
    value = c.value
    if c.condition is not None and value is not None:
        shown = Text(format_value(c.condition.metric, value), style="red" if c.flagged else "")
    else:
        shown = Text("—" if c.condition else "", style="dim")
    status = fmt.HOLDING if c.kind == Kind.GUARD and c.status == Status.MET else c.status
    days_left = (c.due - today).days if c.due else None
    return (
        fmt.status(status, flagged=c.flagged, manual=c.manual),
        c.due.isoformat() if c.due else (f"≤{c.until}" if c.until else ""),
        fmt.days_left(days_left) if c.status == Status.PENDING else Text(""),
        shown,
        printable(c.condition.text) if c.condition else "",
        title,
    )
