"""`store.changes`: what was stored since a moment, for "what changed since you looked"
(views/changes.py): checkpoint events, evidence passages found, releases read, filings found,
and each active ticker's fiscal-year EPS consensus and daily close then and now. One query per
kind; the consensus and the close are seeks of a ticker's own rows (the newest, and the newest
before the moment, else its first), never a scan of a ticker's history: CROSS JOIN keeps the
tickers first, where SQLite would otherwise scan every stored day of every symbol.

Every change has its moment, and a window from `since` holds the changes at `since` or after it:
an event at its time; a Street reading when it was read (`read_at`; a row stored before that was
kept, at the start of its day in UTC); a daily close at 16:00 New York on its day (the market's
close). A figure's move is from its value in force when the window opens (its newest reading
before `since`, else its first) to its newest, dated at the newest reading."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..reading.moments import NEW_YORK
from ..reading.release.records import NotRead
from .columns import iso
from .document_rows import FILING_COLUMNS, filing_record
from .door import Door
from .views import EVENT_SELECT, event_record

if TYPE_CHECKING:
    from .records import EventRecord, FilingRecord

__all__ = ["ChangeReads", "Found", "Moved", "ReleaseRead"]

# Filings that count as news: the periodic reports and current reports (and their amendments).
_FORMS = ("10-K", "10-Q", "8-K", "10-K/A", "10-Q/A", "8-K/A")
# A filing found after the moment but filed long before it is history (a ticker just added brings
# years of them), not news: only those accepted at most this long before the moment count.
FILED_WITHIN = dt.timedelta(days=7)


class Found(NamedTuple):
    """An evidence passage found since the moment, with its document's title and link."""

    symbol: str
    checkpoint_id: str
    checkpoint_title: str
    passage: str
    title: str
    url: str
    found_at: dt.datetime


class ReleaseRead(NamedTuple):
    """An earnings release read since the moment: `found` 1 when its figures were read."""

    symbol: str
    accession: str
    url: str
    filed: dt.date
    found: bool
    read_at: dt.datetime


class Moved(NamedTuple):
    """A figure of a ticker then (in force when the window opens) and now (the newest), and
    `at`, the moment of the newest reading: the move's."""

    symbol: str
    then_day: dt.date
    then: float
    now_day: dt.date
    now: float
    at: dt.datetime


# When a daily close happens: the market's close, 16:00 New York, on its day.
CLOSE_TIME = dt.time(16)
# A Street reading's moment: when it was read, else (a row stored before that was kept) the start
# of its day in UTC.
_READ = "COALESCE({t}.read_at, {t}.day || 'T00:00:00+00:00')"


def close_moment(day: dt.date) -> dt.datetime:
    """The moment the close of market day `day` is known (16:00 New York), in UTC."""
    return dt.datetime.combine(day, CLOSE_TIME, NEW_YORK).astimezone(dt.UTC)


def last_close_before(since: dt.datetime) -> dt.date:
    """The last market day whose close happened before `since`."""
    day = since.astimezone(NEW_YORK).date()
    return day if close_moment(day) < since else day - dt.timedelta(days=1)


_DIGEST = "digest_sent"  # the meta key of the period the last digest was sent for


class ChangeReads(Door):
    # -- the digest ----------------------------------------------------------------------------
    def last_digest(self) -> dt.datetime | None:
        """The start of the period the last digest was sent for; None: never sent."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", [_DIGEST]).fetchone()
        return dt.datetime.fromisoformat(row[0]) if row else None

    def claim_digest(
        self,
        last: dt.datetime | None,
        period: dt.datetime,
        words: tuple[str, str] | None,
        now: dt.datetime,
    ) -> bool:
        """The digest of `period` queued once across processes: the period recorded in place
        of `last` (compare-and-set: False when another process moved it first) and its outbox
        notice (`words`: title and body; None: nothing to say) written, in one transaction."""
        with self._store.transaction() as conn:
            if last is None:
                claimed = conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", [_DIGEST, iso(period)]
                ).rowcount
            else:
                claimed = conn.execute(
                    "UPDATE meta SET value = ? WHERE key = ? AND value = ?",
                    [iso(period), _DIGEST, iso(last)],
                ).rowcount
            if claimed and words is not None:
                conn.execute(
                    "INSERT INTO outbox (kind, title, body, created_at) VALUES ('digest', ?, ?, ?)",
                    [*words, iso(now)],
                )
        return bool(claimed)

    def events(self, since: dt.datetime) -> list[EventRecord]:
        """Checkpoint events of active checkpoints from `since` on, newest first."""
        return [
            event_record(row)
            for row in self._conn.execute(
                f"SELECT {EVENT_SELECT} FROM events e"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
                " WHERE e.ts >= ? AND c.archived = 0 ORDER BY e.ts DESC, e.id DESC",
                [iso(since)],
            )
        ]

    def passages(self, since: dt.datetime) -> list[Found]:
        """Passages found from `since` on on active checkpoints, not dismissed, newest first."""
        return [
            Found(symbol, cid, ctitle, passage, title, url, dt.datetime.fromisoformat(found))
            for symbol, cid, ctitle, passage, title, url, found in self._conn.execute(
                "SELECT e.symbol, e.checkpoint_id, c.title, e.passage, d.title, d.url, e.found_at"
                " FROM evidence e JOIN documents d ON d.id = e.document_id"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
                " WHERE e.found_at >= ? AND e.dismissed_at IS NULL AND c.archived = 0"
                " ORDER BY e.found_at DESC, e.id",
                [iso(since)],
            )
        ]

    def releases(self, since: dt.datetime) -> list[ReleaseRead]:
        """Earnings releases read from `since` on (a failed fetch is not a read), newest first."""
        return [
            ReleaseRead(
                s,
                acc,
                url,
                dt.date.fromisoformat(filed),
                bool(found),
                dt.datetime.fromisoformat(read_at),
            )
            for s, acc, url, filed, found, read_at in self._conn.execute(
                "SELECT r.symbol, r.accession, r.url, r.filed, r.found, r.read_at FROM releases r"
                " JOIN tickers t ON t.symbol = r.symbol AND t.archived = 0"
                " WHERE r.read_at >= ? AND r.reason != ? ORDER BY r.read_at DESC",
                [iso(since), NotRead.FETCH_FAILED.value],
            )
        ]

    def filings(self, since: dt.datetime) -> list[FilingRecord]:
        """10-K, 10-Q and 8-K filings stored from `since` on and accepted at most FILED_WITHIN
        before it, newest accepted first."""
        marks = ", ".join("?" * len(_FORMS))
        return [
            filing_record(row)
            for row in self._conn.execute(
                f"SELECT {FILING_COLUMNS} FROM filings WHERE found_at >= ? AND form IN ({marks})"
                " AND accepted > ? AND symbol IN (SELECT symbol FROM tickers WHERE archived = 0)"
                " ORDER BY accepted DESC",
                [iso(since), *_FORMS, iso(since - FILED_WITHIN)],
            )
        ]

    def fiscal_year_eps(self, since: dt.datetime) -> list[Moved]:
        """Each active ticker's current fiscal year EPS consensus ("0y") in force when the
        window opens (read before `since`, else its first reading) and its newest, where both
        are of the same fiscal year (the year's end as the provider gave it: a new year is not
        a revision) and stated."""
        then, first = _READ.format(t="d"), "d.symbol = t.symbol AND d.period = '0y'"
        return [
            _moved(row[:5], dt.datetime.fromisoformat(row[5]))
            for row in self._conn.execute(
                "SELECT t.symbol, b.day, b.eps_avg, a.day, a.eps_avg, "
                + _READ.format(t="a")
                + " FROM tickers t"
                " CROSS JOIN estimates a ON a.symbol = t.symbol AND a.period = '0y' AND a.day ="
                f" (SELECT d.day FROM estimates d WHERE {first} ORDER BY d.day DESC LIMIT 1)"
                " CROSS JOIN estimates b ON b.symbol = t.symbol AND b.period = '0y' AND b.day ="
                f" COALESCE((SELECT d.day FROM estimates d WHERE {first}"
                f" AND d.day <= ? AND {then} < ? ORDER BY d.day DESC LIMIT 1),"
                f" (SELECT d.day FROM estimates d WHERE {first} ORDER BY d.day LIMIT 1))"
                " WHERE t.archived = 0 AND a.eps_avg IS NOT NULL AND b.eps_avg IS NOT NULL"
                " AND a.day > b.day AND a.period_end IS b.period_end",
                [since.astimezone(dt.UTC).date().isoformat(), iso(since)],
            )
        ]

    def closes(self, since: dt.datetime) -> list[Moved]:
        """Each active ticker's daily close in force when the window opens (the last whose
        close happened before `since`, else its first) and its newest close after it."""
        return [
            _moved(row, close_moment(dt.date.fromisoformat(row[3])))
            for row in self._conn.execute(
                "SELECT t.symbol, b.ts, b.close, a.ts, a.close FROM tickers t"
                " CROSS JOIN prices a ON a.symbol = t.symbol AND a.ts ="
                " (SELECT p.ts FROM prices p WHERE p.symbol = t.symbol ORDER BY p.ts DESC LIMIT 1)"
                " CROSS JOIN prices b ON b.symbol = t.symbol AND b.ts ="
                " COALESCE((SELECT p.ts FROM prices p WHERE p.symbol = t.symbol AND p.ts <= ?"
                " ORDER BY p.ts DESC LIMIT 1),"
                " (SELECT p.ts FROM prices p WHERE p.symbol = t.symbol ORDER BY p.ts LIMIT 1))"
                " WHERE t.archived = 0 AND a.ts > b.ts",
                [last_close_before(since).isoformat()],
            )
        ]


def _moved(row: tuple[str, str, float, str, float], at: dt.datetime) -> Moved:
    symbol, then_day, then, now_day, now = row
    return Moved(
        symbol, dt.date.fromisoformat(then_day), then, dt.date.fromisoformat(now_day), now, at
    )
