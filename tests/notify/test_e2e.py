"""Missed transitions notified exactly once over a real D-Bus session bus: across refreshes, a
restart, and two processes refreshing the same database at the same moment."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import sqlite3
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalyst_tui.notify.wording import TEST_NOTIFICATION
from tests.support.dbus_session import DbusSession
from tests.support.market_server import MarketServer

from ..cli.test_thesis_commands import loopback_thesis

pytest_plugins = ["tests.support.fixtures"]

MISSED = {"gross-margin-floor", "operating-margin-floor", "position-weight-cap"}


@pytest.fixture
def market() -> Iterator[MarketServer]:
    with MarketServer() as server:
        yield server


def catalyst(workdir: Path, bus: DbusSession, *args: str, **popen: Any) -> subprocess.Popen:
    """`catalyst ARGS` in a session of its own: without a controlling terminal (as from cron or
    a service) unless `popen` gives it one."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            *args,
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
        ],
        cwd=workdir,
        env=bus.env(NO_PROXY="127.0.0.1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **{"start_new_session": True, **popen},
    )


def run(workdir: Path, bus: DbusSession, *args: str) -> str:
    proc = catalyst(workdir, bus, *args)
    out, err = proc.communicate(timeout=90)
    assert "Traceback" not in err, err
    assert proc.returncode in (0, 1, 3), err
    return out


def missed_events(workdir: Path) -> list[str]:
    conn = sqlite3.connect(workdir / "c.db")
    try:
        rows = conn.execute("SELECT checkpoint_id FROM events WHERE to_status = 'missed'")
        return sorted(r[0] for r in rows)
    finally:
        conn.close()


def test_each_miss_is_notified_once_across_refreshes_and_a_restart(
    tmp_path, market, notification_recorder
):
    (tmp_path / "catalysts.toml").write_text(loopback_thesis(market.url))
    out = run(tmp_path, notification_recorder, "refresh")
    assert "notifications: 3 sent" in out
    received = notification_recorder.notifications()
    assert len(received) == 3
    assert all(n["app_name"] == "catalyst" and n["summary"].startswith("ALAB") for n in received)
    gm = next(n for n in received if "Gross margin" in n["summary"])
    assert "69.1%" in gm["body"] and "70%" in gm["body"]

    run(tmp_path, notification_recorder, "refresh")  # a second refresh: nothing new
    notification_recorder.stop_recorder()  # a restart of the notification service
    notification_recorder.start_recorder()
    run(tmp_path, notification_recorder, "check")  # another process, evaluating again
    run(tmp_path, notification_recorder, "refresh")
    assert len(notification_recorder.notifications()) == 3
    assert missed_events(tmp_path) == sorted(MISSED)


def test_a_notification_waits_for_the_service_and_is_sent_once_it_is_back(
    tmp_path, market, dbus_session
):
    (tmp_path / "catalysts.toml").write_text(loopback_thesis(market.url))
    out = run(tmp_path, dbus_session, "refresh")  # no notification service on the bus
    assert "notifications: 0 sent, 3 waiting" in out
    dbus_session.start_recorder()
    run(tmp_path, dbus_session, "refresh")
    run(tmp_path, dbus_session, "refresh")
    assert len(dbus_session.notifications()) == 3


def test_two_processes_refreshing_at_once_notify_each_miss_once(
    tmp_path, market, notification_recorder
):
    (tmp_path / "catalysts.toml").write_text(loopback_thesis(market.url))
    first = catalyst(tmp_path, notification_recorder, "refresh")
    second = catalyst(tmp_path, notification_recorder, "refresh")
    for proc in (first, second):
        _, err = proc.communicate(timeout=90)
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    assert missed_events(tmp_path) == sorted(MISSED)
    assert len(notification_recorder.notifications()) == 3


def test_notify_test_reports_each_channel(tmp_path, market, dbus_session):
    (tmp_path / "catalysts.toml").write_text(loopback_thesis(market.url))
    proc = catalyst(tmp_path, dbus_session, "notify", "--test")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "desktop: failed" in out  # no notification service yet
    assert "Traceback" not in err
    dbus_session.start_recorder()
    proc = catalyst(tmp_path, dbus_session, "notify", "--test")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "desktop: ok" in out
    assert len(dbus_session.notifications()) == 1
    # Every channel is named, the ones this run could not try with why.
    assert "terminal: not tried: no terminal to write to: not run from one" in out
    assert "toast: in the TUI only" in out


def test_notify_test_reaches_the_terminal_it_was_run_from_with_its_output_piped(
    tmp_path, market, dbus_session
):
    """`catalyst notify --test | less`: the output is a pipe, but the user is at a terminal, and
    the terminal channel is the one being tested. What the terminal receives is read back from
    a real pseudo-terminal: the notification's escape sequences, byte for byte."""
    (tmp_path / "catalysts.toml").write_text(loopback_thesis(market.url))
    dbus_session.start_recorder()
    controller, terminal = pty.openpty()

    def take_the_terminal() -> None:  # in the child, in its new session: as a login shell does
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    try:
        proc = catalyst(
            tmp_path, dbus_session, "notify", "--test", stdin=terminal, preexec_fn=take_the_terminal
        )
        out, err = proc.communicate(timeout=60)
        received = b""
        while select.select([controller], [], [], 0.5)[0]:
            received += os.read(controller, 4096)
    finally:
        os.close(terminal)
        os.close(controller)
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert "terminal: ok" in out and "desktop: ok" in out
    # Written by hand: OSC 9, OSC 777 (title and body apart) and the bell.
    title, body = TEST_NOTIFICATION.title, TEST_NOTIFICATION.body
    assert received == f"\x1b]9;{title}: {body}\x07\x1b]777;notify;{title};{body}\x07\x07".encode()
