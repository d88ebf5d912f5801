"""kill -9 at random moments: `catalyst refresh` and `catalyst daemon`, 50 times each, on the
bundled thesis against the loopback market, with desktop notifications going to a recording
notification service on a private D-Bus.

Each round reopens the three ALAB checkpoints the thesis misses (gross and operating margin,
position weight), so every round has three fresh transitions to record and notify; starts the
process; kills it with SIGKILL at a random moment of its run (before, during and after the
quote batch, the evaluation and the delivery: the notification service answers slowly, so
delivery is a wide target); then checks the database (tests/support/db_invariants.py:
integrity, whole batches only, an unbroken timeline, an outbox row per notified event), runs
the next start (`catalyst refresh`) to completion and checks that

- each of the three transitions is recorded exactly once (none lost, none doubled),
- every outbox row is sent, and the notification service received this round's notices
  at least once with at most one repeat (the one notice in flight when the kill came).

A refresh commits per batch: every symbol's quote and bars in one transaction.
Set CATALYST_KILLS to change the number of kills per process kind (default 50);
CATALYST_KILL_SEED to replay a run (the seed is printed).
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.store import Store
from tests.support import db_invariants
from tests.support.dbus_session import DbusSession
from tests.support.market_server import MarketServer

from ..cli.test_thesis_commands import loopback_thesis

pytestmark = pytest.mark.long
pytest_plugins = ["tests.support.fixtures"]  # dbus_session

KILLS = int(os.environ.get("CATALYST_KILLS", "50"))
SEED = int(os.environ.get("CATALYST_KILL_SEED", str(random.SystemRandom().randrange(10**6))))
MISSED = ("gross-margin-floor", "operating-margin-floor", "position-weight-cap")
NOTIFY_DELAY = 0.15  # seconds the notification service takes per notice


@pytest.fixture(scope="module")
def market() -> Iterator[MarketServer]:
    with MarketServer(latency=0.005) as server:
        yield server


@pytest.fixture
def bus(dbus_session: DbusSession) -> DbusSession:
    dbus_session.start_recorder(delay=NOTIFY_DELAY)
    return dbus_session


class Rounds:
    """The database, the processes started on it, and what each kill found."""

    def __init__(self, workdir: Path, bus: DbusSession, market: MarketServer) -> None:
        self.workdir, self.bus = workdir, bus
        self.db = workdir / "c.db"
        text = loopback_thesis(market.url)
        text = text.replace('refresh = "60s"', 'refresh = "10s"', 1)
        text = text.replace('refresh_closed = "30m"', 'refresh_closed = "10s"', 1)
        (workdir / "catalysts.toml").write_text(text)
        self.phases: collections.Counter[str] = collections.Counter()
        self.repeats = 0
        self.finished_first = 0

    def start(self, command: str) -> subprocess.Popen:
        env = self.bus.env(NO_PROXY="127.0.0.1", XDG_STATE_HOME=str(self.workdir / "state"))
        return subprocess.Popen(
            [sys.executable, "-m", "catalyst_tui.cli", command, "--db", str(self.db),
             "--config", str(self.workdir / "catalysts.toml")],
            cwd=self.workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip

    def next_start(self) -> float:
        """`catalyst refresh` run to the end, as the next start after a crash; its duration."""
        started = time.monotonic()
        proc = self.start("refresh")
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err}"
        assert "Traceback" not in err and "locked" not in err + out, err
        return time.monotonic() - started

    def reopen(self) -> None:
        """Put the three missed checkpoints back to pending, as `catalyst mark … pending`."""
        with Store.open(self.db) as store:
            statuses = {r.id: r.status for r in store.views.checkpoints("ALAB")}
            for cid in MISSED:
                assert statuses[cid] == "missed", statuses
                store.checkpoints.mark("ALAB", cid, "pending", "", _now())

    def round(self, command: str, at: float | None) -> float | None:
        """One round: reopen, start `command`, SIGKILL it `at` seconds later (None: let
        `catalyst refresh` finish), check, run the next start, check. A run that ended
        before its kill counts as no kill; returns how long a finished run took."""
        before = db_invariants.check(self.db)
        received = len(self.bus.notifications())
        self.reopen()
        if at is None:
            took = self.next_start()
        else:
            took = None
            proc = self.start(command)
            time.sleep(at)
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)  # reaped: a zombie would still look alive
            killed = db_invariants.check(self.db)
            if proc.returncode == -signal.SIGKILL:
                self.phases[_phase(before, killed)] += 1
            else:
                assert command == "refresh" and proc.returncode == 0, proc.returncode
                self.finished_first += 1
            self.next_start()
        after = db_invariants.check(self.db)
        assert after.missed_events - before.missed_events == len(MISSED), (before, after)
        assert after.sent == after.outbox, f"unsent notices after the next start: {after}"
        new = after.outbox - before.outbox
        got = len(self.bus.notifications()) - received
        assert new <= got <= new + 1, f"{new} notices to send, the service got {got}"
        self.repeats += got - new
        with Store.open(self.db) as store:
            statuses = {r.id: r.status for r in store.views.checkpoints("ALAB")}
        assert all(statuses[cid] == "missed" for cid in MISSED), statuses
        return took


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _phase(before: db_invariants.DbState, killed: db_invariants.DbState) -> str:
    """Where in its run the kill caught the process, read from what it had committed."""
    if killed.outbox == before.outbox:
        return "quotes stored" if killed.quote_stamps != before.quote_stamps else "before quotes"
    if killed.sent == before.sent:
        return "evaluated"
    if killed.sent < killed.outbox:
        return "delivering"
    return "all delivered"


@pytest.mark.parametrize("command", ["refresh", "daemon"])
def test_kill_9_at_random_moments_loses_nothing_and_repeats_at_most_one_notice(
    tmp_path, market, bus, command
):
    rng = random.Random(f"{SEED}-{command}")
    print(f"CATALYST_KILL_SEED={SEED} ({KILLS} kills of catalyst {command})")
    rounds = Rounds(tmp_path, bus, market)
    rounds.next_start()  # the first start fills the database: history, filings, earnings
    first = db_invariants.check(tmp_path / "c.db")
    assert first.missed_events == len(MISSED) and first.sent == len(MISSED)
    assert len(bus.notifications()) == len(MISSED)
    span = rounds.round(command, None)  # how long a refresh with three notices takes
    assert span is not None

    while sum(rounds.phases.values()) < KILLS:
        rounds.round(command, rng.uniform(0.05, span))
        assert rounds.finished_first <= KILLS, "the runs keep ending before their kill"

    print(
        f"kills by phase: {dict(rounds.phases)}; repeated notices: {rounds.repeats}; "
        f"runs that ended before their kill: {rounds.finished_first}"
    )
    # a notice is repeated only when the kill came between its send and its record: after
    # the evaluation, before the last record
    assert rounds.repeats <= rounds.phases["evaluated"] + rounds.phases["delivering"]
    if KILLS >= 50:  # random moments: the kills must have landed all over the run
        assert {"before quotes", "delivering"} <= set(rounds.phases), rounds.phases
        assert len(rounds.phases) >= 3, rounds.phases
