"""An earnings release read in a child process of its own (`python -m
catalyst_tui.reading.release.child`), so that a document that takes too long can be stopped: a
thread reading it could not be cancelled, and the refresh waited for it (minutes, on a release
built to be slow) and read it again at every refresh.

The child is given its limit, the filing's day, the company's layout and the exhibit's bytes on
stdin, and answers the
pickled ReleaseResults. The parent kills it at READ_LIMIT, or when its own task is cancelled (the
refresh's share of time ran out). Only the release records come back through the pickle.
"""

from __future__ import annotations

import asyncio
import io
import pickle
import sys
from asyncio.subprocess import PIPE
from typing import TYPE_CHECKING, Any

from ..reading.release.records import Place, ReleaseResults, places_json
from .child import within

if TYPE_CHECKING:
    from datetime import date

MODULE = "catalyst_tui.reading.release.child"
READ_LIMIT = 20.0  # seconds: a real release reads in well under one
_RECORDS = ReleaseResults.__module__


class ReadTimedOut(Exception):
    """The release was not read within its time: the child was stopped."""


class ReaderFailed(Exception):
    """The child ended without results (a crash, a signal): why, in words."""


async def read_in_child(
    body: bytes,
    filed: date | None = None,
    limit: float | None = None,
    layout: tuple[Place, ...] = (),
) -> ReleaseResults:
    """The release in `body` (its 8-K filed on `filed`, its company's `layout`) read in a child
    process, within `limit` seconds (READ_LIMIT); then ReadTimedOut, and ReaderFailed when the
    child gives nothing. Cancelled, the child is killed."""
    limit = READ_LIMIT if limit is None else limit
    day = filed.isoformat() if filed is not None else ""
    head = f"{limit!r}\n{day}\n{places_json(layout)}\n".encode()
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", MODULE, stdin=PIPE, stdout=PIPE, stderr=PIPE
        )
        ended = await within(proc, head + body, limit)
    except TimeoutError:
        raise ReadTimedOut(f"reading it took longer than {limit:g} s: stopped") from None
    if ended.status != 0:
        code, last = ended.status, ended.last_error
        how = f"was stopped by signal {-code}" if code < 0 else f"exited with status {code}"
        raise ReaderFailed(f"the release reader {how}{': ' if last else ''}{last[:200]}")
    out = ended.out
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
