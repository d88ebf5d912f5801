"""A reader run in a child process of its own (`python -m MODULE`, started by its caller with
a fixed argv), given its input on stdin and stopped at its time limit: a document built to be
slow (a release, a PDF) cannot keep a refresh or the TUI waiting, a thread reading it could not
be cancelled, and what it does to the child's memory ends with the child. Cancelled, the child
is killed too (jobs/pdf_reader.py; jobs/release_reader.py keeps one child for many releases)."""

from __future__ import annotations

import asyncio
from typing import NamedTuple

from ..notify.reaping import REAP_WAIT as KILL_WAIT
from ..notify.reaping import reaped

__all__ = ["KILL_WAIT", "Ended", "within"]  # KILL_WAIT: the refresh worker's wait too


class Ended(NamedTuple):
    """How the child ended: its status, what it wrote and the last line of its errors."""

    status: int
    out: bytes
    last_error: str


async def within(proc: asyncio.subprocess.Process, given: bytes, limit: float) -> Ended:
    """The child `proc` (its argv fixed by its caller, where tests/cli/test_hygiene.py reads
    it) given `given` on its stdin; TimeoutError once `limit` seconds pass, the child killed
    and reaped (and so when the caller is cancelled: notify/reaping.py)."""
    try:
        async with asyncio.timeout(limit):
            out, err = await proc.communicate(given)
    finally:
        await reaped(proc)
    last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    return Ended(proc.returncode or 0, out, last[0])
