"""The outbox of notifications: transitions to announce, claimed by one process at a time,
recorded as sent with the channels that took them, or released for a later delivery."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..thesis.vocabulary import Status
from .columns import day, iso, moment
from .door import Door
from .records import Notice, OutboxRecord
from .views import EVENT_SELECT, event_record

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable


class Outbox(Door):
    def claim(
        self,
        claimer: str,
        now: dt.datetime,
        *,
        reclaim_after: dt.timedelta = dt.timedelta(minutes=5),
        limit: int = 50,
        gone: Callable[[str], bool] | None = None,
    ) -> list[Notice]:
        """Claim unsent rows for `claimer`, atomically: two processes never claim one row. A row
        whose event was acknowledged is settled unsent (the user has seen it).

        A row claimed longer than `reclaim_after` ago belongs to a process that died before it
        recorded the send, so it is claimed again (a crash may repeat one, never lose one). So is
        a row whose claimer `gone(claimed_by)` says has ended (a process killed on this host):
        the next start delivers it at once instead of minutes later."""
        cutoff = iso(now - reclaim_after)
        with self._store.transaction() as conn:
            # A miss the user acknowledged before its notice went out is never sent after.
            conn.execute(
                "UPDATE outbox SET sent_at = ?, last_error = 'acknowledged before it was sent'"
                " WHERE sent_at IS NULL AND event_id IN"
                " (SELECT id FROM events WHERE acked_at IS NOT NULL)",
                [iso(now)],
            )
            claimers = [
                row[0]
                for row in conn.execute(
                    "SELECT DISTINCT claimed_by FROM outbox"
                    " WHERE sent_at IS NULL AND claimed_by IS NOT NULL"
                )
            ]
            dead = [c for c in claimers if c != claimer and gone is not None and gone(c)]
            marks = ", ".join("?" * len(dead))
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM outbox WHERE sent_at IS NULL"
                    " AND (claimed_by IS NULL OR claimed_at < ?"
                    f" OR claimed_by IN ({marks})) ORDER BY id LIMIT ?",
                    [cutoff, *dead, limit],
                )
            ]
            if not ids:
                return []
            marks = ", ".join("?" * len(ids))
            conn.execute(
                f"UPDATE outbox SET claimed_by = ?, claimed_at = ? WHERE id IN ({marks})",
                [claimer, iso(now), *ids],
            )
            return self.notices_of(conn, ids, now)

    def notices_of(
        self, conn: sqlite3.Connection, ids: list[int], now: dt.datetime
    ) -> list[Notice]:
        """The notices of these outbox rows, in a transaction the caller holds; a row whose
        passage is gone is settled unsent (nothing to say)."""
        marks = ", ".join("?" * len(ids))
        rows = conn.execute(
            f"SELECT o.id, o.attempts, c.due, o.kind, {EVENT_SELECT}"
            " FROM outbox o JOIN events e ON e.id = o.event_id"
            " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
            f" WHERE o.id IN ({marks}) ORDER BY o.id",
            ids,
        ).fetchall()
        others = conn.execute(
            "SELECT id, attempts, evidence_id, title, body, kind FROM outbox"
            f" WHERE id IN ({marks}) AND event_id IS NULL",
            ids,
        ).fetchall()
        wanted = [r[2] for r in others if r[2] is not None]
        found = self._store.evidence.passages_by_id(wanted)
        passages = {p.id: p for p in found}
        notices = [Notice(r[0], r[1], event_record(r[4:]), day(r[2]), kind=r[3]) for r in rows]
        notices = self._awaiting(notices)
        for ident, attempts, evidence_id, title, body, kind in others:
            passage = passages.get(evidence_id) if evidence_id is not None else None
            if evidence_id is not None and passage is None:  # gone: nothing to say
                conn.execute(
                    "UPDATE outbox SET sent_at = ?, last_error = 'its passage is gone'"
                    " WHERE id = ?",
                    [iso(now), ident],
                )
                continue
            notices.append(Notice(ident, attempts, None, None, passage, title, body, kind))
        return sorted(notices, key=lambda n: n.outbox_id)

    def _awaiting(self, notices: list[Notice]) -> list[Notice]:
        """Each miss of a kill criterion that words alone made, with the statement awaiting
        your word (store/kpis.py), as it stands when the notice goes out."""
        missed = {n.event.symbol for n in notices if n.event and n.event.to_status == Status.MISSED}
        if not missed:
            return notices
        awaiting = {k: v for s in sorted(missed) for k, v in self._store.kpis.awaiting(s).items()}
        return [
            n._replace(awaiting=awaiting.get((n.event.symbol, n.event.checkpoint_id)))
            if n.event is not None and n.event.to_status == Status.MISSED
            else n
            for n in notices
        ]

    def notice(self, kind: str, title: str, body: str, now: dt.datetime) -> int:
        """A notice of its own of `kind` (a name notify/alert_kinds.py declares); its outbox id."""
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO outbox (kind, title, body, created_at) VALUES (?, ?, ?, ?)",
                [kind, title, body, iso(now)],
            )
        return int(cursor.lastrowid or 0)

    def sent(self, outbox_id: int, channels: list[str], now: dt.datetime) -> None:
        """At least one channel took it: never sent again."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET sent_at = ?, channels = ?, attempts = attempts + 1,"
                " last_error = '' WHERE id = ?",
                [iso(now), ",".join(channels), outbox_id],
            )

    def release(self, outbox_id: int, error: str) -> None:
        """Every channel failed: unclaim the row so a later delivery tries again."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET claimed_by = NULL, claimed_at = NULL,"
                " attempts = attempts + 1, last_error = ? WHERE id = ?",
                [error, outbox_id],
            )

    def rows(self) -> list[OutboxRecord]:
        """Every notification, oldest first, sent or not."""
        out = []
        for row in self._store.conn.execute(
            "SELECT id, event_id, created_at, claimed_by, claimed_at, sent_at, channels,"
            " attempts, last_error FROM outbox ORDER BY id"
        ):
            ident, event_id, created, claimed_by, claimed_at, sent_at, channels, tries, error = row
            out.append(
                OutboxRecord(
                    id=ident,
                    event_id=event_id,
                    created_at=dt.datetime.fromisoformat(created),
                    claimed_by=claimed_by,
                    claimed_at=moment(claimed_at),
                    sent_at=moment(sent_at),
                    channels=tuple(channels.split(",")) if channels else (),
                    attempts=tries,
                    last_error=error,
                )
            )
        return out
