"""End to end in a real terminal (tmux): a person runs their thesis from the keyboard against
the loopback market — sees positions and P&L, opens ALAB and reads why gross margin is flagged,
marks the NPO milestone met with a note, acknowledges the flags, adds a ticker and a checkpoint —
and then finds catalysts.toml updated with every comment intact."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.config import parse_config as load_config_text
from tests.support.market_server import MarketServer
from tests.support.terminal import keys, start_catalyst, type_text, wait_for

from ..cli.test_thesis_commands import loopback_thesis

pytest_plugins = ["tests.support.fixtures"]  # the tmux fixture


def test_a_person_runs_the_alab_thesis_from_the_keyboard(tmp_path: Path, tmux: str):
    with MarketServer() as market:
        config_path = tmp_path / "catalysts.toml"
        config_path.write_text(loopback_thesis(market.url))
        original = config_path.read_text()
        env = {
            k: v for k, v in os.environ.items()
            if not k.startswith(("CATALYST_", "DBUS_", "TMUX"))
        }  # fmt: skip
        env.update(NO_PROXY="127.0.0.1", TERM="xterm-256color")
        start_catalyst(tmux, tmp_path, env, "--config", str(config_path),
                       "--db", str(tmp_path / "c.db"))  # fmt: skip

        # positions and P&L, once the first refresh is in
        shown = wait_for(tmux, "⚑ ALAB")
        assert "Portfolio" in shown and "P&L" in shown and "no data yet" not in shown

        # ALAB: why gross margin is flagged
        keys(tmux, "Enter")
        wait_for(tmux, "1 Checkpoints")
        keys(tmux, *["Down"] * 10)
        shown = wait_for(tmux, "Why: gross_margin 69.1% < 70%")

        # mark the NPO milestone met with a note
        keys(tmux, *["Up"] * 4)  # soonest due first: the NPO milestone (2027-12-31) is 7th
        wait_for(tmux, "ALAB/npo-multi-rack-2027")
        keys(tmux, "m")
        wait_for(tmux, "Mark ALAB/npo-multi-rack-2027")
        keys(tmux, "Tab")
        type_text(tmux, "Q4 call: NPO chipsets shipping")
        keys(tmux, "C-s")
        wait_for(tmux, "marked met")

        # acknowledge the flags on the timeline
        keys(tmux, "Escape", "t")
        wait_for(tmux, "Timeline:")
        keys(tmux, "C-a")
        wait_for(tmux, "acknowledged every flag")
        keys(tmux, "Escape")

        # add a ticker, then a checkpoint for it
        keys(tmux, "a")
        wait_for(tmux, "Add a ticker")
        type_text(tmux, "CRWV")
        keys(tmux, "Tab")
        type_text(tmux, "CoreWeave")
        keys(tmux, "Tab")
        type_text(tmux, "neocloud")
        keys(tmux, "C-s")
        wait_for(tmux, "added CRWV")
        keys(tmux, "/")
        type_text(tmux, "crwv")
        keys(tmux, "Enter", "Enter")
        wait_for(tmux, "CRWV  CoreWeave")
        keys(tmux, "c")
        wait_for(tmux, "New checkpoint for CRWV")
        type_text(tmux, "first-hyperscaler-contract")
        keys(tmux, "Tab")
        type_text(tmux, "A hyperscaler signs a multi-year contract")
        keys(tmux, "Tab", "Tab")  # kind stays milestone
        type_text(tmux, "2027-06-30")
        keys(tmux, "C-s")
        wait_for(tmux, "added CRWV/first-hyperscaler-contract")
        keys(tmux, "Escape", "q")
        wait_for(tmux, "CATALYST-EXIT=0")

    # the file: the edits are there and every original line (comments included) is kept
    after = config_path.read_text()
    kept = after.splitlines()
    assert all(line in kept for line in original.splitlines())
    config = load_config(config_path)
    assert config.tickers["CRWV"].name == "CoreWeave"
    assert [c.id for c in config.tickers["CRWV"].checkpoints] == ["first-hyperscaler-contract"]
    conn = sqlite3.connect(tmp_path / "c.db")
    try:
        npo = conn.execute(
            "SELECT status, manual, manual_note FROM checkpoints WHERE id = 'npo-multi-rack-2027'"
        ).fetchone()
        unacked = conn.execute(
            "SELECT COUNT(*) FROM events WHERE flagged = 1 AND acked_at IS NULL"
        ).fetchone()[0]
    finally:
        conn.close()
    assert npo == ("met", 1, "Q4 call: NPO chipsets shipping")
    assert unacked == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_the_first_run_offline_then_online_reads_true_at_every_size(tmp_path, tmux, size):
    """A first start with no network says offline and that nothing is stored, each row saying it
    has no quote; the next start, with the market back, fills every row, and the header's items
    and every symbol are on screen, whole."""
    import re
    import subprocess

    from tests.support.market_server import unused_local_url
    from tests.support.pilot import HEADER_ITEMS
    from tests.support.terminal import screen

    def run_once(base: str, until: str) -> str:
        config_path.write_text(loopback_thesis(base))
        start_catalyst(tmux, tmp_path, env, "--config", str(config_path),
                       "--db", str(tmp_path / "c.db"), size=size)  # fmt: skip
        shown = wait_for(tmux, until, timeout=60)
        for _ in range(150):  # the toasts of the first refresh go after a few seconds
            if "▌" not in shown:
                break
            time.sleep(0.2)
            shown = screen(tmux)
        keys(tmux, "q")
        wait_for(tmux, "CATALYST-EXIT=0")
        subprocess.run(["tmux", "-S", tmux, "kill-server"], capture_output=True)
        return shown

    env = {k: v for k, v in os.environ.items() if not k.startswith(("CATALYST_", "DBUS_", "TMUX"))}
    env.update(NO_PROXY="127.0.0.1", TERM="xterm-256color")
    config_path = tmp_path / "catalysts.toml"
    symbols = list(load_config_text(loopback_thesis("http://127.0.0.1:9")).tickers)

    def row(shown: str, symbol: str) -> str:
        """The table's row of `symbol` as the terminal shows it."""
        found = [line for line in shown.splitlines()
                 if line.lstrip().lstrip("⚑ ").startswith(symbol)]  # fmt: skip
        assert found, (symbol, shown)
        return found[0]

    # "offline" is said while the refresh still runs; the rows say "no quote" once it ends.
    offline = run_once(unused_local_url(), "no quote")
    assert "offline: no provider answers" in offline and "press r" not in offline
    for symbol in symbols:
        assert "no quote" in row(offline, symbol), (symbol, offline)

    with MarketServer() as market:
        online = run_once(market.url, "⚑ ALAB")
    for item in ("refreshed", "q Quit", "? Keys"):
        assert item in online, (item, online)
    # The header: its lines down to the health line; each item whole on one of them (the
    # table's column titles say "Day" and "P&L" too, below it).
    lines = online.splitlines()
    header = lines[: next(i for i, line in enumerate(lines) if "refreshed" in line) + 1]
    for label, pattern in HEADER_ITEMS.items():
        assert any(re.search(pattern, line) for line in header), (label, header)
    for symbol in symbols:
        row(online, symbol)
    assert "no data yet" not in online and "offline" not in online
