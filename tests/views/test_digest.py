"""The digest on a real SQLite file: the scheduler's evaluation cycle queues the period's digest
and delivers it; a second scheduler on its own connection to the same file (another process, as
the TUI and the daemon are), and the same one after a restart, at the same period send nothing;
the next period sends the next; a claim made on a stale view of the last digest (the loser of a
race) queues nothing; a period in which nothing changed is claimed without a notification."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.scheduler import DIGEST_JOB, ThesisScheduler
from catalyst_tui.notify.channels import CallbackChannel
from catalyst_tui.notify.notification import Notification
from catalyst_tui.store import Store
from catalyst_tui.views.digest import queue_digest

CONFIG = """
[settings]
providers = ["stooq"]
timezone = "America/New_York"
digest = "mon 08:00"
[providers.stooq]
base_url = "http://127.0.0.1:9"
[tickers.ALAB]
[[tickers.ALAB.checkpoints]]
id = "npo"
title = "NPO ships"
kind = "milestone"
due = 2027-11-23
"""
WEDNESDAY = dt.datetime(2026, 11, 25, 15, tzinfo=dt.UTC)  # 10:00 in New York
PERIOD = dt.datetime(2026, 11, 23, 13, tzinfo=dt.UTC)  # Monday the 23rd, 08:00 in New York


async def _cycle(path: Path, now: dt.datetime) -> list[Notification]:
    """One evaluation cycle of a scheduler on a fresh connection to the file at `now`."""
    config = parse_config(CONFIG)
    sent: list[Notification] = []
    with Store.open(path) as store:
        toast = CallbackChannel("toast", sent.append)
        scheduler = ThesisScheduler(
            config, store, [toast], role="test", clock=lambda: now, digest=queue_digest
        )
        scheduler.start(refresh_at_start=False)
        try:
            assert scheduler.scheduler.get_job(DIGEST_JOB) is not None
            await scheduler.evaluation_cycle()
        finally:
            await scheduler.stop()
    return sent


async def test_one_digest_a_period_across_processes_and_restarts(tmp_path: Path):
    path = tmp_path / "c.db"
    config = parse_config(CONFIG)
    with Store.open(path) as store:
        store.sync.apply(config, PERIOD - dt.timedelta(days=30))
        # Marked on Sunday the 22nd: before this period, after the week before's start.
        marked = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
        assert store.checkpoints.mark("ALAB", "npo", "met", "shipped", marked)
    first = await _cycle(path, WEDNESDAY)
    digests = [n for n in first if n.title.startswith("catalyst digest")]
    assert len(digests) == 1, first
    assert digests[0].title == "catalyst digest: 1 change since Mon 16 Nov 08:00"
    assert digests[0].body == "ALAB: 1 checkpoint"
    # Another process at the same period, and this one after a restart: nothing more.
    assert not [n for n in await _cycle(path, WEDNESDAY) if n.title.startswith("catalyst digest")]
    later = WEDNESDAY + dt.timedelta(days=2)
    assert not [n for n in await _cycle(path, later) if n.title.startswith("catalyst digest")]
    # The next Monday: the next period, changes since this one's start (the mark is before it).
    with Store.open(path) as store:
        store.checkpoints.mark("ALAB", "npo", "missed", "slipped", WEDNESDAY)
    next_week = await _cycle(path, WEDNESDAY + dt.timedelta(days=5))
    [digest] = [n for n in next_week if n.title.startswith("catalyst digest")]
    # The miss, and the change of verdict it made (proven -> broken): two changes.
    assert digest.title == "catalyst digest: 2 changes since Mon 23 Nov 08:00"
    assert digest.body == "ALAB: 1 verdict, 1 checkpoint"


def test_the_loser_of_a_race_queues_nothing_and_a_quiet_period_no_notice(tmp_path: Path):
    path = tmp_path / "c.db"
    config = parse_config(CONFIG)
    with Store.open(path) as one, Store.open(path) as other:
        one.sync.apply(config, PERIOD - dt.timedelta(days=30))
        seen = other.changes.last_digest()  # both read "never sent"
        assert seen is None
        assert queue_digest(config, one, WEDNESDAY)  # a quiet period: claimed, no notice
        assert one.changes.last_digest() == PERIOD
        assert not other.changes.claim_digest(seen, PERIOD, ("t", "b"), WEDNESDAY)
        assert one.outbox.claim("test", WEDNESDAY) == []
