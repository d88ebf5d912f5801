"""Earnings releases read in a child process (`python -P -m catalyst_tui.reading.release.child`),
so that a document that takes too long can be stopped: a thread reading it could not be
cancelled, and the refresh waited for it (minutes, on a release built to be slow) and read it
again at every refresh.

A `ReleaseReader` (a jobs/kept_child.py `KeptChild`) starts its child at the first release it
is given and keeps it for the next ones (a refresh's releases, a feed's pages): a child's start,
Python and the reader's imports, is about 70 ms of CPU, more than reading most releases, and
`catalyst demo` alone reads twenty at its start. Each release goes to the child with its limit,
the filing's day and the company's layout; the child answers the pickled ReleaseResults. The
parent kills the child at a release's READ_LIMIT, when it dies or answers what is not a
release's results, or when the caller is cancelled (the refresh's share of time ran out): that
release fails alone, and the next one starts another child. Only the release records come back
through the pickle.
"""

from __future__ import annotations

import io
import pickle
from typing import TYPE_CHECKING, Any

from ..reading.release.records import MAX_BYTES, Place, ReleaseResults, places_json
from .kept_child import KeptChild, ReaderFailed, ReadTimedOut

if TYPE_CHECKING:
    from datetime import date

__all__ = ["MODULE", "READ_LIMIT", "ReadTimedOut", "ReaderFailed", "ReleaseReader", "read_in_child"]

MODULE = "catalyst_tui.reading.release.child"
READ_LIMIT = 20.0  # seconds: a real release reads in well under one
_RECORDS = ReleaseResults.__module__


class ReleaseReader(KeptChild):
    """Releases read one after another by one child process, started at the first and ended
    when the block ends (`async with ReleaseReader() as reader`), or at a release that fails."""

    child = MODULE
    what = "the release reader"
    largest = MAX_BYTES  # a release's results pickle to a few kB: more is not an answer

    async def __aenter__(self) -> ReleaseReader:
        return self

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
        answer = await self.exchange(asked, limit)
        try:
            results = _Results(io.BytesIO(answer)).load()
        except Exception as exc:
            raise await self.failed(f"the release reader's answer is unreadable ({exc})") from None
        if not isinstance(results, ReleaseResults):
            raise await self.failed(f"the release reader answered a {type(results).__name__}")
        return results


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
