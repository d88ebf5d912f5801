"""The TUI follows the database other processes write: a checkpoint marked with `catalyst mark`
in a shell and a flag acknowledged with `catalyst ack` show within a few seconds, with no refresh
of its own; nothing is read again while nobody else writes (SQLite's data_version)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable

from ..support.pilot import make_app, open_alab, wait_for


def catalyst(config: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "--config", str(config), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "XDG_STATE_HOME": str(db.parent)},
    )


def status_of(app, checkpoint_id: str) -> str:
    table = app.screen.query_one("#checkpoint-table", DataTable)
    return str(table.get_row_at(table.get_row_index(checkpoint_id))[0])


async def test_a_mark_and_an_ack_made_in_a_shell_show_without_a_refresh(demo):
    config, store = demo
    app = make_app(config, store, watch_file=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        assert "pending" in status_of(app, "scorpio-largest-line")
        assert "⚑" in status_of(app, "gross-margin-floor")

        done = await asyncio.to_thread(
            catalyst,
            config.path,
            store.path,
            "mark",
            "ALAB/scorpio-largest-line",
            "met",
            "--note",
            "Q4 call: Scorpio now the largest line",
        )
        assert done.returncode == 0, done.stderr
        await wait_for(pilot, lambda: "met" in status_of(app, "scorpio-largest-line"))

        done = await asyncio.to_thread(
            catalyst, config.path, store.path, "ack", "ALAB/gross-margin-floor"
        )
        assert done.returncode == 0, done.stderr
        await wait_for(pilot, lambda: "⚑" not in status_of(app, "gross-margin-floor"))
