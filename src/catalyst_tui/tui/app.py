"""The catalyst Textual app: its parts put together, the first screen and the start-up, the
screens it opens on request, and failed workers reported. Data comes from the Workspace (the
core); the parts are live.py (the scheduler), edits.py (catalysts.toml through forms),
marks.py (flags, marks, evidence), config_watch.py (outside edits) and commands.py (keys)."""

from __future__ import annotations

import gc
import logging
from typing import TYPE_CHECKING, Any

from textual import on
from textual.binding import Binding
from textual.widget import AwaitMount
from textual.worker import Worker, WorkerState

from ..text import printable
from . import messages
from .base import NOTICE_SECONDS
from .commands import KeyCommands
from .config_watch import FILE_CHECK_SECONDS, ConfigWatch
from .edits import EditHandlers
from .live import LiveUpdates
from .marks import MarkHandlers
from .palette import Recolours
from .screens.watchlist import WatchlistScreen

if TYPE_CHECKING:
    from textual.screen import Screen

# Only the watchlist is needed for the first paint. The scheduler (apscheduler, the market
# package, httpx), the notifier, the config writer (tomlkit) and the other screens are
# imported where first used: at the top, they were 0.15 s of the start-up (bench/startup.py).

log = logging.getLogger(__name__)


class CatalystApp(LiveUpdates, EditHandlers, MarkHandlers, ConfigWatch, KeyCommands):
    CSS_PATH = "app.tcss"
    TITLE = "catalyst"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]

    # -- start and stop ------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        # The first screen, not one pushed from on_mount: a pushed screen's first frame is
        # rendered inside the app's start-up batch, dropped, and rendered again.
        return WatchlistScreen(self.workspace, refresh_coming=self.live)

    def on_mount(self) -> None:
        self.sub_title = printable(str(self.workspace.config.path or ""))
        theme = self.workspace.prefs().theme
        if theme in self.available_themes:  # the one chosen last time (ctrl+p, "theme")
            self.theme = theme
        self.watch(self, "theme", self._remember_theme, init=False)
        self.watch(self, "theme", self._recolour, init=False)
        self.call_later(self._first_show)
        if self.watch_file:
            self.set_interval(FILE_CHECK_SECONDS, self.check_file)

    def _remember_theme(self, theme: str) -> None:
        self.workspace.remember(theme=theme)

    def _recolour(self) -> None:
        """A new theme: every open screen shows its page again in the theme's colours (a
        Text's colours are fixed when it is built, palette.py)."""
        for screen in self.screen_stack:
            if isinstance(screen, Recolours):
                screen.recolour()

    async def _first_show(self) -> None:
        """The app's first message: wait for the watchlist to mount (its rows read), so keys
        (and a test's pilot) find them; then start the scheduler once that frame is painted.
        Importing it with the market code, setting up the notifier and spawning the refresh
        process all competed with the first paint when they ran in on_mount."""
        await AwaitMount(self.screen, [self.screen])
        self.screen.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        # What exists now lives as long as the app: out of the collector, whose full passes
        # over it stall keys (docs/performance.md, key latency). The `catalyst` script pauses
        # the collector while it starts (launch.py; cli.context.modules_loaded for the other
        # commands): it runs from here.
        gc.freeze()
        gc.enable()
        workspace = self.workspace
        if (
            self.ask_sec_contact
            and not workspace.sec_contact
            and not workspace.prefs().sec_contact_asked
        ):  # the notice waits for the form to close: a toast would cover it at 80×24
            self.post_message(messages.AskSecContact(held=self.notice))
        elif self.notice:
            self.notify(self.notice, timeout=NOTICE_SECONDS)
        self._show_changes()
        if self.live:
            self._start_scheduler()
        # Deferred from start-up, now imported so the first enter, t or ? does not wait for it.
        from .screens import forms, ticker, timeline  # noqa: F401

    def _show_changes(self) -> None:
        """What changed since the user last looked, over the watchlist when anything did; this
        moment is then when they last looked."""
        since, changes = self.workspace.changes_unseen()
        self.workspace.seen_now()
        if since is not None and changes:
            from .screens.changes import ChangesScreen

            self.push_screen(ChangesScreen(since, changes))

    async def action_quit(self) -> None:
        self.workspace.seen_now()
        saves = [w for w in self.workers if w.group == "saves" and w.is_running]
        if saves:  # a save waiting for a lock is finished (or refused) first, and said
            self.notify("quitting once the save under way is done or refused", timeout=10)
            self.run_worker(self._quit_after(saves), name="the quit", group="quit", exclusive=True)
            return
        await self.stop_live()
        self.exit()

    def end_without_terminal(self, code: int) -> None:
        """The terminal went away (cli/terminal_loss.py): end as the quit key ends the app, a
        save under way finished first, the scheduler and its refresh child stopped."""
        log.warning("ending without a terminal (exit %d)", code)
        self.run_worker(self.action_quit(), name="the quit", group="quit", exclusive=True)

    async def _quit_after(self, saves: list[Worker[Any]]) -> None:
        await self.workers.wait_for_complete(saves)
        await self.action_quit()

    # -- what the screens ask for ----------------------------------------------------------------
    @on(messages.OpenTicker)
    def _open_ticker(self, message: messages.OpenTicker) -> None:
        from .screens.ticker import TickerScreen

        self.push_screen(TickerScreen(self.workspace, message.symbol))

    @on(messages.OpenTimeline)
    def _open_timeline(self) -> None:
        from .screens.timeline import TimelineScreen

        if not isinstance(self.screen, TimelineScreen):
            self.push_screen(TimelineScreen(self.workspace))

    def action_open_timeline(self) -> None:
        self.post_message(messages.OpenTimeline())

    @on(messages.OpenPerformance)
    def _open_performance(self) -> None:
        from .screens.performance import PerformanceScreen

        if not isinstance(self.screen, PerformanceScreen):
            self.push_screen(PerformanceScreen(self.workspace))

    # -- failed workers ----------------------------------------------------------------------------
    @on(Worker.StateChanged)
    def _report_failed_worker(self, event: Worker.StateChanged) -> None:
        """Workers run with exit_on_error=False, so a failure leaves the app up: it is said in
        a toast, and its traceback goes to the log. Every worker runs on the app (a screen's
        too), as this message does not bubble."""
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        error = worker.error
        what = worker.name or worker.group
        log.error("%s failed", what, exc_info=error)
        self.notify(
            f"{type(error).__name__}: {error}",
            title=f"{what} failed",
            severity="error",
            timeout=10,
        )
