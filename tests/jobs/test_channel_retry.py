"""A failed send to a channel is tried again when its backoff ends, on a schedule of the
channels' own (jobs/channel_retry.py), not at the next refresh: with the market closed the
refresh comes every 30 minutes, the retry 30 s after the failure."""

from __future__ import annotations

import datetime as dt

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.channel_retry import RETRY_JOB, ChannelDelivery
from catalyst_tui.notify.remote_delivery import BACKOFF, ChannelsReport
from catalyst_tui.store import Store
from tests.support.push_server import PushServer

T0 = dt.datetime(2026, 11, 21, 21, 0, tzinfo=dt.UTC)


async def test_a_failed_send_is_retried_when_its_backoff_ends_not_at_the_next_refresh(tmp_path):
    clock = [T0]
    with PushServer() as push:
        config = parse_config(
            '[settings]\nrefresh_closed = "30m"\n'
            f'[notify.channels.hook]\nurl = "json://127.0.0.1:{push.port}/hook"\n'
        )
        with Store.open(tmp_path / "c.db") as store:
            store.outbox.notice("results", "ALAB results: Q3", "revenue $412.3M", T0)
        reports: list[ChannelsReport] = []
        delivery = ChannelDelivery(
            config,
            tmp_path / "c.db",
            claimer="test",
            clock=lambda: clock[0],
            patience_ms=5000,
            on_report=reports.append,
        )
        scheduler = AsyncIOScheduler(timezone="UTC")
        delivery.scheduler = scheduler
        scheduler.start()
        try:
            push.down = True
            first = await delivery.deliver()
            assert first is not None and first.failed == {"hook": 1}
            assert first.next_retry == T0 + BACKOFF[0]
            assert first.lines() == [
                "hook: failed: the service answered 503 Service Unavailable; tried again at"
                " 21:00:30 UTC"
            ]
            job = scheduler.get_job(RETRY_JOB)
            assert job is not None  # planned on its own: BACKOFF[0] from now, not 30 minutes
            wait = job.next_run_time - dt.datetime.now(dt.UTC)
            assert dt.timedelta(0) < wait <= BACKOFF[0]
            # The retry's turn (run here rather than waited for): the channel is back.
            push.down = False
            clock[0] = T0 + BACKOFF[0]
            await job.func()
        finally:
            scheduler.shutdown(wait=False)
    [retried] = reports
    assert retried.sent == {"hook": 1} and retried.lines() == ["hook: 1 sent"]
    assert len(push.bodies("/hook")) == 1
