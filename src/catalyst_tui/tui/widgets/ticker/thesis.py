"""The Thesis pane of a ticker: the thesis as written in catalysts.toml, or how to write one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TabPane

from ... import format as fmt
from .keys import pane_bindings


class ThesisPane(TabPane):
    BINDINGS = pane_bindings("thesis")  # the screen's, shown while this pane has the focus

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="thesis-scroll"):
            yield Static(id="thesis-text")

    def show(self, symbol: str, thesis: str) -> None:
        thesis = thesis.strip()
        missing = f'No thesis written yet: add thesis = """...""" to [tickers.{symbol}].'
        self.query_one("#thesis-text", Static).update(
            fmt.plain(thesis, multiline=True) if thesis else Text(missing, style="dim")
        )
