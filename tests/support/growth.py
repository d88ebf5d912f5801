"""How a reader's work grows with its input: CPU time at a size, twice it and four times it, each
the least of a few runs, compared in the same process (no clock of the machine's speed). A
linear reader takes about four times as long on four times the text; a quadratic one sixteen,
an exponential one never ends. Plain module, no pytest:

    assert_linear(lambda n: "Broadcom Q3 " + "." * n, announces_title, 25_000)
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

RUNS = 3  # the least of these: a busy machine slows a run, never speeds one
AGAIN = 4  # more measures of the three sizes where they break the bound (the least kept; two
# were once too few for plain_text beside a busy suite: its worst piece grows 4.8x for 4x)
BOUND = 6.0  # four times the input in at most six times the time (quadratic: sixteen)
SWELL = 2.0  # the most a busy machine's caches may widen BOUND by (_swell): 12 is still not 16
GRAIN = 0.005  # CPU seconds below which a difference is the clock's, not the reader's
FLOOR = 0.01  # CPU seconds the smallest size takes at least (doubled until it does)
LARGEST = 1 << 18  # characters the smallest size is doubled to at most (past it, the allocator)


def cpu(read: Callable[[str], object], text: str) -> float:
    """The least CPU time of RUNS reads of `text`."""
    best = float("inf")
    for _ in range(RUNS):
        started = time.process_time()
        read(text)
        best = min(best, time.process_time() - started)
    return best


def growth(make: Callable[[int], str], read: Callable[[str], object], size: int) -> list[float]:
    """The CPU times of `read` on `make(n)`, `make(2 * n)` and `make(4 * n)`, `n` at least
    `size` and doubled until its read takes FLOOR (a read of a few milliseconds is the
    machine's noise as much as the reader's); where they break the bound, measured AGAIN times
    more, each size's least kept: a busy moment slows one read (a reader that is not linear
    breaks it every time)."""
    # The cyclic garbage collector is paused while the reads are timed: a collection walks the
    # whole process's heap (in a test worker, every earlier test's objects), a cost of the
    # process and not of the reader, that once made a linear read look 6.5 times as long on
    # four times the text. Reference counting still frees each read's objects.
    gc.collect()
    gc.disable()
    try:
        size, times = _growth(make, read, size)
        swell = _swell(make, size)
        for _ in range(AGAIN):
            if _linear(*times, swell=swell):
                break
            again = [cpu(read, make(n * size)) for n in (1, 2, 4)]
            times = [min(was, now) for was, now in zip(times, again, strict=True)]
            swell = min(swell, _swell(make, size))
        return [*times, swell]
    finally:
        gc.enable()


def _growth(
    make: Callable[[int], str], read: Callable[[str], object], size: int
) -> tuple[int, list[float]]:
    read(make(size))  # warm: imports and compiled patterns are no part of the read
    small = cpu(read, make(size))
    while small < FLOOR and size < LARGEST:
        size *= 2
        small = cpu(read, make(size))
    return size, [small, cpu(read, make(2 * size)), cpu(read, make(4 * size))]


def _swell(make: Callable[[int], str], size: int) -> float:
    """How much more than linearly a plain copy of the text grows from `make(size)` to
    `make(4 * size)` at this moment, between 1 and SWELL: on a busy machine a larger text costs
    more per character to anything that walks it (the caches are shared with the other
    processes), a reader and a copy alike. The bound is widened by as much, never so far that a
    quadratic reader (sixteen times for four) meets it."""
    small, large = make(size), make(4 * size)
    times = 1
    while cpu(_copied(times), small) < FLOOR / 2 and times < 1 << 12:
        times *= 2
    ratio = cpu(_copied(times), large) / max(cpu(_copied(times), small), 1e-9)
    return min(max(ratio / 4, 1.0), SWELL)


def _copied(times: int) -> Callable[[str], object]:
    """A linear walk of a text that makes a new one, `times` over: a copy's cost."""

    def copy(text: str) -> object:
        for _ in range(times):
            text.upper()
        return None

    return copy


def _linear(small: float, double: float, quadruple: float, *, swell: float = 1.0) -> bool:
    base = max(small, FLOOR)
    return (
        quadruple <= BOUND * swell * base + GRAIN and double <= (BOUND / 2) * swell * base + GRAIN
    )


def assert_linear(make: Callable[[int], str], read: Callable[[str], object], size: int) -> None:
    """`read` takes at most BOUND times as long on four times the input (a doubling, twice).
    A read that stays under FLOOR even at LARGEST characters is measured against FLOOR: its
    few milliseconds are the clock's as much as the reader's (a busy machine once made one
    read 2 ms and the next 25), and no reader that is not linear reads 256 KiB in them."""
    small, double, quadruple, swell = growth(make, read, size)
    assert _linear(small, double, quadruple, swell=swell), (small, double, quadruple, swell)
