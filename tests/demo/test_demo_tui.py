"""`catalyst demo` in the TUI (Pilot): the app the command opens, live on the replay market, shows
prices, positions, a flag and evidence after its first refresh, offline (the market is
127.0.0.1), and leaves nothing behind."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from textual.widgets import DataTable

from catalyst_tui.cli.demo import demo_app
from catalyst_tui.demo import DemoSession, private_dirs
from catalyst_tui.tui.screens.ticker import TickerScreen

from ..support.pilot import first_refresh_shown, rows, text_of

# The first refresh runs in a child process (Python's start, the imports, a few dozen loopback
# requests paced at SEC's 10 a second): seconds on a quiet machine; the bound is for a loaded one.
FIRST_REFRESH = 120.0


async def until(pilot, ready, what: str, timeout: float = FIRST_REFRESH) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert time.monotonic() < deadline, f"{what} never came"
        await pilot.pause(0.2)
        await asyncio.sleep(0)


@pytest.mark.slow
async def test_the_demo_shows_prices_a_flag_and_evidence(isolated_home: Path):
    with DemoSession() as demo, private_dirs(demo.folder):
        folder = demo.folder
        app, store = demo_app(demo)
        try:
            async with app.run_test(size=(120, 36)) as pilot:
                await until(
                    pilot, lambda: first_refresh_shown(app), "the first refresh on every row"
                )
                table = rows(app)
                assert [r[0] for r in table][0] == "⚑ ALAB"  # flagged: its guards are missed
                assert "Portfolio USD" in text_of(app, "#summary")
                alab = table[0]
                assert (
                    float(alab[1].replace(",", ""))
                    == store.market.last_quotes(["ALAB"])["ALAB"].price
                )
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, TickerScreen)
                detail = app.screen.detail
                assert detail is not None and len(detail.evidence) >= 5
                flagged = [c.id for c in detail.checkpoints if c.flagged]
                assert "gross-margin-floor" in flagged and "position-weight-cap" in flagged
                await pilot.press("5")
                await pilot.pause()
                evidence = app.screen.query_one("#evidence-table", DataTable)
                assert evidence.row_count == len(detail.evidence)
                await pilot.press("q")
        finally:
            store.close()
        requests = demo.market.requests if demo.market else []
        assert {r.client for r in requests} == {"127.0.0.1"} and len(requests) > 20
    assert not folder.exists()
    assert list(isolated_home.rglob("*")) == []  # the user's folders: untouched
