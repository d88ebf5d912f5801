"""The Chart pane of a ticker: the price chart of one range (1M to 5Y), chosen by its tabs or
stepped with the screen's `[` and `]`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Tab, TabPane, Tabs

from ..chart import RANGES, Point, PriceChart, slice_range


class ChartPane(TabPane):
    """The history of `symbol`, cut to `range_name` (one of RANGES) as `show` gives it."""

    BINDINGS = [  # the screen's, shown in the Footer while this pane has the focus
        Binding("left_square_bracket", "screen.range(-1)", "Shorter"),
        Binding("right_square_bracket", "screen.range(1)", "Longer"),
    ]

    def __init__(
        self,
        title: str,
        symbol: str,
        today: Callable[[], dt.date],
        *,
        id: str,  # noqa: A002
    ) -> None:
        super().__init__(title, id=id)
        self.symbol = symbol
        self._today = today
        self.range_name = "1Y"
        self._history: Sequence[Point] | None = None

    def compose(self) -> ComposeResult:
        yield Tabs(
            *(Tab(name, id=f"range-{name}") for name in RANGES),
            active=f"range-{self.range_name}",
            id="ranges",
        )
        yield PriceChart(id="price-chart")

    def show(self, history: Sequence[Point]) -> None:
        self._history = history
        self._show_chart()

    def step_range(self, step: int) -> None:
        """A longer range (`step` 1) or a shorter one (-1), within those there are."""
        names = list(RANGES)
        index = max(0, min(len(names) - 1, names.index(self.range_name) + step))
        self.range_name = names[index]
        self._show_chart()

    def _show_chart(self) -> None:
        if self._history is None:
            return
        points = slice_range(self._history, self.range_name, self._today())
        chart = self.query_one("#price-chart", PriceChart)
        chart.set_series(points, label=f"{self.symbol} {self.range_name}")
        self.call_after_refresh(self._sync_range_tab)

    def _sync_range_tab(self) -> None:
        # Only while visible: a Tabs underline animated at zero width never settles.
        ranges = self.query_one("#ranges", Tabs)
        if ranges.active != f"range-{self.range_name}" and ranges.region.width:
            ranges.active = f"range-{self.range_name}"

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tabs.id == "ranges" and event.tab is not None:
            name = event.tab.label_text
            if name != self.range_name:
                self.range_name = name
                self._show_chart()
