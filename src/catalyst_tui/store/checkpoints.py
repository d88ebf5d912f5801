"""Checkpoints as evaluation reads and moves them: evaluation input, transitions (an event, and
an outbox row when it is to be notified, in one transaction), marks by hand, acknowledgements."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..thesis.judgement import CheckpointState, Evaluation, Reason, Why
from ..thesis.vocabulary import Status
from . import columns
from .door import Door
from .schema import REASON_PARTS
from .snapshot import load_snapshot

if TYPE_CHECKING:
    import datetime as dt
    import sqlite3
    from collections.abc import Iterable

    from ..thesis.snapshot import MarketSnapshot

_LAST = ", ".join(f"last_{name} = ?" for name, _ in REASON_PARTS)
_EVENT_COLUMNS = ", ".join(name for name, _ in REASON_PARTS)
_EVENT_MARKS = ", ".join("?" for _ in REASON_PARTS)
# A checkpoint's evaluation input, as evaluation_inputs reads it: each column handed to the
# CheckpointState field it holds, by name.
_STATE_SELECT = (
    "SELECT c.symbol, c.id, c.title, c.kind, c.status, c.manual, c.due, c.until, c.condition,"
    " c.period_end, c.manual_note, c.condition_since, c.at_due"
    " FROM checkpoints c JOIN tickers t ON t.symbol = c.symbol"
    " WHERE c.archived = 0 AND t.archived = 0{one} ORDER BY t.position, c.position"
)


class Checkpoints(Door):
    def evaluation_inputs(
        self, now: dt.datetime, *, sec_configured: bool, base: str = "USD"
    ) -> tuple[list[CheckpointState], MarketSnapshot]:
        """The active checkpoints and everything their metrics read, in a few queries."""
        snapshot = load_snapshot(self._store, now, sec_configured=sec_configured, base=base)
        return self.states(), snapshot

    def states(self, symbol: str | None = None) -> list[CheckpointState]:
        """The active checkpoints (of `symbol` alone when given) as evaluation reads them."""
        checkpoints = []
        day = columns.day
        one, args = ("", []) if symbol is None else (" AND c.symbol = ?", [symbol])
        rows = self._conn.execute(_STATE_SELECT.format(one=one), args)
        for sym, cid, title, kind, status, hand, due, until, when, end, note, since, at_due in rows:
            state = CheckpointState(
                symbol=sym,
                id=cid,
                title=title,
                kind=kind,
                status=status,
                manual=bool(hand),
                due=day(due),
                until=day(until),
                condition=columns.condition(when),
                period_end=day(end),
                note=note,
                written=day(since),
                at_due=bool(at_due),
            )
            checkpoints.append(state)
        return checkpoints

    def record(
        self, evaluations: list[Evaluation], now: dt.datetime, *, notify: Iterable[str] = ()
    ) -> list[int]:
        """Store every evaluation's reason and each transition, in one transaction; the new
        event ids. A transition is written only if the checkpoint still has the status it was
        evaluated from (compare-and-set under the write lock), so two processes evaluating at
        the same moment record, and notify, each transition once. An evaluation with nothing
        to add (Why.NOTHING: a milestone already decided) keeps the reason stored with the
        decision: a missed milestone says why on every later evaluation too. A checkpoint met at
        its first judgement is recorded but not notified (it was met before it was tracked)."""
        stamp = columns.iso(now)
        wanted = set(notify)
        events: list[int] = []
        with self._store.transaction() as conn:
            current = {
                (r[0], r[1]): (r[2], r[3], r[4] is None)
                for r in conn.execute(
                    "SELECT symbol, id, status, manual, evaluated_at FROM checkpoints"
                )
            }
            unchanged: list[tuple[Any, ...]] = []
            kept: list[tuple[str, str, str]] = []
            for e in evaluations:
                status, manual, first = current.get((e.symbol, e.checkpoint_id), (None, 0, False))
                if not e.changed or status != e.previous or manual:
                    if e.reason.why == Why.NOTHING:
                        kept.append((stamp, e.symbol, e.checkpoint_id))
                        continue
                    parts = columns.reason_columns(e.reason)
                    unchanged.append((parts[0], *parts[1:], stamp, e.symbol, e.checkpoint_id))
                    continue
                parts = columns.reason_columns(e.reason)
                conn.execute(
                    f"UPDATE checkpoints SET status = ?, status_since = ?, last_value = ?, {_LAST},"
                    " evaluated_at = ? WHERE symbol = ? AND id = ?",
                    [e.status, stamp, *parts, stamp, e.symbol, e.checkpoint_id],
                )
                condition = e.condition.text if e.condition else ""
                # A checkpoint met at its first judgement (a new file's first sync) was met before
                # catalyst looked: the timeline records it, no notification says it is news.
                news = e.status in wanted and not (first and e.status == Status.MET)
                events.append(
                    _add_event(
                        conn,
                        stamp,
                        e.symbol,
                        e.checkpoint_id,
                        e.previous,
                        e.status,
                        condition,
                        parts,
                        notify=news,
                    )
                )
            conn.executemany(
                f"UPDATE checkpoints SET last_value = ?, {_LAST}, evaluated_at = ?"
                " WHERE symbol = ? AND id = ?",
                unchanged,
            )
            conn.executemany(
                "UPDATE checkpoints SET evaluated_at = ? WHERE symbol = ? AND id = ?", kept
            )
        return events

    def mark(
        self, symbol: str, checkpoint_id: str, status: str, note: str, now: dt.datetime
    ) -> bool:
        """Resolve a checkpoint by hand (met/missed freeze it; pending reopens it).
        False when there is no such active checkpoint. Marked again as it stands: with no
        note, the one it has is kept and nothing is recorded; with another note, the note is
        replaced and the mark recorded again, so the timeline keeps both."""
        stamp = columns.iso(now)
        with self._store.transaction() as conn:
            row = conn.execute(
                "SELECT status, condition, manual, manual_note FROM checkpoints"
                " WHERE symbol = ? AND id = ? AND archived = 0",
                [symbol, checkpoint_id],
            ).fetchone()
            if row is None:
                return False
            manual = status != Status.PENDING
            again = manual and row[2] and row[0] == status
            if again and (not note or note == row[3]):
                return True  # the same mark: its note and its event stand
            why = {Status.MET: Why.MARKED_MET, Status.MISSED: Why.MARKED_MISSED}.get(
                Status(status), Why.REOPENED
            )
            parts = columns.reason_columns(Reason(why, note=note))
            conn.execute(
                "UPDATE checkpoints SET status = ?, manual = ?, manual_note = ?,"
                f" last_value = ?, {_LAST} WHERE symbol = ? AND id = ?",
                [status, int(manual), note, *parts, symbol, checkpoint_id],
            )
            if not again:  # a new note on the same mark: the status stands since it was made
                conn.execute(
                    "UPDATE checkpoints SET status_since = ? WHERE symbol = ? AND id = ?",
                    [stamp, symbol, checkpoint_id],
                )
            if row[0] != status or not manual or again:
                _add_event(
                    conn,
                    stamp,
                    symbol,
                    checkpoint_id,
                    row[0],
                    status,
                    row[1] or "",
                    parts,
                    notify=False,
                    manual=True,
                )
            if manual:  # whoever decides a checkpoint by hand has seen its earlier miss
                conn.execute(
                    "UPDATE events SET acked_at = ? WHERE flagged = 1 AND acked_at IS NULL"
                    " AND symbol = ? AND checkpoint_id = ?",
                    [stamp, symbol, checkpoint_id],
                )
        return True

    def acknowledge(self, targets: list[tuple[str, str]] | None, now: dt.datetime) -> int:
        """Clear the flags of the given checkpoints (None: all); the number of events cleared."""
        stamp = columns.iso(now)
        with self._store.transaction() as conn:
            if targets is None:
                cursor = conn.execute(
                    "UPDATE events SET acked_at = ? WHERE flagged = 1 AND acked_at IS NULL",
                    [stamp],
                )
                return cursor.rowcount
            cleared = 0
            for symbol, checkpoint_id in targets:
                cursor = conn.execute(
                    "UPDATE events SET acked_at = ? WHERE flagged = 1 AND acked_at IS NULL"
                    " AND symbol = ? AND checkpoint_id = ?",
                    [stamp, symbol, checkpoint_id],
                )
                cleared += cursor.rowcount
            return cleared

    def exists(self, symbol: str, checkpoint_id: str) -> bool:
        """Whether the checkpoint is active (in the file, not archived)."""
        sql = "SELECT 1 FROM checkpoints WHERE symbol = ? AND id = ? AND archived = 0"
        return self._conn.execute(sql, [symbol, checkpoint_id]).fetchone() is not None


def _add_event(
    conn: sqlite3.Connection,
    stamp: str,
    symbol: str,
    checkpoint_id: str,
    previous: str,
    status: str,
    condition: str,
    parts: tuple[Any, ...],
    *,
    notify: bool,
    manual: bool = False,
) -> int:
    cursor = conn.execute(
        "INSERT INTO events (ts, symbol, checkpoint_id, from_status, to_status, condition,"
        f" manual, flagged, value, {_EVENT_COLUMNS})"
        f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, {_EVENT_MARKS})",
        [
            stamp,
            symbol,
            checkpoint_id,
            previous,
            status,
            condition,
            int(manual),
            int(status == Status.MISSED and not manual),
            *parts,
        ],  # your own miss needs no ack
    )
    event_id = int(cursor.lastrowid or 0)
    if notify:
        # the notification's kind (notify/alert_kinds.py): a miss is its own, urgent kind
        kind = Status.MISSED.value if status == Status.MISSED else "transition"
        conn.execute(
            "INSERT INTO outbox (kind, event_id, created_at) VALUES (?, ?, ?)",
            [kind, event_id, stamp],
        )
    return event_id
