"""A ticker's thesis replayed (`r` on the ticker page): the price chart of every stored close, the
days its verdict changed marked on the line, and under it the story: the verdict's path (each
change in the verdict's colour, with the close that day and 30 and 90 trading days later), each
checkpoint's changes of status and why, what each goalpost's original rule would have said, and
what could not be known then with what each gap did to the path. Every figure is
views/replay.py's, as `catalyst replay SYMBOL` prints it.

The replay is made in a worker thread (the workspace reads on a connection of its own): the
screen says it is replaying until it is shown. The story has the room: the chart gives way first,
down to none on a short terminal; a line that wraps goes on under its own first word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...text import printable
from ...thesis.replay.wording import change_text, followed_text, step_text, undone_text
from ...thesis.vocabulary import VERDICT_STYLE
from ..widgets.banner import ConfigBanner
from ..widgets.chart import PriceChart
from ..widgets.footer import KeyFooter
from .fresh import FreshScreen
from .keys import pushed_screen_keys

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import ComposeResult

    from ...session.workspace import Workspace
    from ...views.replay import TickerReplay

LOADING = "replaying each stored day on what was public by its close…"
#: The chart's most rows, and the story's fewest before the chart gives way.
CHART_ROWS, STORY_ROWS = 14, 12
#: A chart of fewer rows says nothing: none is drawn.
CHART_FEWEST = 6


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
        self.loaded = False
        self._chart_rows = CHART_ROWS
        self._others = -1  # the rows the other widgets took when the chart was last fitted

    @property
    def help_name(self) -> str:
        """What the keys' list calls this screen."""
        return f"the replay of {printable(self.symbol)}"

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        yield Static(f"Replay of {printable(self.symbol)}: {LOADING}", id="replay-title")
        yield PriceChart(id="replay-chart")
        with VerticalScroll(id="replay-days"):
            yield Static(id="replay-path")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#replay-chart", PriceChart).set_series(
            [], label=self.symbol, empty_text=LOADING
        )
        self.query_one("#replay-path", Static).update(Text(LOADING))
        self.reload()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def reload(self) -> None:
        """The replay made again from what the store holds now, in a worker thread."""
        workspace, app, symbol = self.workspace, self.app, self.symbol

        def run() -> None:
            found = workspace.replay_in_thread(symbol)
            app.call_from_thread(self._loaded, found)

        app.run_worker(run, name="the replay", group="replay", thread=True, exit_on_error=False)

    def _loaded(self, found: TickerReplay | None) -> None:
        if not self.is_attached:  # left before it was made
            return
        self.replayed, self.loaded = found, True
        self.show()

    def recolour(self) -> None:
        if self.loaded:
            self.show()

    def show(self) -> None:
        r = self.replayed
        title = self.query_one("#replay-title", Static)
        chart = self.query_one("#replay-chart", PriceChart)
        body = self.query_one("#replay-path", Static)
        if r is None:
            title.update(f"{printable(self.symbol)}: no checkpoints in catalysts.toml to replay")
            chart.set_series([], label=self.symbol, empty_text="nothing to replay")
            body.update(Text(""))
            return
        if r.start is None:
            title.update(f"Replay of {printable(r.symbol)}: no stored close, nothing replayed")
        else:
            days = len(r.replayed.days)
            title.update(
                f"Replay of {printable(r.symbol)}: {days} trading days, {r.start} to {r.end},"
                " each judged on what was public by its close"
            )
        chart.set_series(
            list(r.closes),
            label=f"{r.symbol} verdict changes",
            marks=[s.day for s, _ in r.path],
            empty_text="no stored close: a refresh that reaches the market fetches them",
        )
        body.update(story(r))
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """The story keeps STORY_ROWS at least: the chart gives way first, down to none."""
        if not self.is_attached:
            return
        chart = self.query_one("#replay-chart", PriceChart)
        others = sum(
            w.outer_size.height
            for w in self.children
            if w.display and w.id not in ("replay-chart", "replay-days")
        )
        rows = min(CHART_ROWS, self.size.height - others - STORY_ROWS)
        if rows < CHART_FEWEST:
            rows = 0
        if rows == self._chart_rows and others == self._others:
            return  # laid out as fitted
        self._others = others
        if rows != self._chart_rows:
            self._chart_rows = rows
            chart.display = rows > 0
            chart.styles.height = max(rows, 1)
        self.call_after_refresh(self._fit)  # measured again once laid out anew: a title that
        # wrapped after it was measured (a busy machine's refresh) takes its row from the chart


def story(r: TickerReplay) -> Group:
    """The replay's story: each part's heading, and its lines indented, a wrapped line going on
    under its own first word."""
    parts: list[RenderableType] = [_heading("The verdict's path")]
    if not r.path:
        parts.append(_line("none: no checkpoint had a value to judge on any day", 2))
    for step, after in r.path:
        style = VERDICT_STYLE.get(step.verdict.verdict, "")
        parts.append(_line(step_text(step), 2, style))
        parts.append(_line(followed_text(after), 4))
    parts.append(_heading("Checkpoints, the days their status changed"))
    for change, after in r.changes:
        parts.append(_line(change_text(change), 2))
        parts.append(_line(followed_text(after), 4))
    if not r.changes:
        parts.append(_line("none", 2))
    if r.undone:
        parts.append(_heading("Goalposts moved"))
        for u in r.undone:
            parts.append(_line(f"{u.move.checkpoint}: {undone_text(u)}", 2))
    parts.append(_heading("Not known then, and what it did to the path"))
    for line in r.unknown:
        parts.append(_line(line, 2))
    return Group(*parts)


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _line(text: str, indent: int, style: str = "") -> Padding:
    return Padding(Text(printable(text), style=style), (0, 0, 0, indent))
