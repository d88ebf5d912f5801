"""APScheduler jobs shared by the TUI and `catalyst daemon`: refresh, evaluate, notify.

An AsyncIOScheduler on the running asyncio loop runs
- the market cycle every `settings.refresh` while the market is open and every
  `settings.refresh_closed` while it is closed, at least every 15 minutes while a company's
  results are awaited (max_instances=1, coalesced); fundamentals, earnings dates and releases
  are fetched inside it when their turn comes;
- while a company's results are awaited, the fast watch (jobs/watch.py: EDGAR's current-filings
  feed, each company's submissions and its own feeds, the registry's watch sources, every TICK
  seconds a look at whose ask is due): a new 8-K starts the market cycle at once, a feed's
  results release is read and its notice delivered at once;
- evaluation and notification after every refresh, and one minute after local midnight, so
  due dates pass on time without new prices; with `digest` (views/digest.py's queue_digest),
  the digest of what changed is queued at each of them, and at the time `settings.digest` names.

With `refresh_in_child` (the TUI) the market refresh runs in a child process kept between
refreshes (jobs/worker/parent.py): its HTTP stack and its big write would otherwise hold the
loop that serves keys. The daemon has no keys to serve and refreshes in this process. Either
way one HTTP client, and its connections, serves every refresh (jobs/client.py `KeptClient`),
built again when the config's providers or settings.browser_tls change; `stop` closes it.
Evaluation runs in a thread on a connection of its own, for the same reason, and so do the
outbox's steps of delivery (notify/delivery.py `deliver_off_loop`; only the sends, and the
toasts they hold, stay on the loop): each waits up to CYCLE_PATIENCE_MS for another process's
write lock there, never on the loop. Then the channels beyond the desktop ([notify.channels],
jobs/channel_retry.py), side by side, each send in a child process ended at its deadline, a
failed one tried again when its backoff ends, not at the next refresh.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobSubmissionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from ..config.digest import parse_digest
from ..market.models import NEW_YORK
from ..market.registry import SEC
from ..notify.delivery import DeliveryReport, claimer_id, deliver_off_loop
from ..store import Store
from .channel_retry import ChannelDelivery
from .client import KeptClient
from .evaluation import evaluate_checkpoints, user_zone
from .refresh import refresh_in_process
from .refresh_report import NONE_HEARD, RefreshListener
from .results import POLL_EVERY, awaited
from .watch import TICK, fast_watch
from .worker.parent import RefreshFailed, RefreshWorker, kill

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..config import Config
    from ..notify.notification import Channel
    from ..notify.remote_delivery import ChannelsReport
    from ..thesis.judgement import Evaluation
    from .refresh_report import RefreshReport

log = logging.getLogger(__name__)

REFRESH_JOB = "refresh"
MIDNIGHT_JOB = "midnight"
WATCH_JOB = "watch"
DIGEST_JOB = "digest"
# How long a cycle's evaluation and delivery wait, each in its thread, for another process's
# write lock (a backup, `catalyst mark` in a shell); then the next cycle tries again.
CYCLE_PATIENCE_MS = 60_000


class _NoTurnSkipped(logging.Filter):
    """APScheduler warns at every turn a running job makes it skip: ThesisScheduler says it once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in str(record.msg)


_SCHEDULER_LOG = logging.getLogger("catalyst_tui.jobs.apscheduler")  # APScheduler's own records
_SCHEDULER_LOG.setLevel(logging.WARNING)  # as the libraries' are
_SCHEDULER_LOG.addFilter(_NoTurnSkipped())


@dataclass
class CycleResult:
    """One run of a job: the refresh (None for the midnight evaluation), the transitions this
    process saw, and what delivery did."""

    refresh: RefreshReport | None
    changed: list[Evaluation] = field(default_factory=list)
    delivery: DeliveryReport | None = None
    channels: ChannelsReport | None = None  # the channels beyond the desktop ([notify.channels])


def us_market_open(now: dt.datetime) -> bool:
    """Regular NYSE/Nasdaq hours, for quotes that carry no market state (holidays ignored)."""
    local = now.astimezone(NEW_YORK)
    minutes = local.hour * 60 + local.minute
    return local.weekday() < 5 and 9 * 60 + 30 <= minutes < 16 * 60


def market_open(states: Sequence[str | None], now: dt.datetime) -> bool:
    """Open if any quote says REGULAR; closed if quotes carry states and none does; otherwise
    US exchange hours decide."""
    known = [s for s in states if s]
    if known:
        return "REGULAR" in known
    return us_market_open(now)


class ThesisScheduler:
    """Owns the jobs. Create and `start()` it inside a running event loop."""

    def __init__(
        self,
        config: Config,
        store: Store,
        channels: Sequence[Channel],
        *,
        role: str,
        on_cycle: Callable[[CycleResult], object] | None = None,
        listener: RefreshListener = NONE_HEARD,
        clock: Callable[[], dt.datetime] | None = None,
        refresh_in_child: bool = False,
        digest: Callable[[Config, Store, dt.datetime], object] | None = None,
        on_channels: Callable[[ChannelsReport], object] | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.channels = list(channels)
        self.on_cycle = on_cycle
        self.listener = listener  # what each refresh says as it goes
        self.digest = digest  # queues the digest of what changed when its period has come
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.claimer = claimer_id(role)
        self.scheduler = AsyncIOScheduler(timezone=user_zone(config), logger=_SCHEDULER_LOG)
        self.scheduler.add_listener(self._skipped, EVENT_JOB_MAX_INSTANCES)
        self._skip_said = False  # the running refresh's skipped turns: said once
        self.interval: float = config.settings.refresh_seconds
        self._cycle_lock = asyncio.Lock()
        self.refresh_in_child = refresh_in_child
        self.worker: asyncio.subprocess.Process | None = None  # the running refresh's child
        self.kept_worker = RefreshWorker()  # the child kept between refreshes (refresh_in_child)
        self.kept_client = KeptClient()  # the client kept between refreshes in this process
        self.watch = fast_watch(config, store)  # None: no watch source
        # [notify.channels]: those that can't be used are said once there (status says it too);
        # a failed send is tried again on their own schedule (`on_channels`: a retry's report).
        self.remote = ChannelDelivery(
            config,
            store.path,
            claimer=self.claimer,
            clock=self.clock,
            patience_ms=CYCLE_PATIENCE_MS,
            on_report=on_channels,
        )
        self.remote.scheduler = self.scheduler

    def start(self, *, refresh_at_start: bool = True) -> None:
        first = self.clock() if refresh_at_start else None
        self.scheduler.add_job(
            self._scheduled_refresh,
            IntervalTrigger(seconds=self.interval),
            id=REFRESH_JOB,
            next_run_time=first,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        self.scheduler.add_job(
            self.evaluation_cycle,
            CronTrigger(hour=0, minute=1, timezone=user_zone(self.config)),
            id=MIDNIGHT_JOB,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
        )
        if self.watch is not None:
            self.scheduler.add_job(
                self.watch_tick,
                IntervalTrigger(seconds=TICK),
                id=WATCH_JOB,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=None,
            )
        if self.digest is not None and self.config.settings.digest:
            spec = parse_digest(self.config.settings.digest)
            self.scheduler.add_job(
                self.evaluation_cycle,
                CronTrigger(
                    day_of_week=spec.weekday,
                    hour=spec.hour,
                    minute=spec.minute,
                    timezone=user_zone(self.config),
                ),
                id=DIGEST_JOB,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
            )
        self.scheduler.start()
        log.info("scheduler started: refresh every %ss", self.interval)

    async def _scheduled_refresh(self) -> CycleResult | None:
        """The refresh job: a cycle cancelled by the shutdown (SIGTERM in the middle of a
        refresh, its child killed) ends quietly, not as APScheduler's traceback in the log."""
        try:
            return await self.refresh_cycle()
        except asyncio.CancelledError:
            if self.scheduler.running:
                raise
            log.info("refresh stopped: the scheduler is shutting down")
            return None

    @property
    def refreshing(self) -> bool:
        return self._cycle_lock.locked()

    def shutdown(self) -> None:
        """Stop the jobs; a refresh's child process is killed here and now (its task, cancelled
        by the scheduler, reaps it), so no child writes on after the app is gone. `stop` also
        ends the worker kept between refreshes and closes the client."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self.worker is not None:
            kill(self.worker)

    async def stop(self) -> None:
        """`shutdown`, then the kept worker asked to end (killed if it does not) and the kept
        client closed, with their connections."""
        self.shutdown()
        await self.kept_worker.aclose()
        await self.kept_client.aclose()

    def _skipped(self, event: JobSubmissionEvent) -> None:
        """A turn of the refresh came while the last one still ran: said once per long refresh
        (APScheduler's own warning, one per turn, is left out of the log)."""
        if event.job_id != REFRESH_JOB or self._skip_said:
            return
        self._skip_said = True
        log.warning(
            "refresh every %ss: a turn was skipped, the refresh before it is still running "
            "(skipped turns are not logged again until it ends)",
            self.interval,
        )

    async def refresh_cycle(self) -> CycleResult:
        """Fetch, evaluate, notify; then set the next interval from the market's state."""
        self._skip_said = False
        async with self._cycle_lock:
            try:
                report = await self._refresh()
            except RefreshFailed as exc:  # the worker logged its own traceback
                log.error("refresh failed: %s", exc)
                report = None
            except Exception:
                log.exception("refresh failed")
                report = None
            result = await self._evaluate_and_notify(report)
            self._adapt_interval()
        self._report(result)
        return result

    async def _refresh(self) -> RefreshReport:
        if not self.refresh_in_child:
            client = await self.kept_client.get(self.config)
            report = await refresh_in_process(
                self.config,
                self.store,
                now=self.clock,
                listener=self.listener,
                client=client,
            )
            report.notes[:0] = self.kept_client.notes
            return report

        def started(proc: asyncio.subprocess.Process) -> None:
            self.worker = proc

        try:
            return await self.kept_worker.refresh(
                self.config,
                self.store.path,
                now=self.clock,
                listener=self.listener,
                on_start=started,
            )
        finally:
            self.worker = None

    async def watch_tick(self) -> list[str]:
        """The fast watch's turn (jobs/watch.py): while results are awaited, ask the registry's
        watch sources whose turn it is; a new 8-K starts a refresh at once (its filings asked
        whatever the poll's pace). The symbols it saw a new filing of."""
        watch = self.watch
        if watch is None:
            return []
        now = self.clock()
        waiting = awaited(self.store, self.store.views.active_symbols(), now)
        if not waiting:
            watch.due([], now)  # those no longer awaited forgotten
            return []
        client = await self.kept_client.get(self.config)
        new = await watch.look(client, waiting, self.store.market.cik_map(), now)
        if await watch.read_releases(client, self.store.path, self.clock):
            await self.evaluation_cycle()  # a feed's release: its notice delivered at once
        if new:
            log.info("a new filing of %s: refreshing now", ", ".join(new))
            await asyncio.to_thread(self._poll_now, new, watch.filings())
            if not self.refreshing:
                await self.refresh_cycle()
        return new

    def _poll_now(self, symbols: list[str], filings: dict[str, Any]) -> None:
        """Their filings asked at once, and those a watch source listed stored (the release
        read from them before the submissions list them)."""
        archives = self.config.providers.of(SEC).archives_url
        with Store.for_a_save(self.store.path, patience_ms=CYCLE_PATIENCE_MS) as store:
            store.results.poll_now(symbols)
            for symbol, filing in filings.items():
                store.evidence.save_filings(symbol, [filing], archives, self.clock())

    async def evaluation_cycle(self) -> CycleResult:
        async with self._cycle_lock:
            result = await self._evaluate_and_notify(None)
        self._report(result)
        return result

    async def _evaluate_and_notify(self, report: RefreshReport | None) -> CycleResult:
        result = CycleResult(report)
        now = self.clock()
        try:
            result.changed = await asyncio.to_thread(self._evaluate_in_thread, now)
            if self.digest is not None:
                await asyncio.to_thread(self._digest_in_thread, now)
            result.delivery = await deliver_off_loop(
                self.store.path,
                self.channels,
                claimer=self.claimer,
                now=now,
                patience_ms=CYCLE_PATIENCE_MS,
            )
            # Side by side, a channel down costs one send's time limit; retried on its own.
            result.channels = await self.remote.deliver()
        except Exception:  # the next cycle tries again; the scheduler must keep running
            log.exception("evaluation or delivery failed")
        return result

    def _evaluate_in_thread(self, now: dt.datetime) -> list[Evaluation]:
        """Evaluation in a worker thread, on a connection of its own: on the loop, its Python
        time would hold every key for as long."""
        with Store.for_a_save(self.store.path, patience_ms=CYCLE_PATIENCE_MS) as store:
            return evaluate_checkpoints(self.config, store, now)

    def _digest_in_thread(self, now: dt.datetime) -> None:
        if self.digest is not None:
            with Store.open(self.store.path) as store:
                self.digest(self.config, store, now)

    def _adapt_interval(self) -> None:
        self.interval_for(self.clock())

    def interval_for(self, now: dt.datetime) -> int:
        """The refresh interval from the market's state at `now`, at most POLL_EVERY while a
        company's results are awaited (jobs/results.py); the job rescheduled when it changed."""
        settings = self.config.settings
        is_open = market_open(self.store.market.market_states(), now)
        wanted = settings.refresh_seconds if is_open else settings.refresh_closed_seconds
        waiting = awaited(self.store, self.store.views.active_symbols(), now)
        if waiting:
            wanted = min(wanted, int(POLL_EVERY.total_seconds()))
        if wanted != self.interval and self.scheduler.get_job(REFRESH_JOB):
            self.interval = wanted
            self.scheduler.reschedule_job(REFRESH_JOB, trigger=IntervalTrigger(seconds=wanted))
            why = (
                f"awaiting results of {', '.join(waiting)}"
                if waiting
                else (f"market {'open' if is_open else 'closed'}")
            )
            log.info("%s: refresh every %ss", why, wanted)
        return wanted

    def _report(self, result: CycleResult) -> None:
        if self.on_cycle is not None:
            try:
                self.on_cycle(result)
            except Exception:
                log.exception("cycle callback failed")
