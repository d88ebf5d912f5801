"""A ticker's thesis replayed (`r` on the ticker page): the price chart of every stored close, the
days its verdict changed marked on the line, and under it the verdict's path (each change in the
verdict's colour, with the close that day and 30 and 90 trading days later), each checkpoint's
changes of status and why, what each goalpost's original rule would have said, and what could not
be known then. Every figure is views/replay.py's, as `catalyst replay SYMBOL` prints it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...text import printable
from ...thesis.replay.wording import change_text, followed_text, step_text, undone_text
from ...thesis.vocabulary import VERDICT_STYLE
from ...views.replay import TickerReplay, load_replay
from ..widgets.banner import ConfigBanner
from ..widgets.chart import PriceChart
from ..widgets.footer import KeyFooter
from .fresh import FreshScreen
from .keys import pushed_screen_keys

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from ...session.workspace import Workspace

LOADING = "replaying each stored day on what was public by its close…"


class ReplayScreen(FreshScreen, Screen[None]):
    """One ticker's replay over every stored close."""

    DEFAULT_CSS = """
    #replay-title {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    #replay-chart {
        height: 14;
    }
    #replay-days {
        height: 1fr;
        padding: 0 1;
    }
    """
    BINDINGS = pushed_screen_keys()

    def __init__(self, workspace: Workspace, symbol: str) -> None:
        super().__init__(id="replay")
        self.workspace = workspace
        self.symbol = symbol
        self.replayed: TickerReplay | None = None

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        yield Static(f"Replay of {printable(self.symbol)}: {LOADING}", id="replay-title")
        yield PriceChart(id="replay-chart")
        with VerticalScroll(id="replay-days"):
            yield Static(id="replay-path")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self.reload)

    def reload(self) -> None:
        """The replay made again from what the store holds now."""
        found = load_replay(self.workspace.store, self.workspace.config, self.symbol)
        self.replayed = found[0] if found else None
        self.show()

    def recolour(self) -> None:
        self.show()

    def show(self) -> None:
        r = self.replayed
        title = self.query_one("#replay-title", Static)
        chart = self.query_one("#replay-chart", PriceChart)
        if r is None:
            title.update(f"{printable(self.symbol)}: no checkpoints in catalysts.toml to replay")
            return
        span = f"{r.start} to {r.end}" if r.start else "no stored close"
        days = len(r.replayed.days)
        title.update(
            f"Replay of {printable(r.symbol)}: {days} trading days, {span}, each judged on what"
            " was public by its close"
        )
        chart.set_series(
            list(r.closes), label=f"{r.symbol} verdict changes", marks=[s.day for s, _ in r.path]
        )
        self.query_one("#replay-path", Static).update(_body(r))


def _body(r: TickerReplay) -> Text:
    text = Text()
    text.append("The verdict's path\n", style="bold")
    for step, after in r.path:
        style = VERDICT_STYLE.get(step.verdict.verdict, "")
        text.append(f"  {printable(step_text(step))}\n", style=style)
        text.append(f"    {followed_text(after)}\n")
    text.append("Checkpoints, the days their status changed\n", style="bold")
    for change, after in r.changes:
        text.append(f"  {printable(change_text(change))}\n")
        text.append(f"    {followed_text(after)}\n")
    if not r.changes:
        text.append("  none\n")
    if r.undone:
        text.append("Goalposts moved\n", style="bold")
        for u in r.undone:
            text.append(f"  {printable(u.move.checkpoint)}: {printable(undone_text(u))}\n")
    text.append("Not known then\n", style="bold")
    for line in r.unknown:
        text.append(f"  {printable(line)}\n")
    return text
