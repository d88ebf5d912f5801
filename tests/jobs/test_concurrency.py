"""Three processes on one database for a minute: the TUI in a real terminal (tmux) refreshing on
its schedule and on `r` while someone moves around it and acknowledges flags, `catalyst daemon`
refreshing every 10 s, and a cron-style loop running `catalyst refresh`, `catalyst check`,
`catalyst mark … pending` and `catalyst ack` every couple of seconds. All three deliver desktop
notifications to one recording notification service on a private D-Bus.

Every `mark … pending` reopens a checkpoint the thesis misses, so each is followed by a new
transition to missed that whichever process evaluates first records. At the end:
- no "database is locked" (nor a traceback) reached anyone: not the terminal, not the output
  of any command, not the log file;
- each reopening gave exactly one transition, and each transition exactly one notification;
- the database passes tests/support/db_invariants.py.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support import db_invariants
from tests.support.dbus_session import DbusSession
from tests.support.market_server import MarketServer
from tests.support.terminal import keys, screen, start_catalyst, wait_for

from ..cli.test_thesis_commands import loopback_thesis

pytestmark = pytest.mark.long
pytest_plugins = ["tests.support.fixtures"]  # dbus_session, tmux

SECONDS = float(os.environ.get("CATALYST_CONCURRENCY_SECONDS", "60"))
MISSED = ("gross-margin-floor", "operating-margin-floor", "position-weight-cap")
TROUBLE = ("locked", "Traceback", "busy")


class Cron:
    """Short-lived commands, one after another, as a crontab or a shell loop would run them."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir, self.env = workdir, env
        self.outputs: list[tuple[str, int, str]] = []
        self.reopened = 0

    def run(self, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "catalyst_tui.cli", *args, "--db", str(self.workdir / "c.db"),
             "--config", str(self.workdir / "catalysts.toml")],
            cwd=self.workdir, env=self.env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        self.outputs.append((" ".join(args), done.returncode, done.stdout + done.stderr))
        return done

    def reopen(self, checkpoint_id: str) -> None:
        """`mark … pending` on a checkpoint that is missed now (a pending one would not
        transition again, so it is left alone)."""
        check = db_invariants.connect(self.workdir / "c.db")
        try:
            status = check.execute(
                "SELECT status FROM checkpoints WHERE symbol = 'ALAB' AND id = ?", [checkpoint_id]
            ).fetchone()[0]
        finally:
            check.close()
        if status == "missed":
            done = self.run("mark", f"ALAB/{checkpoint_id}", "pending")
            assert done.returncode == 0, done.stderr
            self.reopened += 1


def test_tui_daemon_and_cron_refresh_share_one_database_for_a_minute(
    tmp_path: Path, tmux: str, dbus_session: DbusSession
):
    dbus_session.start_recorder(delay=0.05)
    env = {k: v for k, v in dbus_session.env().items() if not k.startswith(("CATALYST_", "TMUX"))}
    env.update(NO_PROXY="127.0.0.1", TERM="xterm-256color", XDG_STATE_HOME=str(tmp_path / "st"))
    with MarketServer(latency=0.01) as market:
        text = loopback_thesis(market.url)
        text = text.replace('refresh = "60s"', 'refresh = "10s"', 1)
        text = text.replace('refresh_closed = "30m"', 'refresh_closed = "10s"', 1)
        (tmp_path / "catalysts.toml").write_text(text)
        cron = Cron(tmp_path, env)
        first = cron.run("refresh")  # the database exists before the others start
        assert first.returncode == 0, first.stderr

        start_catalyst(tmux, tmp_path, env, "--config", str(tmp_path / "catalysts.toml"),
                       "--db", str(tmp_path / "c.db"))  # fmt: skip
        wait_for(tmux, "ALAB")
        daemon = subprocess.Popen(
            [sys.executable, "-m", "catalyst_tui.cli", "daemon", "--db", str(tmp_path / "c.db"),
             "--config", str(tmp_path / "catalysts.toml")],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        screens: list[str] = []
        try:
            steps = itertools.cycle(["refresh", "reopen", "check", "ack", "reopen", "tui"])
            targets = itertools.cycle(MISSED)
            tui_keys = itertools.cycle([("r",), ("Down", "Down"), ("A",), ("t",), ("Escape",),
                                        ("s",), ("Up",), ("Enter",), ("Escape",)])  # fmt: skip
            deadline = time.monotonic() + SECONDS
            while time.monotonic() < deadline:
                step = next(steps)
                if step == "refresh":
                    cron.run("refresh")
                elif step == "reopen":
                    cron.reopen(next(targets))
                elif step == "check":
                    cron.run("check")
                elif step == "ack":
                    cron.run("ack", "--all")
                else:
                    keys(tmux, *next(tui_keys))
                    screens.append(screen(tmux))
                time.sleep(0.5)
            assert cron.reopened >= 5, "too few reopenings to prove anything"

            cron.run("refresh")  # the last transitions, delivered by whoever comes first
            time.sleep(2)
            keys(tmux, "Escape", "Escape", "q")
            screens.append(wait_for(tmux, "CATALYST-EXIT=0", timeout=30))
            daemon.send_signal(signal.SIGTERM)
            daemon_out, daemon_err = daemon.communicate(timeout=60)
            assert daemon.returncode == 0, daemon_err
        finally:
            if daemon.poll() is None:
                daemon.kill()
                daemon.communicate()
        final = cron.run("refresh")  # anything still in the outbox goes now
        assert final.returncode == 0, final.stderr

    heard = [("daemon", daemon_out + daemon_err)] + [
        (f"catalyst {c}", o) for c, _, o in cron.outputs
    ]
    heard += [("the terminal", s) for s in screens]
    logs = sorted((tmp_path / "st").rglob("*.log"))
    assert logs, "no log file was written"
    heard += [(str(p), p.read_text()) for p in logs]
    for who, text in heard:
        for word in TROUBLE:
            assert word not in text, f"{word!r} reached {who}:\n{text}"
    assert all(code in (0, 1) for _, code, _ in cron.outputs), cron.outputs  # 1: check flagged

    state = db_invariants.check(tmp_path / "c.db")
    assert state.missed_events == len(MISSED) + cron.reopened  # each reopening: one transition
    assert state.sent == state.outbox == state.missed_events
    assert len(dbus_session.notifications()) == state.outbox  # each transition: one notice
    print(
        f"{SECONDS:.0f} s: {cron.reopened} reopenings, {len(cron.outputs)} commands, "
        f"{state.outbox} notifications, at {dt.datetime.now(dt.UTC):%H:%M:%S}"
    )
