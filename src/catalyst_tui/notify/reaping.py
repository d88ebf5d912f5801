"""A child process ended for good: killed if it still runs, reaped (waited for, so no zombie is
left), and its pipes closed on the loop that made them, whatever ended its caller (its work
done, a deadline, a cancellation). The one piece the children's parents share: the sends'
(notify/remote.py) and the document readers' (jobs/child.py); here, below both, since the jobs
may import notify and notify never imports the jobs."""

from __future__ import annotations

import asyncio
import contextlib

REAP_WAIT = 5.0  # seconds to wait for a killed child to be reaped


async def reaped(proc: asyncio.subprocess.Process) -> None:
    """`proc` killed unless it has ended, then waited for (at most REAP_WAIT, and through a
    cancellation of the caller's), its transport closed."""
    if proc.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(proc.wait(), REAP_WAIT)
    transport = getattr(proc, "_transport", None)
    if transport is not None:  # closed on this loop, not by the collector after it ends
        transport.close()
