"""A catalyst command that can stop itself at a chosen point of its writes, for the kill -9
proof (tests/jobs/test_durability.py): the parent chooses the moment, the child says when it is
there, and the parent's SIGKILL lands exactly there instead of at a random time.

Run as `python -m tests.support.write_barrier ARGS…` (ARGS as for `catalyst`), with

- CATALYST_WRITE_LOG: a file; every write point is appended to it as `EDGE WHO N`: EDGE begin
  or commit, WHO the store method that writes, N counting that point's passes from 1 (the
  points of a whole run, when nothing stops it, list the moments worth a kill);
- CATALYST_STOP_AT="EDGE WHO N" (optional): there the child appends `stopped EDGE WHO N` to the
  log and stops itself (SIGSTOP), holding everything it holds (a write lock, an open
  transaction, a notice sent and not recorded) until the parent kills it.

The points are the two edges of every `Store.transaction()`: `begin` before its BEGIN (all
earlier transactions committed, this one not started) and `commit` after its writes, before
its COMMIT (the writes made, none of them visible). Nested transactions (savepoints) are part
of the outer one and make no point of their own.
"""

from __future__ import annotations

import collections
import contextlib
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator
from types import FrameType

from catalyst_tui.store import Store

_lock = threading.Lock()
_passes: collections.Counter[str] = collections.Counter()


def _writer(frame: FrameType | None) -> str:
    """The store method that opened the transaction: the first caller outside store/__init__."""
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("catalyst_tui.") and module != "catalyst_tui.store":
            return f"{module.rsplit('.', 1)[-1]}.{frame.f_code.co_qualname}"
        frame = frame.f_back
    return "?"


def _point(edge: str, who: str) -> None:
    with _lock:
        _passes[f"{edge} {who}"] += 1
        point = f"{edge} {who} {_passes[f'{edge} {who}']}"
        stop = os.environ.get("CATALYST_STOP_AT") == point
        with open(os.environ["CATALYST_WRITE_LOG"], "a") as log:
            log.write(f"stopped {point}\n" if stop else f"{point}\n")
        if stop:  # under the lock: no other thread of this process passes another point
            os.kill(os.getpid(), signal.SIGSTOP)
            # The stop takes the process a moment after kill() returns, and a thread other
            # than the main one (the scheduler's delivery and evaluation write in worker
            # threads) would go on to its COMMIT meanwhile: this one never leaves the point.
            threading.Event().wait()


def install() -> None:
    """Make every outermost `Store.transaction()` pass its two points."""
    original = Store.transaction

    @contextlib.contextmanager
    def transaction(self: Store) -> Iterator[sqlite3.Connection]:
        outermost = not self.conn.in_transaction  # else a savepoint of the outer one
        who = _writer(sys._getframe(1))
        if outermost:
            _point("begin", who)
        with original(self) as conn:
            yield conn
            if outermost:  # the writes are made; leaving the block commits them
                _point("commit", who)

    Store.transaction = transaction  # type: ignore[method-assign]


if __name__ == "__main__":
    install()
    from catalyst_tui.cli import main

    sys.exit(main(sys.argv[1:]))
