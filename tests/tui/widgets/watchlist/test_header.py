"""The watchlist's header (tui/widgets/watchlist/header.py) in a real Textual app on the demo's
real database: the portfolio's totals, and a refresh's progress in its cell."""

from __future__ import annotations

from textual.app import App, ComposeResult

from catalyst_tui.tui.widgets.watchlist.header import WatchlistHeader

from ....support.demo_data import DEMO_NOW
from ....support.pilot import text_of


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield WatchlistHeader(lambda: DEMO_NOW, id="header")


async def test_the_header_says_the_portfolios_value_and_a_refreshs_progress(workspace):
    data = workspace.watchlist()
    held = [r for r in data.rows if r.shares and r.value is not None]
    assert held
    app = Host()
    async with app.run_test(size=(120, 6)) as pilot:
        header = app.query_one(WatchlistHeader)
        header.show(data, data.totals())
        await pilot.pause()
        summary = " ".join(text_of(app, "#summary").split())  # type: ignore[arg-type]
        # the sum of the positions' values, by hand
        assert summary.startswith(f"Portfolio USD {sum(r.value or 0.0 for r in held):,.2f} ")
        header.show_progress(47, 100)
        await pilot.pause()
        assert " ".join(text_of(app, "#progress").split()).endswith("47%")  # type: ignore[arg-type]
        assert summary != " ".join(text_of(app, "#summary").split())  # type: ignore[arg-type]
        header.hide_progress()
        await pilot.pause()
        assert text_of(app, "#progress").strip() == ""  # type: ignore[arg-type]
