"""The catalyst Textual app: screens, the live scheduler on the app's loop, edits through forms,
and catalysts.toml watched for outside edits. Data comes from the Workspace (the core)."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import AwaitMount

from ..config import ConfigError
from ..watchlist import CheckpointView, Watchlist
from .screens.watchlist import WatchlistScreen

# Only the watchlist is needed for the first paint. The scheduler (apscheduler, the market
# package, httpx), the notifier, the config writer (tomlkit) and the other screens are
# imported where first used: at the top, they were 0.15 s of the start-up (bench/startup.py).
if TYPE_CHECKING:
    from ..notify import Channel
    from ..schedule import CycleResult, ThesisScheduler
    from ..workspace import EditOutcome, Workspace
    from .screens.forms import Field

log = logging.getLogger(__name__)

FILE_CHECK_SECONDS = 1.0
KINDS = ("milestone", "target", "guard")
STATUSES = ("met", "missed", "pending")


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

    def notify(self, message: str, *, markup: bool = False, **options) -> None:
        """Toasts carry the user's own text (titles, notes, config errors) verbatim: never as
        markup, where a '[/x]' in a checkpoint title would raise instead of showing."""
        super().notify(message, markup=False, **options)

    # -- start and stop ------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        # The watchlist is the app's first screen rather than one pushed from on_mount: pushed,
        # its first frame was rendered inside the app's start-up batch, dropped and rendered
        # again once the batch ended (60-80 ms more to the first painted rows, bench/startup.py).
        return WatchlistScreen()

    def on_mount(self) -> None:
        self.sub_title = str(self.workspace.config.path or "")
        self.call_later(self._first_show)
        # What exists after the first paint lives as long as the app: keep it out of the
        # collector, whose full passes over it stalled keys by 60-120 ms (bench/tui_latency.py).
        self.call_after_refresh(gc.freeze)
        if self.watch_file:
            self.set_interval(FILE_CHECK_SECONDS, self.check_file)

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
        from ..notify import default_channels
        from ..schedule import ThesisScheduler

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
            refresh_apart=True,  # fetch + store in a child process: keys wait for neither
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
        # lines (market/worker.py PROGRESS_INTERVAL), so 500 symbols are not 500 repaints.
        self._watchlist().show_progress(done, total)

    def _cycle_done(self, result: CycleResult) -> None:
        watchlist = self._watchlist()
        watchlist.hide_progress()
        notified = set(self.workspace.config.settings.notify)
        for e in result.changed:
            if e.status not in notified:  # notified ones arrive through the toast channel
                self.notify(
                    f"{e.symbol}/{e.checkpoint_id}: {e.previous} → {e.status}\n{e.reason}",
                    timeout=6,
                )
        report = result.refresh
        if report is not None and report.statuses:
            failed = [s.symbol for s in report.statuses if s.stale]
            if failed and len(failed) == len(report.statuses):
                self.notify("no fresh quotes: showing stored data", severity="warning", timeout=5)
        # The watchlist (500 rows: 60-160 ms of reading on the loop) is read in a thread; the
        # other screens reload once it is shown, as they build on its data.
        watchlist.reload_apart(lambda: self.refresh_views(skip_watchlist=True))

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
        self._watchlist().show_progress(0, max(1, len(self.workspace.symbols())))
        self.run_worker(self.scheduler.refresh_cycle(), group="refresh", exit_on_error=False)

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
        if self.scheduler is not None:
            self.scheduler.config = self.workspace.config
        self.notify("catalysts.toml changed: reloaded", timeout=3)
        self.refresh_views()

    # -- navigation ----------------------------------------------------------------------------
    def open_ticker(self, symbol: str) -> None:
        from .screens.ticker import TickerScreen

        self.push_screen(TickerScreen(symbol))

    def open_timeline(self) -> None:
        from .screens.timeline import TimelineScreen

        if isinstance(self.screen, TimelineScreen):
            return
        self.push_screen(TimelineScreen())

    def action_open_timeline(self) -> None:
        self.open_timeline()

    def action_keys(self) -> None:
        from .screens.forms import KeysScreen

        rows = [(self.get_key_display(b), b.description) for _, b in _bindings(self.screen)]
        self.push_screen(KeysScreen(rows, _screen_name(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for node, binding in _bindings(screen):
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
        self.acknowledge(None)

    # -- thesis actions ------------------------------------------------------------------------
    def acknowledge(self, targets: list[tuple[str, str]] | None) -> None:
        cleared = self.workspace.acknowledge(targets)
        if cleared:
            what = "every flag" if targets is None else ", ".join(f"{s}/{c}" for s, c in targets)
            self.notify(f"acknowledged {what}", timeout=3)
        else:
            self.notify("nothing to acknowledge", timeout=3)
        self.refresh_views()

    def acknowledge_symbol(self, symbol: str) -> None:
        targets = self.workspace.flagged(symbol)
        if not targets:
            self.notify(f"{symbol} has no flags", timeout=3)
            return
        self.acknowledge(targets)

    def mark_checkpoint(self, c: CheckpointView) -> None:
        from .screens.forms import Field, FormScreen

        default = "met" if c.status == "pending" else "pending"
        fields = [
            Field("status", "New status", default, kind="select", options=STATUSES),
            Field("note", "Note (why)", c.manual_note, placeholder="e.g. Q4 call: NPO shipping"),
        ]  # fmt: skip

        def submit(values: dict[str, str]) -> str | None:
            message = self.workspace.mark(c.symbol, c.id, values["status"], values["note"])
            self.notify(message, timeout=4)
            self.refresh_views()
            return None

        self.push_screen(
            FormScreen(
                f"Mark {c.symbol}/{c.id}",
                fields,
                check=lambda _v: {},
                submit=submit,
                note=f"{c.title}. Met or missed freezes it; pending reopens it to evaluation.",
                form_id="mark-form",
            )
        )

    def add_ticker(self) -> None:
        from .screens.forms import Field

        fields = [
            Field("symbol", "Symbol", placeholder="e.g. CRDO, BRK.B, ^GSPC"),
            Field("name", "Name", placeholder="optional: defaults to the symbol"),
            Field("group", "Group (a tab)", placeholder="optional: defaults to watchlist"),
            Field("thesis", "Thesis", kind="text"),
        ]
        self._edit_form(
            "Add a ticker",
            fields,
            lambda v: self.workspace.field_errors(
                "ticker", v, existing_symbols=self.workspace.symbols()
            ),
            self.workspace.add_ticker,
            form_id="ticker-form",
        )

    def add_lot(self, symbol: str) -> None:
        from .screens.forms import Field

        fields = [
            Field("shares", "Shares", placeholder="e.g. 25"),
            Field("cost", "Cost per share", placeholder="e.g. 118.50"),
            Field("date", "Date", placeholder="optional: YYYY-MM-DD"),
            Field("note", "Note", placeholder="optional"),
        ]
        self._edit_form(
            f"Add a lot of {symbol}",
            fields,
            lambda v: self.workspace.field_errors("lot", v, symbol=symbol),
            lambda v: self.workspace.add_lot(symbol, v),
            form_id="lot-form",
        )

    def add_checkpoint(self, symbol: str) -> None:
        self._checkpoint_form(symbol, None)

    def edit_checkpoint(self, c: CheckpointView) -> None:
        self._checkpoint_form(c.symbol, c)

    def _checkpoint_form(self, symbol: str, c: CheckpointView | None) -> None:
        from .screens.forms import Field

        def value(text: object) -> str:
            return "" if text is None else str(text)

        fields = [
            Field("id", "Id", value(c and c.id), "lowercase, digits, - and _: e.g. npo-ships"),
            Field("title", "Title", value(c and c.title)),
            Field("kind", "Kind", value(c and c.kind) or "milestone", kind="select", options=KINDS),
            Field("due", "Due (milestone, target)", value(c and c.due), "YYYY-MM-DD"),
            Field("when", "When (target, guard)", value(c and c.condition), "gross_margin >= 70%"),
            Field("until", "Until (guard, optional)", value(c and c.until), "YYYY-MM-DD"),
            Field("period_end", "Period end (optional)", value(c and c.period_end), "YYYY-MM-DD"),
            Field("source", "Source", value(c and c.source), "optional: where it comes from"),
            Field("notes", "Notes", value(c and c.notes), kind="text"),
        ]  # fmt: skip
        editing = c.id if c else None

        def check(values: dict[str, str]) -> dict[str, str]:
            return self.workspace.field_errors(
                "checkpoint",
                values,
                symbol=symbol,
                existing_ids=self.workspace.checkpoint_ids(symbol),
                editing_id=editing,
            )

        if c is None:
            submit = lambda v: self.workspace.add_checkpoint(symbol, v)  # noqa: E731
            title = f"New checkpoint for {symbol}"
        else:
            submit = lambda v: self.workspace.update_checkpoint(symbol, c.id, v)  # noqa: E731
            title = f"Edit {symbol}/{c.id}"
        note = "A changed id starts a new checkpoint; the old one is archived with its history."
        self._edit_form(
            title, fields, check, submit, note=note if c else "", form_id="checkpoint-form"
        )

    def archive_checkpoint(self, c: CheckpointView) -> None:
        self._confirm(
            f"Archive {c.symbol}/{c.id}?",
            "It leaves catalysts.toml; its history stays in the database and on the timeline.",
            lambda: self.workspace.archive_checkpoint(c.symbol, c.id),
        )

    def remove_ticker(self, symbol: str) -> None:
        self._confirm(
            f"Remove {symbol} from catalysts.toml?",
            "Its table, lots and checkpoints leave the file; prices and history stay stored.",
            lambda: self.workspace.remove_ticker(symbol),
        )

    # -- plumbing ------------------------------------------------------------------------------
    def _edit_form(
        self,
        title: str,
        fields: list[Field],
        check: Callable[[dict[str, str]], dict[str, str]],
        edit: Callable[[dict[str, str]], EditOutcome],
        *,
        note: str = "",
        form_id: str,
    ) -> None:
        from .screens.forms import FormScreen

        def submit(values: dict[str, str]) -> str | None:
            problem = self._run_edit(lambda: edit(values))
            return problem

        self.push_screen(FormScreen(title, fields, check=check, submit=submit, note=note,
                                    form_id=form_id))  # fmt: skip

    def _confirm(self, question: str, detail: str, edit: Callable[[], EditOutcome]) -> None:
        from .screens.forms import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                problem = self._run_edit(edit)
                if problem:
                    self.notify(problem, severity="error", timeout=10)

        self.push_screen(ConfirmScreen(question, detail), answered)

    def _run_edit(self, edit: Callable[[], EditOutcome]) -> str | None:
        """Run an edit; None when it went through, else what to tell the user."""
        from ..config_write import EditError

        try:
            outcome = edit()
        except ConfigError as exc:
            lines = [str(issue) for issue in exc.issues[:5]]
            return "catalysts.toml would not be valid:\n" + "\n".join(lines)
        except EditError as exc:
            return str(exc)
        except OSError as exc:
            return f"could not read {self.workspace.config.path}: {exc.strerror or exc}"
        if self.scheduler is not None:
            self.scheduler.config = self.workspace.config
        self.notify(
            outcome.message,
            severity="information" if outcome.written else "warning",
            timeout=4 if outcome.written else 12,
        )
        self.refresh_views()
        return None

    def watchlist_data(self) -> Watchlist | None:
        """The watchlist as last read (screens reload bottom-up, so it is current)."""
        try:
            return self._watchlist().data
        except LookupError:
            return None

    def _watchlist(self) -> WatchlistScreen:
        for screen in self.screen_stack:
            if isinstance(screen, WatchlistScreen):
                return screen
        raise LookupError("no watchlist screen")


def _bindings(screen: Screen) -> list[tuple[object, Binding]]:
    """The described bindings active on `screen` (its focused widget's, its own, the app's)."""
    seen: set[str] = set()
    out = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        out.append((active.node, binding))
    return out


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
