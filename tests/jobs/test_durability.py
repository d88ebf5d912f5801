"""kill -9 in the middle of `catalyst refresh` and `catalyst daemon`, on the bundled thesis against
the loopback market, with desktop notifications going to a recording notification service on a
private D-Bus.

Each round reopens the three ALAB checkpoints the thesis misses (gross and operating margin,
position weight), so every round has three fresh transitions to record and notify; starts the
process; kills it with SIGKILL; then checks the database (tests/support/db_invariants.py:
integrity, whole batches only, an unbroken timeline, an outbox row per notified event), runs
the next start (`catalyst refresh`) to completion and checks that

- each of the three transitions is recorded exactly once (none lost, none doubled),
- every outbox row is sent, and the notification service received this round's notices
  at least once with at most one repeat (the one notice in flight when the kill came).

Where the kill lands: a `catalyst refresh` run to the end lists every write it makes (the edges
of each `Store.transaction()`; tests/support/write_barrier.py), the writes the daemon's first
cycle makes too. Then one round before the first write
and one inside each kind of write, after its writes and before its COMMIT, every notice's
record of delivery among them: the child stops itself there and the kill comes while it holds
that moment (the write lock, a batch written and not committed, a notice sent and not
recorded). A few more rounds kill at random moments of the run, for whatever lies between the
writes (the command's start: its configuration read, its database opened; requests; a notice on
its way).

Each process is a fork of a server that has imported catalyst once (tests/support/warm_start.py):
a process of its own, its connections opened after the fork, killed alone; what a fresh start
adds is Python's start-up and the imports, which write nothing (some thirty processes a test:
41.7 CPU-seconds for the two tests' processes started afresh, 14-18 forked).

A refresh commits per batch: every symbol's quote and bars in one transaction.
Set CATALYST_KILLS to change the number of random kills per process kind (default 4; at 50 the
random kills alone must land all over the run); CATALYST_KILL_SEED to replay a run (the seed is
printed).
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.store import Store
from tests.support import db_invariants
from tests.support.dbus_session import DbusSession
from tests.support.market_server import MarketServer
from tests.support.warm_start import Started, WarmStarts

from ..cli.test_thesis_commands import loopback_thesis

pytestmark = pytest.mark.long
pytest_plugins = ["tests.support.fixtures"]  # dbus_session

REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("CATALYST_KILLS", "4"))
SEED = int(os.environ.get("CATALYST_KILL_SEED", str(random.SystemRandom().randrange(10**6))))
MISSED = ("gross-margin-floor", "operating-margin-floor", "position-weight-cap")
NOTIFY_DELAY = 0.05  # seconds the notification service takes per notice: one in flight at a time
# How long a child may take to reach its write point: seconds on a quiet machine, and a start-up
# of Python and catalyst on a loaded one can take ten times that. Only a hang reaches it.
REACH_POINT_WITHIN = 120.0


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
        self.writes = workdir / "writes.log"
        text = loopback_thesis(market.url)
        text = text.replace('refresh = "60s"', 'refresh = "10s"', 1)
        text = text.replace('refresh_closed = "30m"', 'refresh_closed = "10s"', 1)
        (workdir / "catalysts.toml").write_text(text)
        self.phases: collections.Counter[str] = collections.Counter()
        self.stopped_at: list[str] = []  # the write points the kills landed on
        self.repeats = 0
        self.finished_first = 0
        env = self.bus.env(
            NO_PROXY="127.0.0.1",
            XDG_STATE_HOME=str(self.workdir / "state"),
            CATALYST_WRITE_LOG=str(self.writes),
        )
        # this checkout's package, whichever the environment installed (a worktree's own)
        self.warm = WarmStarts(env, workdir, pythonpath=[REPO / "src", REPO])

    def start(self, command: str, stop_at: str | None = None) -> Started:
        """`catalyst COMMAND` that logs its write points (tests/support/write_barrier.py) and,
        with `stop_at`, stops itself at that one."""
        self.writes.write_text("")
        argv = [command, "--db", str(self.db), "--config", str(self.workdir / "catalysts.toml")]
        return self.warm.start(argv, {"CATALYST_STOP_AT": stop_at})

    def next_start(self) -> float:
        """`catalyst refresh` run to the end, as the next start after a crash; its duration."""
        started = time.monotonic()
        proc = self.start("refresh")
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err}"
        assert "Traceback" not in err and "locked" not in err + out, err
        return time.monotonic() - started

    def points(self) -> list[str]:
        """The write points the last run passed, in order ('commit outbox.Outbox.sent 2', …)."""
        return self.writes.read_text().splitlines()

    def reached(self, proc: Started) -> str | None:
        """Wait until the child stopped at its point (that point) or ended first (None)."""
        deadline = time.monotonic() + REACH_POINT_WITHIN
        while time.monotonic() < deadline:
            ended = proc.poll() is not None
            stopped = [ln for ln in self.writes.read_text().splitlines() if ln.startswith("stop")]
            if stopped:
                return stopped[0].removeprefix("stopped ")
            if ended:
                return None
            time.sleep(0.01)
        raise AssertionError(f"no stop at its write point in {REACH_POINT_WITHIN:.0f} s")

    def reopen(self) -> None:
        """Put the three missed checkpoints back to pending, as `catalyst mark … pending`."""
        with Store.open(self.db) as store:
            statuses = {r.id: r.status for r in store.views.checkpoints("ALAB")}
            for cid in MISSED:
                assert statuses[cid] == "missed", statuses
                store.checkpoints.mark("ALAB", cid, "pending", "", _now())

    def round(
        self, command: str, *, at: float | None = None, stop_at: str | None = None
    ) -> float | None:
        """One round: reopen, start `command`, SIGKILL it `at` seconds later or once it stopped
        at write point `stop_at` (neither: let `catalyst refresh` finish), check, run the next
        start, check. A run that ended before its kill counts as no kill; returns how long a
        finished run took."""
        before = db_invariants.check(self.db)
        received = len(self.bus.notifications())
        self.reopen()
        if at is None and stop_at is None:
            took = self.next_start()
        else:
            took = None
            proc = self.start(command, stop_at)
            if stop_at is None:
                time.sleep(at or 0.0)
            else:
                point = self.reached(proc)
                if point is not None:
                    self.stopped_at.append(point)
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


def kill_points(points: list[str]) -> list[str]:
    """The write points worth a kill: the start of the first write (nothing written yet), and
    the commit edge of each kind of write (its writes made, not committed; the state before it
    is the one the kill leaves), every delivery's among them, as a kill between a notice's send
    and its record repeats it."""
    commits = [p for p in points if p.startswith("commit")]
    return points[:1] + [p for p in commits if p.endswith(" 1") or ".Outbox.sent " in p]


@pytest.fixture
def rounds(tmp_path: Path, bus: DbusSession, market: MarketServer) -> Iterator[Rounds]:
    rounds = Rounds(tmp_path, bus, market)
    yield rounds
    rounds.warm.close()


@pytest.mark.parametrize("command", ["refresh", "daemon"])
def test_kill_9_at_random_moments_loses_nothing_and_repeats_at_most_one_notice(
    tmp_path, rounds, bus, command
):
    rng = random.Random(f"{SEED}-{command}")
    print(f"CATALYST_KILL_SEED={SEED} ({KILLS} random kills of catalyst {command})")
    rounds.next_start()  # the first start fills the database: history, filings, earnings
    first = db_invariants.check(tmp_path / "c.db")
    assert first.missed_events == len(MISSED) and first.sent == len(MISSED)
    assert len(bus.notifications()) == len(MISSED)
    span = rounds.round(command)  # how long a refresh with three notices takes, and its writes
    assert span is not None
    points = rounds.points()
    for kind in ("save_quotes", "Checkpoints.record", "Outbox.claim", "Outbox.sent"):
        assert any(kind in point for point in points), (kind, points)

    for point in kill_points(points):
        rounds.round(command, stop_at=point)
    assert rounds.finished_first == 0, "runs ended before reaching a write the first one made"
    assert rounds.stopped_at == kill_points(points)  # each kill landed where it was aimed
    # the chosen writes cover the run: a kill before anything is stored, once the transitions
    # are recorded, and between the notices ("quotes stored" is told by the quotes' fetched_at,
    # to the second: a fast machine may store them in the second the last round did)
    assert {"before quotes", "evaluated", "delivering"} <= set(rounds.phases), rounds.phases

    at_points = rounds.phases.copy()
    while (rounds.phases - at_points).total() < KILLS:
        at, ended = rng.uniform(0.05, span), rounds.finished_first
        rounds.round(command, at=at)
        if rounds.finished_first > ended:  # runs got quicker than the one timed: aim earlier
            span = at
        assert rounds.finished_first <= 2 * KILLS + 3, "the runs keep ending before their kill"

    print(
        f"kills by phase: {dict(rounds.phases)}; repeated notices: {rounds.repeats}; "
        f"runs that ended before their kill: {rounds.finished_first}; "
        f"write points: {rounds.stopped_at}"
    )
    # a notice is repeated only when the kill came between its send and its record: after
    # the evaluation, before the last record
    assert rounds.repeats <= rounds.phases["evaluated"] + rounds.phases["delivering"]
    assert rounds.repeats >= 1, "no kill came between a notice's send and its record"
    at_random = rounds.phases - at_points
    if KILLS >= 50:  # random moments alone: the kills must have landed all over the run
        assert {"before quotes", "delivering"} <= set(at_random), at_random
        assert len(at_random) >= 3, at_random
