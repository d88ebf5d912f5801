"""The market refresh in a child process, so that the TUI's event loop only reads its progress.

The HTTP stack and the big write of a refresh would hold the TUI's loop, and in a thread the GIL
makes it worse (docs/performance.md): in its own process it competes for a core, not for the
loop. The daemon and `catalyst refresh` have no keys to serve and refresh in this process.

The parent side is `refresh_in_child_process`; the child is
`python -m catalyst_tui.jobs.refresh_process`:

- stdin: one pickled `WorkerRequest` (the config's settings and providers, the database path, the
  caller's clock offset and pid), then EOF. The config comes from the caller, not from the file:
  the TUI may hold a config that differs from catalysts.toml (an edit whose write-back failed).
- stdout: JSON lines, `{"progress": [done, total, symbol]}` at most four a second (the first,
  0 done, at once; always the last one), `{"reach": "offline"}` (or "unreachable") as soon as
  the quote pass ends without a quote, then exactly one of `{"report": {...}}` (exit status 0)
  or `{"error": "..."}` (exit status 1). The report says which symbols are fresh and whether
  any has a price stored, not the quotes: they are in the database, where the screens read them.
- stderr: the child's log records as JSON lines; the parent logs them through `logging` (the TUI's
  log file), with anything else the interpreter printed there, so nothing reaches the terminal.

The child opens its own Store and writes through `refresh_in_process`, whose writes are whole
transactions (all quotes of a batch, or one symbol's facts): a child killed mid-refresh leaves the
previous data or the new, never half. The TUI kills it when a refresh is cancelled (quit,
scheduler shutdown) or has not reported within CHILD_DEADLINE (the refresh's own deadline and a
minute for starting and writing: a child stuck anywhere is not waited for), and reaps it; a TUI
killed outright cannot, so the child checks twice a second that its parent is still there and
exits when it is not.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Config
from ..market.quotes import ProgressCallback
from ..store import Store
from .refresh import REFRESH_DEADLINE, RefreshReport, refresh_in_process

log = logging.getLogger(__name__)

MODULE = "catalyst_tui.jobs.refresh_process"
PROGRESS_INTERVAL = 0.25  # seconds between progress lines (the last one always goes), as
# often as the TUI repaints its bar
LINE_LIMIT = 1 << 24  # the report line names every symbol: 500 take ~6 KB
PARENT_CHECK = 0.5  # seconds between checks that the parent is still there
KILL_WAIT = 5.0  # seconds to wait for a killed child to be reaped
NICENESS = 5  # the child's priority below the TUI's, when they compete for a core
CHILD_DEADLINE = REFRESH_DEADLINE + 60.0  # seconds from start to report
EXIT_FAILED = 1
EXIT_ORPHANED = 3


class RefreshFailed(Exception):
    """The child could not refresh (bad database path, a crash, killed): the message says why."""


@dataclass(frozen=True)
class WorkerRequest:
    config: Config
    db_path: str
    clock_offset: float = 0.0  # seconds the caller's clock is ahead of the system clock
    parent_pid: int = 0
    log_level: int = logging.INFO  # catalyst_tui's level in the caller (DEBUG with --debug)


# --------------------------------------------------------------------------------------------
# The parent side: run the child, read its lines
# --------------------------------------------------------------------------------------------


def request_for(
    config: Config, db_path: Path | str, clock: Callable[[], dt.datetime] | None = None
) -> bytes:
    """What the child reads: only the settings and providers (refresh_in_process reads nothing
    else; the symbols come from the database), so the pickle stays small whatever the size of
    the thesis."""
    offset = 0.0
    if clock is not None:
        offset = (clock() - dt.datetime.now(dt.UTC)).total_seconds()
    slim = dataclasses.replace(config, tickers={}, digest="")  # symbols: from the database
    level = logging.getLogger("catalyst_tui").getEffectiveLevel()
    return pickle.dumps(WorkerRequest(slim, str(db_path), offset, os.getpid(), level))


async def refresh_in_child_process(
    config: Config,
    db_path: Path | str,
    *,
    now: Callable[[], dt.datetime] | None = None,
    on_progress: ProgressCallback | None = None,
    on_start: Callable[[asyncio.subprocess.Process], None] | None = None,
    deadline: float = CHILD_DEADLINE,
    on_reach: Callable[[str], object] | None = None,
) -> RefreshReport:
    """`refresh_in_process` in a child process: progress is passed on as its lines arrive, the
    report built from its last line. RefreshFailed when the child fails or has not reported
    within `deadline` seconds; then, or cancelled, the child is killed and reaped."""
    request = request_for(config, db_path, now)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        MODULE,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        limit=LINE_LIMIT,
    )
    relay: asyncio.Task[None] | None = None
    try:
        if on_start is not None:
            on_start(proc)
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        relay = asyncio.create_task(_relay_log(proc.stderr, proc.pid))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # it died: see below
            proc.stdin.write(request)
            await proc.stdin.drain()
        proc.stdin.close()
        report: dict[str, Any] | None = None
        error: str | None = None
        try:
            async with asyncio.timeout(deadline):
                async for line in proc.stdout:
                    try:
                        message = json.loads(line)
                    except ValueError:
                        log.warning("market worker %d: unreadable line %r", proc.pid, line[:200])
                        continue
                    if "progress" in message:
                        if on_progress is not None:
                            on_progress(*message["progress"])
                    elif "reach" in message:
                        if on_reach is not None:
                            on_reach(str(message["reach"]))
                    elif "report" in message:
                        report = message["report"]
                    elif "error" in message:
                        error = str(message["error"])
                code = await proc.wait()
                await relay
        except TimeoutError:
            raise RefreshFailed(
                f"the market worker gave no report within {deadline:g}s: stopped"
            ) from None
    finally:
        if proc.returncode is None:
            kill(proc)
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(proc.wait(), KILL_WAIT)
        if relay is not None and not relay.done():
            relay.cancel()
    if code != 0 or report is None:
        if error is None:
            how = f"was stopped by signal {-code}" if code < 0 else f"exited with status {code}"
            error = f"the market worker {how} before its report"
        raise RefreshFailed(error)
    return report_from(report)


def kill(proc: asyncio.subprocess.Process) -> None:
    """SIGKILL a child that is still running (its writes are whole transactions)."""
    if proc.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()


async def _relay_log(stream: asyncio.StreamReader, pid: int) -> None:
    """The child's log records into this process's logging; stray text (an interpreter that died
    before logging was set up) as one error record at the end."""
    stray: list[str] = []
    try:
        async for raw in stream:
            _relay_line(raw.decode("utf-8", "replace").rstrip("\n"), pid, stray)
    except ValueError as exc:  # a line beyond LINE_LIMIT: the rest of the log is lost, not the run
        log.warning("market worker %d: log unreadable: %s", pid, exc)
    if stray:
        log.error("market worker %d wrote to stderr:\n%s", pid, "\n".join(stray[-200:]))


def _relay_line(line: str, pid: int, stray: list[str]) -> None:
    try:
        record = json.loads(line)
        level = logging.getLevelName(record["level"])
        name, message = str(record["name"]), str(record["message"])
    except (ValueError, KeyError, TypeError):
        if line.strip():
            stray.append(line)
        return
    if not isinstance(level, int):
        level = logging.WARNING
    logging.getLogger(name).log(level, "[market worker %d] %s", pid, message)


def report_from(data: dict[str, Any]) -> RefreshReport:
    """The report a child sent (`report_data`): no statuses, the database holds them."""
    return RefreshReport(
        started=dt.datetime.fromisoformat(data["started"]),
        symbols=list(data["symbols"]),
        fresh=set(data["fresh"]),
        stored=bool(data["stored"]),
        notes=list(data["notes"]),
        fundamentals_updated=list(data["fundamentals_updated"]),
        earnings_updated=list(data["earnings_updated"]),
        reach=str(data.get("reach", "")),
        failures=dict(data.get("failures", {})),
    )


def report_data(report: RefreshReport) -> dict[str, Any]:
    """The report as JSON, without its statuses; the inverse of `report_from`."""
    return {
        "started": report.started.isoformat(),
        "symbols": report.symbols,
        "fresh": sorted(report.fresh),
        "stored": report.stored,
        "notes": report.notes,
        "fundamentals_updated": report.fundamentals_updated,
        "earnings_updated": report.earnings_updated,
        "reach": report.reach,
        "failures": report.failures,
    }


# --------------------------------------------------------------------------------------------
# The child side
# --------------------------------------------------------------------------------------------


class _JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + self.formatException(record.exc_info)
        return json.dumps({"level": record.levelname, "name": record.name, "message": message})


def _setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonLines())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)  # the libraries' warnings, as the TUI's own setup does
    logging.getLogger("catalyst_tui").setLevel(logging.INFO)  # until the request says


class _Lines:
    """JSON lines on stdout, progress at most every PROGRESS_INTERVAL (the last one always)."""

    def __init__(self) -> None:
        self.out = sys.stdout.buffer
        self.last = 0.0

    def send(self, message: dict[str, Any]) -> None:
        self.out.write(json.dumps(message).encode() + b"\n")
        self.out.flush()

    def progress(self, done: int, total: int, symbol: str) -> None:
        now = time.monotonic()
        if done < total and now - self.last < PROGRESS_INTERVAL:
            return
        self.last = now
        self.send({"progress": [done, total, symbol]})


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone (re-parented): nobody reads the lines any more."""
    while True:
        time.sleep(PARENT_CHECK)
        if os.getppid() != parent:
            os._exit(EXIT_ORPHANED)


async def _refresh(request: WorkerRequest, lines: _Lines) -> RefreshReport:
    offset = dt.timedelta(seconds=request.clock_offset)
    with Store.open(Path(request.db_path)) as store:
        lines.progress(0, len(store.views.active_symbols()), "")  # under way: said at once
        return await refresh_in_process(
            request.config,
            store,
            now=lambda: dt.datetime.now(dt.UTC) + offset,
            on_progress=lines.progress,
            on_reach=lambda reach: lines.send({"reach": reach}),
        )


def main() -> int:
    _setup_logging()
    with contextlib.suppress(OSError):  # background work: keys (the TUI) go first for a core
        os.nice(NICENESS)
    lines = _Lines()
    try:
        request = pickle.load(sys.stdin.buffer)
        if not isinstance(request, WorkerRequest):
            raise TypeError(f"expected a WorkerRequest on stdin, got {type(request).__name__}")
        logging.getLogger("catalyst_tui").setLevel(request.log_level)
        if request.parent_pid:
            threading.Thread(
                target=_watch_parent, args=(request.parent_pid,), name="parent", daemon=True
            ).start()
        report = asyncio.run(_refresh(request, lines))
        lines.send({"report": report_data(report)})
    except Exception as exc:
        log.exception("market refresh failed")
        with contextlib.suppress(OSError):
            lines.send({"error": str(exc) or type(exc).__name__})
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    # Run as the importable module, not as __main__: the request on stdin was pickled with
    # classes named catalyst_tui.jobs.refresh_process.*, which the unpickler imports by that name.
    from catalyst_tui.jobs.refresh_process import main as worker_main

    sys.exit(worker_main())
