"""Each channel's delivery of the outbox (notify/remote.py): a row of a kind the channel gets is
claimed for that channel by one process at a time, recorded as sent, or retried after a backoff
until it is given up; apart from the desktop's delivery (outbox.py), so one channel's failure
never holds another's."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .columns import iso, moment
from .door import Door
from .records import ChannelHealth

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .records import Notice


class ChannelDeliveries(Door):
    def claim(
        self,
        channel: str,
        kinds: Sequence[str],
        claimer: str,
        now: dt.datetime,
        *,
        since: dt.datetime,
        reclaim_after: dt.timedelta = dt.timedelta(minutes=5),
        gone: Callable[[str], bool] | None = None,
        limit: int = 20,
    ) -> list[Notice]:
        """Claim for `channel` the rows of `kinds` written since `since` that it has not sent,
        nor given up, and that no live process holds, unless the channel waits out the backoff
        of a failure; atomically, so two
        processes never send one row through one channel. A row whose event was acknowledged
        is left out (the user has seen it)."""
        if not kinds:
            return []
        kind_marks = ", ".join("?" * len(kinds))
        stale = iso(now - reclaim_after)
        with self._store.transaction() as conn:
            # A channel that failed waits out its backoff for every row, not only that one.
            waiting = conn.execute(
                "SELECT 1 FROM channel_deliveries WHERE channel = ? AND sent_at IS NULL"
                " AND gave_up_at IS NULL AND next_at > ? LIMIT 1",
                [channel, iso(now)],
            ).fetchone()
            if waiting:
                return []
            rows = conn.execute(
                "SELECT o.id, d.claimed_by, d.claimed_at FROM outbox o"
                " LEFT JOIN channel_deliveries d ON d.outbox_id = o.id AND d.channel = ?"
                " LEFT JOIN events e ON e.id = o.event_id"
                f" WHERE o.kind IN ({kind_marks}) AND o.created_at >= ?"
                " AND e.acked_at IS NULL"
                " AND d.sent_at IS NULL AND d.gave_up_at IS NULL"
                " AND (d.next_at IS NULL OR d.next_at <= ?)"
                " ORDER BY o.id",
                [channel, *kinds, iso(since), iso(now)],
            ).fetchall()
            ids = []
            for ident, claimed_by, claimed_at in rows:
                free = claimed_by is None or claimed_by == claimer or claimed_at < stale
                if free or (gone is not None and gone(claimed_by)):
                    ids.append(ident)
                if len(ids) >= limit:
                    break
            if not ids:
                return []
            conn.executemany(
                "INSERT INTO channel_deliveries (outbox_id, channel, claimed_by, claimed_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (outbox_id, channel) DO UPDATE"
                " SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at",
                [(ident, channel, claimer, iso(now)) for ident in ids],
            )
            return self._store.outbox.notices_of(conn, ids, now)

    def sent(self, outbox_id: int, channel: str, now: dt.datetime) -> None:
        """The channel took it: never sent through it again."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE channel_deliveries SET sent_at = ?, attempts = attempts + 1,"
                " claimed_by = NULL WHERE outbox_id = ? AND channel = ?",
                [iso(now), outbox_id, channel],
            )

    def failed(
        self,
        outbox_id: int,
        channel: str,
        error: str,
        now: dt.datetime,
        *,
        retry_after: Callable[[int], dt.timedelta | None],
    ) -> dt.datetime | None:
        """The channel failed: try again `retry_after(attempts so far)` from now, or give it up
        when that is None. When it is tried again (None: given up)."""
        with self._store.transaction() as conn:
            row = conn.execute(
                "SELECT attempts FROM channel_deliveries WHERE outbox_id = ? AND channel = ?",
                [outbox_id, channel],
            ).fetchone()
            wait = retry_after((int(row[0]) if row else 0) + 1)
            retry_at = now + wait if wait is not None else None
            conn.execute(
                "UPDATE channel_deliveries SET claimed_by = NULL, claimed_at = NULL,"
                " attempts = attempts + 1, last_error = ?, last_error_at = ?, next_at = ?,"
                " gave_up_at = ? WHERE outbox_id = ? AND channel = ?",
                [
                    error,
                    iso(now),
                    iso(retry_at) if retry_at else None,
                    None if retry_at else iso(now),
                    outbox_id,
                    channel,
                ],
            )
        return retry_at

    def unclaim(self, ids: Sequence[int], channel: str) -> None:
        """Claimed and not tried: free for the next delivery, no attempt counted."""
        if not ids:
            return
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE channel_deliveries SET claimed_by = NULL, claimed_at = NULL"
                " WHERE outbox_id = ? AND channel = ?",
                [(ident, channel) for ident in ids],
            )

    def delivered(self, channel: str) -> list[int]:
        """The outbox ids `channel` sent, oldest first."""
        return [
            row[0]
            for row in self._store.conn.execute(
                "SELECT outbox_id FROM channel_deliveries WHERE channel = ? AND sent_at IS NOT"
                " NULL ORDER BY outbox_id",
                [channel],
            )
        ]

    def health(self) -> list[ChannelHealth]:
        """Each channel that ever delivered or tried to, by name."""
        out = []
        for row in self._store.conn.execute(
            "SELECT channel, MAX(sent_at),"
            " (SELECT d2.last_error FROM channel_deliveries d2 WHERE d2.channel = d.channel"
            "  AND d2.last_error_at IS NOT NULL ORDER BY d2.last_error_at DESC LIMIT 1),"
            " MAX(last_error_at),"
            " SUM(sent_at IS NULL AND gave_up_at IS NULL),"
            " SUM(gave_up_at IS NOT NULL)"
            " FROM channel_deliveries d GROUP BY channel ORDER BY channel"
        ):
            name, sent, error, error_at, waiting, given_up = row
            out.append(
                ChannelHealth(
                    name, moment(sent), error or "", moment(error_at), waiting or 0, given_up or 0
                )
            )
        return out
