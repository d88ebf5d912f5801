"""The watchlist's header: the portfolio's totals, the data's health on a line of its own
(counting on: "refreshed 1m ago") with what the last delivery to the channels beyond the
desktop did ("alerts at 21:05: phone: 1 sent"), and a refresh's progress at the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from ....text import printable
from ....views.health import health_ok, health_text
from ... import format as fmt
from ...palette import ink

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from textual.app import ComposeResult

    from ....jobs.reach import Reach
    from ....views.watchlist import Totals, Watchlist

PROGRESS_CELLS = 13  # the bar; with " 100%" it fills the 18-cell #progress
AGE_TICK_SECONDS = 5  # "refreshed 1m ago" goes on counting


class WatchlistHeader(Horizontal):
    """Drawn by `show` when the rows are; its health line again on each tick, when its text
    changed. `reach` is the last refresh's: why no provider answered, or None (jobs/reach.py),
    said as soon as the refresh knows it (`show_reach`). While a refresh runs the health line
    starts with "refreshing" and the cell at the right shows how far it is."""

    def __init__(self, clock: Callable[[], dt.datetime], *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self._clock = clock
        self.reach: Reach | None = None
        self.progress: tuple[int, int] | None = None  # (done, total) last shown
        self.progress_shown = False
        self.refreshing = False  # from a refresh's first progress to its end
        self._data: Watchlist | None = None
        self._totals = fmt.Flow([])  # the first part, as last shown
        self._health = Text()  # and its last line, the data's health
        # The last delivery to the channels that sent or failed: when, each channel's line and
        # whether it failed (notify/remote_delivery.py ChannelsReport.said).
        self.channels: tuple[dt.datetime, list[tuple[str, bool]]] | None = None
        self.acted: frozenset[str] = frozenset()  # the channels the line above speaks of

    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        yield Static(id="progress")  # a refresh's progress, drawn by show_progress

    def on_mount(self) -> None:
        self.set_interval(AGE_TICK_SECONDS, self._count_ages)
        if self.refreshing:  # a refresh is about to start (a live app's first): its bar at 0%
            self.show_progress(0, 1)

    def show(self, data: Watchlist, totals: Totals) -> None:
        """The totals (of the group shown), then the data's health."""
        self._data = data
        portfolio = Text(f"Portfolio {printable(data.currency)} ", style="bold")
        portfolio.append(fmt.money(totals.value) if totals.priced else fmt.NONE, style="not bold")
        if totals.no_fx:
            portfolio.append("*", style=ink().warning)
        items = [
            portfolio,
            Text("Day ") + _with_share(totals, totals.day_pnl, totals.day_pct),
            Text("P&L ") + _with_share(totals, totals.pnl, totals.pnl_pct),
            Text("Realized YTD ") + fmt.signed(totals.realized_year),
        ]
        if any(r.shares for r in data.rows):  # of the whole portfolio, whichever tab shows
            items.append(_at_risk(data.book_at_risk()))
        # Each item whole on its line (a narrow terminal breaks between items, never inside one:
        # laid out as drawn, for the width there is), and the data's health on a line of its own.
        self._show(fmt.Flow(items), self._health_line(data))

    def _count_ages(self) -> None:
        """The tick: the health line again, drawn only when its text changed ("refreshed 1m
        ago" counts on); the totals do not change with time."""
        if self._data is not None:
            health = self._health_line(self._data)
            if health != self._health:
                self._show(self._totals, health)

    def show_reach(self, reach: Reach | None) -> None:
        """What a running refresh found (Reach.OFFLINE: no network), said at once."""
        self.reach = reach
        self._redraw_health()

    def show_channels(
        self, said: list[tuple[str, bool]], at: dt.datetime, acted: frozenset[str]
    ) -> None:
        """What each channel did in the last delivery that did something, said at once; the
        stored failure of a channel in it (`acted`, "hook alerts failed 2m ago") is then not
        said again beside it."""
        self.channels = (at, said)
        self.acted = acted
        self._redraw_health()

    def _redraw_health(self) -> None:
        if self._data is not None:
            self._show(self._totals, self._health_line(self._data))

    def _health_line(self, data: Watchlist) -> Text:
        p = ink()
        health = data.health
        if self.channels is not None and health.alerts_failing:
            failing = health.alerts_failing
            kept = {name: failed for name, failed in failing.items() if name not in self.acted}
            health = health._replace(alerts_failing=kept)
        line = Text()
        if self.refreshing:
            line.append("refreshing", style=f"bold {p.info}")
            line.append(" · ", style=p.muted)
        if self.reach:
            line.append(f"{self.reach}: no provider answers", style=p.alarm)
            line.append(" · ", style=p.muted)
        if (self.reach or self.refreshing) and health.last_refresh is None:
            line.append("nothing stored yet", style=p.warning)
        else:
            now = self._clock()
            line.append_text(
                fmt.plain(health_text(health, now), "" if health_ok(health, now) else p.warning)
            )
        if self.channels is not None:
            at, said = self.channels
            line.append(" · ", style=p.muted)
            line.append(f"alerts at {at.astimezone():%H:%M}: ")
            for index, (words, failed) in enumerate(said):
                if index:
                    line.append(" · ", style=p.muted)
                line.append(printable(words), style=p.warning if failed else "")
        return line

    def _show(self, totals: fmt.Flow, health: Text) -> None:
        self._totals, self._health = totals, health
        self.query_one("#summary", Static).update(Group(totals, health))

    # -- progress (while a refresh runs) --------------------------------------------------------
    @property
    def nothing_stored(self) -> bool:
        """Whether the rows shown have no refresh behind them (none read yet, or none ever)."""
        return self._data is None or self._data.health.last_refresh is None

    def show_progress(self, done: int, total: int) -> None:
        # A fixed-size cell whose text changes: only the cell is repainted, where showing and
        # hiding a bar by `display` would lay out the whole screen twice per refresh.
        self.progress = (done, total)
        self.progress_shown = done < total
        cell = self.query_one("#progress", Static)
        cell.update(_progress_text(done, total) if self.progress_shown else "", layout=False)
        if not self.refreshing:
            self.refreshing = True
            self._redraw_health()

    def hide_progress(self) -> None:
        self.progress_shown = False
        self.query_one("#progress", Static).update("", layout=False)
        if self.refreshing:
            self.refreshing = False
            self._redraw_health()


def _with_share(totals: Totals, amount: float, share: float | None) -> Text:
    """ "+161.30 (+0.5%)": an amount in the portfolio's currency (named at the header's head)
    and what it is of the money it moved, so that neither reads as the other."""
    if not totals.priced:
        return Text(fmt.NONE, style=ink().muted)
    text = fmt.signed(amount)
    if share is not None:
        text.append(" (")
        text.append_text(fmt.percent(share))
        text.append(")")
    return text


def _at_risk(share: float | None) -> Text:
    """ "Book at risk 40.0%": the weight in tickers at risk or broken, in the warning colour when
    there is any; — when a position has no price or rate."""
    p = ink()
    text = Text("Book at risk ")
    if share is None:
        return text.append(fmt.NONE, style=p.muted)
    return text.append(f"{share:.1%}", style=p.warning if share > 0 else "")


def _progress_text(done: int, total: int) -> Text:
    """`━━━━━━╸━━━━━━  47%`: PROGRESS_CELLS of bar and the percentage, in 18 cells."""
    p = ink()
    share = done / total if total else 0.0
    filled = int(share * PROGRESS_CELLS)
    text = Text()
    text.append("━" * filled, style=f"bold {p.info}")
    text.append("━" * (PROGRESS_CELLS - filled), style=p.muted)
    text.append(f" {share:4.0%}")
    return text
