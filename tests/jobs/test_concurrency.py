"""Three processes on one database: the TUI in a real terminal (tmux) refreshing on its schedule
and on `r` while someone moves around it and acknowledges flags, `catalyst daemon` refreshing
every 10 s, and a cron-style loop running `catalyst refresh`, `catalyst check`,
`catalyst mark … pending` and `catalyst ack` back to back, a key pressed in the TUI after each.
All three deliver desktop notifications to one recording notification service on a private
D-Bus.

It lasts until the daemon has run three refresh cycles (the one at its start and two on its
schedule, so the TUI's schedule has come round as often), every key of the TUI's round has been
pressed and five checkpoints have been reopened: about twenty seconds on a quiet machine, and as
long as it takes on a busy one. CATALYST_CONCURRENCY_SECONDS makes it last at least that long
(60: the minute this proof used to take).

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

SECONDS = float(os.environ.get("CATALYST_CONCURRENCY_SECONDS", "0"))
DAEMON_CYCLES = 3  # the daemon's refresh at its start, then two on its 10 s schedule
REOPENINGS = 5  # fewer would prove too little
# Enough for all of the above many times over on a machine ten times slower than a quiet one;
# only a hang reaches it.
HANG = 600.0
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
            [
                sys.executable,
                "-m",
                "catalyst_tui.cli",
                *args,
                "--db",
                str(self.workdir / "c.db"),
                "--config",
                str(self.workdir / "catalysts.toml"),
            ],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
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

        start_catalyst(
            tmux,
            tmp_path,
            env,
            "--config",
            str(tmp_path / "catalysts.toml"),
            "--db",
            str(tmp_path / "c.db"),
        )
        wait_for(tmux, "ALAB")
        daemon_out, daemon_err = tmp_path / "daemon.out", tmp_path / "daemon.err"
        with daemon_out.open("w") as out, daemon_err.open("w") as err:
            daemon = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "catalyst_tui.cli",
                    "daemon",
                    "--db",
                    str(tmp_path / "c.db"),
                    "--config",
                    str(tmp_path / "catalysts.toml"),
                ],
                cwd=tmp_path,
                env={**env, "PYTHONUNBUFFERED": "1"},
                stdout=out,
                stderr=err,
            )
        screens: list[str] = []
        try:
            steps = itertools.cycle(["refresh", "reopen", "check", "ack", "reopen"])
            targets = itertools.cycle(MISSED)
            tui_keys = [
                ("r",),
                ("Down", "Down"),
                ("A",),
                ("t",),
                ("Escape",),
                ("s",),
                ("Up",),
                ("Enter",),
                ("Escape",),
            ]
            pressed = 0
            least = time.monotonic() + SECONDS
            hang = time.monotonic() + HANG

            def done() -> bool:
                """Enough of everything, and not just after an Escape (the q that ends the TUI
                must not reach it with one, as an Alt+q)."""
                cycles = daemon_out.read_text().count(" transition")
                last = tui_keys[(pressed - 1) % len(tui_keys)]
                return (
                    cycles >= DAEMON_CYCLES
                    and pressed >= len(tui_keys)
                    and cron.reopened >= REOPENINGS
                    and time.monotonic() >= least
                    and last != ("Escape",)
                )

            while not done():
                assert time.monotonic() < hang, f"still going after {HANG:.0f} s: a hang"
                assert daemon.poll() is None, daemon_err.read_text()
                step = next(steps)
                if step == "refresh":
                    cron.run("refresh")
                elif step == "reopen":
                    cron.reopen(next(targets))
                elif step == "check":
                    cron.run("check")
                else:
                    cron.run("ack", "--all")
                keys(tmux, *tui_keys[pressed % len(tui_keys)])
                pressed += 1
                screens.append(screen(tmux))

            cron.run("refresh")  # the last transitions, delivered by whoever comes first
            time.sleep(2)
            keys(tmux, "q")  # the watchlist, the timeline and the ticker page all quit on q
            screens.append(wait_for(tmux, "CATALYST-EXIT=0"))
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(timeout=120)  # it stops in a second; a loaded machine may take many
            assert daemon.returncode == 0, daemon_err.read_text()
        finally:
            if daemon.poll() is None:
                daemon.kill()
                daemon.wait()
        final = cron.run("refresh")  # anything still in the outbox goes now
        assert final.returncode == 0, final.stderr

    heard = [("daemon", daemon_out.read_text() + daemon_err.read_text())] + [
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
    # Each transition: one notice, unless `ack --all` acknowledged it before it went out.
    assert len(dbus_session.notifications()) == state.delivered
    print(
        f"{pressed} keys in the TUI, {cron.reopened} reopenings, {len(cron.outputs)} commands, "
        f"{state.outbox} notifications, at {dt.datetime.now(dt.UTC):%H:%M:%S}"
    )
