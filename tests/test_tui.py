"""The first screen, driven by Textual's Pilot on a real database file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp

from .conftest import BUNDLED_CONFIG


async def test_first_screen_lists_the_bundled_tickers_and_quits_on_q(tmp_path: Path):
    config = load_config(BUNDLED_CONFIG)
    with Store.open(tmp_path / "catalyst.db") as store:
        store.sync_config(config)
        app = CatalystApp(store=store, config=config)
        async with app.run_test(size=(80, 24)) as pilot:
            table = app.query_one("#tickers", DataTable)
            assert table.row_count == len(config.tickers)
            first = table.get_row_at(0)
            assert first[0] == "ALAB" and first[1] == "Astera Labs"
            assert first[5] == str(len(config.tickers["ALAB"].checkpoints))  # all pending
            assert [table.get_row_at(i)[0] for i in range(table.row_count)] == list(config.tickers)
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running
