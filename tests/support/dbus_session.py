"""A private D-Bus session bus (a real dbus-daemon) with an optional recording notification service.

    with DbusSession() as bus:
        bus.start_recorder()
        ...  # DBUS_SESSION_BUS_ADDRESS=bus.address, send notifications
        assert [n["summary"] for n in bus.notifications()] == [...]

The daemon runs from a config of our own: a session bus listening on a socket in a fresh temp dir,
with no service directories, so a notification daemon installed on the host is never activated in
place of the recorder. Everything it started is killed and the temp dir removed on exit. Plain
module (no pytest); the fixtures are in tests/support/fixtures.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

RECORDER = Path(__file__).with_name("notification_recorder.py")
# Until the bus or the recorder says it is up: a moment on a quiet machine; a Python start-up on a
# loaded one may take many seconds. Only one that never comes up reaches it.
START_TIMEOUT = 120.0

_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class DbusSessionError(RuntimeError):
    """The private bus or the recorder did not start."""


def dbus_daemon() -> str | None:
    """The dbus-daemon executable, or None when it isn't installed (Debian package `dbus`)."""
    return shutil.which("dbus-daemon")


class DbusSession:
    """A running private session bus; `address` is its DBUS_SESSION_BUS_ADDRESS."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="catalyst-dbus-"))  # short: sun_path is 108 B
        self.address = ""
        self.recorded = self.dir / "notifications.jsonl"
        self._daemon: subprocess.Popen[str] | None = None
        self._recorder: subprocess.Popen[str] | None = None

    # -- the bus -----------------------------------------------------------------------------
    def start(self) -> DbusSession:
        executable = dbus_daemon()
        if executable is None:
            raise DbusSessionError("dbus-daemon is not installed (apt-get install dbus)")
        config = self.dir / "session.conf"
        config.write_text(_CONFIG.format(socket=self.dir / "bus"))
        log = self.dir / "dbus-daemon.log"
        with log.open("w") as stderr:
            self._daemon = subprocess.Popen(
                [executable, f"--config-file={config}", "--nofork", "--print-address"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        line = _read_line(self._daemon, log, START_TIMEOUT)
        if not line.startswith("unix:"):
            self.close()
            raise DbusSessionError(f"dbus-daemon did not print its address: {line!r}")
        self.address = line
        return self

    def env(self, **extra: str) -> dict[str, str]:
        """os.environ for a child process that should use this bus."""
        return {**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address, **extra}

    def dead_address(self) -> str:
        """An address whose socket exists but that nobody listens on (connection refused)."""
        path = self.dir / "dead"
        if not path.exists():
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.bind(str(path))
        return f"unix:path={path}"

    # -- the recording notification service ---------------------------------------------------
    def start_recorder(
        self, *, fail: bool = False, delay: float = 0.0, markup: bool = False
    ) -> None:
        """Start the notification recorder on this bus and wait until it owns its name; `fail`:
        it answers every Notify with an error; `delay`: each Notify takes that many seconds;
        `markup`: it renders body markup (lists the "body-markup" capability)."""
        if self._recorder is not None:
            raise DbusSessionError("the recorder is already running")
        command = [sys.executable, str(RECORDER), "--out", str(self.recorded)]
        command += ["--delay", str(delay)] if delay else []
        command += ["--markup"] if markup else []
        log = self.dir / "recorder.log"
        with log.open("a") as stderr:
            self._recorder = subprocess.Popen(
                [*command, "--fail"] if fail else command,
                env=self.env(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        line = _read_line(self._recorder, log, START_TIMEOUT)
        if line != "ready":
            self.stop_recorder()
            raise DbusSessionError(f"the notification recorder did not start: {line!r}")

    def stop_recorder(self) -> None:
        if self._recorder is not None:
            _stop(self._recorder)
            self._recorder = None

    @contextlib.contextmanager
    def recorder_frozen(self) -> Iterator[None]:
        """The recorder stopped (SIGSTOP) but still owning its name: a hung notification daemon
        whose calls never get an answer."""
        if self._recorder is None:
            raise DbusSessionError("the recorder is not running")
        self._recorder.send_signal(signal.SIGSTOP)
        try:
            yield
        finally:
            self._recorder.send_signal(signal.SIGCONT)

    def notifications(self) -> list[dict[str, Any]]:
        """Every notification the recorder received, in order."""
        if not self.recorded.exists():
            return []
        lines = self.recorded.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    # -- teardown ----------------------------------------------------------------------------
    def close(self) -> None:
        self.stop_recorder()
        if self._daemon is not None:
            _stop(self._daemon)
            self._daemon = None
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> DbusSession:
        try:
            return self.start()
        except BaseException:
            self.close()
            raise

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _read_line(process: subprocess.Popen[str], log: Path, timeout: float) -> str:
    """The child's first stdout line, or its log when it exits or stays silent too long."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=deadline - time.monotonic()):
                line = process.stdout.readline()
                if line:
                    return line.strip()
                break  # EOF: the child exited
    _stop(process)
    return f"(no output; its log says: {log.read_text(errors='replace').strip()!r})"


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()
