"""An earnings release read in a child process of its own (`python -m
catalyst_tui.jobs.release_reader`), so that a document that takes too long can be stopped: a
thread reading it could not be cancelled, and the refresh waited for it (minutes, on a release
built to be slow) and read it again at every refresh.

- stdin: the seconds the child may take (one line), then the exhibit's bytes;
- stdout: the pickled ReleaseResults of market/sec/releases.py `read_release`.

The parent kills the child at READ_LIMIT, or when its own task is cancelled (the refresh's share
of time ran out); the child also ends itself by SIGALRM a little after its limit, should the
parent have died without killing it. Only this module's classes come back through the pickle.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import math
import pickle
import sys
from typing import Any

from ..market.sec.release_records import ReleaseResults

MODULE = "catalyst_tui.jobs.release_reader"
READ_LIMIT = 20.0  # seconds: a real release reads in well under one
KILL_WAIT = 5.0  # seconds to wait for a killed child to be reaped
_RECORDS = "catalyst_tui.market.sec.release_records"


class ReadTimedOut(Exception):
    """The release was not read within its time: the child was stopped."""


class ReaderFailed(Exception):
    """The child ended without results (a crash, a signal): why, in words."""


async def read_in_child(body: bytes, limit: float | None = None) -> ReleaseResults:
    """`read_release(body)` in a child process, within `limit` seconds (READ_LIMIT); then
    ReadTimedOut, and ReaderFailed when the child gives nothing. Cancelled, it is killed."""
    limit = READ_LIMIT if limit is None else limit
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        MODULE,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(limit):
            out, err = await proc.communicate(f"{limit!r}\n".encode() + body)
    except TimeoutError:
        raise ReadTimedOut(f"reading it took longer than {limit:g} s: stopped") from None
    finally:
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(proc.wait(), KILL_WAIT)
    if proc.returncode != 0:
        code = proc.returncode or 0
        how = f"was stopped by signal {-code}" if code < 0 else f"exited with status {code}"
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ReaderFailed(f"the release reader {how}{': ' if last[0] else ''}{last[0][:200]}")
    try:
        results = _Results(io.BytesIO(out)).load()
    except Exception as exc:
        raise ReaderFailed(f"the release reader's answer is unreadable ({exc})") from None
    if not isinstance(results, ReleaseResults):
        raise ReaderFailed(f"the release reader answered a {type(results).__name__}")
    return results


class _Results(pickle.Unpickler):
    """Unpickles the reader's records and dates, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == _RECORDS or (module == "datetime" and name == "date"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a release record")


def main() -> int:
    import signal

    from ..market.sec.releases import read_release

    stdin = sys.stdin.buffer
    limit = float(stdin.readline())
    if math.isfinite(limit) and limit > 0:  # an orphan ends itself
        signal.alarm(math.ceil(limit) + 1)
    results = read_release(stdin.read())
    pickle.dump(results, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
