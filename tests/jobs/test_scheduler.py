"""The scheduler's own decisions: market open or closed, the interval it picks, the midnight
evaluation that passes due dates without new prices."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from apscheduler.triggers.cron import CronTrigger

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.scheduler import MIDNIGHT_JOB, REFRESH_JOB, ThesisScheduler, market_open
from catalyst_tui.notify.channels import CallbackChannel
from catalyst_tui.notify.notification import Notification, Urgency
from catalyst_tui.store import Store
from tests.support.market_server import MarketServer

MONDAY_NOON_NY = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC)
MONDAY_NIGHT_NY = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)
SATURDAY_NOON_NY = dt.datetime(2026, 11, 21, 17, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("states", "now", "expected"),
    [
        (["REGULAR", "CLOSED"], SATURDAY_NOON_NY, True),  # a quote says so: trust it
        (["CLOSED", "POST", None], MONDAY_NOON_NY, False),
        ([None, None], MONDAY_NOON_NY, True),  # no states: US exchange hours
        ([None], MONDAY_NIGHT_NY, False),
        ([], SATURDAY_NOON_NY, False),
    ],
)
def test_market_open(states, now, expected):
    assert market_open(states, now) is expected


def _config(base: str, extra: str = "") -> str:
    return (
        '[settings]\nproviders = ["stooq"]\nrefresh = "60s"\nrefresh_closed = "30m"\n'
        'timezone = "America/New_York"\nnotify = ["missed"]\n'
        f'[providers.stooq]\nbase_url = "{base}"\n[providers.yahoo]\nbase_url = "{base}"\n'
        f'cookie_url = "{base}/fc"\n[tickers.ALAB]\n{extra}'
    )


@pytest.mark.parametrize("apart", [False, True], ids=["in-process", "child-process"])
@pytest.mark.parametrize(("now", "interval"), [(MONDAY_NOON_NY, 60), (SATURDAY_NOON_NY, 1800)])
async def test_refresh_interval_follows_the_market(tmp_path, now, interval, apart):
    """The same cycle whether the refresh runs here (daemon, `catalyst refresh`) or in a child
    process (the TUI)."""
    with MarketServer() as market, Store.open(tmp_path / "c.db") as store:
        config = parse_config(_config(market.url))
        store.sync.apply(config)
        scheduler = ThesisScheduler(
            config, store, [], role="test", clock=lambda: now, refresh_in_child=apart
        )
        scheduler.start(refresh_at_start=False)
        try:
            result = await scheduler.refresh_cycle()
            assert result.refresh is not None and result.refresh.fresh == {"ALAB"}
            assert store.market.market_states() == [None]  # Stooq reports none: hours decide
            trigger = scheduler.scheduler.get_job(REFRESH_JOB).trigger
            assert trigger.interval == dt.timedelta(seconds=interval)
        finally:
            await scheduler.stop()


async def test_midnight_evaluation_passes_due_dates_and_notifies(tmp_path):
    milestone = (
        '[[tickers.ALAB.checkpoints]]\nid = "npo"\ntitle = "NPO ships"\n'
        'kind = "milestone"\ndue = 2026-11-23\njudged = "at due"\n'
    )
    config = parse_config(_config("http://127.0.0.1:9", milestone))
    sent: list[Notification] = []
    toast = CallbackChannel("toast", sent.append)
    just_after_midnight = dt.datetime(2026, 11, 24, 5, 1, tzinfo=dt.UTC)  # 00:01 in New York
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        scheduler = ThesisScheduler(
            config, store, [toast], role="test", clock=lambda: just_after_midnight
        )
        scheduler.start(refresh_at_start=False)
        try:
            job = scheduler.scheduler.get_job(MIDNIGHT_JOB)
            assert isinstance(job.trigger, CronTrigger)
            next_run = job.next_run_time.astimezone(zoneinfo.ZoneInfo("America/New_York"))
            assert (next_run.hour, next_run.minute) == (0, 1)
            result = await scheduler.evaluation_cycle()
        finally:
            await scheduler.stop()
        assert result.refresh is None  # no prices fetched
        assert [(e.checkpoint_id, e.status) for e in result.changed] == [("npo", "missed")]
        assert result.delivery is not None and result.delivery.sent == 1
        assert sent == [
            Notification("ALAB: missed — NPO ships", "due 2026-11-23 passed", Urgency.URGENT)
        ]
