"""The Thesis pane of a ticker: the thesis as written in catalysts.toml, or how to write one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TabPane

from ... import format as fmt


class ThesisPane(TabPane):
    BINDINGS = [  # the screen's, shown in the Footer while this pane has the focus
        Binding("n", "screen.edit_ticker", "Name, group, thesis"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="thesis-scroll"):
            yield Static(id="thesis-text")

    def show(self, symbol: str, thesis: str) -> None:
        thesis = thesis.strip()
        missing = f'No thesis written yet: add thesis = """...""" to [tickers.{symbol}].'
        self.query_one("#thesis-text", Static).update(
            fmt.plain(thesis, multiline=True) if thesis else Text(missing, style="dim")
        )
