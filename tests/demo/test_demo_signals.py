"""`catalyst demo` in a real terminal (tmux) ended otherwise than by its quit key: the terminal
closed under it (SIGHUP, as when its window is closed) or SIGTERM (a shutdown, `kill`). Its
temporary folder (thesis copy, database, log) goes all the same, and nothing of the user's is
written; by default either signal killed the process on the spot and left the folder behind."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.terminal import SESSION, WAIT, start_catalyst, wait_for

pytest_plugins = ["tests.support.fixtures"]  # the tmux fixture

FIRST_REFRESH = 120.0  # as in test_demo_offline.py: the bound is for a loaded machine


def _demo_pid(socket: str) -> int:
    """The demo's process: the one child of the shell tmux runs in the pane."""
    done = subprocess.run(
        ["tmux", "-S", socket, "display-message", "-p", "-t", SESSION, "#{pane_pid}"],
        capture_output=True,
        text=True,
        check=True,
    )
    shell = int(done.stdout.strip())
    [child] = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    return int(child)


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True  # (reaped between the file's opening and its reading: ESRCH, on a busy machine)
    return state == "Z"  # ended, not yet reaped by its parent


def _wait_until_gone(pid: int) -> None:
    deadline = time.monotonic() + WAIT
    while not _gone(pid):
        assert time.monotonic() < deadline, f"the demo ({pid}) did not end within {WAIT:.0f} s"
        time.sleep(0.1)


@pytest.mark.slow
@pytest.mark.parametrize(
    "ending", ["SIGTERM", "SIGHUP", "SIGHUP twice", "SIGHUP then SIGCONT", "terminal closed"]
)
def test_the_demo_leaves_nothing_however_it_ends(tmp_path: Path, tmux: str, ending: str):
    home, scratch = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    scratch.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CATALYST_", "DBUS_", "TMUX", "XDG_"))
    }
    # HOME's folders are where catalyst would write the user's files; TMPDIR the demo's own
    env.update(HOME=str(home), TMPDIR=str(scratch), TERM="xterm-256color")
    start_catalyst(tmux, tmp_path, env, "demo")
    wait_for(tmux, "⚑ ALAB", FIRST_REFRESH)  # the first refresh is in: database and log exist
    [folder] = list(scratch.iterdir())
    assert folder.name.startswith("catalyst-demo-")
    assert {"catalysts.toml", "catalyst.db", "catalyst.log"} <= {p.name for p in folder.iterdir()}
    pid = _demo_pid(tmux)
    if ending == "terminal closed":  # the pty goes: the kernel hangs up the pane's processes
        subprocess.run(["tmux", "-S", tmux, "kill-session", "-t", SESSION], check=True)
    elif ending == "SIGHUP twice":  # the kernel's and the shell's, as a closed window sends
        os.kill(pid, signal.SIGHUP)
        os.kill(pid, signal.SIGHUP)
    elif ending == "SIGHUP then SIGCONT":  # what the kernel sends when the terminal goes; the
        os.kill(pid, signal.SIGHUP)  # SIGCONT's own handler (Textual's) once locked shutdown
        for _ in range(20):
            os.kill(pid, signal.SIGCONT)
    else:
        os.kill(pid, getattr(signal, ending))
    _wait_until_gone(pid)
    assert list(scratch.iterdir()) == []  # the demo's folder is gone
    assert list(home.rglob("*")) == []  # no config, database, log, cache or preference of theirs
