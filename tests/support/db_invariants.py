"""What must hold in a catalyst database at any moment another process may look at it: after a
kill -9, while three processes write it, after a restart. Read through a plain sqlite3
connection (no catalyst code), so a bug in the Store can't hide itself.

- `PRAGMA integrity_check` is ok;
- whole refresh batches only: a refresh writes every symbol's quote (and its bars) in one
  transaction, so all fresh quotes carry one `fetched_at`, and every symbol with a quote has
  its bars;
- the timeline is whole: per checkpoint, each event starts from the status the previous one
  ended in, and the last one ends in the checkpoint's status (a lost or doubled transition
  breaks the chain);
- the outbox: exactly one row per event that is to be notified, and no row without its event.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DbState:
    quote_stamps: frozenset[str]  # the fetched_at of every fresh quote
    events: int
    missed_events: int  # engine transitions to missed (the notified kind)
    outbox: int
    sent: int
    claimed_unsent: int
    delivered: int  # sent through a channel (one acknowledged before it went: settled unsent)


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def check(path: Path, *, notify: tuple[str, ...] = ("missed",)) -> DbState:
    """Assert every invariant above; return counts for the caller's own checks."""
    conn = connect(path)
    try:
        conn.execute("BEGIN")  # one snapshot for every query below
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        assert problems == ["ok"], f"integrity_check: {problems}"

        stamps = {
            row[0] for row in conn.execute("SELECT DISTINCT fetched_at FROM quotes WHERE stale = 0")
        }
        assert len(stamps) <= 1, f"half a refresh is visible: fresh quotes from {sorted(stamps)}"
        without_bars = [
            row[0]
            for row in conn.execute(
                "SELECT q.symbol FROM quotes q WHERE q.stale = 0 AND NOT EXISTS"
                " (SELECT 1 FROM prices p WHERE p.symbol = q.symbol)"
            )
        ]
        assert not without_bars, f"quotes stored without their bars: {without_bars}"

        chains: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
        for event_id, symbol, cid, before, after in conn.execute(
            "SELECT id, symbol, checkpoint_id, from_status, to_status FROM events ORDER BY id"
        ):
            chains.setdefault((symbol, cid), []).append((event_id, before, after))
        status = {
            (r[0], r[1]): r[2] for r in conn.execute("SELECT symbol, id, status FROM checkpoints")
        }
        for key, chain in chains.items():
            for (_, _, ended), (event_id, began, _) in zip(chain, chain[1:], strict=False):
                assert began == ended, f"{key}: event {event_id} starts from {began}, not {ended}"
            assert chain[-1][2] == status[key], f"{key}: status {status[key]}, last event {chain}"

        marks = ", ".join("?" * len(notify))
        to_notify = Counter(
            row[0]
            for row in conn.execute(
                f"SELECT id FROM events WHERE manual = 0 AND to_status IN ({marks})", notify
            )
        )
        rows = Counter(row[0] for row in conn.execute("SELECT event_id FROM outbox"))
        assert rows == to_notify, f"outbox {dict(rows)} != events to notify {dict(to_notify)}"

        count = conn.execute(
            "SELECT (SELECT COUNT(*) FROM events),"
            " (SELECT COUNT(*) FROM events WHERE manual = 0 AND to_status = 'missed'),"
            " (SELECT COUNT(*) FROM outbox),"
            " (SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL),"
            " (SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND claimed_by IS NOT NULL),"
            " (SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL AND channels != '')"
        ).fetchone()
        return DbState(frozenset(stamps), *count)
    finally:
        conn.close()
