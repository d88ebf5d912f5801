"""The TUI in a real terminal: a private tmux server, one session running `catalyst`, keys sent
and the screen read back as text. Used by the end-to-end story and the concurrency proof; the
`tmux` fixture (a private server) is in tests/support/fixtures.py."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from pathlib import Path

SESSION = "catalyst-e2e"
EXIT_MARK = "CATALYST-EXIT="


def start_catalyst(
    socket: str, workdir: Path, env: dict[str, str], *args: str, size: tuple[int, int] = (120, 36)
) -> None:
    """`catalyst ARGS` in a session of `size` (columns, lines); when it ends the screen shows
    CATALYST-EXIT=<code>."""
    command = shlex.join([sys.executable, "-m", "catalyst_tui.cli", *args])
    columns, lines = size
    # What the TUI remembers (the sort, the SEC contact asked for) stays in the test's folder.
    env = {**env, "XDG_STATE_HOME": env.get("XDG_STATE_HOME") or str(workdir / "state")}
    subprocess.run(
        ["tmux", "-S", socket, "new-session", "-d", "-s", SESSION, "-x", str(columns),
         "-y", str(lines), f"{command}; echo {EXIT_MARK}$?; sleep 120"],
        check=True, env=env, cwd=workdir,
    )  # fmt: skip


def screen(socket: str) -> str:
    done = subprocess.run(
        ["tmux", "-S", socket, "capture-pane", "-p", "-t", SESSION],
        capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


def keys(socket: str, *names: str) -> None:
    for name in names:
        subprocess.run(["tmux", "-S", socket, "send-keys", "-t", SESSION, name], check=True)
        time.sleep(0.15)


def type_text(socket: str, text: str) -> None:
    subprocess.run(["tmux", "-S", socket, "send-keys", "-t", SESSION, "-l", text], check=True)
    time.sleep(0.3)


def wait_for(socket: str, text: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen(socket)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")
