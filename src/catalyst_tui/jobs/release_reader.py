"""Earnings releases read in a child process (`python -m catalyst_tui.reading.release.child`),
so that a document that takes too long can be stopped: a thread reading it could not be
cancelled, and the refresh waited for it (minutes, on a release built to be slow) and read it
again at every refresh.

A `ReleaseReader` starts its child at the first release it is given and keeps it for the next
ones (a refresh's releases, a feed's pages): a child's start, Python and the reader's imports,
is about 70 ms of CPU, more than reading most releases, and `catalyst demo` alone reads twenty
at its start. Each release goes to the child with its limit, the filing's day and the
company's layout; the child answers the pickled ReleaseResults. The parent kills the child at
a release's READ_LIMIT, when it dies or answers what is not a release's results, or when the
caller is cancelled (the refresh's share of time ran out): that release fails alone, and the
next one starts another child. Only the release records come back through the pickle.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import io
import pickle
import sys
from asyncio.subprocess import PIPE
from typing import TYPE_CHECKING, Any

from ..notify.reaping import reaped
from ..paths import child_environment
from ..reading.release.child import SIZE_BYTES
from ..reading.release.records import MAX_BYTES, Place, ReleaseResults, places_json

if TYPE_CHECKING:
    from datetime import date
    from types import TracebackType

MODULE = "catalyst_tui.reading.release.child"
READ_LIMIT = 20.0  # seconds: a real release reads in well under one
_RECORDS = ReleaseResults.__module__
_CLOSE_WAIT = 5.0  # seconds a child told to end, or its errors' pipe, is waited for
_LARGEST_ANSWER = MAX_BYTES  # a release's results pickle to a few kB: more is not an answer


class ReadTimedOut(Exception):
    """The release was not read within its time: the child was stopped."""


class ReaderFailed(Exception):
    """The child ended without results (a crash, a signal): why, in words."""


class ReleaseReader:
    """Releases read one after another by one child process, started at the first and ended
    when the block ends (`async with ReleaseReader() as reader`), or at a release that fails."""

    def __init__(self) -> None:
        self._proc: asyncio.subprocess.Process | None = None
        self._errors: asyncio.Task[str] | None = None
        self._last_error = ""  # the last line of the ended child's stderr
        self.started = 0  # children started: one, unless a release failed

    @property
    def pid(self) -> int | None:
        """The child's process id while one is kept."""
        return None if self._proc is None else self._proc.pid

    async def __aenter__(self) -> ReleaseReader:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def read(
        self,
        body: bytes,
        filed: date | None = None,
        limit: float | None = None,
        layout: tuple[Place, ...] = (),
    ) -> ReleaseResults:
        """The release in `body` (its 8-K filed on `filed`, its company's `layout`), read
        within `limit` seconds (READ_LIMIT; the child's start counts, when it is the first);
        then ReadTimedOut, and ReaderFailed when the child gives nothing. Cancelled, the child
        is killed."""
        limit = READ_LIMIT if limit is None else limit
        day = filed.isoformat() if filed is not None else ""
        asked = f"{limit!r}\n{day}\n{places_json(layout)}\n{len(body)}\n".encode() + body
        try:
            async with asyncio.timeout(limit):
                proc = await self._child()
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(asked)
                await proc.stdin.drain()
                size = int.from_bytes(await proc.stdout.readexactly(SIZE_BYTES), "big")
                if size > _LARGEST_ANSWER:  # the child is ended below, as at any failure
                    raise ReaderFailed(f"the release reader answered {size} bytes: stopped")
                answer = await proc.stdout.readexactly(size)
        except TimeoutError:
            await self._end()
            raise ReadTimedOut(f"reading it took longer than {limit:g} s: stopped") from None
        except (OSError, EOFError):  # the child ended before its answer
            raise ReaderFailed(await self._failure()) from None
        except BaseException:  # cancelled, or an answer too large: the child goes
            await self._end()
            raise
        try:
            results = _Results(io.BytesIO(answer)).load()
        except Exception as exc:
            await self._end()
            raise ReaderFailed(f"the release reader's answer is unreadable ({exc})") from None
        if not isinstance(results, ReleaseResults):
            await self._end()
            raise ReaderFailed(f"the release reader answered a {type(results).__name__}")
        return results

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
            self._proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-P",
                "-m",
                MODULE,
                env=child_environment(),
                stdin=PIPE,
                stdout=PIPE,
                stderr=PIPE,
            )
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
        return f"the release reader {how}{': ' if last else ''}{last[:200]}"

    async def _end(self) -> None:
        """The child killed unless it has ended, reaped, and forgotten: the next release
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


async def _last_line(stream: asyncio.StreamReader) -> str:
    """The last line the child writes to its stderr, the rest read and dropped (a child
    writing much there never waits on a full pipe)."""
    last = collections.deque([b""], maxlen=1)
    while line := await stream.readline():
        if line.strip():
            last.append(line)
    return last[0].decode("utf-8", "replace").strip()


async def read_in_child(
    body: bytes,
    filed: date | None = None,
    limit: float | None = None,
    layout: tuple[Place, ...] = (),
) -> ReleaseResults:
    """One release read in a child of its own (ReleaseReader.read, the child then ended)."""
    async with ReleaseReader() as reader:
        return await reader.read(body, filed, limit, layout)


class _Results(pickle.Unpickler):
    """Unpickles the reader's records and dates, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == _RECORDS or (module == "datetime" and name == "date"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a release record")
