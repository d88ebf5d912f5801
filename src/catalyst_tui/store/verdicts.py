"""Verdicts as the store keeps them: what the verdict reads of each active checkpoint, each
ticker's verdict as last recorded (since when), and each change of it (an event, and an outbox
row when it is to be notified, in one transaction: once per change across processes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from ..thesis.evidence.stance import Accepted, Stance
from ..thesis.verdict import Standing, TickerVerdict
from ..thesis.vocabulary import Status, Verdict
from . import columns
from .door import Door

if TYPE_CHECKING:
    from ..thesis.reported.forecast import Forecast
    from ..thesis.verdict import VerdictReason

__all__ = ["RecordedVerdict", "VerdictEvent", "Verdicts"]


class RecordedVerdict(NamedTuple):
    """A ticker's verdict as last recorded, since when."""

    symbol: str
    verdict: Verdict
    since: dt.datetime


class VerdictEvent(NamedTuple):
    """A change of a ticker's verdict (store/verdicts.py)."""

    id: int
    ts: dt.datetime
    symbol: str
    previous: Verdict
    verdict: Verdict
    reasons: tuple[VerdictReason, ...]


# Each active checkpoint of each active ticker, in the file's order; of a missed one, the day its
# last miss was acknowledged, when every miss of it is (a seek of its own events, as
# views._FLAGGED; only a miss is asked: an acknowledgement is what a miss's reason says).
_STANDINGS = (
    "SELECT c.symbol, c.id, c.title, c.kind, c.status, c.status_since, c.last_value,"
    " c.condition, c.kill, c.manual, c.forecast_source, c.forecast_value, c.forecast_year, 0,"
    f" CASE WHEN c.status = '{Status.MISSED.value}' THEN (SELECT MAX(e.acked_at) FROM events e"
    "  INDEXED BY events_checkpoint"
    "  WHERE e.symbol = c.symbol AND e.checkpoint_id = c.id AND e.flagged = 1) END,"
    f" CASE WHEN c.status = '{Status.MISSED.value}' THEN EXISTS (SELECT 1 FROM events e"
    "  INDEXED BY events_checkpoint"
    "  WHERE e.symbol = c.symbol AND e.checkpoint_id = c.id AND e.flagged = 1"
    "  AND e.acked_at IS NULL) END, c.last_detail"
    " FROM checkpoints c JOIN tickers t ON t.symbol = c.symbol"
    " WHERE c.archived = 0 AND t.archived = 0{only} ORDER BY t.position, c.position"
)


def _by_words(row: tuple[Any, ...]) -> bool:
    """Whether a standing's row is a kill criterion a statement read from words may have
    missed."""
    status, when, kill, manual = row[4], row[7], row[8], row[9]
    return bool(kill) and columns.missed_by_words(status, bool(manual), columns.condition(when))


#: The notification of a change (title, body), put into words by the caller (notify/wording).
Notice = Callable[[TickerVerdict, Verdict], tuple[str, str]]


class Verdicts(Door):
    def standings(self, symbol: str | None = None) -> dict[str, list[Standing]]:
        """What the verdict reads of each active ticker's checkpoints (a ticker without any has
        an empty list), in the file's order; of `symbol` alone when given."""
        args: list[str] = [] if symbol is None else [symbol]
        one = "" if symbol is None else " AND symbol = ?"
        tickers = f"SELECT symbol FROM tickers WHERE archived = 0{one} ORDER BY position"
        out: dict[str, list[Standing]] = {row[0]: [] for row in self._conn.execute(tickers, args)}
        only = "" if symbol is None else " AND t.symbol = ?"
        accepted: dict[tuple[str, str], list[Accepted]] = {}
        # The passages you accepted, read through an Evidence door of its own on this store.
        for r in self._store.evidence.accepted(symbol):
            on = (r.accepted_at or r.found_at).date()
            seen = Accepted(r.id, Stance(r.accepted_stance), r.document.label, r.passage, on)
            accepted.setdefault((r.symbol, r.checkpoint_id), []).append(seen)
        rows = self._conn.execute(_STANDINGS.format(only=only), args).fetchall()
        # The kill criteria a statement read from words alone missed, awaiting your word: read
        # only where there may be one (the KPI statements' door loads with its first use).
        awaiting = self._store.kpis.awaiting(symbol) if any(map(_by_words, rows)) else {}
        for row in rows:
            (sym, ident, title, kind, status, since, value, when, kill, manual) = row[:10]
            acked, flagged, note = row[14:]
            condition = columns.condition(when)
            stamp = columns.moment(since)
            out.setdefault(sym, []).append(
                Standing(
                    ident,
                    title,
                    kind,
                    status,
                    stamp.date() if stamp else None,
                    value,
                    condition.metric if condition else "",
                    bool(kill),
                    bool(manual),
                    None if flagged or acked is None else dt.date.fromisoformat(acked[:10]),
                    condition,
                    columns.forecast(row[10:14]),
                    tuple(accepted.get((sym, ident), ())),
                    note or "",
                    awaiting.get((sym, ident)),
                )
            )
        return out

    def save_forecasts(self, forecasts: Iterable[tuple[str, str, Forecast | None]]) -> None:
        """Keep each target's best forecast (symbol, id, forecast; None: none), in one
        transaction."""
        rows = [
            ("", None, None, symbol, ident)
            if f is None
            else (f.source.value, f.value, f.year_end.isoformat(), symbol, ident)
            for symbol, ident, f in forecasts
        ]
        if not rows:
            return
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE checkpoints SET forecast_source = ?, forecast_value = ?,"
                " forecast_year = ? WHERE symbol = ? AND id = ?",
                rows,
            )

    def recorded(self) -> dict[str, RecordedVerdict]:
        """Each ticker's verdict as last recorded."""
        return {
            row[0]: RecordedVerdict(row[0], Verdict(row[1]), dt.datetime.fromisoformat(row[2]))
            for row in self._conn.execute("SELECT symbol, verdict, since FROM verdicts")
        }

    def record(
        self, verdicts: Iterable[TickerVerdict], now: dt.datetime, *, notice: Notice | None = None
    ) -> list[VerdictEvent]:
        """Keep each ticker's verdict; a change is an event (and an outbox row when `notice`
        words it), written only if the verdict stored is still the one this process read, under
        the write lock: two processes judging at once record, and notify, a change once. A
        ticker's first verdict is kept without an event: it was so before catalyst judged it."""
        stamp = columns.iso(now)
        events: list[VerdictEvent] = []
        with self._store.transaction() as conn:
            stored: dict[str, str] = dict(conn.execute("SELECT symbol, verdict FROM verdicts"))
            for v in verdicts:
                had = stored.get(v.symbol)
                if had == v.verdict.value:
                    continue  # most evaluations change no verdict: nothing is written
                reasons = columns.verdict_reasons_text(v.reasons)
                if had is None:
                    conn.execute(
                        "INSERT INTO verdicts (symbol, verdict, since, reasons)"
                        " VALUES (?, ?, ?, ?)",
                        [v.symbol, v.verdict.value, stamp, reasons],
                    )
                    continue
                conn.execute(
                    "UPDATE verdicts SET verdict = ?, since = ?, reasons = ? WHERE symbol = ?",
                    [v.verdict.value, stamp, reasons, v.symbol],
                )
                cursor = conn.execute(
                    "INSERT INTO verdict_events (ts, symbol, from_verdict, to_verdict, reasons)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [stamp, v.symbol, had, v.verdict.value, reasons],
                )
                previous = Verdict(had)
                events.append(
                    VerdictEvent(
                        int(cursor.lastrowid or 0), now, v.symbol, previous, v.verdict, v.reasons
                    )
                )
                if notice is not None:
                    title, body = notice(v, previous)
                    conn.execute(
                        "INSERT INTO outbox (kind, title, body, created_at)"
                        " VALUES ('verdict', ?, ?, ?)",
                        [title, body, stamp],
                    )
        return events

    def events(
        self, *, symbol: str | None = None, limit: int = 1000, since: dt.datetime | None = None
    ) -> list[VerdictEvent]:
        """The changes of verdict, newest first (of `symbol` alone, after `since`, when given)."""
        where, args = columns.of_symbol_since(symbol, since)
        return [
            VerdictEvent(
                row[0],
                dt.datetime.fromisoformat(row[1]),
                row[2],
                Verdict(row[3]),
                Verdict(row[4]),
                columns.verdict_reasons(row[5]),
            )
            for row in self._conn.execute(
                "SELECT id, ts, symbol, from_verdict, to_verdict, reasons FROM verdict_events"
                f" {where} ORDER BY ts DESC, id DESC LIMIT ?",
                [*args, limit],
            )
        ]
