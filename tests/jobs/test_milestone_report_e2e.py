"""A year-end milestone walked with a fake clock across its due date and its quarter's report,
through the scheduler's evaluation and a real D-Bus notification service: no "missed" on
1 January, the right one the evening the Q4 report is read without evidence of it."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.market.models import EarningsDate, Fact
from catalyst_tui.notify.desktop import DesktopChannel
from catalyst_tui.store import Store
from catalyst_tui.thesis.verdict import judge
from tests.support.dbus_session import DbusSession

pytest_plugins = ["tests.support.fixtures"]

CONFIG = (
    '[settings]\nproviders = ["stooq"]\ntimezone = "America/New_York"\nnotify = ["missed"]\n'
    '[providers.stooq]\nbase_url = "http://127.0.0.1:9"\n[tickers.ALAB]\n'
    '[[tickers.ALAB.checkpoints]]\nid = "scorpio"\ntitle = "Scorpio becomes the largest line"\n'
    'kind = "milestone"\ndue = 2026-12-31\n'
)
NEW_YEAR = dt.datetime(2027, 1, 1, 5, 1, tzinfo=dt.UTC)  # 00:01 in New York
REPORT_EVENING = dt.datetime(2027, 2, 10, 22, 0, tzinfo=dt.UTC)  # 17:00 in New York


def q4_facts() -> list[Fact]:
    """The Q4 FY2026 quarter as the 10-K (or the release) gives it, with the year before's."""
    start, end, filed = dt.date(2026, 10, 1), dt.date(2026, 12, 31), dt.date(2027, 2, 10)
    return [
        *fy2025(),
        Fact("revenue_q", start, end, 480e6, "USD", "10-K", filed, "us-gaap:Revenues"),
    ]


def fy2025() -> list[Fact]:
    """The fiscal year 2025, as its 10-K of 2026-02-12 gives it: ALAB's filings, read."""
    start, end, filed = dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 2, 12)
    return [Fact("revenue_fy", start, end, 1.2e9, "USD", "10-K", filed, "us-gaap:Revenues")]


async def evaluate_at(config, store: Store, now: dt.datetime, desktop: DesktopChannel):
    scheduler = ThesisScheduler(config, store, [desktop], role="test", clock=lambda: now)
    scheduler.start(refresh_at_start=False)
    try:
        return await scheduler.evaluation_cycle()
    finally:
        await scheduler.stop()


async def test_no_miss_on_new_year_and_the_right_one_the_evening_the_report_is_read(
    tmp_path, notification_recorder: DbusSession
):
    config = parse_config(CONFIG)
    desktop = DesktopChannel()
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        store.market.save_earnings(
            "ALAB", EarningsDate("ALAB", dt.date(2027, 2, 10), "test", False), NEW_YEAR
        )
        store.market.save_facts("ALAB", fy2025(), NEW_YEAR)
        result = await evaluate_at(config, store, NEW_YEAR, desktop)
        assert result.changed == []
        [state] = store.checkpoints.evaluation_inputs(NEW_YEAR, sec_configured=False)[0]
        assert state.status == "pending"
        assert notification_recorder.notifications() == []
        assert judge("ALAB", store.verdicts.standings()["ALAB"]).verdict != "broken"

        store.market.save_facts("ALAB", q4_facts(), REPORT_EVENING)
        result = await evaluate_at(config, store, REPORT_EVENING, desktop)
        assert [(e.checkpoint_id, e.status) for e in result.changed] == [("scorpio", "missed")]
        assert judge("ALAB", store.verdicts.standings()["ALAB"]).verdict == "broken"
        await desktop.aclose()
    [shown] = notification_recorder.notifications()
    assert shown["summary"] == "ALAB: missed — Scorpio becomes the largest line"
    assert shown["body"] == "due passed; the Q4 FY2026 report is in without evidence of it"


async def test_judged_at_due_is_missed_and_notified_on_new_year(
    tmp_path, notification_recorder: DbusSession
):
    config = parse_config(CONFIG + 'judged = "at due"\n')
    desktop = DesktopChannel()
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        result = await evaluate_at(config, store, NEW_YEAR, desktop)
        await desktop.aclose()
    assert [(e.checkpoint_id, e.status) for e in result.changed] == [("scorpio", "missed")]
    [shown] = notification_recorder.notifications()
    assert shown["body"] == "due 2026-12-31 passed"
