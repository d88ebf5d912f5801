"""A TUI whose terminal goes away ends, its refresh child with it, and nothing written is lost:
`nohup catalyst` (SIGHUP ignored) in a real terminal (tmux) against the loopback market, the
pane's terminal then killed. Before, the process read end-of-file from the hung-up terminal at
full CPU, its refresh child alive, for as long as anyone watched. The wait is for the state (the
processes gone), bounded by the HANG ceiling, never a timed assertion."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalyst_tui.cli.terminal_loss import gone, terminal_fds
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer
from tests.support.terminal import SESSION, start_catalyst, wait_until

from .test_thesis_commands import loopback_thesis

pytest_plugins = ["tests.support.fixtures"]  # the tmux fixture

# What `nohup` does to the signal, without its redirections (nohup in a terminal also points the
# output at nohup.out and the input at /dev/null: a TUI without a terminal, refused at start,
# test_a_tui_without_a_terminal_is_refused_at_start): the program run with SIGHUP ignored.
IGNORING_HUP = ("sh", "-c", 'trap "" HUP; exec "$@"', "sh")


def _pane_shell(socket: str) -> int:
    done = subprocess.run(
        ["tmux", "-S", socket, "display-message", "-p", "-t", SESSION, "#{pane_pid}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip())


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state == "Z"


def _catalyst_and_child(socket: str) -> tuple[int, int]:
    """The TUI (the child of the pane's shell) and its refresh worker, once both run."""
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        for pid in _children(_pane_shell(socket)):
            workers = [
                c
                for c in _children(pid)
                if b"jobs.worker.process" in Path(f"/proc/{c}/cmdline").read_bytes()
            ]
            if workers:
                return pid, workers[0]
        time.sleep(0.1)
    raise AssertionError(f"no TUI with a refresh child within {HANG:.0f} s")


@pytest.mark.parametrize("ending", ["pane killed", "SIGHUP"])
def test_a_nohup_tui_ends_with_its_terminal_and_its_refresh_child(
    tmp_path: Path, tmux: str, ending: str
):
    with MarketServer() as market:
        config = tmp_path / "catalysts.toml"
        config.write_text(loopback_thesis(market.url))
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("CATALYST_", "DBUS_", "TMUX"))
        }
        env.update(
            NO_PROXY="127.0.0.1", TERM="xterm-256color", XDG_STATE_HOME=str(tmp_path / "state")
        )
        db = tmp_path / "c.db"
        start_catalyst(
            tmux, tmp_path, env, "--config", str(config), "--db", str(db), prefix=IGNORING_HUP
        )
        wait_until(tmux, "the first refresh in", lambda s: "⚑ ALAB" in s)
        tui, child = _catalyst_and_child(tmux)
        ignored = Path(f"/proc/{tui}/status").read_text().split("SigIgn:")[1].split()[0]
        assert int(ignored, 16) & (1 << (signal.SIGHUP - 1)) == 0  # ours, not SIG_IGN any more
        if ending == "pane killed":
            subprocess.run(["tmux", "-S", tmux, "kill-session", "-t", SESSION], check=True)
        else:  # a hang-up told, the terminal still there: the signal, though ignored at start
            os.kill(tui, signal.SIGHUP)
        deadline = time.monotonic() + HANG
        while not (_gone(tui) and _gone(child)):
            assert time.monotonic() < deadline, f"TUI {tui} or child {child} alive after {HANG}s"
            time.sleep(0.1)
    with sqlite3.connect(db) as database:  # what the refresh wrote is whole and kept
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert database.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0
    log = (tmp_path / "state" / "catalyst" / "log" / "catalyst.log").read_text()
    assert "the terminal went away" in log
    assert "ending without a terminal" in log  # as the quit key ends it: the scheduler stopped
    assert "exits now" not in log  # not the last resort


def test_the_watch_sees_a_hung_up_terminal_not_a_live_one():
    """A pty whose other side closes: POLLHUP, seen without reading; open, it is not gone."""
    main, side = os.openpty()
    try:
        assert not gone([side])
        os.close(main)
        assert gone([side])
    finally:
        os.close(side)


def test_a_daemon_without_a_terminal_watches_nothing(tmp_path: Path):
    """No terminal, no pipe: the descriptors of a service (files, /dev/null) are not watched."""
    code = "from catalyst_tui.cli.terminal_loss import terminal_fds; print(terminal_fds())"
    with open(os.devnull, "rb") as null_in, open(tmp_path / "out", "wb") as out:
        subprocess.run(
            [sys.executable, "-c", code], stdin=null_in, stdout=out, stderr=out, check=True
        )
    assert (tmp_path / "out").read_text().strip() == "[]"
    assert callable(terminal_fds)


def test_a_tui_without_a_terminal_is_refused_at_start(tmp_path: Path):
    """`nohup catalyst` in a terminal: its input /dev/null, its output nohup.out. Textual read
    end-of-file from /dev/null at full CPU, drawing into the file, for ever."""
    config = tmp_path / "catalysts.toml"
    config.write_text(loopback_thesis("http://127.0.0.1:9"))
    with open(os.devnull, "rb") as null_in:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "catalyst_tui.cli",
                "--config",
                str(config),
                "--db",
                str(tmp_path / "c.db"),
            ],
            stdin=null_in,
            capture_output=True,
            text=True,
            timeout=HANG,
            env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},
        )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "the TUI needs a terminal" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_demo_with_sighup_ignored_ends_with_its_terminal_and_leaves_nothing(
    tmp_path: Path, tmux: str
):
    """The demo, its SIGHUP ignored at start, its pane killed: it ends, its refresh child with
    it, and its temporary folder goes (it used to stay, the demo spinning on)."""
    home, scratch = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    scratch.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CATALYST_", "DBUS_", "TMUX", "XDG_"))
    }
    env.update(HOME=str(home), TMPDIR=str(scratch), TERM="xterm-256color")
    start_catalyst(tmux, tmp_path, env, "demo", prefix=IGNORING_HUP)
    wait_until(tmux, "the first refresh in", lambda s: "⚑ ALAB" in s)
    demo, child = _catalyst_and_child(tmux)
    subprocess.run(["tmux", "-S", tmux, "kill-session", "-t", SESSION], check=True)
    deadline = time.monotonic() + HANG
    while not (_gone(demo) and _gone(child)):
        assert time.monotonic() < deadline, f"demo {demo} or child {child} alive after {HANG}s"
        time.sleep(0.1)
    assert list(scratch.iterdir()) == []  # the demo's folder is gone
