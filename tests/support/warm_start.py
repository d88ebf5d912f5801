"""`catalyst` commands started as forks of one process that has already imported them, for a test
that starts many (tests/jobs/test_durability.py: two processes a kill -9 round, some thirty a
test).

A fresh `python -m tests.support.write_barrier refresh` spends most of its CPU starting Python
and importing catalyst, httpx and the rest (the durability test's processes: 41.7 CPU-seconds
started afresh, 14-18 forked); the round's subject is what the command writes and what a kill
leaves, not its imports. The server here imports them once
(write_barrier's points installed) and forks a child a command: each child is a process of its
own (its own pid, its own SQLite connections, opened after the fork; a SIGKILL kills it alone)
that runs `catalyst_tui.cli.main` and ends as a started one would (its atexit handlers run).
What the server imports is what the commands import: PRELOAD at its start, then every module a
child that ran to its end had loaded (those a command imports only once it needs them: a
provider's client, the desktop notifier), so each child after the first imports next to
nothing.

The server runs one child at a time: a request is a JSON line on its stdin (argv, cwd, the
environment's changes, the files for stdout and stderr); it answers the child's pid on a line,
then waits for the child and answers its exit status as `subprocess` gives it (-9 for a SIGKILL).
`WarmStarts.start()` returns a `Started` that the test uses as it would a `subprocess.Popen`.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

#: What the server imports at its start: the command line, a refresh's and the daemon's jobs
#: (a daemon's children are killed, so what it loads is never learned from one).
PRELOAD = (
    "catalyst_tui.cli",
    "catalyst_tui.jobs.refresh",
    "catalyst_tui.jobs.scheduler",
    "catalyst_tui.jobs.client",
    "catalyst_tui.jobs.evaluation",
    "httpx",
)


class Started:
    """A child of the server, read as a `subprocess.Popen`: pid, poll, send_signal,
    communicate, returncode."""

    def __init__(self, server: WarmStarts, pid: int, out: Path, err: Path) -> None:
        self.server, self.pid, self.out, self.err = server, pid, out, err
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            line = self.server.line(timeout=0)
            if line is not None:
                self.returncode = int(line)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:  # the server reaps it at once: a pid it answered is still it
            os.kill(self.pid, sig)

    def communicate(self, timeout: float) -> tuple[str, str]:
        if self.returncode is None:
            line = self.server.line(timeout=timeout)
            if line is None:
                raise subprocess.TimeoutExpired(f"warm child {self.pid}", timeout)
            self.returncode = int(line)
        return self.out.read_text(), self.err.read_text()


class WarmStarts:
    """The server: started with the environment its children share (`env`), stopped by
    `close()`."""

    def __init__(self, env: dict[str, str], cwd: Path, pythonpath: list[Path]) -> None:
        self.cwd = cwd
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.warm_start"],
            cwd=cwd,
            env={**env, "PYTHONPATH": os.pathsep.join(map(str, pythonpath))},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._buffer = b""
        self._count = 0
        self._last: Started | None = None

    def start(self, argv: list[str], env: dict[str, str | None]) -> Started:
        """`catalyst ARGV` forked with `env`'s changes (None: unset); its output to files."""
        assert self._proc.stdin is not None
        self._count += 1
        out, err = (self.cwd / f"warm-{self._count}.{name}" for name in ("out", "err"))
        request = {"argv": argv, "cwd": str(self.cwd), "env": env, "out": str(out)}
        request["err"] = str(err)
        request["modules"] = str(self.cwd / f"warm-{self._count}.modules")
        self._proc.stdin.write(json.dumps(request).encode() + b"\n")
        self._proc.stdin.flush()
        line = self.line(timeout=120.0)
        if line is None:
            raise AssertionError(f"the warm server forked nothing in 120 s: {self._proc.poll()}")
        self._last = Started(self, int(line), out, err)
        return self._last

    def line(self, timeout: float) -> str | None:
        """The server's next line, or None when none came within `timeout` seconds."""
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = max(0.0, deadline - time.monotonic())
            if not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 4096)
            if not chunk:
                raise AssertionError(f"the warm server ended: exit {self._proc.wait()}")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode()

    def close(self) -> None:
        """Stop the server; a child still running (a test that failed before its kill) is
        killed first, so none is left stopped at its write point."""
        assert self._proc.stdin is not None
        if self._last is not None and self._last.poll() is None:
            self._last.send_signal(signal.SIGKILL)
            self._last.communicate(timeout=30)
        self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()


def serve() -> int:
    """The server's loop; in a child, the command's exit status (the child then ends with it)."""
    import importlib

    from tests.support import write_barrier

    write_barrier.install()
    for name in PRELOAD:
        importlib.import_module(name)
    requests = os.fdopen(0, "rb", buffering=0)
    while line := _read_line(requests):
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            return _child(request)
        os.write(1, f"{pid}\n".encode())
        _, status = os.waitpid(pid, 0)
        os.write(1, f"{os.waitstatus_to_exitcode(status)}\n".encode())
        _learn(Path(request["modules"]))
    return 0


def _learn(listed: Path) -> None:
    """Import what a child that ran to its end had loaded and the server has not."""
    import importlib

    if not listed.exists():
        return
    for name in listed.read_text().split():
        if name not in sys.modules and not name.startswith(("__main__", "tests.")):
            try:
                importlib.import_module(name)
            except Exception:  # a module only its parent's import makes: left to the child
                continue


def _read_line(stream) -> bytes:
    """One line, read a byte at a time: nothing of the next request is read ahead."""
    line = b""
    while not line.endswith(b"\n"):
        byte = stream.read(1)
        if not byte:
            return b""
        line += byte
    return line


def _child(request: dict) -> int:
    os.chdir(request["cwd"])
    for key, value in request["env"].items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, path in ((1, request["out"]), (2, request["err"])):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    os.close(null)
    from catalyst_tui.cli import main

    try:
        return main(request["argv"])
    finally:
        Path(request["modules"]).write_text("\n".join(sorted(sys.modules)))


if __name__ == "__main__":
    sys.exit(serve())
