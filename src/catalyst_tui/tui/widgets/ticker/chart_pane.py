"""The Chart pane of a ticker: the price chart of one range, chosen by its tabs or stepped with the
screen's `[` and `]`. 1D and 5D draw the intraday bars of the last sessions under their times in
the exchange's zone, with the session's hours; they are asked for (`IntradayWanted`) each time
they are shown, and the screen fetches them when due. 1M to 5Y draw the stored daily closes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tab, Tabs

from ..chart import ALL_RANGES, INTRADAY_RANGES, Point, PriceChart, slice_range
from .pane import PaneContext, TickerPane

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence

    from textual.app import ComposeResult

    from ....views.intraday import IntradayPage
    from ....views.ticker import TickerDetail

# How the x-axis writes a bar's moment: a time for one session, a weekday and time for five.
_BAR_LABELS: dict[str, str] = {"1D": "%H:%M", "5D": "%a %H:%M"}


class ChartPane(TickerPane):
    """The history of `symbol`, cut to `range_name` (one of ALL_RANGES) as `show` gives it."""

    @dataclass
    class IntradayWanted(Message):
        """The pane shows an intraday range: its stored bars, and fresh ones when due."""

        symbol: str
        span: str

    KEYS = (
        Binding("left_square_bracket", "range(-1)", "Shorter"),
        Binding("right_square_bracket", "range(1)", "Longer"),
    )

    def __init__(self, title: str, context: PaneContext, *, id: str) -> None:  # noqa: A002
        super().__init__(title, context, id=id)
        self.range_name = "1Y"
        self._history: Sequence[Point] | None = None
        self._marks: tuple[datetime.date, ...] = ()  # the timeline's events, marked on the line
        self._intraday: dict[str, IntradayPage] = {}

    def compose(self) -> ComposeResult:
        yield Tabs(
            *(Tab(name, id=f"range-{name}") for name in ALL_RANGES),
            active=f"range-{self.range_name}",
            id="ranges",
        )
        yield PriceChart(id="price-chart")

    def show(self, detail: TickerDetail) -> None:
        self._history = detail.history
        self._marks = tuple(m.day for m in detail.marks)
        self._show_chart()

    def show_intraday(self, page: IntradayPage) -> None:
        """An intraday chart as it is now (stored, fetching, fetched, failed); drawn when its
        range is the one shown."""
        self._intraday[page.span] = page
        if page.span == self.range_name:
            self._draw_intraday(page)

    def action_range(self, step: int) -> None:
        """A longer range (`step` 1) or a shorter one (-1), within those there are."""
        self.reveal()
        names = list(ALL_RANGES)
        index = max(0, min(len(names) - 1, names.index(self.range_name) + step))
        self.range_name = names[index]
        self._show_chart()

    def _show_chart(self) -> None:
        if self.range_name in INTRADAY_RANGES:
            page = self._intraday.get(self.range_name)
            if page is not None:
                self._draw_intraday(page)
            else:
                self._chart().set_series(
                    [], label=self._label(), empty_text="reading the intraday bars…"
                )
            self.post_message(self.IntradayWanted(self.symbol, self.range_name))
        elif self._history is not None:
            points = slice_range(self._history, self.range_name, self.today())
            self._chart().set_series(points, label=self._label(), marks=self._marks)
        self.call_after_refresh(self._sync_range_tab)

    def _draw_intraday(self, page: IntradayPage) -> None:
        chart = page.chart
        if chart is None:
            self._chart().set_series([], label=self._label(), empty_text=_missing_text(page))
            return
        zone = chart.exchange_zone()
        points = [(bar.at.astimezone(zone), bar.close) for bar in chart.bars]
        form = _BAR_LABELS.get(page.span, "%H:%M")
        self._chart().set_series(
            points,
            label=self._label(),
            x_label=lambda moment: moment.strftime(form),
            note=_session_note(page),
            base=chart.previous_close,  # the change of the day (or five) from the close before
            empty_text=(
                f"no {page.bar_words} bars: {page.symbol} has not traded in "
                f"{'its last session' if page.span == '1D' else 'the last five sessions'}"
            ),
        )

    def _label(self) -> str:
        return f"{self.symbol} {self.range_name}"

    def _chart(self) -> PriceChart:
        return self.query_one("#price-chart", PriceChart)

    def _sync_range_tab(self) -> None:
        # Only while visible: a Tabs underline animated at zero width never settles.
        # Without its TabActivated: on a busy loop that message arrives after the next `[`,
        # and read as a click it would take the range back one step.
        ranges = self.query_one("#ranges", Tabs)
        if ranges.active != f"range-{self.range_name}" and ranges.region.width:
            with self.prevent(Tabs.TabActivated):
                ranges.active = f"range-{self.range_name}"

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tabs.id == "ranges" and event.tab is not None:
            name = event.tab.label_text
            if name != self.range_name:
                self.range_name = name
                self._show_chart()


def _missing_text(page: IntradayPage) -> str:
    if page.error:
        return f"no intraday bars: {page.error}"
    return f"fetching {page.bar_words} bars…"


def _session_note(page: IntradayPage) -> str:
    """The session's hours in the exchange's zone ("session 09:30–16:00 New York"), and why the
    bars shown are not fresh when a fetch failed."""
    chart = page.chart
    if chart is None:
        return ""
    zone = chart.exchange_zone()
    place = chart.zone.rsplit("/", 1)[-1].replace("_", " ") if chart.zone else str(zone)
    note = ""
    if chart.sessions:
        last = chart.sessions[-1]
        start, end = last.start.astimezone(zone), last.end.astimezone(zone)
        note = f"session {start:%H:%M}–{end:%H:%M} {place}"
    if page.error and page.fetched_at is not None:
        note += f"  (bars of {page.fetched_at.astimezone(zone):%H:%M}: {page.error})"
    return note.strip()
