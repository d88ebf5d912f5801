"""A reader child kept for many documents (`python -P -m MODULE`, each subclass's own): started
at the first, given each document with its limit, and ended when the block ends (`async with
Reader() as reader`) or at a document that fails. A child's start (Python and the reader's
imports) is tens of ms of CPU, more than reading most documents: one child reads a refresh's
releases (jobs/release_reader.py) or the texts it stores (jobs/text_reader.py) in turn.

The parent kills the child at a document's limit (ReadTimedOut), when it dies or answers what is
not an answer (ReaderFailed), or when the caller is cancelled: that document fails alone, and
the next one starts another child. Each answer is its length as SIZE_BYTES bytes (big-endian),
then its bytes, at most the largest a subclass takes; the child's side is reading/serving.py.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import sys
from asyncio.subprocess import PIPE
from collections.abc import Coroutine
from pathlib import Path
from typing import ClassVar

from ..notify.reaping import reaped
from ..paths import child_environment
from ..reading.serving import SIZE_BYTES

_CLOSE_WAIT = 5.0  # seconds a child told to end, or its errors' pipe, is waited for


def reader_module(name: str) -> str:
    """`name`, the module a reader child runs, when it is a module of this package written as
    one (`catalyst_tui.` and dotted words: nothing a shell or Python would read otherwise);
    ValueError else. Each is its job's MODULE, a string written in its module."""
    words = name.split(".")
    if words[0] != "catalyst_tui" or not all(w.isidentifier() and w.isascii() for w in words):
        raise ValueError(f"{name!r} is no module of catalyst's to run as a reader")
    return name


async def start_reader(module: str) -> asyncio.subprocess.Process:
    """A reader child: `python -P -m MODULE` in `child_environment()` (nothing of the working
    folder on its import path), a pipe each for its stdin, stdout and stderr."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-P",
        "-m",
        reader_module(module),
        env=child_environment(),
        stdin=PIPE,
        stdout=PIPE,
        stderr=PIPE,
    )


class ReadTimedOut(Exception):
    """The document was not read within its time: the child was stopped."""


class ReaderFailed(Exception):
    """The child ended without an answer (a crash, a signal): why, in words."""


class KeptChild:
    """One reader child for documents read one after another (the module docstring)."""

    child: ClassVar[str]  # the module the child runs: its job's MODULE
    what: ClassVar[str]  # the reader as its failures name it ("the release reader")
    largest: ClassVar[int]  # the bytes of the largest answer it may give
    # Whether a document's limit is of the child's work (its CPU time) rather than of the clock:
    # a reading a person waits on, that a busy machine slows but must not make fail.
    counts_work: ClassVar[bool] = False

    def __init__(self) -> None:
        self._proc: asyncio.subprocess.Process | None = None
        self._errors: asyncio.Task[str] | None = None
        self._last_error = ""  # the last line of the ended child's stderr
        self.started = 0  # children started: one, unless a document failed

    @property
    def pid(self) -> int | None:
        """The child's process id while one is kept."""
        return None if self._proc is None else self._proc.pid

    async def __aenter__(self) -> KeptChild:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def exchange(self, asked: bytes, limit: float) -> bytes:
        """`asked` given to the child and its answer read, within `limit` seconds (the child's
        start counts, when it is the first): of the clock's, or of the child's CPU time where
        the subclass counts its work (`counts_work`); ReadTimedOut, ReaderFailed. Cancelled, or
        at any failure, the child is ended."""
        try:
            if not self.counts_work:
                async with asyncio.timeout(limit):
                    return await self._answer(asked)
            return await self._within_work(self._answer(asked), limit)
        except TimeoutError:
            await self._end()
            raise ReadTimedOut(f"reading it took longer than {limit:g} s: stopped") from None
        except (OSError, EOFError):  # the child ended before its answer
            raise ReaderFailed(await self._failure()) from None
        except BaseException:  # cancelled, or an answer too large: the child goes
            await self._end()
            raise

    async def _answer(self, asked: bytes) -> bytes:
        proc = await self._child()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(asked)
        await proc.stdin.drain()
        size = int.from_bytes(await proc.stdout.readexactly(SIZE_BYTES), "big")
        if size > self.largest:  # the child is ended by the caller, as at any failure
            raise ReaderFailed(f"{self.what} answered {size} bytes: stopped")
        return await proc.stdout.readexactly(size)

    async def _within_work(self, answer: Coroutine[object, object, bytes], limit: float) -> bytes:
        """`answer` awaited until the child has worked `limit` seconds of CPU for it (its
        start too, when it is the first), or the clock has run _CLOCK_TIMES that (a child that
        waits and does not work); TimeoutError past either. Where the child's CPU time cannot
        be read, the clock's `limit` alone."""
        loop = asyncio.get_running_loop()
        began, task = loop.time(), asyncio.ensure_future(answer)
        before = cpu_seconds(self.pid) if self.pid is not None else 0.0
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=max(0.0, min(limit, _LOOK_EVERY)))
                if done:
                    return task.result()
                now = cpu_seconds(self.pid) if self.pid is not None else None
                waited = loop.time() - began
                worked = waited if now is None or before is None else now - before
                if worked >= limit or waited >= limit * _CLOCK_TIMES:
                    raise TimeoutError
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    async def failed(self, why: str) -> ReaderFailed:
        """An answer that is none: the child ended, and why, to raise."""
        await self._end()
        return ReaderFailed(why)

    async def aclose(self) -> None:
        """The child told it is done (the end of its stdin), and waited for; killed if it has
        not ended by then."""
        proc = self._proc
        if proc is None:
            return
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(proc.wait(), _CLOSE_WAIT)
        finally:
            await self._end()

    async def _child(self) -> asyncio.subprocess.Process:
        if self._proc is not None and self._proc.returncode is not None:  # ended between two
            await self._end()
        if self._proc is None:
            self._proc = await start_reader(self.child)
            self.started += 1
            assert self._proc.stderr is not None
            self._errors = asyncio.ensure_future(_last_line(self._proc.stderr))
        return self._proc

    async def _failure(self) -> str:
        """Why the child gave no answer, in words, once it has ended."""
        proc = self._proc
        await self._end()
        code = proc.returncode if proc is not None else None
        last = self._last_error
        if not code:
            how = "ended without an answer"
        else:
            how = f"was stopped by signal {-code}" if code < 0 else f"exited with status {code}"
        return f"{self.what} {how}{': ' if last else ''}{last[:200]}"

    async def _end(self) -> None:
        """The child killed unless it has ended, reaped, and forgotten: the next document
        starts another."""
        proc, errors, self._proc, self._errors = self._proc, self._errors, None, None
        self._last_error = ""
        if proc is None:
            return
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
        if errors is not None:  # its last words, read to their end before the pipes close
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                self._last_error = await asyncio.wait_for(errors, _CLOSE_WAIT)
        await reaped(proc)


_LOOK_EVERY = 0.25  # seconds between two looks at a working child's CPU time
_CLOCK_TIMES = 6  # a child's limit of work is also one of six times as long on the clock
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """The CPU time process `pid` has worked (user and system), from /proc; None where it
    cannot be read (no /proc, the process gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()  # past the command's name
        return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime
    except (OSError, ValueError, IndexError):
        return None


async def _last_line(stream: asyncio.StreamReader) -> str:
    """The last line the child writes to its stderr, the rest read and dropped (a child
    writing much there never waits on a full pipe)."""
    last = collections.deque([b""], maxlen=1)
    while line := await stream.readline():
        if line.strip():
            last.append(line)
    return last[0].decode("utf-8", "replace").strip()
