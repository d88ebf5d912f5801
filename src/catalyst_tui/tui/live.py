"""Live updates in the app: the scheduler on the app's loop (started after the first paint,
stopped on quit), its notifications as toasts, a refresh's progress and outcome on the
watchlist, and the refresh key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..thesis.wording import change_words, reason_text
from .base import CatalystBase

# The scheduler (apscheduler, the market package, httpx) and the notifier are imported where
# first used: at the top, they were part of the start-up's imports (bench/startup.py).
if TYPE_CHECKING:
    from ..jobs.reach import Reach
    from ..jobs.scheduler import CycleResult
    from ..notify.notification import Notification
    from .screens.watchlist import WatchlistScreen


class LiveUpdates(CatalystBase):
    """The scheduler's life and what it reports, shown."""

    def _start_scheduler(self) -> None:
        if self.scheduler is not None or self._stopped or not self.is_running:
            return  # quit before the first paint: no refresh to start
        from ..jobs.scheduler import ThesisScheduler
        from ..notify.channels import default_channels

        channels = self._channels
        if channels is None:
            channels = default_channels(toast=self._toast, desktop=self.desktop)
        self._channels = channels
        self.scheduler = ThesisScheduler(
            self.workspace.config,
            self.workspace.store,
            channels,
            role="tui",
            on_cycle=self._cycle_done,
            on_progress=self._progress,
            clock=self.workspace.clock,
            refresh_in_child=True,  # fetch + store in a child process: keys wait for neither
            on_reach=self._reach,
        )
        self.scheduler.start(refresh_at_start=True)

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
        from ..notify.notification import Urgency

        severity = "error" if notification.urgency == Urgency.URGENT else "information"
        self.notify(notification.body, title=notification.title, severity=severity, timeout=10)

    def _progress(self, done: int, total: int, _symbol: str) -> None:
        # At most four calls a second (and the last): the refresh process spaces its progress
        # lines (jobs/refresh_process.py PROGRESS_INTERVAL), so 500 symbols are not 500 repaints.
        self._watchlist().show_progress(done, total)

    def _reach(self, reach: Reach) -> None:
        # Reach.OFFLINE as soon as the refresh's quote pass finds no provider, not when it ends.
        self._watchlist().header.show_reach(reach)

    def _cycle_done(self, result: CycleResult) -> None:
        watchlist = self._watchlist()
        notified = set(self.workspace.config.settings.notify)
        today = self.workspace.today()
        for e in result.changed:
            if e.status not in notified:  # notified ones arrive through the toast channel
                why = reason_text(e.reason, e.condition, today)
                was, now = change_words(e)
                self.notify(f"{e.symbol}/{e.checkpoint_id}: {was} → {now}\n{why}", timeout=6)
        self.workspace.database_changed()  # the refresh's own writes: read just below, not again
        report = result.refresh
        if report is not None:
            watchlist.reach = report.reach
            if report.reach:
                stored = report.stored
                self.notify(
                    f"{report.reach}: no provider answered; "
                    + ("showing stored data" if stored else "nothing is stored yet"),
                    severity="warning", timeout=5,
                )  # fmt: skip
        # The watchlist is read in a thread (a slow read on the loop would hold keys); the
        # other screens reload once it is shown, as they build on its data.
        # "refreshing" stays until the rows it fetched are shown: hidden before the read, the
        # header said what was stored before the refresh ("no data yet: press r") meanwhile.
        watchlist.reload_in_thread(lambda: self._shown_after_cycle(watchlist))
        if self._fetch_after:
            self._fetch_after = False
            self.call_later(self._fetch_now)

    def _shown_after_cycle(self, watchlist: WatchlistScreen) -> None:
        watchlist.hide_progress()
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
