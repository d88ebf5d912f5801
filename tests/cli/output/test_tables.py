"""The CLI's tables on the demo database: at 80 columns no number, date or id is cut (only a
reason wraps, under its row), and output into a pipe is drawn at the width of the terminal the
command runs in (a real pseudo-terminal here), or at one wide default without any.

The tables at a width given by $COLUMNS are drawn in the test's own process
(tests/support/cli_inline.py); the width of the terminal a command runs in, or of none, is asked
of a process of its own, whose terminal it is."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from catalyst_tui.cli.output.tables import PIPE_WIDTH

from ...support import cli_inline
from ...support.demo_data import demo_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    _config, store = demo_database(folder)
    store.close()
    return folder


def catalyst(folder: Path, *args: str, columns: int = PIPE_WIDTH) -> str:
    """What `catalyst ARGS` prints at $COLUMNS `columns`, in this process
    (tests/support/cli_inline.py): the width given, never the test's own terminal."""
    where = ("--config", str(folder / "catalysts.toml"), "--db", str(folder / "demo.db"))
    return cli_inline.run(*where, *args, env={"COLUMNS": str(columns)}).stdout


def started(folder: Path, *args: str, **options) -> str:
    """What `catalyst ARGS` prints into a pipe as a process of its own, with no $COLUMNS: the
    terminal it runs in (or none) is its own."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    options.setdefault("stdin", subprocess.DEVNULL)
    options.setdefault("stderr", subprocess.DEVNULL)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "--config",
            str(folder / "catalysts.toml"),
            "--db",
            str(folder / "demo.db"),
            *args,
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        timeout=60,
        **options,
    )
    return done.stdout


def test_at_80_columns_no_number_date_or_id_is_cut(demo):
    checked = json.loads(catalyst(demo, "check", "--json"))
    held = json.loads(catalyst(demo, "positions", "--json"))
    check = catalyst(demo, "check", columns=80)
    positions = catalyst(demo, "positions", columns=80)
    for text in (check, positions):
        assert "…" not in text
        assert max(len(line.rstrip()) for line in text.splitlines()) <= 80, text
    for row in checked:
        assert f"{row['symbol']}/{row['id']}" in check
        assert row["reason"] in " ".join(check.split())  # whole, on the lines under its row
        if row["due"]:
            assert f"{row['due']} {row['days_left']:+d}d" in check
    by_hand = [row for row in checked if row["manual"]]
    assert by_hand and all(f"{row['status']} (by hand)" in check for row in by_hand)
    for row in held:
        line = next(line for line in positions.splitlines() if line.startswith(row["symbol"]))
        assert f"{row['cost']:,.2f}" in line and f"{row['value']:,.2f}" in line
        assert f"{row['unrealized']:+,.2f}" in line and f"{row['weight']:.1%}" in line


def test_piped_output_is_drawn_at_the_width_of_the_terminal_it_runs_in(demo):
    leader, follower = pty.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        for command in ("check", "positions"):
            # `catalyst check | less` in a 100-column terminal: the terminal is on stderr.
            piped = started(demo, command, stderr=follower)
            assert piped == catalyst(demo, command, columns=100), command
    finally:
        os.close(leader)
        os.close(follower)


def test_without_any_terminal_the_output_is_drawn_at_one_wide_width(demo):
    for command in ("check", "positions"):
        alone = started(demo, command, start_new_session=True)  # no /dev/tty either
        assert alone == catalyst(demo, command, columns=PIPE_WIDTH), command
        assert alone == started(demo, command, start_new_session=True)  # the same every run
    check = started(demo, "check", start_new_session=True)
    assert "why" in check.splitlines()[1]  # wide: each reason beside its row


def test_results_at_80_columns_cut_no_date_or_figure(demo):
    """`catalyst results` is drawn as the other tables: each release's filing date, quarter and
    figures whole on its row (no "2026-1" over "1-03", no "$440–45" over "0M"), the XBRL word
    beside the row or under it."""
    listed = json.loads(catalyst(demo, "results", "--json"))
    shown = catalyst(demo, "results", columns=80)
    assert listed and "…" not in shown
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= 80, shown
    for release in listed:
        line = next(line for line in shown.splitlines() if line.startswith(release["filed"]))
        assert release["fiscal_quarter"] in line, line
        assert f"{release['quarter']['eps_diluted']:.2f}" in line, line
    assert shown.count("confirmed") == sum(r["confirmed"] for r in listed)


def test_check_says_a_guard_that_is_met_is_holding_as_the_tui_does(demo):
    """The table says a met guard "holding", as the TUI does; --json keeps the stored "met"."""
    checked = json.loads(catalyst(demo, "check", "--json"))
    check = catalyst(demo, "check", columns=120)
    guards = [row for row in checked if row["kind"] == "guard" and row["status"] == "met"]
    assert guards, "the demo holds a guard that is met"
    for row in guards:
        line = next(line for line in check.splitlines() if f"{row['symbol']}/{row['id']}" in line)
        assert " holding" in line and " met " not in line, line
    others = [row for row in checked if row["kind"] != "guard" and row["status"] == "met"]
    for row in others:
        line = next(line for line in check.splitlines() if f"{row['symbol']}/{row['id']}" in line)
        assert " met" in line, line
