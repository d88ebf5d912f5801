"""The TUI in a real terminal: a private tmux server, one session running `catalyst`, keys sent
and the screen read back as text. Used by the end-to-end story and the concurrency proof; the
`tmux` fixture (a private server) is in tests/support/fixtures.py.

Nothing here counts on the app keeping pace: a test sends a key, then waits for what the key
does to show (a screen, a field taking the focus, the typed text) before the next one, so a
loaded machine that takes seconds per key only makes the test slower."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SESSION = "catalyst-e2e"
EXIT_MARK = "CATALYST-EXIT="
# How long the app may take to show what is waited for: a second on a quiet machine; under the
# whole suite on both cores of a busy one, starting the app and drawing its first refresh has
# taken over a minute. Only a hang or a real failure reaches it.
WAIT = 180.0


def start_catalyst(
    socket: str,
    workdir: Path,
    env: dict[str, str],
    *args: str,
    size: tuple[int, int] = (120, 36),
    prefix: tuple[str, ...] = (),
) -> None:
    """`catalyst ARGS` in a session of `size` (columns, lines), run by `prefix` (a tracer) when
    given; when it ends the screen shows CATALYST-EXIT=<code>."""
    command = shlex.join([*prefix, sys.executable, "-m", "catalyst_tui.cli", *args])
    columns, lines = size
    # What the TUI remembers (the sort, the SEC contact asked for) stays in the test's folder.
    env = {**env, "XDG_STATE_HOME": env.get("XDG_STATE_HOME") or str(workdir / "state")}
    subprocess.run(
        [
            "tmux",
            "-S",
            socket,
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            str(columns),
            "-y",
            str(lines),
            f"{command}; echo {EXIT_MARK}$?; sleep 120",
        ],
        check=True,
        env=env,
        cwd=workdir,
    )


def stop_server(socket: str) -> None:
    """Kill the tmux server on `socket` and wait until it is gone: a new session started on the
    socket while the old server is still exiting fails."""
    done = subprocess.run(
        ["tmux", "-S", socket, "display-message", "-p", "#{pid}"], capture_output=True, text=True
    )
    subprocess.run(["tmux", "-S", socket, "kill-server"], capture_output=True)
    pid = int(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None
    deadline = time.monotonic() + WAIT
    while pid is not None and time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    assert pid is None, f"the tmux server {pid} outlived kill-server by {WAIT:.0f} s"


def screen(socket: str) -> str:
    done = subprocess.run(
        ["tmux", "-S", socket, "capture-pane", "-p", "-t", SESSION],
        capture_output=True,
        text=True,
    )
    return done.stdout


def cursor_line(socket: str) -> str:
    """The screen's line under the terminal's cursor: Textual keeps it on the focused input."""
    done = subprocess.run(
        ["tmux", "-S", socket, "display-message", "-p", "-t", SESSION, "#{cursor_y}"],
        capture_output=True,
        text=True,
    )
    lines = screen(socket).splitlines()
    row = int(done.stdout.strip() or -1)
    return lines[row] if 0 <= row < len(lines) else ""


def keys(socket: str, *names: str) -> None:
    """Press each key in turn. An Escape ends a call: one that reaches a busy app together with
    the next key is read as Alt+key, so the caller waits for the Escape to show first."""
    for i, name in enumerate(names):
        assert name != "Escape" or i == len(names) - 1, "wait for the Escape before the next key"
        subprocess.run(["tmux", "-S", socket, "send-keys", "-t", SESSION, name], check=True)
        time.sleep(0.15)


def type_text(socket: str, text: str) -> None:
    subprocess.run(["tmux", "-S", socket, "send-keys", "-t", SESSION, "-l", text], check=True)


def wait_until(socket: str, what: str, shows: Callable[[str], bool], timeout: float = WAIT) -> str:
    """The screen, once `shows(screen)` holds; AssertionError naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen(socket)
        if shows(shown):
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{what} never appeared; the screen was:\n{shown}")


def wait_for(socket: str, text: str, timeout: float = WAIT) -> str:
    return wait_until(socket, repr(text), lambda shown: text in shown, timeout)


def wait_for_all(socket: str, *texts: str, timeout: float = WAIT) -> str:
    """The screen once it shows every one of `texts` at the same time."""
    return wait_until(
        socket, f"all of {texts}", lambda shown: all(t in shown for t in texts), timeout
    )


def wait_for_focus(socket: str, *texts: str) -> None:
    """Until the focused input's line shows each of `texts` (its label, its text)."""
    wait_until(
        socket,
        f"the focus on a line with {texts}",
        lambda _: all(t in cursor_line(socket) for t in texts),
    )


def type_into(socket: str, label: str, text: str) -> None:
    """Type `text` into the input labelled `label` once it has the focus (text that follows a
    Tab too closely lands in the field the Tab leaves), and wait until the field shows it (so
    the next key comes after it)."""
    wait_for_focus(socket, label)
    type_text(socket, text)
    wait_for_focus(socket, label, text)
