"""The replay screen, driven by Textual's Pilot on the demo's database file: `r` on the ticker
page opens ALAB's thesis replayed on each stored close, the verdict's path and the checkpoints'
changes as views/replay.py gives them, the path's days marked on the price chart. While it is
made (in a worker thread) the screen says so, never "no price history yet"; at 80x24 the story
keeps its rows and the chart gives way; a wrapped line goes on under its own first word; the
keys' list names the screen as a person would."""

from __future__ import annotations

import threading
import time

from rich.console import Console

from catalyst_tui.tui.screens.forms import KeysScreen
from catalyst_tui.tui.screens.replay import LOADING, STORY_ROWS, ReplayScreen, story
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.widgets.chart import PriceChart
from catalyst_tui.views.replay import load_replay

from ...support.pilot import make_app, open_alab, text_of


async def opened(pilot, app) -> ReplayScreen:
    await open_alab(pilot, app)
    assert isinstance(app.screen, TickerScreen)
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReplayScreen)
    return screen


async def loaded(pilot, screen: ReplayScreen) -> None:
    while not screen.loaded:
        await pilot.pause()
    await pilot.pause()


async def laid_out(pilot, fitted, timeout: float = 60.0) -> None:
    """Wait for the screen's layout to reach `fitted` (a busy machine lays out a few refreshes
    later), then for one more refresh; the test's assertions then say whether it did."""
    deadline = time.monotonic() + timeout
    while not fitted() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()


async def test_r_on_the_ticker_page_opens_the_replay_of_its_thesis(demo):
    config, store = demo
    [expected] = load_replay(store, config, "ALAB")
    assert expected.path  # the demo's figures judge a checkpoint on some day
    app = make_app(config, store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot, app)
        await loaded(pilot, screen)
        title = text_of(app, "#replay-title")
        days = len(expected.replayed.days)
        assert title.startswith(f"Replay of ALAB: {days} trading days, {expected.start} to")
        body = text_of(app, "#replay-path")
        assert body.startswith("The verdict's path\n")
        first, _ = expected.path[0]
        assert f"{first.day.isoformat()} {first.verdict.verdict}" in body
        assert "Not known then, and what it did to the path" in body
        assert "the path read them from then on" in body
        chart = screen.query_one(PriceChart)
        assert [p for p in chart.points] and len(chart.points) == len(expected.closes)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        assert app.screen.title_text == "the replay of ALAB"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)


async def test_while_it_is_made_the_screen_says_so(demo):
    """The replay waits here in its thread until let go: meanwhile the title, the chart and the
    story say it is replaying, the chart never that there is no price history."""
    config, store = demo
    app = make_app(config, store)
    made, go = app.workspace.replay_in_thread, threading.Event()

    def held(symbol: str):
        go.wait(timeout=30)
        return made(symbol)

    app.workspace.replay_in_thread = held  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await opened(pilot, app)
        chart = screen.query_one(PriceChart)
        assert not screen.loaded
        assert chart.empty_text == LOADING and not chart.points
        assert LOADING in text_of(app, "#replay-title")
        assert text_of(app, "#replay-path").strip() == LOADING
        assert "no price history" not in chart.empty_text
        go.set()
        await loaded(pilot, screen)
        assert chart.points


async def test_at_80x24_the_story_keeps_its_rows_and_the_chart_gives_way(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot, app)
        await loaded(pilot, screen)
        days = screen.query_one("#replay-days")
        chart = screen.query_one(PriceChart)
        await laid_out(pilot, lambda: days.region.height >= STORY_ROWS)
        assert days.region.height >= STORY_ROWS
        assert chart.region.height < 14  # the chart's rows at 120x36
        await pilot.resize_terminal(120, 36)
        await laid_out(pilot, lambda: chart.region.height == 14)
        assert chart.region.height == 14 and days.region.height >= STORY_ROWS


def test_a_wrapped_line_goes_on_under_its_first_word(demo):
    config, store = demo
    [r] = load_replay(store, config, "ALAB")
    console = Console(width=60, record=True, color_system=None)
    console.print(story(r))
    lines = console.export_text().splitlines()
    step = next(i for i, line in enumerate(lines) if line.startswith("  ") and "at risk" in line)
    assert len(lines[step]) > 50 and lines[step + 1].startswith("  ")  # wrapped, and indented
    assert not lines[step + 1].startswith("   ") or lines[step + 1].startswith("    close")
    for line in lines:
        assert not line or line.startswith(("  ", "The ", "Checkpoints", "Goalposts", "Not "))
