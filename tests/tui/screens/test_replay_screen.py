"""The replay screen, driven by Textual's Pilot on the demo's database file: `r` on the ticker
page opens ALAB's thesis replayed on each stored close, the verdict's path and the checkpoints'
changes as views/replay.py gives them, the path's days marked on the price chart."""

from __future__ import annotations

from catalyst_tui.tui.screens.replay import ReplayScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.widgets.chart import PriceChart
from catalyst_tui.views.replay import load_replay

from ...support.pilot import make_app, open_alab, text_of


async def test_r_on_the_ticker_page_opens_the_replay_of_its_thesis(demo):
    config, store = demo
    [expected] = load_replay(store, config, "ALAB")
    assert expected.path  # the demo's closes give a verdict on the first day at least
    app = make_app(config, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_alab(pilot, app)
        assert isinstance(app.screen, TickerScreen)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        while screen.replayed is None:
            await pilot.pause()
        title = text_of(app, "#replay-title")
        days = len(expected.replayed.days)
        assert title.startswith(f"Replay of ALAB: {days} trading days, {expected.start} to")
        body = text_of(app, "#replay-path")
        assert body.startswith("The verdict's path\n")
        first, _ = expected.path[0]
        assert f"{first.day.isoformat()} {first.verdict.verdict}" in body
        assert "Not known then" in body
        chart = screen.query_one(PriceChart)
        assert [p for p in chart.points] and len(chart.points) == len(expected.closes)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
