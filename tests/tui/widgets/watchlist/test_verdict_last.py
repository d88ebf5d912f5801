"""The verdict is the last watchlist column to give way: at 80×24, with figures wide enough that
not every column fits (a portfolio of millions, prices in the thousands), every other column that
gives way is left blank first, and the Verdict column's cells still read each ticker's verdict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable

from catalyst_tui.config import load_config
from catalyst_tui.market.models import Quote, QuoteOutcome
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS, GIVE_WAY

from ....support import scenes
from ....support.pilot import ZONE, rows

NOW = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC)
SYMBOLS = ("BRK.A", "MKL", "NVR", "AZO")
THESIS = "".join(
    f'[tickers."{s}"]\nname = "{s}"\n[[tickers."{s}".lots]]\nshares = 2500\n'
    f"cost = 4100.5\ndate = 2021-01-05\n"
    for s in SYMBOLS
) + (
    '[[tickers.MKL.checkpoints]]\nid = "float"\ntitle = "Float grows"\nkind = "milestone"\n'
    "due = 2026-06-30\n"
)


async def test_at_80_by_24_the_verdict_is_the_last_column_to_give_way(tmp_path: Path) -> None:
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW)
        store.checkpoints.mark("MKL", "float", "missed", "float shrank", NOW)
        quotes = [
            QuoteOutcome(
                s, Quote(s, 712_345.5, 700_000.0, 12_345.5, 0.0176, "USD", "CLOSED", NOW, "yahoo")
            )
            for s in SYMBOLS
        ]
        store.market.save_quotes(quotes, NOW)
        app = CatalystApp(
            Workspace(config, store, clock=lambda: NOW, zone=ZONE), live=False, watch_file=False
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await scenes.watchlist(pilot)
            table = app.screen.query_one("#tickers", DataTable)
            await scenes.settled(
                pilot, lambda: table.virtual_size.width <= table.size.width, "the columns fitted"
            )
            gone = {
                str(c.key.value)
                for c in table.columns.values()
                if not c.auto_width and c.width == 0
            }
            shown = rows(app)
    verdict = [key for key, _ in COLUMNS].index("verdict")
    cells = {r[0].split()[-1]: r[verdict] for r in shown}
    # MKL's miss breaks its thesis; the others have nothing judged: unjudged, shown as "—"
    # (a column that gave way is blank, ""); MKL's coverage (1/1) gave way first, its word
    # whole (widgets/parted.py: never "broken…")
    assert cells == {"BRK.A": "—", "MKL": "broken", "NVR": "—", "AZO": "—"}
    # not every column fits: columns gave way, the verdict not, and only after every other
    blank_order = [key for key, floor in GIVE_WAY if floor == 0]
    assert gone and "verdict" not in gone
    assert gone == set(blank_order[: len(gone)])  # in the declared order
    assert blank_order[-1] == "verdict"
