"""Live updates in the app: the scheduler on the app's loop (started after the first paint,
stopped on quit), its notifications as toasts, a refresh's progress and outcome on the
watchlist, what each channel beyond the desktop did (on the health line; a failed send as a
toast too), and the refresh key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import printable
from ..thesis.vocabulary import Status
from ..thesis.wording import change_words, reason_text
from .base import NOTICE_SECONDS, CatalystBase

# The scheduler (apscheduler, the market package, httpx) and the notifier are imported where
# first used: at the top, they were part of the start-up's imports (bench/startup.py).
if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..jobs.reach import Reach
    from ..jobs.scheduler import CycleResult, ThesisScheduler
    from ..notify.notification import Channel, Notification
    from ..notify.remote_delivery import ChannelsReport
    from .screens.watchlist import WatchlistScreen


Toast = tuple[str, str, str, float]  # message, title, severity, timeout
TOAST_BURST = 3  # more toasts than this from one cycle become one


class LiveUpdates(CatalystBase):
    """The scheduler's life and what it reports, shown."""

    _held_toasts: list[Toast]

    def _start_scheduler(self) -> None:
        if self.scheduler is not None or self._stopped or not self.is_running:
            return  # quit before the first paint: no refresh to start
        from ..notify.channels import default_channels

        channels = self._channels
        if channels is None:
            channels = default_channels(toast=self._toast, desktop=self.desktop)
        self._channels = channels
        self.scheduler = self._scheduler_for(channels)
        self.scheduler.start(refresh_at_start=True)

    def _scheduler_for(self, channels: Sequence[Channel]) -> ThesisScheduler:
        """The scheduler, its reports to this app's screen (not started)."""
        from ..jobs.refresh_report import RefreshListener
        from ..jobs.scheduler import ThesisScheduler
        from ..views.digest import queue_digest

        return ThesisScheduler(
            self.workspace.config,
            self.workspace.store,
            channels,
            role="tui",
            on_cycle=self._cycle_done,
            listener=RefreshListener(
                on_progress=self._progress, on_reach=self._reach, on_stored=self._quotes_stored
            ),
            clock=self.workspace.clock,
            refresh_in_child=True,  # fetch + store in a child process: keys wait for neither
            digest=queue_digest,
            on_channels=self._channels_done,  # a retry's report (a cycle's is in its result)
        )

    async def stop_live(self) -> None:
        self._stopped = True
        if self.scheduler is not None:
            scheduler, self.scheduler = self.scheduler, None
            await scheduler.stop()  # its refresh worker ended, its client closed
        if self._channels:
            from ..notify.channels import close_channels

            await close_channels(self._channels)
            self._channels = None

    # -- the live cycle ------------------------------------------------------------------------
    def _toast(self, notification: Notification) -> None:
        """Held until the cycle that delivers it ends (delivery runs only in a cycle, before
        `_cycle_done`), where a burst of them becomes one toast."""
        from ..notify.notification import Urgency

        severity = "error" if notification.urgency == Urgency.URGENT else "information"
        self._held_toasts.append((notification.body, notification.title, severity, 10))

    def _progress(self, done: int, total: int, _symbol: str) -> None:
        # At most four calls a second (and the last): the refresh process spaces its progress
        # lines (jobs/worker/process.py PROGRESS_INTERVAL), so 500 symbols are not 500 repaints.
        self._watchlist().header.show_progress(done, total)

    def _quotes_stored(self) -> None:
        # A first refresh's prices, shown once stored: its filings and the Street follow at
        # SEC's pace (seconds a ticker), and the rows said "no data yet" meanwhile. A later
        # refresh's are read when its cycle ends, with the verdicts judged on them.
        watchlist = self._watchlist()
        if watchlist.header.nothing_stored:
            watchlist.reload_in_thread(lambda: None)

    def _reach(self, reach: Reach) -> None:
        # Reach.OFFLINE as soon as the refresh's quote pass finds no provider, not when it ends.
        self._watchlist().header.show_reach(reach)

    def _cycle_done(self, result: CycleResult) -> None:
        watchlist = self._watchlist()
        notified = set(self.workspace.config.settings.notify)
        today = self.workspace.today()
        toasts, self._held_toasts = self._held_toasts, []
        for e in result.changed:
            if e.status not in notified:  # notified ones arrive through the toast channel
                why = reason_text(e.reason, e.condition, today)
                was, now = change_words(e)
                toasts.append(
                    (f"{e.symbol}/{e.checkpoint_id}: {was} → {now}\n{why}", "", "information", 6)
                )
        self._show_toasts(toasts, result)
        if result.channels is not None:
            self._channels_done(result.channels)
        self.workspace.database_changed()  # the refresh's own writes: read just below, not again
        report = result.refresh
        if report is not None:
            watchlist.reach = report.reach
            if report.reach:
                stored = report.stored
                self.notify(
                    f"{report.reach}: no provider answered; "
                    + ("showing stored data" if stored else "nothing is stored yet"),
                    severity="warning",
                    timeout=5,
                )
        # The watchlist is read in a thread (a slow read on the loop would hold keys); the
        # other screens reload once it is shown, as they build on its data.
        # "refreshing" stays until the rows it fetched are shown: hidden before the read, the
        # header said what was stored before the refresh ("no data yet: press r") meanwhile.
        watchlist.reload_in_thread(lambda: self._shown_after_cycle(watchlist))
        if self._fetch_after:
            self._fetch_after = False
            self.call_later(self._fetch_now)

    def _show_toasts(self, toasts: list[Toast], result: CycleResult) -> None:
        """Each toast of one cycle, or past TOAST_BURST of them one that counts them (a first
        refresh's dozen would cover the table): the timeline lists them all."""
        if len(toasts) <= TOAST_BURST:
            for message, title, severity, timeout in toasts:
                self.notify(message, title=title, severity=severity, timeout=timeout)
            return
        changed = len(result.changed)
        missed = sum(e.status == Status.MISSED for e in result.changed)
        said = f"{changed} checkpoints changed" if changed else f"{len(toasts)} notices"
        if missed:
            said += f", {missed} missed"
        more = len(toasts) - changed
        if changed and more > 0:  # evidence found, results read: on the ticker screens
            said += f" (and {more} more notices)"
        urgent = any(severity == "error" for _m, _t, severity, _s in toasts)
        self.notify(
            f"{said}: t for the timeline",
            severity="error" if urgent else "information",
            timeout=NOTICE_SECONDS,
        )

    def _channels_done(self, report: ChannelsReport) -> None:
        """What each channel beyond the desktop did in a delivery (a cycle's or a retry's), on
        the watchlist's health line ("phone: 1 sent"); a send that failed or was given up a
        toast of its own too, never merged into a burst. A delivery that sent nothing and
        failed nothing leaves the last one said."""
        said = report.said()
        if not said:
            return
        acted = frozenset(n for n, sent in report.sent.items() if sent or report.failed.get(n))
        self._watchlist().header.show_channels(said, self.workspace.clock(), acted)
        failed = [printable(line) for line, bad in said if bad]
        if failed:
            self.notify("\n".join(failed), title="alert channels", severity="error", timeout=12)

    def _shown_after_cycle(self, watchlist: WatchlistScreen) -> None:
        watchlist.header.hide_progress()
        self.refresh_views(skip_watchlist=True)

    def action_refresh_now(self) -> None:
        if self.scheduler is None:
            if self.live:  # the first refresh starts right after the first paint
                self.notify("live updates are starting: the first refresh is on its way", timeout=3)
                return
            self.notify("live updates are off in this session", severity="warning")
            return
        if self.scheduler.refreshing:
            self.notify("a refresh is already running", timeout=3)
            return
        self._fetch_now()
