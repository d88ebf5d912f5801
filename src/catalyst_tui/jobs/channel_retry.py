"""The channels beyond the desktop ([notify.channels]) on the daemon's and the TUI's loop:
delivered after every evaluation, and a failed send tried again when its backoff ends (a
one-off job at `ChannelsReport.next_retry`, notify/remote_delivery.py), whatever the refresh's
interval: a channel that failed at 30 s past a 30-minute refresh is tried again 30 s later, not
half an hour later. Sends waiting from before a restart are looked at every `WAITING_LOOK`."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING

from apscheduler.triggers.date import DateTrigger

from ..notify.remote import configured_channels
from ..notify.remote_delivery import ChannelsReport, deliver_to_channels
from ..store import Store

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from ..config import Config

log = logging.getLogger(__name__)

RETRY_JOB = "channels"
WAITING_LOOK = dt.timedelta(seconds=60)  # a waiting send whose retry time this process missed


class ChannelDelivery:
    """The channels catalysts.toml names (those that can't be used said once, here), their
    deliveries one at a time, and the next retry planned on `scheduler`."""

    def __init__(
        self,
        config: Config,
        path: Path,
        *,
        claimer: str,
        clock: Callable[[], dt.datetime],
        patience_ms: int,
        on_report: Callable[[ChannelsReport], object] | None = None,
    ) -> None:
        self.remote, problems = configured_channels(config)
        for problem in problems.values():
            log.warning("notification channel not used: %s", problem)
        self.path = path
        self.claimer = claimer
        self.clock = clock
        self.patience_ms = patience_ms
        self.on_report = on_report  # a retry's report (a cycle's is in its CycleResult)
        self.scheduler: AsyncIOScheduler | None = None
        self.planned: dt.datetime | None = None
        self._lock = asyncio.Lock()

    async def deliver(self) -> ChannelsReport | None:
        """Each channel's unsent notifications, side by side; the next retry planned."""
        if not self.remote:
            return None
        async with self._lock:
            report = await deliver_to_channels(
                self.path,
                self.remote,
                claimer=self.claimer,
                now=self.clock(),
                patience_ms=self.patience_ms,
                clock=self.clock,
            )
            waiting = report.next_retry is None and await asyncio.to_thread(self._waiting)
        again = report.next_retry or (self.clock() + WAITING_LOOK if waiting else None)
        self._plan(again)
        return report

    def _waiting(self) -> bool:
        try:
            with Store.open(self.path) as store:
                return any(h.waiting for h in store.channel_deliveries.health())
        except Exception:  # the store: the next cycle looks again
            log.debug("the channels' waiting sends could not be read", exc_info=True)
            return False

    def _plan(self, at: dt.datetime | None) -> None:
        scheduler = self.scheduler
        if at is None or scheduler is None or not scheduler.running:
            return
        if self.planned is not None and self.clock() < self.planned <= at:
            return  # an earlier retry is planned: it plans the next
        self.planned = at
        delay = max(0.0, (at - self.clock()).total_seconds())
        run = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=delay)  # the scheduler's clock
        scheduler.add_job(
            self._retry,
            DateTrigger(run_date=run),
            id=RETRY_JOB,
            replace_existing=True,
            misfire_grace_time=None,
        )

    async def _retry(self) -> None:
        self.planned = None
        try:
            report = await self.deliver()
        except Exception:
            log.exception("a retry of the channels failed")
            return
        if report is not None and self.on_report is not None:
            self.on_report(report)
