"""How the shared client spaces and times requests: a provider's rate limit, the budget of one
request's own time (its exchanges and the waits between its attempts), and the wait a
Retry-After header asks for."""

from __future__ import annotations

import asyncio
import math
import os
import time
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class RateLimit:
    """Spaces the requests of one provider at least 1/rate seconds apart (no bursts).

    A request takes its turn, then its global concurrency slot, and only then is the next turn
    scheduled, so a queue behind the global cap cannot release a burst later. The slack keeps a
    server's clock from ever seeing rate + 1 requests within one second.
    """

    SLACK = 0.01

    def __init__(self, per_second: float) -> None:
        if per_second <= 0:
            raise ValueError("a rate limit must be positive")
        self.per_second = per_second
        self.interval = 1.0 / per_second + self.SLACK
        self._turn = asyncio.Lock()
        self._next = 0.0

    async def acquire(self, slots: asyncio.Semaphore) -> None:
        async with self._turn:
            wait = self._next - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            await slots.acquire()
            self._next = time.monotonic() + self.interval


class SharedRateLimit(RateLimit):
    """A RateLimit kept together by every process that names the same `path`: the file holds
    when the last request of any of them was sent, on the machine's monotonic clock (one clock
    for all its processes); a request is sent once that is an interval ago, the file moved on
    under its lock at that moment. Two refreshes on one database ask SEC no faster together
    than one alone: spaced by when they go, not by when they were meant to (a turn slept past
    would crowd the next). Where the file can't be had, this process's own pacing."""

    STALE = 60.0  # seconds: a last request further ahead was left by another boot's clock
    # Wider: the requests of two processes take two paths to the server, and a process that took
    # its turn can wait for the CPU before its request leaves. 0.02 (an interval of 0.12 s) let
    # eleven of two busy processes' requests reach the server within one second, after a 0.2 s
    # delay; 0.04 (0.14 s) keeps ten a second there through delays up to a quarter second.
    SLACK = 0.04

    def __init__(self, per_second: float, path: Path) -> None:
        super().__init__(per_second)
        self.path = path

    async def acquire(self, slots: asyncio.Semaphore) -> None:
        async with self._turn:
            await slots.acquire()  # then the turn: nothing queued behind the slots can burst
            try:
                while (wait := self._take()) > 0:
                    await asyncio.sleep(wait)
            except BaseException:
                slots.release()
                raise

    def _take(self) -> float:
        """0 when the turn was taken now (and written), else the seconds to wait for it."""
        try:
            import fcntl

            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)  # its folder: the caller's
        except (ImportError, OSError):  # not POSIX, or gone: this process's own turns
            wait = self._next - time.monotonic()
            if wait <= 0:
                self._next = time.monotonic() + self.interval
            return max(0.0, wait)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # held for a read and a write: microseconds
            try:
                last = float(os.pread(fd, 64, 0).decode("ascii") or "nan")
            except ValueError:
                last = math.nan
            now = time.monotonic()
            if now - self.STALE < last <= now and now - last < self.interval:
                return last + self.interval - now
            os.pwrite(fd, f"{now:<32.6f}".encode("ascii"), 0)
            return 0.0
        finally:
            os.close(fd)  # and with it the lock


class Budget:
    """A request's own time: `total` seconds, spent by its exchanges and its waits."""

    def __init__(self, total: float) -> None:
        self.total = total
        self.spent = 0.0

    @property
    def left(self) -> float:
        return max(0.0, self.total - self.spent)

    def spend(self, seconds: float) -> None:
        self.spent += seconds


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), None if absent."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP-date is always GMT
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
