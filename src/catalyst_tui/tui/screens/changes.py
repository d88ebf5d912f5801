"""What changed since you last looked: the records `catalyst changes` prints (views/changes.py),
grouped by ticker, newest first, shown over the watchlist at start when there are any. Enter
opens the highlighted change's ticker; Esc goes back to the watchlist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from ...text import counted, printable
from ...views.changes import LABELS, Change
from .. import messages
from ..palette import ink
from ..widgets.footer import KeyFooter
from ..widgets.table import RowTable
from .table_detail import TableDetailScreen

if TYPE_CHECKING:
    import datetime as dt

    from textual.app import ComposeResult

COLUMNS = (("when", "When"), ("ticker", "Ticker"), ("kind", "What"), ("change", "Change"))


class ChangesScreen(TableDetailScreen[Change]):
    TABLE = "changes-table"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back to the watchlist"),
        Binding("enter", "open_ticker", "Open ticker", priority=True),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, since: dt.datetime, changes: list[Change]) -> None:
        super().__init__(id="changes")
        self.since = since
        self.changes = changes

    def compose(self) -> ComposeResult:
        yield Static(id="changes-title")
        yield RowTable(id="changes-table", zebra_stripes=True)
        yield Static(id="change-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#changes-table", RowTable)
        table.add_keyed_columns(COLUMNS)
        table.give_way({"when": 11, "kind": 6})
        self.recolour()
        self.set_focus(table)  # before the first frame (watchlist.py)

    def recolour(self) -> None:
        p = ink()
        table = self.query_one("#changes-table", RowTable)
        table.clear()
        titles = {}
        for n, c in enumerate(self.changes):
            when = c.at.astimezone().strftime("%Y-%m-%d %H:%M")
            key = str(n)
            titles[key] = Text(printable(c.title))
            table.add_row(
                when, Text(c.symbol, style="bold"), LABELS.get(c.kind, c.kind), titles[key], key=key
            )
        table.set_last_column(titles)
        since = self.since.astimezone().strftime("%Y-%m-%d %H:%M")
        count = counted(len(self.changes), "change")
        title = Text(f"Since you last looked ({since}): {count}", style="bold")
        title.append("   enter opens the ticker, esc the watchlist", style=p.muted)
        self.query_one("#changes-title", Static).update(title)
        self._show_detail()

    def row_items(self) -> list[Change]:
        return self.changes

    def _show_detail(self) -> None:
        change = self.current()
        lines = [] if change is None else [change.detail, change.link]
        self.query_one("#change-detail", Static).update(
            Text("\n".join(printable(line) for line in lines if line), style=ink().muted)
        )

    def action_open_ticker(self) -> None:
        change = self.current()
        if change is not None:
            self.post_message(messages.OpenTicker(change.symbol))
