"""The `catalyst` command: parses arguments, resolves the config and database, dispatches."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import platformdirs

from . import __version__
from .config import Config, ConfigError, load_config
from .paths import APP_NAME, find_config, find_database, make_private_dirs
from .store import Store, StoreError, describe_sqlite_error
from .text import printable
from .thesis.vocabulary import STATUSES, Status

EXIT_OK = 0
EXIT_FLAGGED = 1
EXIT_USAGE = 2
EXIT_STALE = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a tool the pipe's reader left

log = logging.getLogger("catalyst")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class CommandError(Exception):
    """A failure to report in one line and exit with `code`."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------------------------
# Argument parsing
# --------------------------------------------------------------------------------------------


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=default,
        help="catalysts.toml to use (else $CATALYST_CONFIG, ./catalysts.toml, the user config dir)",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file (else $CATALYST_DB, [settings].database, the user data dir)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="log to stderr as well as the log file",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalyst",
        description="A terminal watchlist that tracks whether your investment thesis is "
        "still alive: prices, positions and dated checkpoints, flagged met or missed.",
        epilog="Run without a command to open the TUI. Exit codes: 0 ok, 1 unacknowledged "
        "misses (check), 2 bad input, 3 stale quotes (refresh), 141 the reader of the output "
        "went away (catalyst export | head).",
    )
    parser.add_argument("--version", action="version", version=f"catalyst {__version__}")
    _global_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    command("tui", "open the TUI (the default)")
    command("validate", "check catalysts.toml and print every error with its location")
    command("refresh", "one cycle: quotes, fundamentals when due, evaluate, notify")
    check = command("check", "evaluate checkpoints on stored data (no network)")
    check.add_argument("--json", action="store_true", help="print a JSON array")
    mark = command("mark", "resolve a checkpoint by hand (pending reopens it)")
    mark.add_argument("target", metavar="SYMBOL/ID")
    mark.add_argument("status", choices=STATUSES)
    mark.add_argument("--note", default="", metavar="TEXT")
    ack = command("ack", "acknowledge flagged misses")
    ack.add_argument("targets", nargs="*", metavar="SYMBOL/ID")
    ack.add_argument("--all", action="store_true", help="acknowledge every flag")
    positions = command("positions", "what is held and sold, in the base currency")
    positions.add_argument("--json", action="store_true", help="print a JSON array")
    export = command("export", "write prices, checkpoints, events or positions to stdout")
    export.add_argument(
        "what",
        nargs="?",
        default="checkpoints",
        choices=["prices", "checkpoints", "events", "positions"],
    )
    export.add_argument("--format", default="csv", choices=["csv", "json"])
    export.add_argument("--symbol", metavar="S")
    evidence = command("evidence", "passages of filings and news that matched evidence entries")
    evidence.add_argument("target", nargs="?", metavar="SYMBOL[/ID]")
    evidence.add_argument("--all", action="store_true", help="dismissed passages too")
    evidence.add_argument("--json", action="store_true", help="print a JSON array")
    filings = command("filings", "the 10-K, 10-Q and 8-K filings stored (newest first)")
    filings.add_argument("symbol", nargs="?", metavar="SYMBOL")
    filings.add_argument("--json", action="store_true", help="print a JSON array")
    status = command("status", "each provider's requests, failures and pauses; file paths")
    status.add_argument("--json", action="store_true", help="print a JSON object")
    daemon = command("daemon", "run the scheduler without the TUI (as a user service)")
    service = daemon.add_mutually_exclusive_group()
    service.add_argument(
        "--install", action="store_true",
        help="write a systemd user unit (launchd agent on macOS) that runs it at log-in",
    )  # fmt: skip
    service.add_argument("--uninstall", action="store_true", help="remove that unit or agent")
    notify = command("notify", "notification channels")
    notify.add_argument("--test", action="store_true", help="send one test notification")
    return parser


# --------------------------------------------------------------------------------------------
# Shared steps
# --------------------------------------------------------------------------------------------


@dataclass
class Context:
    args: argparse.Namespace
    out: Callable[[str], None]
    err: Callable[[str], None]

    def report(self, data: Callable[[], object], show: Callable[[], object]) -> None:
        """A report as a JSON document (--json: `data()`), or for people (`show()`)."""
        if self.args.json:
            import json

            self.out(json.dumps(data(), indent=2))
        else:
            show()

    def load_config(self) -> Config:
        location = find_config(self.args.config)
        if location.created:
            self.err(
                f"catalyst: no catalysts.toml found, so the bundled example thesis was copied "
                f"to {location.path}: edit it to make it yours."
            )
        try:
            return load_config(location.path)
        except ConfigError as exc:
            for issue in exc.issues:
                self.err(str(issue))
            count = len(exc.issues)
            raise CommandError(
                f"catalyst: {location.path}: {count} error{'s' if count != 1 else ''}; "
                "nothing was written"
            ) from None

    def open_store(self, config: Config, *, create: bool = True, write: bool = True) -> Store:
        """The database; `create=False` for commands that report on what is stored (a mistyped
        --db is not made into an empty database that reports everything pending), `write` for
        commands that store: a database they can't write is said before any other work."""
        assert config.path is not None
        path = find_database(self.args.db, config.settings.database, config.path)
        if not create and not path.exists():
            raise CommandError(f"catalyst: no database at {path}: run `catalyst refresh` first")
        try:
            store = Store.open(path)
        except StoreError as exc:
            raise CommandError(f"catalyst: {exc}") from None
        try:
            if write:
                store.check_writable()
        except sqlite3.Error as exc:
            store.close()
            raise CommandError(f"catalyst: {describe_sqlite_error(path, exc)}") from None
        log.info("database %s (schema %d)", path, store.schema_version)
        return store

    def synced_store(self, *, create: bool = True, write: bool = True) -> tuple[Config, Store]:
        config = self.load_config()
        store = self.open_store(config, create=create, write=write)
        try:
            report = store.sync.apply(config)
        except sqlite3.Error as exc:
            store.close()
            raise CommandError(f"catalyst: {describe_sqlite_error(store.path, exc)}") from None
        if report.changed:
            log.info("config sync: %s", report)
        return config, store


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


def cmd_validate(ctx: Context) -> int:
    config = ctx.load_config()
    checkpoints = sum(len(t.checkpoints) for t in config.tickers.values())
    lots = sum(len(t.lots) for t in config.tickers.values())
    ctx.out(
        f"{config.path}: ok: {len(config.tickers)} tickers, {checkpoints} checkpoints, "
        f"{lots} lot{'s' if lots != 1 else ''}"
    )
    return EXIT_OK


def cmd_tui(ctx: Context) -> int:
    config, store = ctx.synced_store()
    from .tui.app import CatalystApp  # deferred: textual is heavy and only the TUI needs it
    from .workspace import Workspace

    try:
        from .prefs import prefs_file

        CatalystApp(Workspace(config, store, prefs_path=prefs_file())).run()
    finally:
        store.close()
    return EXIT_OK


async def _deliver_once(store: Store, now: dt.datetime):
    from .notify import claimer_id, close_channels, default_channels, deliver

    channels = default_channels()
    try:
        return await deliver(store, channels, claimer=claimer_id("refresh"), now=now)
    finally:
        await close_channels(channels)


def cmd_refresh(ctx: Context) -> int:
    import asyncio

    from .jobs.evaluation import evaluate_checkpoints, local_today
    from .jobs.refresh import refresh_in_process
    from .report import print_refresh_summary, refresh_progress
    from .thesis.wording import reason_text

    config, store = ctx.synced_store()
    report = None
    try:
        try:
            with refresh_progress(len(store.views.active_symbols())) as on_progress:
                report = asyncio.run(refresh_in_process(config, store, on_progress=on_progress))
        except sqlite3.Error:  # the database's: said as one, below
            raise
        except Exception as exc:  # a fault of the fetch: what is stored is still judged below
            log.exception("refresh failed")
            ctx.err(
                f"catalyst refresh: the fetch failed ({type(exc).__name__}: {exc}); checkpoints "
                f"judged on the data stored before it (details in {log_file()})"
            )
        now = _now()
        changed = evaluate_checkpoints(config, store, now)
        delivery = asyncio.run(_deliver_once(store, now))
        if report is not None:
            print_refresh_summary(report)
        today = local_today(config, now)
        for e in changed:
            why = reason_text(e.reason, e.condition, today)
            ctx.out(f"{e.symbol}/{e.checkpoint_id}: {e.previous} -> {e.status}: {why}")
        if delivery.sent or delivery.failed:
            ctx.out(f"notifications: {delivery.sent} sent, {delivery.failed} waiting")
    except sqlite3.Error as exc:
        raise CommandError(f"catalyst: {describe_sqlite_error(store.path, exc)}") from None
    finally:
        store.close()
    return EXIT_OK if report is not None and report.all_fresh else EXIT_STALE


def _target(text: str) -> tuple[str, str]:
    symbol, sep, checkpoint_id = text.partition("/")
    if not sep or not symbol or not checkpoint_id:
        raise CommandError(f"catalyst: {text!r}: write SYMBOL/ID, e.g. ALAB/gross-margin-floor")
    return symbol.upper(), checkpoint_id


def _known_ticker(command: str, store: Store, text: str | None) -> str | None:
    """The symbol a report is limited to (None: all), in capitals; an unknown one is refused
    with the closest known ones."""
    if not text:
        return None
    symbol = text.upper()
    if store.views.ticker(symbol) is None:
        raise CommandError(
            f"catalyst {command}: no ticker {symbol} in the database"
            + _did_you_mean(symbol, store.views.active_symbols())
        )
    return symbol


def _unknown_checkpoint(command: str, store: Store, symbol: str, checkpoint_id: str) -> str:
    targets = [f"{r.symbol}/{r.id}" for r in store.views.checkpoints()]
    wanted = f"{symbol}/{checkpoint_id}"
    return f"catalyst {command}: no checkpoint {wanted}" + _did_you_mean(wanted, targets)


def _did_you_mean(wanted: str, known: Sequence[str]) -> str:
    """ "; did you mean X?" for the closest of `known` (up to three), or nothing."""
    import difflib

    close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(close)}?" if close else ""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def cmd_check(ctx: Context) -> int:
    from .jobs.evaluation import evaluate_checkpoints, local_today
    from .report import checkpoint_json, print_checkpoints

    config, store = ctx.synced_store(create=False)
    with contextlib.closing(store):
        now = _now()
        evaluate_checkpoints(config, store, now)
        records = store.views.checkpoints()
    today = local_today(config, now)
    ctx.report(lambda: checkpoint_json(records, today), lambda: print_checkpoints(records, today))
    return EXIT_FLAGGED if any(r.flagged for r in records) else EXIT_OK


def cmd_positions(ctx: Context) -> int:
    from .jobs.evaluation import local_today
    from .report import positions_json, print_positions
    from .watchlist import load_watchlist

    config, store = ctx.synced_store(create=False, write=False)
    with contextlib.closing(store):
        now = _now()
        watchlist = load_watchlist(
            store, now, local_today(config, now), currency=config.settings.currency
        )
    ctx.report(lambda: positions_json(watchlist), lambda: print_positions(watchlist))
    return EXIT_OK


def cmd_export(ctx: Context) -> int:
    from .export import export_rows, write_csv, write_json
    from .jobs.evaluation import local_today

    config, store = ctx.synced_store(create=False, write=False)
    with contextlib.closing(store):
        symbol = _known_ticker("export", store, ctx.args.symbol)
        columns, rows = export_rows(
            store, ctx.args.what, symbol=symbol, today=local_today(config, _now())
        )
        write = write_json if ctx.args.format == "json" else write_csv
        write(columns, rows, sys.stdout)
    return EXIT_OK


def cmd_evidence(ctx: Context) -> int:
    from .evidence_report import evidence_json, print_evidence

    target = ctx.args.target or ""
    symbol, _, checkpoint_id = target.partition("/")
    _config, store = ctx.synced_store(create=False, write=False)
    with contextlib.closing(store):
        symbol = _known_ticker("evidence", store, symbol)
        records = store.evidence.passages(
            symbol, checkpoint_id or None, include_dismissed=ctx.args.all
        )
    ctx.report(
        lambda: evidence_json(records, with_dismissed=ctx.args.all), lambda: print_evidence(records)
    )
    return EXIT_OK


def cmd_filings(ctx: Context) -> int:
    from .evidence_report import filings_json, print_filings

    _config, store = ctx.synced_store(create=False, write=False)
    with contextlib.closing(store):
        records = store.evidence.filings(_known_ticker("filings", store, ctx.args.symbol), limit=-1)
    ctx.report(lambda: filings_json(records), lambda: print_filings(records))
    return EXIT_OK


def cmd_status(ctx: Context) -> int:
    from .status_report import build_status, status_json, status_lines

    config = ctx.load_config()
    now = _now()
    with contextlib.closing(ctx.open_store(config, create=False, write=False)) as store:
        status = build_status(config, store, now)
    ctx.report(lambda: status_json(status), lambda: ctx.out("\n".join(status_lines(status, now))))
    return EXIT_OK


def cmd_mark(ctx: Context) -> int:
    symbol, checkpoint_id = _target(ctx.args.target)
    _config, store = ctx.synced_store()
    with contextlib.closing(store):
        marked = store.checkpoints.mark(
            symbol, checkpoint_id, ctx.args.status, ctx.args.note, _now()
        )
        if not marked:
            raise CommandError(_unknown_checkpoint("mark", store, symbol, checkpoint_id))
    what = "reopened" if ctx.args.status == Status.PENDING else f"marked {ctx.args.status}"
    ctx.out(f"{symbol}/{checkpoint_id}: {what}")
    return EXIT_OK


def cmd_ack(ctx: Context) -> int:
    targets = [_target(t) for t in ctx.args.targets]
    _config, store = ctx.synced_store()
    with contextlib.closing(store):
        if not targets and not ctx.args.all:
            for r in store.views.checkpoints():
                if r.flagged:
                    ctx.out(f"flagged: {r.symbol}/{r.id}  {r.title}")
            ctx.out("acknowledge with: catalyst ack SYMBOL/ID ... or catalyst ack --all")
            return EXIT_OK
        for symbol, checkpoint_id in targets:
            if not store.checkpoints.exists(symbol, checkpoint_id):
                raise CommandError(_unknown_checkpoint("ack", store, symbol, checkpoint_id))
        cleared = store.checkpoints.acknowledge(targets or None, _now())
    ctx.out(f"acknowledged {cleared} flag{'s' if cleared != 1 else ''}")
    return EXIT_OK


def cmd_daemon(ctx: Context) -> int:
    import asyncio
    import signal

    from .jobs.scheduler import CycleResult, ThesisScheduler
    from .notify import close_channels, default_channels

    if ctx.args.install or ctx.args.uninstall:
        return _daemon_service(ctx)
    config, store = ctx.synced_store()

    def report(result: CycleResult) -> None:
        parts = []
        if result.refresh is not None:
            parts.append(
                f"refresh: {len(result.refresh.fresh)}/{len(result.refresh.statuses)} fresh"
            )
        else:
            parts.append("evaluation")
        parts.append(f"{len(result.changed)} transition(s)")
        if result.delivery is not None:
            parts.append(f"{result.delivery.sent} notified")
        ctx.out(", ".join(parts))
        sys.stdout.flush()

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        channels = default_channels()
        scheduler = ThesisScheduler(config, store, channels, role="daemon", on_cycle=report)
        scheduler.start()
        ctx.out(f"catalyst daemon: watching {len(config.tickers)} tickers; SIGTERM stops it")
        sys.stdout.flush()
        await stop.wait()
        scheduler.shutdown()
        await close_channels(channels)
        ctx.out("catalyst daemon: stopped")

    try:
        asyncio.run(run())
    finally:
        store.close()
    return EXIT_OK


def _daemon_service(ctx: Context) -> int:
    from . import service

    config = ctx.load_config()  # a service that would stop at once on a bad config is not made
    assert config.path is not None
    database = Path(ctx.args.db) if ctx.args.db else None
    try:
        unit = service.service_for(service.daemon_argv(config.path, database), log_file().parent)
    except service.ServiceError as exc:
        raise CommandError(f"catalyst daemon: {exc}") from None
    try:
        if ctx.args.uninstall:
            if not service.uninstall(unit):
                ctx.out(f"catalyst daemon: no service installed at {unit.path}")
                return EXIT_OK
            ctx.out(f"removed {unit.path}; if it was running, stop it with: {unit.disable}")
            return EXIT_OK
        replaced = service.install(unit)
    except OSError as exc:
        raise CommandError(f"catalyst daemon: {unit.path}: {exc.strerror or exc}") from None
    ctx.out(f"{'updated' if replaced else 'wrote'} {unit.path}")
    ctx.out(f"start it now and at every log-in with: {unit.enable}")
    return EXIT_OK


def cmd_notify(ctx: Context) -> int:
    import asyncio

    from .notify import close_channels, default_channels, send_test

    if not ctx.args.test:
        raise CommandError("catalyst notify: use --test to send a test notification")

    async def test_all(writer: Callable[[str], object] | None) -> dict[str, str | None]:
        channels = default_channels(terminal_write=writer)
        try:
            return await send_test(channels)
        finally:
            await close_channels(channels)

    with contextlib.ExitStack() as stack:
        writer, why_not = _terminal_writer(stack)
        results = asyncio.run(test_all(writer))
    for name, error in results.items():
        ctx.out(f"{name}: {'ok' if error is None else 'failed: ' + error}")
    if writer is None:
        ctx.out(f"terminal: not tried: {why_not}")
    ctx.out("toast: in the TUI only, while it runs")
    return EXIT_OK if any(error is None for error in results.values()) else 1


def _terminal_writer(stack: contextlib.ExitStack) -> tuple[Callable[[str], object] | None, str]:
    """Where the terminal channel writes: the output when it is a terminal, else the terminal
    the command was run from (`notify --test | less`, `> file`), else nowhere and why."""
    if sys.stdout.isatty():
        return sys.stdout.write, ""
    try:
        tty = stack.enter_context(open("/dev/tty", "w", encoding="utf-8"))  # noqa: SIM115
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return None, f"no terminal to write to: not run from one (cron, a service) ({why})"

    def write(text: str) -> None:
        tty.write(text)
        tty.flush()

    return write, ""


COMMANDS: dict[str, Callable[[Context], int]] = {
    "tui": cmd_tui,
    "validate": cmd_validate,
    "refresh": cmd_refresh,
    "check": cmd_check,
    "mark": cmd_mark,
    "ack": cmd_ack,
    "export": cmd_export,
    "positions": cmd_positions,
    "evidence": cmd_evidence,
    "filings": cmd_filings,
    "daemon": cmd_daemon,
    "notify": cmd_notify,
    "status": cmd_status,
}


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def log_file() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "catalyst.log"


def setup_logging(debug: bool) -> Path | None:
    """Log to a 0600 file in the user log dir (folders it creates 0700); with --debug, to
    stderr too.

    The handlers sit on the root logger, so the libraries' records (APScheduler, httpx,
    desktop-notifier) go to the same file: without a handler of their own, Python would print
    their warnings and tracebacks on stderr, in the middle of the TUI. Libraries log from
    WARNING, catalyst from INFO (DEBUG with --debug)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "catalyst", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
    for name in ("catalyst", "catalyst_tui"):  # the command's own logger, and every module's
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.INFO)
        logging.getLogger(name).propagate = True
    fmt = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = []
    path = log_file()
    written: Path | None = path
    try:
        make_private_dirs(path.parent)
        os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
        handlers.append(logging.FileHandler(path, encoding="utf-8"))
    except OSError:
        written = None  # an unwritable log dir must not stop the app
    if debug:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(_TerminalFormatter(LOG_FORMAT))
        handlers.append(terminal)
    if not handlers:
        handlers.append(logging.NullHandler())
    for handler in handlers:
        handler.catalyst = True  # type: ignore[attr-defined]
        if handler.formatter is None:
            handler.setFormatter(fmt)
        root.addHandler(handler)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.command = args.command or "tui"
    logfile = setup_logging(args.debug)
    ctx = Context(args, out=_writer(sys.stdout), err=_writer(sys.stderr))
    try:
        return COMMANDS[args.command](ctx)
    except BrokenPipeError:
        return _closed_pipe()
    except CommandError as exc:
        ctx.err(str(exc))
        return exc.code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: the user gets a line, the log gets the traceback
        log.exception("unexpected error in %s", args.command)
        where = f"; details in {logfile}" if logfile else ""
        ctx.err(f"catalyst: unexpected error: {exc.__class__.__name__}: {exc}{where}")
        return 1


class _TerminalFormatter(logging.Formatter):
    """Log records on stderr (--debug) carry providers' messages and the user's text: printed
    without what would command the terminal (text.py). The log file keeps them as they came."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record), multiline=True)


def _writer(stream: TextIO) -> Callable[[str], None]:
    """A line writer whose text can't command the terminal (text.py): the lines carry titles,
    notes, reasons, paths and config errors, whoever wrote them."""

    def write(text: str) -> None:
        print(printable(text, multiline=True), file=stream)

    return write


def _closed_pipe() -> int:
    """The reader of our output went away (`catalyst export | head -1`): end quietly, as a
    Unix tool ended by SIGPIPE does, with 128 + SIGPIPE = 141. Output still buffered for the
    closed pipe is dropped (stdout pointed at /dev/null), so Python's own flush at exit finds
    nothing to complain about."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
