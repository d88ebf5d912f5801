"""The `catalyst` command: parses arguments, resolves the config and database, dispatches to the
command's module (thesis, reports, run) and turns every failure into one line and an exit code."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import TYPE_CHECKING

from .context import (
    EXIT_BROKEN_PIPE,
    EXIT_FLAGGED,
    EXIT_OK,
    EXIT_STALE,
    EXIT_USAGE,
    CommandError,
    Context,
    line_writer,
    log,
    modules_loaded,
)
from .logs import log_file, setup_logging
from .parser.build import build_parser, tui_arguments

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "EXIT_FLAGGED",
    "EXIT_OK",
    "EXIT_STALE",
    "EXIT_USAGE",
    "build_parser",
    "log_file",
    "main",
    "setup_logging",
]


class LazyCommand:
    """A command's function, imported from its module when the command runs: `catalyst` (the
    TUI) loads none of the other commands' modules (the demo's market, the importers, the
    reports), which start-up would otherwise pay for on every launch."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def load(self) -> Callable[[Context], int]:
        command: Callable[[Context], int] = getattr(
            importlib.import_module(f"{__name__}.{self.module}"), self.name
        )
        return command

    def __call__(self, ctx: Context) -> int:
        return self.load()(ctx)


COMMANDS: dict[str, Callable[[Context], int]] = {
    "tui": LazyCommand("run", "cmd_tui"),
    "init": LazyCommand("init", "cmd_init"),
    "validate": LazyCommand("thesis", "cmd_validate"),
    "refresh": LazyCommand("run", "cmd_refresh"),
    "check": LazyCommand("reports", "cmd_check"),
    "mark": LazyCommand("thesis", "cmd_mark"),
    "ack": LazyCommand("thesis", "cmd_ack"),
    "export": LazyCommand("reports", "cmd_export"),
    "positions": LazyCommand("reports", "cmd_positions"),
    "evidence": LazyCommand("reports", "cmd_evidence"),
    "filings": LazyCommand("reports", "cmd_filings"),
    "results": LazyCommand("results", "cmd_results"),
    "daemon": LazyCommand("run", "cmd_daemon"),
    "notify": LazyCommand("notify", "cmd_notify"),
    "status": LazyCommand("reports", "cmd_status"),
    "demo": LazyCommand("demo", "cmd_demo"),
    "performance": LazyCommand("reports", "cmd_performance"),
    "import": LazyCommand("imports", "cmd_import"),
    "estimates": LazyCommand("reports", "cmd_estimates"),
    "segments": LazyCommand("segments", "cmd_segments"),
    "kpis": LazyCommand("reports", "cmd_kpis"),
    "review": LazyCommand("reports", "cmd_review"),
    "note": LazyCommand("thesis", "cmd_note"),
    "changes": LazyCommand("reports", "cmd_changes"),
    "report": LazyCommand("reports", "cmd_report"),
    "replay": LazyCommand("replay", "cmd_replay"),
    "calibration": LazyCommand("replay", "cmd_calibration"),
    "mcp": LazyCommand("assistant", "cmd_mcp"),
}
# Commands that set up their own log (the demo logs into its temporary folder).
OWN_LOG = frozenset({"demo"})
# Commands that set the collector going themselves (launch.py): the TUI once its first frame is
# painted, after loading Textual and building the rows; a refresh once its jobs and the HTTP
# client's modules are loaded (a collection every few hundred objects of theirs was a tenth of
# a refresh with no network, bench/offline.py).
LOADS_MORE = frozenset({"tui", "refresh"})


def main(argv: Sequence[str] | None = None) -> int:
    args = tui_arguments(argv)  # the TUI's launch: only the program's own options
    if args is None:
        args = build_parser().parse_args(argv)
    args.command = args.command or "tui"
    logfile = None if args.command in OWN_LOG else setup_logging(args.debug)
    ctx = Context(args, out=line_writer(sys.stdout), err=line_writer(sys.stderr))
    command = COMMANDS[args.command]
    if isinstance(command, LazyCommand):
        command = command.load()  # loaded with the collector still paused (launch.py)
    if args.command not in LOADS_MORE:
        modules_loaded()
    try:
        return command(ctx)
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
