"""What every part of the app builds on: the workspace, the live scheduler and the config's
state, toasts of the user's own text, and reading the open screens again. The parts (live.py,
edits.py, marks.py, config_watch.py, commands.py) each add their handlers to this base, and
app.py puts them together."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App

from ..text import printable
from .screens.watchlist import WatchlistScreen

T = TypeVar("T")
# How long a notice of the first minutes stays (the first run's copy, the SEC contact skipped, a
# first refresh's burst of changes): read at a glance, gone before it hides the rows for long;
# the timeline and the status line keep what they said.
NOTICE_SECONDS = 6

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..config import ConfigError
    from ..jobs.scheduler import ThesisScheduler
    from ..notify.notification import Channel
    from ..session.workspace import Workspace


class CatalystBase(App[None]):
    """The state the app's parts share, and what more than one of them does."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        live: bool = True,
        watch_file: bool = True,
        channels: Sequence[Channel] | None = None,
        desktop: bool = True,
        notice: str = "",
        ask_sec_contact: bool = False,
    ) -> None:
        """`desktop`: notify the desktop too (off for the demo: its flags are not the user's);
        `notice`: said in a toast at the start (the first run's copy of the example);
        `ask_sec_contact`: the first start's question for SEC's contact, when none is set
        and it was not asked before (`catalyst` asks; tests and screenshots don't)."""
        super().__init__()
        self.workspace = workspace
        self.live = live
        self.watch_file = watch_file
        self.notice = notice
        self.ask_sec_contact = ask_sec_contact
        self._channels = channels
        self.desktop = desktop
        self.scheduler: ThesisScheduler | None = None
        self.config_problem: ConfigError | None = None
        self._stopped = False
        self._fetch_after = False  # a refresh asked for while one ran: it follows that one
        self._held_toasts: list[tuple[str, str, str, float]] = []  # a cycle's (live.py)

    def notify(self, message: str, *, markup: bool = False, **options: Any) -> None:
        """Toasts carry the user's own text (titles, notes, config errors) verbatim: never as
        markup, where a '[/x]' in a checkpoint title would raise instead of showing, and
        without what would command the terminal (text.printable)."""
        if isinstance(options.get("title"), str):
            options["title"] = printable(options["title"])
        super().notify(printable(message, multiline=True), markup=False, **options)

    def action_help_quit(self) -> None:
        """Ctrl+C, which does not quit: which key does, in plain words (Textual's own toast is
        markup, '[b]q[/b]', which this app's toasts show as written)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app", title="Do you want to quit?")
                return

    def save_in_thread(self, what: str, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """Run `work` (a save through the Workspace) in a worker thread, where it may wait for
        another process's lock on the database or catalysts.toml while keys go on being
        answered; then `done(its result)` on the loop, the views read again. A save refused
        (the lock kept past its patience) is said in a toast naming `what`."""

        def run() -> None:
            try:
                result = work()
            except Exception as exc:  # StoreError, OSError: said, never silent
                self.call_from_thread(self._not_saved, what, exc)
                return
            self.call_from_thread(self._saved, done, result)

        self.run_worker(run, name=what, group="saves", thread=True, exit_on_error=False)

    def _saved(self, done: Callable[[T], None], result: T) -> None:
        self.workspace.own_writes_read()  # read again just below (done), not a second time
        done(result)

    def _not_saved(self, what: str, exc: Exception) -> None:
        self.notify(f"{what} was not saved: {exc}", severity="error", timeout=15)
        self.refresh_views()

    def refresh_views(self, *, skip_watchlist: bool = False) -> None:
        """Every open screen reads its data again (in place: cursors and scroll stay)."""
        for screen in self.screen_stack:
            if skip_watchlist and isinstance(screen, WatchlistScreen):
                continue
            reload = getattr(screen, "reload", None)
            if reload is not None and screen.is_mounted:
                reload()

    def _follow_config(self) -> None:
        """The scheduler works on the config as it is now (after an edit or a reload)."""
        if self.scheduler is not None:
            self.scheduler.config = self.workspace.config

    def _fetch_now(self) -> None:
        """A refresh at once, when live (a ticker just added has no data until one fetches
        it); while one runs, on the config it began with, the next follows it at its end
        (`_cycle_done`): a contact saved during the first refresh is used at once, not at the
        next scheduled turn."""
        if self.scheduler is not None and self.scheduler.refreshing:
            self._fetch_after = True
        elif self.scheduler is not None:
            self._watchlist().header.show_progress(0, max(1, len(self.workspace.symbols())))
            self.run_worker(
                self.scheduler.refresh_cycle(),
                name="the refresh",
                group="refresh",
                exit_on_error=False,
            )

    def _watchlist(self) -> WatchlistScreen:
        for screen in self.screen_stack:
            if isinstance(screen, WatchlistScreen):
                return screen
        raise LookupError("no watchlist screen")
