"""A database replaced under the TUI (a backup restored: another file renamed over it, its -wal
and -shm gone) is noticed on the next check: the TUI opens the new file and shows its figures,
never the old file's for ever, and its saves go to the new file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS

from ..support.demo_data import demo_database
from ..support.pilot import make_app, rows, symbols, wait_for
from ..support.toasts import raised

PRICE = [key for key, _title in COLUMNS].index("price")


def price_of(app: CatalystApp, symbol: str) -> str:
    return rows(app)[symbols(app).index(symbol)][PRICE].strip()


def backup_with_alab_at(tmp_path: Path, price: float) -> Path:
    """Another catalyst database (the demo's, seeded again elsewhere), ALAB's quote in it
    changed: the figure only the new file states."""
    tmp_path.mkdir()
    _config, store = demo_database(tmp_path)
    store.close()  # the last connection: its log folded in, no -wal left beside it
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("UPDATE quotes SET price = ? WHERE symbol = 'ALAB'", (price,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return store.path


async def test_a_backup_renamed_over_the_database_is_read_from_within_seconds(demo, tmp_path):
    config, store = demo
    backup = backup_with_alab_at(tmp_path / "backup", 123.45)
    live = store.path
    app = make_app(config, store, watch_file=True)
    async with app.run_test(size=(160, 36)) as pilot:
        await pilot.pause()
        shown = price_of(app, "ALAB")
        assert shown and "123.45" not in shown
        for suffix in ("-wal", "-shm"):  # what a restore leaves: the old file's log gone
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        os.replace(backup, live)
        await wait_for(pilot, lambda: price_of(app, "ALAB") == "123.45")
        assert any("was replaced" in toast.message for toast in raised(app))
        assert app.workspace.store.file_key == (os.stat(live).st_dev, os.stat(live).st_ino)

        await pilot.press("A")  # ALAB's flags acknowledged: in the new file
        await wait_for(pilot, lambda: any("acknowledged ALAB/" in t.message for t in raised(app)))
    with Store.open(live) as reopened:
        price = reopened.conn.execute("SELECT price FROM quotes WHERE symbol = 'ALAB'").fetchone()[
            0
        ]
        flags = [t for t in reopened.views.flagged() if t[0] == "ALAB"]
    assert price == 123.45  # the file read is the new one, and it still holds its figure
    assert flags == []  # the acknowledgement was written to it, not to the old file
