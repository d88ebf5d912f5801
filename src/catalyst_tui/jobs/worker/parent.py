"""The parent side of the market worker (jobs/worker/process.py says the protocol and runs the
child): `RefreshWorker`, the child kept between refreshes by the TUI's scheduler with its HTTP
client and connections, and `refresh_in_child_process`, one refresh in a child of its own (a
`RefreshWorker` used once).

A refresh that fails, is cancelled (quit, scheduler shutdown) or has not reported within
CHILD_DEADLINE kills its child and reaps it; the next refresh starts another. `aclose` asks the
worker to end (EOF on its stdin: it closes its client and exits)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from ...paths import child_environment
from ..child import KILL_WAIT
from ..reach import reach_of
from ..refresh_report import NONE_HEARD, RefreshListener
from .process import CHILD_DEADLINE, MODULE, report_from, request_for

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Awaitable, Callable
    from pathlib import Path

    from ...config import Config
    from ..refresh_report import RefreshReport

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

LINE_LIMIT = 1 << 24  # the report line names every symbol: 500 take ~6 KB


class RefreshFailed(Exception):
    """The child could not refresh (bad database path, a crash, killed): the message says why."""


class RefreshWorker:
    """The market worker: a child process that refreshes each time it is asked, kept between
    refreshes (the TUI's scheduler keeps one) with its HTTP client and the connections it holds.
    Started when first asked (or again after it was stopped); killed and reaped when a refresh
    fails, is cancelled or has not reported within its deadline; asked to end by `aclose`."""

    def __init__(self) -> None:
        self.proc: asyncio.subprocess.Process | None = None
        self._relay: asyncio.Task[None] | None = None

    async def refresh(
        self,
        config: Config,
        db_path: Path | str,
        *,
        now: Callable[[], dt.datetime] | None = None,
        listener: RefreshListener = NONE_HEARD,
        on_start: Callable[[asyncio.subprocess.Process], None] | None = None,
        deadline: float = CHILD_DEADLINE,
    ) -> RefreshReport:
        """One refresh by the worker: what it says as it goes (its progress, its reach, its
        quotes stored) passed on to `listener` as its lines arrive, the report built from its
        last line. RefreshFailed when it fails or has not reported within `deadline`
        seconds; then, or cancelled, the child is killed and reaped."""
        proc = self.proc
        if proc is None or proc.returncode is not None:
            proc = await self._start()
        if on_start is not None:
            on_start(proc)
        ok = False
        try:
            report = await self._ask(proc, request_for(config, db_path, now), deadline, listener)
            ok = True
            return report
        finally:
            if not ok:
                await self._stop(proc, kill_now=True)

    async def aclose(self) -> None:
        """Ask the worker to end (EOF on its stdin: it closes its client and exits), killed if
        it has not within KILL_WAIT; reaped."""
        if self.proc is not None:
            await self._stop(self.proc, kill_now=False)

    async def _start(self) -> asyncio.subprocess.Process:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-P",
            "-m",
            MODULE,
            env=child_environment(),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            limit=LINE_LIMIT,
        )
        assert proc.stderr is not None
        self.proc, self._relay = proc, asyncio.create_task(_relay_log(proc.stderr, proc.pid))
        return proc

    async def _ask(
        self,
        proc: asyncio.subprocess.Process,
        request: bytes,
        deadline: float,
        listener: RefreshListener,
    ) -> RefreshReport:
        assert proc.stdin is not None and proc.stdout is not None
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # it died: see below
            proc.stdin.write(request)
            await proc.stdin.drain()
        try:
            async with asyncio.timeout(deadline):
                while line := await proc.stdout.readline():
                    try:
                        message = json.loads(line)
                    except ValueError:
                        log.warning("market worker %d: unreadable line %r", proc.pid, line[:200])
                        continue
                    if "progress" in message:
                        listener.progress(*message["progress"])
                    elif "reach" in message:
                        if (reach := reach_of(message["reach"])) is not None:
                            listener.reach(reach)
                    elif "stored" in message:
                        listener.stored()
                    elif "report" in message:
                        return report_from(message["report"])
                    elif "error" in message:
                        raise RefreshFailed(str(message["error"]))
                code = await proc.wait()
        except TimeoutError:
            raise RefreshFailed(
                f"the market worker gave no report within {deadline:g}s: stopped"
            ) from None
        how = f"was stopped by signal {-code}" if code < 0 else f"exited with status {code}"
        raise RefreshFailed(f"the market worker {how} before its report")

    async def _stop(self, proc: asyncio.subprocess.Process, *, kill_now: bool) -> None:
        if self.proc is proc:
            self.proc = None
        relay, self._relay = self._relay, None
        if kill_now:
            kill(proc)
        elif proc.stdin is not None and not proc.stdin.is_closing():
            proc.stdin.close()
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(proc.wait(), KILL_WAIT)
        kill(proc)  # one that did not end when asked
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(proc.wait(), KILL_WAIT)
        if relay is not None:
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(relay, KILL_WAIT)  # the log's last lines, to EOF
            relay.cancel()


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


def _used_once(
    method: Callable[Concatenate[RefreshWorker, P], Awaitable[R]],
) -> Callable[P, Awaitable[R]]:
    """`method` of a worker of its own, stopped after it answers."""

    async def once(*args: P.args, **kwargs: P.kwargs) -> R:
        worker = RefreshWorker()
        try:
            return await method(worker, *args, **kwargs)
        finally:
            await worker.aclose()

    return once


# `refresh_in_process` in a child process of its own, stopped after its report.
refresh_in_child_process = _used_once(RefreshWorker.refresh)
