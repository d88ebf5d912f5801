"""How the shared client spaces and times requests: a provider's rate limit, the budget of one
request's own time (its exchanges and the waits between its attempts), and the wait a
Retry-After header asks for."""

from __future__ import annotations

import asyncio
import time
from email.utils import parsedate_to_datetime


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
