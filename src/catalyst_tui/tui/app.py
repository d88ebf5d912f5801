"""The catalyst Textual app: screens, the live scheduler on the app's loop, edits through forms,
and catalysts.toml watched for outside edits. Data comes from the Workspace (the core)."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import AwaitMount

from ..config import ConfigError
from ..text import printable
from ..thesis.wording import reason_text
from . import messages
from .screens.watchlist import WatchlistScreen

# Only the watchlist is needed for the first paint. The scheduler (apscheduler, the market
# package, httpx), the notifier, the config writer (tomlkit) and the other screens are
# imported where first used: at the top, they were 0.15 s of the start-up (bench/startup.py).
if TYPE_CHECKING:
    from ..jobs.scheduler import CycleResult, ThesisScheduler
    from ..notify import Channel
    from ..views.workspace import EditOutcome, Workspace

log = logging.getLogger(__name__)

FILE_CHECK_SECONDS = 1.0


class CatalystApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "catalyst"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(
        self,
        workspace: Workspace,
        *,
        live: bool = True,
        watch_file: bool = True,
        channels: Sequence[Channel] | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.live = live
        self.watch_file = watch_file
        self._channels = channels
        self.scheduler: ThesisScheduler | None = None
        self.config_problem: ConfigError | None = None
        self._stopped = False

    def notify(self, message: str, *, markup: bool = False, **options: Any) -> None:
        """Toasts carry the user's own text (titles, notes, config errors) verbatim: never as
        markup, where a '[/x]' in a checkpoint title would raise instead of showing, and
        without what would command the terminal (text.printable)."""
        if isinstance(options.get("title"), str):
            options["title"] = printable(options["title"])
        super().notify(printable(message, multiline=True), markup=False, **options)

    # -- start and stop ------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        # The first screen, not one pushed from on_mount: a pushed screen's first frame is
        # rendered inside the app's start-up batch, dropped, and rendered again.
        return WatchlistScreen(self.workspace)

    def on_mount(self) -> None:
        self.sub_title = printable(str(self.workspace.config.path or ""))
        theme = self.workspace.prefs().theme
        if theme in self.available_themes:  # the one chosen last time (ctrl+p, "theme")
            self.theme = theme
        self.watch(self, "theme", self._remember_theme, init=False)
        self.call_later(self._first_show)
        # What exists after the first paint lives as long as the app: out of the collector,
        # whose full passes over it stall keys (docs/performance.md, key latency).
        self.call_after_refresh(gc.freeze)
        if self.watch_file:
            self.set_interval(FILE_CHECK_SECONDS, self.check_file)

    def _remember_theme(self, theme: str) -> None:
        self.workspace.remember(theme=theme)

    async def _first_show(self) -> None:
        """The app's first message: wait for the watchlist to mount (its rows read), so keys
        (and a test's pilot) find them; then start the scheduler once that frame is painted.
        Importing it with the market code, setting up the notifier and spawning the refresh
        process all competed with the first paint when they ran in on_mount."""
        await AwaitMount(self.screen, [self.screen])
        self.screen.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self.live:
            self._start_scheduler()
        # Deferred from start-up, now imported so the first enter, t or ? does not wait for it.
        from .screens import forms, ticker, timeline  # noqa: F401

    def _start_scheduler(self) -> None:
        if self.scheduler is not None or self._stopped or not self.is_running:
            return  # quit before the first paint: no refresh to start
        from ..jobs.scheduler import ThesisScheduler
        from ..notify import default_channels

        channels = self._channels
        if channels is None:
            channels = default_channels(toast=self._toast)
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
        )
        self.scheduler.start(refresh_at_start=True)

    async def action_quit(self) -> None:
        await self.stop_live()
        self.exit()

    async def stop_live(self) -> None:
        self._stopped = True
        if self.scheduler is not None:
            self.scheduler.shutdown()
            self.scheduler = None
        if self._channels:
            from ..notify import close_channels

            await close_channels(self._channels)
            self._channels = None

    # -- the live cycle ------------------------------------------------------------------------
    def _toast(self, title: str, body: str) -> None:
        severity = "error" if "missed" in title else "information"
        self.notify(body, title=title, severity=severity, timeout=10)

    def _progress(self, done: int, total: int, _symbol: str) -> None:
        # At most four calls a second (and the last): the refresh process spaces its progress
        # lines (jobs/refresh_process.py PROGRESS_INTERVAL), so 500 symbols are not 500 repaints.
        self._watchlist().show_progress(done, total)

    def _cycle_done(self, result: CycleResult) -> None:
        watchlist = self._watchlist()
        watchlist.hide_progress()
        notified = set(self.workspace.config.settings.notify)
        today = self.workspace.today()
        for e in result.changed:
            if e.status not in notified:  # notified ones arrive through the toast channel
                why = reason_text(e.reason, e.condition, today)
                self.notify(
                    f"{e.symbol}/{e.checkpoint_id}: {e.previous} → {e.status}\n{why}", timeout=6
                )
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
        watchlist.reload_in_thread(lambda: self.refresh_views(skip_watchlist=True))

    def _fetch_now(self) -> None:
        """A refresh at once, when live and none is running (a ticker just added has no data
        until one fetches it)."""
        if self.scheduler is not None and not self.scheduler.refreshing:
            self._watchlist().show_progress(0, max(1, len(self.workspace.symbols())))
            self.run_worker(self.scheduler.refresh_cycle(), group="refresh", exit_on_error=False)

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

    def refresh_views(self, *, skip_watchlist: bool = False) -> None:
        """Every open screen reads its data again (in place: cursors and scroll stay)."""
        for screen in self.screen_stack:
            if skip_watchlist and isinstance(screen, WatchlistScreen):
                continue
            reload = getattr(screen, "reload", None)
            if reload is not None and screen.is_mounted:
                reload()

    # -- outside edits of catalysts.toml ----------------------------------------------------------
    def check_file(self) -> None:
        try:
            change = self.workspace.check_file()
        except Exception as exc:  # a database hiccup: try again on the next tick
            log.exception("reloading the config failed")
            self.notify(f"could not reload the config: {exc}", severity="error")
            return
        if change is None:
            return
        if change.error is not None:
            self.config_problem = change.error
            self._show_config_problem()
            lines = [str(issue) for issue in change.error.issues[:6]]
            more = len(change.error.issues) - len(lines)
            if more > 0:
                lines.append(f"... and {more} more")
            self.notify(
                "\n".join(lines) + "\nThe last good version stays in use.",
                title="catalysts.toml has errors",
                severity="error",
                timeout=20,
            )
            return
        self.config_problem = None
        self._show_config_problem()
        if self.scheduler is not None:
            self.scheduler.config = self.workspace.config
        self.notify("catalysts.toml changed: reloaded", timeout=3)
        self.refresh_views()

    def _show_config_problem(self) -> None:
        from .widgets.banner import ConfigBanner

        for screen in self.screen_stack:
            for banner in screen.query(ConfigBanner):
                banner.show_problem(self.config_problem)

    def _file_invalid(self) -> bool:
        """Edits of catalysts.toml wait while the file is invalid: one would be made on the
        last good version and write over the user's fixing. Says so when it is. Every edit
        asks it first, through `_open_edit` (a form) or `_confirm` (a question)."""
        if self.config_problem is None:
            return False
        self.notify(
            "catalysts.toml is invalid: fix it first (the banner says where)",
            severity="warning", timeout=5,
        )  # fmt: skip
        return True

    def _open_edit(self, form: Screen, then: Callable[[object], None] | None = None) -> None:
        """A form that writes catalysts.toml; `then` runs after a save, with its outcome."""
        if self._file_invalid():
            return

        def done(outcome: object) -> None:
            self._edited(outcome)
            if outcome is not None and then is not None:
                then(outcome)

        self.push_screen(form, done)

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

    def action_keys(self) -> None:
        from .screens.forms import KeysScreen

        rows = [(self.get_key_display(b), b.description) for _, b in _bindings(self.screen)]
        self.push_screen(KeysScreen(rows, _screen_name(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for node, binding in _bindings(screen, widgets=False):  # no "Cursor left" to run
            if binding.action in ("app.command_palette", "command_palette"):
                continue
            yield SystemCommand(
                binding.description,
                f"{_screen_name(screen)} · key {self.get_key_display(binding)}",
                _runner(self, binding.action, node),
            )
        if _screen_name(screen) != "timeline":
            yield SystemCommand(
                "Acknowledge every flag", "clear all unacknowledged misses", self._ack_all
            )

    def _ack_all(self) -> None:
        self.post_message(messages.Acknowledge(None))

    @on(messages.Acknowledge)
    def _acknowledge(self, message: messages.Acknowledge) -> None:
        targets = message.targets
        cleared = self.workspace.acknowledge(targets)
        if cleared:
            what = "every flag" if targets is None else ", ".join(f"{s}/{c}" for s, c in targets)
            self.notify(f"acknowledged {what}", timeout=3)
        else:
            self.notify("nothing to acknowledge", timeout=3)
        self.refresh_views()

    @on(messages.AcknowledgeTicker)
    def _acknowledge_ticker(self, message: messages.AcknowledgeTicker) -> None:
        targets = self.workspace.flagged(message.symbol)
        if not targets:
            self.notify(f"{message.symbol} has no flags", timeout=3)
            return
        self.post_message(messages.Acknowledge(targets))

    @on(messages.MarkCheckpoint)
    def _mark_checkpoint(self, message: messages.MarkCheckpoint) -> None:
        from .screens.edit_forms import MarkForm

        self.push_screen(MarkForm(self.workspace, message.checkpoint), self._marked)

    def _marked(self, done: object) -> None:
        if isinstance(done, str) and done:
            self.notify(done, timeout=4)
            self.refresh_views()

    @on(messages.AddTicker)
    def _add_ticker(self) -> None:
        from .screens.edit_forms import TickerForm

        self._open_edit(TickerForm(self.workspace), lambda _added: self._fetch_now())

    @on(messages.AddLot)
    def _add_lot(self, message: messages.AddLot) -> None:
        from .screens.edit_forms import LotForm

        self._open_edit(LotForm(self.workspace, message.symbol))

    @on(messages.EditLot)
    def _edit_lot(self, message: messages.EditLot) -> None:
        from .screens.edit_forms import LotForm

        form = LotForm(self.workspace, message.symbol, message.lot, message.index)
        self._open_edit(form)

    @on(messages.RemoveLot)
    def _remove_lot(self, message: messages.RemoveLot) -> None:
        symbol, index, lot = message.symbol, message.index, message.lot
        self._confirm(
            f"Remove lot {index + 1} of {symbol} ({lot.shares:g} at {lot.cost:g})?",
            "It leaves catalysts.toml; a sale it held makes the file invalid and is refused.",
            lambda: self.workspace.remove_lot(symbol, index),
        )

    @on(messages.RemoveSell)
    def _remove_sell(self, message: messages.RemoveSell) -> None:
        symbol, index, sell = message.symbol, message.index, message.sell
        self._confirm(
            f"Remove the sale of {sell.shares:g} {symbol} on {sell.date.isoformat()}?",
            "It leaves catalysts.toml; the shares it sold are held again.",
            lambda: self.workspace.remove_sell(symbol, index),
        )

    @on(messages.AddSell)
    def _add_sell(self, message: messages.AddSell) -> None:
        from .screens.edit_forms import SellForm

        self._open_edit(SellForm(self.workspace, message.symbol))

    @on(messages.EditTicker)
    def _edit_ticker(self, message: messages.EditTicker) -> None:
        from .screens.edit_forms import TickerEditForm

        self._open_edit(TickerEditForm(self.workspace, message.symbol))

    @on(messages.AddCheckpoint)
    def _add_checkpoint(self, message: messages.AddCheckpoint) -> None:
        from .screens.edit_forms import CheckpointForm

        self._open_edit(CheckpointForm(self.workspace, message.symbol))

    @on(messages.EditCheckpoint)
    def _edit_checkpoint(self, message: messages.EditCheckpoint) -> None:
        from .screens.edit_forms import CheckpointForm

        c = message.checkpoint
        self._open_edit(CheckpointForm(self.workspace, c.symbol, c))

    @on(messages.ArchiveCheckpoint)
    def _archive_checkpoint(self, message: messages.ArchiveCheckpoint) -> None:
        c = message.checkpoint
        self._confirm(
            f"Archive {c.symbol}/{c.id}?",
            "It leaves catalysts.toml; its history stays in the database and on the timeline.",
            lambda: self.workspace.archive_checkpoint(c.symbol, c.id),
        )

    @on(messages.RemoveTicker)
    def _remove_ticker(self, message: messages.RemoveTicker) -> None:
        symbol = message.symbol
        self._confirm(
            f"Remove {symbol} from catalysts.toml?",
            "Its table, lots and checkpoints leave the file; prices and history stay stored.",
            lambda: self.workspace.remove_ticker(symbol),
        )

    @on(messages.ShowPassage)
    def _show_passage(self, message: messages.ShowPassage) -> None:
        from .screens.passage import PassageScreen

        self.push_screen(PassageScreen(self.workspace, message.record))

    @on(messages.MarkFromPassage)
    def _mark_from_passage(self, message: messages.MarkFromPassage) -> None:
        from .screens.edit_forms import MarkForm
        from .widgets.evidence import mark_note

        r = message.record
        checkpoint = self.workspace.checkpoint(r.symbol, r.checkpoint_id)
        if checkpoint is None:
            self.notify(f"{r.symbol}/{r.checkpoint_id} is no longer in the thesis", timeout=4)
            return
        self.push_screen(MarkForm(self.workspace, checkpoint, note=mark_note(r)), self._marked)

    @on(messages.DismissPassage)
    def _dismiss_passage(self, message: messages.DismissPassage) -> None:
        if self.workspace.dismiss_passage(message.record):
            self.notify("dismissed: not shown again (catalyst evidence --all lists it)", timeout=3)
        self.refresh_views(skip_watchlist=True)  # the watchlist shows no evidence

    @on(messages.RewriteForSplit)
    def _rewrite_for_split(self, message: messages.RewriteForSplit) -> None:
        rewrites = message.rewrites
        lines = "\n".join(f"{r.symbol}/{r.checkpoint_id}: {r.old} → {r.new}" for r in rewrites)
        self._confirm(
            "Rewrite these thresholds on today's share basis?",
            f"{lines}\nThey then compare as written; the verdicts stay the same.",
            lambda: self.workspace.rewrite_for_splits(rewrites),
        )

    # -- plumbing ------------------------------------------------------------------------------
    def _confirm(self, question: str, detail: str, edit: Callable[[], EditOutcome]) -> None:
        """An edit of catalysts.toml made once the user says yes to `question`."""
        from .screens.edit_forms import run_edit
        from .screens.forms import ConfirmScreen

        if self._file_invalid():
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            done = run_edit(self.workspace, edit)
            if isinstance(done, str):
                self.notify(done, severity="error", timeout=10)
            else:
                self._edited(done)

        self.push_screen(ConfirmScreen(question, detail), answered)

    def _edited(self, outcome: object) -> None:
        """An edit went through (a form dismissed with its outcome): say so, show it."""
        from ..views.workspace import EditOutcome

        if not isinstance(outcome, EditOutcome):
            return  # cancelled
        if self.scheduler is not None:
            self.scheduler.config = self.workspace.config
        self.notify(
            outcome.message,
            severity="information" if outcome.written else "warning",
            timeout=4 if outcome.written else 12,
        )
        self.refresh_views()

    def _watchlist(self) -> WatchlistScreen:
        for screen in self.screen_stack:
            if isinstance(screen, WatchlistScreen):
                return screen
        raise LookupError("no watchlist screen")


def _bindings(screen: Screen, *, widgets: bool = True) -> list[tuple[object, Binding]]:
    """The described bindings active on `screen`: its own and the app's first, then (with
    `widgets`) the focused widget's (a table's cursor keys), which work the same everywhere."""
    seen: set[str] = set()
    out: list[tuple[object, Binding]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.action in seen:
            continue
        if not widgets and active.node is not screen and active.node is not screen.app:
            continue
        seen.add(binding.action)
        out.append((active.node, binding))
    return sorted(out, key=lambda pair: pair[0] is not screen and pair[0] is not screen.app)


def _runner(app: CatalystApp, action: str, node: object) -> Callable[[], None]:
    def run() -> None:
        app.call_later(app.run_action, action, node)

    return run


def _screen_name(screen: Screen) -> str:
    return {
        "WatchlistScreen": "watchlist",
        "TickerScreen": "ticker",
        "TimelineScreen": "timeline",
    }.get(type(screen).__name__, type(screen).__name__)
