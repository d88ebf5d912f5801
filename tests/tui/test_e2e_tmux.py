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
from catalyst_tui.market.registry import SEC
from tests.support.market_server import MarketServer
from tests.support.terminal import (
    keys,
    start_catalyst,
    stop_server,
    type_into,
    type_text,
    wait_for,
    wait_for_all,
    wait_until,
)
from tests.support.terminal import screen as tmux_screen

from ..cli.test_thesis_commands import UA, loopback_thesis

pytest_plugins = ["tests.support.fixtures"]  # the tmux fixture

WATCHLIST = "a Add ticker"  # the watchlist's footer, there while its table has the focus


def row_of(shown: str, symbol: str) -> str | None:
    """The watchlist's row of `symbol` as the terminal shows it, if it is there."""
    found = [line for line in shown.splitlines() if line.lstrip().lstrip("⚑ ").startswith(symbol)]
    return found[0] if found else None


def form_parts(shown: str) -> list[str]:
    """Each line's pieces between the form's borders (the rows beside it stay outside)."""
    return [part for line in shown.splitlines() for part in line.split("█")]


def statuses_listed(shown: str) -> bool:
    """The Mark form's list of statuses is open: its last option ends a line of the form."""
    return any(part.split()[-1:] == ["missed"] for part in form_parts(shown))


def status_shown(shown: str) -> str | None:
    """The word the Mark form's status field shows."""
    for part in form_parts(shown):
        if "New status" in part:
            return next(iter(part.split("New status", 1)[1].split()), None)
    return None


def test_a_person_runs_the_alab_thesis_from_the_keyboard(tmp_path: Path, tmux: str):
    with MarketServer() as market:
        config_path = tmp_path / "catalysts.toml"
        config_path.write_text(loopback_thesis(market.url))
        original = config_path.read_text()
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("CATALYST_", "DBUS_", "TMUX"))
        }
        env.update(NO_PROXY="127.0.0.1", TERM="xterm-256color")
        start_catalyst(
            tmux, tmp_path, env, "--config", str(config_path), "--db", str(tmp_path / "c.db")
        )

        # positions and P&L, once the first refresh is in
        shown = wait_until(
            tmux, "every row filled", lambda s: "⚑ ALAB" in s and "no data yet" not in s
        )
        assert "Portfolio" in shown and "P&L" in shown

        # ALAB: why gross margin is flagged
        keys(tmux, "Enter")
        wait_for(tmux, "1 Checkpoints")
        shown = wait_for(tmux, "Why: gross_margin 69.1% < 70%")  # the flagged first: on top

        # mark the NPO milestone met with a note
        keys(tmux, *["Down"] * 9)  # after the 3 flagged, soonest due first: the NPO milestone
        # (2027-12-31) is 7th of the others
        wait_for(tmux, "ALAB/npo-multi-rack-2027")
        keys(tmux, "m")
        wait_for(tmux, "Mark ALAB/npo-multi-rack-2027")
        keys(tmux, "Enter")  # the status as it stands, pending: open its list, one down, met
        wait_until(tmux, "the list of statuses", statuses_listed)
        keys(tmux, "Down", "Enter")
        # The Tab waits for the list to close on met: one read while the list still has the
        # focus leaves it from the list, and the field takes the focus back once it has its value.
        wait_until(
            tmux,
            "met chosen and the list closed",
            lambda s: status_shown(s) == "met" and not statuses_listed(s),
        )
        keys(tmux, "Tab")
        type_into(tmux, "Note", "Q4 call: NPO chipsets shipping")
        keys(tmux, "C-s")
        # what stays on screen, not the toast: a busy app may draw none before it times out
        wait_for(tmux, "marked met by hand: Q4 call: NPO chipsets shipping")

        # acknowledge the flags on the timeline
        keys(tmux, "Escape")
        wait_for(tmux, WATCHLIST)
        keys(tmux, "t")
        wait_for(tmux, "Timeline:")
        keys(tmux, "C-a")
        wait_until(tmux, "a timeline without flags", lambda s: "Timeline:" in s and "⚑" not in s)
        keys(tmux, "Escape")

        # add a ticker, then a checkpoint for it
        wait_for(tmux, WATCHLIST)
        keys(tmux, "a")
        wait_for(tmux, "Add a ticker")
        type_into(tmux, "Symbol", "CRWV")
        keys(tmux, "Tab")
        type_into(tmux, "Name", "CoreWeave")
        keys(tmux, "Tab")
        type_into(tmux, "Group", "neocloud")
        keys(tmux, "C-s")
        # asked of the quote providers first: one the demo's market does not list is kept
        asked = "No quote provider knows CRWV: keep it anyway?"
        shown = wait_until(
            tmux,
            "the CRWV row or the question",
            lambda s: asked in s or row_of(s, "CRWV") is not None,
        )
        if asked in shown:
            keys(tmux, "y")
        wait_until(tmux, "the CRWV row", lambda s: row_of(s, "CRWV") is not None)
        keys(tmux, "/")
        # the filter has the focus: the footer names only its keys
        wait_until(tmux, "the filter's footer", lambda s: s.rstrip().endswith("⏎ Open  / Filter"))
        type_text(tmux, "crwv")
        wait_for(tmux, "filter 'crwv'")
        keys(tmux, "Enter")
        wait_for(tmux, WATCHLIST)  # the table has the focus again
        keys(tmux, "Enter")
        wait_for(tmux, "CRWV  CoreWeave")
        keys(tmux, "c")
        wait_for(tmux, "New checkpoint for CRWV")
        type_into(tmux, "Id", "first-hyperscaler-contract")
        keys(tmux, "Tab")
        type_into(tmux, "Title", "A hyperscaler signs a multi-year contract")
        keys(tmux, "Tab", "Tab")  # kind stays milestone
        type_into(tmux, "Due", "2027-06-30")
        keys(tmux, "C-s")
        wait_for(tmux, "CRWV/first-hyperscaler-contract  milestone")
        keys(tmux, "Escape")
        wait_for(tmux, WATCHLIST)
        keys(tmux, "q")
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

    from tests.support.market_server import unused_local_url
    from tests.support.pilot import HEADER_ITEMS

    def run_once(base: str, until: str) -> str:
        config_path.write_text(loopback_thesis(base))
        start_catalyst(
            tmux,
            tmp_path,
            env,
            "--config",
            str(config_path),
            "--db",
            str(tmp_path / "c.db"),
            size=size,
        )
        wait_for(tmux, until)

        def clear(shown: str) -> bool:
            """The screen without toasts: esc dismisses those of the first refresh (more may
            still arrive as it ends)."""
            if "▌" in shown:
                keys(tmux, "Escape")
                return False
            return until in shown

        shown = wait_until(tmux, "the screen without toasts", clear)
        keys(tmux, "q")
        wait_for(tmux, "CATALYST-EXIT=0")
        stop_server(tmux)
        return shown

    env = {k: v for k, v in os.environ.items() if not k.startswith(("CATALYST_", "DBUS_", "TMUX"))}
    env.update(NO_PROXY="127.0.0.1", TERM="xterm-256color")
    config_path = tmp_path / "catalysts.toml"
    symbols = list(load_config_text(loopback_thesis("http://127.0.0.1:9")).tickers)

    def row(shown: str, symbol: str) -> str:
        """The table's row of `symbol` as the terminal shows it."""
        found = [
            line for line in shown.splitlines() if line.lstrip().lstrip("⚑ ").startswith(symbol)
        ]
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


def test_the_first_start_asks_for_the_sec_contact_once_and_writes_it(tmp_path: Path, tmux: str):
    """A file without providers.sec.user_agent: the first start asks why and for whom, refuses
    an address without a name as it is typed, writes the contact into catalysts.toml (one new
    line, every other line kept) and fetches SEC's figures at once; the next start does not
    ask again."""
    with MarketServer() as market:
        config_path = tmp_path / "catalysts.toml"
        text = loopback_thesis(market.url).replace(f'user_agent = "{UA}"\n', "")
        config_path.write_text(text)
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("CATALYST_", "DBUS_", "TMUX"))
        }
        env.update(NO_PROXY="127.0.0.1", TERM="xterm-256color")
        where = ("--config", str(config_path), "--db", str(tmp_path / "c.db"))
        start_catalyst(tmux, tmp_path, env, *where, size=(80, 24))
        # the whole dialog, not its first painted lines: title, reason and the way to skip
        wait_for_all(tmux, "Your contact for SEC EDGAR", "fair-access", "Skip (esc)")
        type_text(tmux, "jane@example.com")
        wait_for(tmux, "SEC asks for a name")  # the error under the field, as typed
        # the field's start by ctrl+a, one byte: "Home" is an escape sequence a busy machine may
        # deliver split, and the field then never moved its cursor
        keys(tmux, "C-a")
        type_text(tmux, "Jane Doe ")
        wait_until(
            tmux,
            "the whole contact in the field and its error gone",
            lambda shown: (
                "Jane Doe jane@example.com" in shown and "SEC asks for a name" not in shown
            ),
        )
        keys(tmux, "C-s")
        wait_for(tmux, "SEC contact saved")
        for _ in range(300):  # the refresh the saved contact started asks SEC
            if market.requests_for(provider="sec"):
                break
            time.sleep(0.1)
        assert market.requests_for(provider="sec")
        assert all(
            r.headers.get("user-agent") == "Jane Doe jane@example.com"
            for r in market.requests_for(provider="sec")
        )
        keys(tmux, "q")
        wait_for(tmux, "CATALYST-EXIT=0")
        stop_server(tmux)  # gone before the next start on the same socket
        after = config_path.read_text()
        assert after.replace('user_agent = "Jane Doe jane@example.com"\n', "", 1) == text
        assert load_config(config_path).providers.of(SEC).user_agent == "Jane Doe jane@example.com"
        # The next start, the contact removed again by hand: asked once is asked once.
        config_path.write_text(text)
        start_catalyst(tmux, tmp_path, env, *where, size=(80, 24))
        wait_for(tmux, "Portfolio")
        wait_for(tmux, "refreshed")  # past the start, where the form would have been opened
        assert "Your contact for SEC EDGAR" not in tmux_screen(tmux)
        keys(tmux, "q")
        wait_for(tmux, "CATALYST-EXIT=0")
