"""The market refresh in a child process, so that the TUI's event loop only reads its progress.

The HTTP stack and the big write of a refresh would hold the TUI's loop, and in a thread the GIL
makes it worse (docs/performance.md): in its own process it competes for a core, not for the
loop. The daemon and `catalyst refresh` have no keys to serve and refresh in this process.

The parent side is jobs/worker/parent.py (`RefreshWorker`, kept between refreshes by the TUI's
scheduler); the child is `python -m catalyst_tui.jobs.worker.process`, which refreshes once for
each request, on one HTTP client kept across them (its connections open: jobs/client.py):

- stdin: pickled `WorkerRequest`s (the config's settings and providers, the database path, the
  caller's clock offset and pid), one a refresh, the next written after the last one's report;
  EOF asks the child to close its client and exit (status 0). The config comes from the caller,
  not from the file: the TUI may hold a config that differs from catalysts.toml (an edit whose
  write-back failed); a client built for other providers' settings is built again.
- stdout, for each request: JSON lines, `{"progress": [done, total, symbol]}` at most four a
  second (the first, 0 done, at once; always the last one), `{"reach": "offline"}` (or
  "unreachable") as soon as the quote pass ends without a quote, `{"stored": "quotes"}` once the
  quote pass is in the database (the filings and the Street still to come), then exactly one of
  `{"report": {...}}` or `{"error": "..."}` (then the child exits, status 1). The report says
  which symbols are fresh and whether any has a price stored, not the quotes: they are in the
  database, where the screens read them.
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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...config import Config, Ticker
from ...store import Store
from ..reach import reach_of
from ..refresh import REFRESH_DEADLINE, refresh_in_process
from ..refresh_report import RefreshListener, RefreshReport

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...market.http.client import MarketClient

log = logging.getLogger(__name__)

MODULE = "catalyst_tui.jobs.worker.process"
PROGRESS_INTERVAL = 0.25  # seconds between progress lines (the last one always goes), as
# often as the TUI repaints its bar
PARENT_CHECK = 0.5  # seconds between checks that the parent is still there
NICENESS = 5  # the child's priority below the TUI's, when they compete for a core
CHILD_DEADLINE = REFRESH_DEADLINE + 60.0  # seconds from start to report
EXIT_FAILED = 1
EXIT_ORPHANED = 3


@dataclass(frozen=True)
class WorkerRequest:
    """One refresh asked of the child: the config, the database and the caller's clock."""

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
    """What the child reads: the settings, the providers and each ticker's own feeds
    (refresh_in_process reads nothing else; the symbols come from the database), so the pickle
    stays small whatever the size of the thesis."""
    offset = 0.0
    if clock is not None:
        offset = (clock() - dt.datetime.now(dt.UTC)).total_seconds()
    feeds = {s: Ticker(s, t.name, feeds=t.feeds) for s, t in config.tickers.items() if t.feeds}
    slim = dataclasses.replace(config, tickers=feeds, digest="")  # symbols: from the database
    level = logging.getLogger("catalyst_tui").getEffectiveLevel()
    return pickle.dumps(WorkerRequest(slim, str(db_path), offset, os.getpid(), level))


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
        reach=reach_of(data.get("reach")),
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


async def _serve(request: WorkerRequest | None, lines: _Lines) -> None:
    """Refresh for each request until EOF, on one client kept across them (jobs/client.py)."""
    from ..client import KeptClient  # the HTTP stack: loaded after `keep_out_unused_parts`

    kept = KeptClient()
    try:
        while request is not None:
            report = await _refresh(request, lines, await kept.get(request.config))
            report.notes[:0] = kept.notes
            lines.send({"report": report_data(report)})
            request = await asyncio.to_thread(_next_request)
    finally:
        await kept.aclose()


def _next_request() -> WorkerRequest | None:
    """The next request on stdin; None at EOF (the parent asks the worker to end)."""
    try:
        request = pickle.load(sys.stdin.buffer)
    except EOFError:
        return None
    if not isinstance(request, WorkerRequest):
        raise TypeError(f"expected a WorkerRequest on stdin, got {type(request).__name__}")
    return request


async def _refresh(request: WorkerRequest, lines: _Lines, client: MarketClient) -> RefreshReport:
    offset = dt.timedelta(seconds=request.clock_offset)
    lines.last = 0.0  # this refresh's first progress line goes at once
    with Store.open(Path(request.db_path)) as store:
        lines.progress(0, len(store.views.active_symbols()), "")  # under way: said at once
        return await refresh_in_process(
            request.config,
            store,
            now=lambda: dt.datetime.now(dt.UTC) + offset,
            listener=RefreshListener(
                on_progress=lines.progress,
                on_reach=lambda reach: lines.send({"reach": reach}),
                on_stored=lambda: lines.send({"stored": "quotes"}),
            ),
            client=client,
        )


def main() -> int:
    _setup_logging()
    with contextlib.suppress(OSError):  # background work: keys (the TUI) go first for a core
        os.nice(NICENESS)
    lines = _Lines()
    try:
        request = _next_request()
        if request is None:
            raise EOFError("no request on stdin")
        logging.getLogger("catalyst_tui").setLevel(request.log_level)
        if request.parent_pid:
            threading.Thread(
                target=_watch_parent, args=(request.parent_pid,), name="parent", daemon=True
            ).start()
        asyncio.run(_serve(request, lines))
    except Exception as exc:
        log.exception("market refresh failed")
        with contextlib.suppress(OSError):
            lines.send({"error": str(exc) or type(exc).__name__})
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    # httpx's command-line client kept out, as the `catalyst` script does (market/http): this
    # module's imports load no httpx, its client's do (`_serve`).
    from catalyst_tui.market.http import keep_out_unused_parts

    keep_out_unused_parts()
    # Run as the importable module, not as __main__: the request on stdin was pickled with
    # classes named catalyst_tui.jobs.worker.process.*, which the unpickler imports by that name.
    from catalyst_tui.jobs.worker.process import main as worker_main

    sys.exit(worker_main())
