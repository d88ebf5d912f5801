"""The `catalyst` command: parses arguments, resolves the config and database, dispatches to the
command's module (thesis, reports, run) and turns every failure into one line and an exit code."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence

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
from .demo import cmd_demo
from .imports import cmd_import
from .init import cmd_init
from .logs import log_file, setup_logging
from .parser import build_parser
from .reports import (
    cmd_changes,
    cmd_check,
    cmd_estimates,
    cmd_evidence,
    cmd_export,
    cmd_filings,
    cmd_performance,
    cmd_positions,
    cmd_report,
    cmd_review,
    cmd_status,
)
from .results import cmd_results
from .run import cmd_daemon, cmd_notify, cmd_refresh, cmd_tui
from .segments import cmd_segments
from .thesis import cmd_ack, cmd_mark, cmd_note, cmd_validate

__all__ = ["EXIT_FLAGGED", "EXIT_OK", "EXIT_STALE", "EXIT_USAGE", "build_parser", "log_file",
           "main", "setup_logging"]  # fmt: skip

COMMANDS: dict[str, Callable[[Context], int]] = {
    "tui": cmd_tui,
    "init": cmd_init,
    "validate": cmd_validate,
    "refresh": cmd_refresh,
    "check": cmd_check,
    "mark": cmd_mark,
    "ack": cmd_ack,
    "export": cmd_export,
    "positions": cmd_positions,
    "evidence": cmd_evidence,
    "filings": cmd_filings,
    "results": cmd_results,
    "daemon": cmd_daemon,
    "notify": cmd_notify,
    "status": cmd_status,
    "demo": cmd_demo,
    "performance": cmd_performance,
    "import": cmd_import,
    "estimates": cmd_estimates,
    "segments": cmd_segments,
    "review": cmd_review,
    "note": cmd_note,
    "changes": cmd_changes,
    "report": cmd_report,
}
# Commands that set up their own log (the demo logs into its temporary folder).
OWN_LOG = frozenset({"demo"})
# Commands that set the collector going themselves (launch.py): the TUI once its first frame is
# painted, after loading Textual and building the rows.
LOADS_MORE = frozenset({"tui"})


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.command = args.command or "tui"
    logfile = None if args.command in OWN_LOG else setup_logging(args.debug)
    ctx = Context(args, out=line_writer(sys.stdout), err=line_writer(sys.stderr))
    if args.command not in LOADS_MORE:
        modules_loaded()
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
