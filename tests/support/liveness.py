"""The one wall-clock bound a test may keep: a ceiling that proves a hang cannot happen (a stalled
server cut at the read timeout, a refresh stopped at its deadline), set tens of times above what
the bounded wait takes on a quiet machine, so that a loaded one never reaches it. A claim about
speed is not made here: it is a benchmark in bench/, a ratio against a floor measured in the same
run, or a bound on work (a call count, the sleeps asked for, CPU time against a floor)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Iterator

# Seconds. Every wait bounded this way ends in at most a few seconds on a quiet machine (the
# longest, a refresh's own deadline of 30 s, adds its deadline to it: `deadline + HANG`).
HANG = 120.0


@contextlib.contextmanager
def no_hang(what: str, ceiling: float = HANG) -> Iterator[None]:
    """Asserts the block ended within `ceiling` seconds (a block that never ends is held by its
    own bound: a subprocess's timeout, a server's stall that stops with the server)."""
    started = time.monotonic()
    yield
    took = time.monotonic() - started
    assert took < ceiling, f"{what}: still going after {took:.0f} s, a hang"


@contextlib.asynccontextmanager
async def no_hang_async(what: str, ceiling: float = HANG) -> AsyncIterator[None]:
    """The same for a coroutine, cut at the ceiling (a TimeoutError naming `what`)."""
    bound = asyncio.timeout(ceiling)
    try:
        async with bound:
            yield
    except TimeoutError as exc:
        if not bound.expired():
            raise
        raise AssertionError(f"{what}: still going after {ceiling:.0f} s, a hang") from exc
