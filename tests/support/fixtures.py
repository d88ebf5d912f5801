"""Pytest fixtures: a private D-Bus session bus, with or without the recording notification
service, and a private tmux server. A test module asks for them with

    pytest_plugins = ["tests.support.fixtures"]

(rather than importing the fixtures, which ruff reads as unused names shadowed by parameters).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from .dbus_session import DbusSession, dbus_daemon


@pytest.fixture
def dbus_session(monkeypatch: pytest.MonkeyPatch) -> Iterator[DbusSession]:
    """A running private session bus, named by DBUS_SESSION_BUS_ADDRESS for the test; no
    notification service on it until the test calls `start_recorder()`."""
    if dbus_daemon() is None:
        pytest.fail("dbus-daemon is missing: apt-get install dbus (.ci/run installs it)")
    with DbusSession() as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.address)
        yield session


@pytest.fixture
def notification_recorder(dbus_session: DbusSession) -> DbusSession:
    """The private session bus with the recording notification service running on it; read
    what arrived with `.notifications()`."""
    dbus_session.start_recorder()
    return dbus_session


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[str]:
    """The socket of a private tmux server (drive it with tests/support/terminal.py), killed
    after the test."""
    if shutil.which("tmux") is None:
        pytest.fail("tmux is missing: apt-get install tmux (.ci/run installs it)")
    socket = str(tmp_path / "tmux.sock")
    yield socket
    subprocess.run(["tmux", "-S", socket, "kill-server"], capture_output=True)
