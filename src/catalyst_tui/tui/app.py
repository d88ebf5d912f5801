"""The catalyst Textual app: for now, the configured tickers with their checkpoint counts."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header

from ..config import Config
from ..store import Store, TickerOverview

COLUMNS = ("Symbol", "Name", "Group", "Met", "Missed", "Pending")


class CatalystApp(App[None]):
    """Lists the tickers of catalysts.toml as stored in the database."""

    CSS_PATH = "app.tcss"
    TITLE = "catalyst"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, store: Store, config: Config) -> None:
        super().__init__()
        self.store = store
        self.config = config

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="tickers", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self.config.path or "")
        table = self.query_one("#tickers", DataTable)
        table.add_columns(*COLUMNS)
        for row in self.store.ticker_overview():
            table.add_row(*_cells(row), key=row.symbol)
        table.focus()


def _cells(row: TickerOverview) -> tuple[str, ...]:
    return (row.symbol, row.name, row.group, str(row.met), str(row.missed), str(row.pending))
