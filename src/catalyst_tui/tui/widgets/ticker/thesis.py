"""The Thesis pane of a ticker: the thesis as written in catalysts.toml, or how to write one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ... import format as fmt
from ... import messages
from ...palette import ink
from .pane import TickerPane

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from ....views.ticker import TickerDetail


class ThesisPane(TickerPane):
    KEYS = (Binding("n", "edit_ticker", "Name, group, thesis"),)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="thesis-scroll"):
            yield Static(id="thesis-text")

    def show(self, detail: TickerDetail) -> None:
        symbol, thesis = detail.symbol, detail.ticker.thesis.strip()
        missing = f'No thesis written yet: add thesis = """...""" to [tickers.{symbol}].'
        self.query_one("#thesis-text", Static).update(
            fmt.plain(thesis, multiline=True) if thesis else Text(missing, style=ink().muted)
        )

    def action_edit_ticker(self) -> None:
        self.post_message(messages.EditTicker(self.symbol))
