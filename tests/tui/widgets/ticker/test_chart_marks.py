"""The Chart pane marks the timeline's events on the price line: a checkpoint marked four months
ago on the demo's database adds one mark to ALAB's 1Y chart, and `catalyst report` and the page
read the same events (views.timeline.chart_marks)."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.widgets.chart import PriceChart

from ....support.demo_data import DEMO_NOW
from ....support.pilot import lines_on_screen, make_app


async def _marks_on_alabs_chart(config, store) -> int:
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "2")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen) and app.screen.chart.range_name == "1Y"
        assert app.screen.query_one("#price-chart", PriceChart).points
        return sum(line.count("◆") for line in lines_on_screen(app, "#price-chart"))


async def test_a_checkpoint_event_is_marked_on_the_tickers_chart(demo):
    config, store = demo
    before = await _marks_on_alabs_chart(config, store)
    target = next(c for c in store.views.checkpoints("ALAB") if c.status == "pending")
    when = DEMO_NOW - dt.timedelta(days=120)
    assert store.checkpoints.mark("ALAB", target.id, "met", "seen", when)
    assert await _marks_on_alabs_chart(config, store) == before + 1
