"""`catalyst demo` shows its figures (Pilot): the Performance screen holds every position, group
and the portfolio against its benchmark (SPY, SOXX for the interconnect group) with a figure over
every span, and ALAB's Results and Estimates panes read its releases against the Street's
consensus frozen before each."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalyst_tui.cli.demo import demo_app
from catalyst_tui.demo import DemoSession, private_dirs
from catalyst_tui.tui.screens.performance import PerformanceScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.views.performance import RETURN_SPANS

from ..support.pilot import first_refresh_shown, rows, screen_as, text_of
from .test_demo_tui import until

# The demo's Street expects 97% of what a quarter turns out to be (demo/street.py): each release
# beats the consensus frozen before it by 1 / 0.97 - 1.
BEAT = f"{1 / 0.97 - 1:+.1%}"  # +3.1%


@pytest.mark.slow
async def test_the_demo_shows_returns_against_benchmarks_and_releases_against_the_street(
    isolated_home: Path,
):
    with DemoSession() as demo, private_dirs(demo.folder):
        app, store = demo_app(demo)
        try:
            async with app.run_test(size=(160, 40)) as pilot:
                await until(
                    pilot, lambda: first_refresh_shown(app), "the first refresh on every row"
                )
                await until(
                    pilot,
                    lambda: store.market.last_closes(["SPY", "SOXX"]).keys() == {"SPY", "SOXX"},
                    "the benchmarks' history",
                )
                await pilot.press("p")
                await pilot.pause()
                screen = screen_as(app, PerformanceScreen)
                for span in RETURN_SPANS:
                    assert screen.span is span and screen.report is not None
                    lines = screen.lines
                    assert [line.kind for line in lines].count(
                        "ticker"
                    ) == 8  # 6 and the income holdings
                    for line in lines:
                        o = line.spans[span]
                        assert o.rate.value is not None, (span, line.name, o.rate.reason)
                        assert o.benchmark.value is not None, (span, line.name, o.benchmark)
                        assert o.excess.value is not None
                    against = {line.name: line.benchmark for line in lines}
                    assert against["ALAB"] == against["interconnect"] == "SOXX"
                    assert against["NVDA"] == "SPY" and against["portfolio"] == "mixed"
                    table = rows(app, "#returns-table")
                    assert all(row[-1] == "" for row in table)  # no "Why none"
                    summary = text_of(app, "#performance-summary")
                    assert "Time-weighted +" in summary or "Time-weighted -" in summary
                    assert "no price stored" not in summary + str(table)
                    await pilot.press("s")
                    await pilot.pause()
                await pilot.press("escape", "enter")
                await pilot.pause()
                ticker = screen_as(app, TickerScreen)
                assert ticker.detail is not None and ticker.detail.symbol == "ALAB"
                await pilot.press("6")
                await pilot.pause()
                results = rows(app, "#results-table")
                assert results and all(row[3] == f"{BEAT} beat" for row in results), results
                await pilot.press("7")
                await pilot.pause()
                estimates = text_of(app, "#estimates-detail")
                assert estimates.count(BEAT) >= 2 * len(results), estimates  # revenue and EPS
                await pilot.press("q")
        finally:
            store.close()
