"""Read-only queries for the screens, the CLI's report and export: watch rows, a ticker and its
lots and checkpoints, prices, the timeline of events, and the health of the data."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..market.models import EarningsDate, Split
from ..thesis.portfolio.positions import Lot, Position, Sell, fifo
from ..thesis.vocabulary import Status
from . import columns
from .door import Door
from .quote_rows import QUOTE_COLUMNS, last_quote
from .records import (
    CheckpointRecord,
    DueCheckpoint,
    EventRecord,
    Health,
    PriceRow,
    TickerRecord,
    WatchRecord,
)
from .schema import REASON_PARTS

if TYPE_CHECKING:
    from collections.abc import Iterator


_REASON = ", ".join(f"{{p}}{name}" for name in ("value", *(part for part, _ in REASON_PARTS)))
_REASON_END = 17 + 1 + len(REASON_PARTS)  # where a checkpoint row's reason ends
# An event row as event_record reads it (e: events, c: its checkpoint).
EVENT_SELECT = (
    "e.id, e.ts, e.symbol, e.checkpoint_id, c.title, c.kind, e.from_status, e.to_status,"
    " e.condition, e.manual, e.flagged, e.acked_at, c.archived, " + _REASON.format(p="e.")
)
_CHECKPOINT_COLUMNS = (
    "c.symbol, c.id, c.title, c.kind, c.status, c.manual, c.due, c.until, c.condition,"
    " c.period_end, c.source, c.notes, c.manual_note, c.evaluated_at, c.archived,"
    " c.condition_since, c.evidence, " + _REASON.format(p="c.last_")
)
# Whether a checkpoint has an unacknowledged miss: a seek of its own events. Left to itself,
# SQLite picks the partial index events_flagged (flagged = 1) and reads every flagged event for
# each checkpoint: quadratic, 7.5 s at 5,000 tickers against 18 ms (tests/store/test_query_work.py).
_FLAGGED = (
    "EXISTS (SELECT 1 FROM events e INDEXED BY events_checkpoint"
    " WHERE e.symbol = c.symbol AND e.checkpoint_id = c.id AND e.flagged = 1"
    " AND e.acked_at IS NULL)"
)

_FORECAST = "c.forecast_source, c.forecast_value, c.forecast_year, 0"

# The first columns of an event row and of a checkpoint row, each as its reader reads it.
_EVENT_READERS = (None, dt.datetime.fromisoformat, *(None,) * 6, columns.condition)
_CHECKPOINT_READERS = (
    *(None,) * 5,
    bool,
    columns.day,
    columns.day,
    columns.condition,
    columns.day,
    *(None,) * 3,
    columns.moment,
    bool,
    columns.day,
    columns.entries,
)


def event_record(row: tuple[Any, ...]) -> EventRecord:
    """An EventRecord from a row selected as EVENT_SELECT."""
    id_, ts, symbol, checkpoint_id, title, kind, was, became, condition = columns.read_row(
        row[:9], _EVENT_READERS
    )
    manual, flagged, acked_at, archived = row[9:13]
    return EventRecord(
        id=id_,
        ts=ts,
        symbol=symbol,
        checkpoint_id=checkpoint_id,
        title=title,
        kind=kind,
        from_status=was,
        to_status=became,
        condition=condition,
        reason=columns.reason(row[13:]),
        manual=bool(manual),
        flagged=bool(flagged) and acked_at is None,
        acked_at=columns.moment(acked_at),
        archived=bool(archived),
    )


def _checkpoint_record(row: tuple[Any, ...]) -> CheckpointRecord:
    (
        symbol,
        id_,
        title,
        kind,
        status,
        manual,
        due,
        until,
        condition,
        period_end,
        source,
        notes,
        manual_note,
        evaluated_at,
        archived,
        written,
        evidence,
    ) = columns.read_row(row[:17], _CHECKPOINT_READERS)
    # A pending target's forecast, kept with the checkpoint, goes with its reason (a target
    # marked by hand since its last evaluation leans on none).
    pending = status == Status.PENDING and not manual
    forecast = columns.forecast(row[_REASON_END + 1 : _REASON_END + 5]) if pending else None
    return CheckpointRecord(
        symbol=symbol,
        id=id_,
        title=title,
        kind=kind,
        status=status,
        manual=manual,
        due=due,
        until=until,
        condition=condition,
        period_end=period_end,
        source=source,
        notes=notes,
        manual_note=manual_note,
        reason=columns.reason(row[17:_REASON_END])._replace(forecast=forecast),
        evaluated_at=evaluated_at,
        flagged=bool(row[_REASON_END]),
        archived=archived,
        written=written,
        evidence=evidence,
    )


class Views(Door):
    # -- tickers -----------------------------------------------------------------------------------
    def active_symbols(self) -> list[str]:
        """The tickers in the file, in its order."""
        return [
            row[0]
            for row in self._conn.execute(
                "SELECT symbol FROM tickers WHERE archived = 0 ORDER BY position, symbol"
            )
        ]

    def ticker(self, symbol: str) -> TickerRecord | None:
        """A ticker's own fields, whether archived or not."""
        row = self._conn.execute(
            "SELECT symbol, name, grp, thesis, archived FROM tickers WHERE symbol = ?", [symbol]
        ).fetchone()
        if row is None:
            return None
        symbol, name, group, thesis, archived = row
        return TickerRecord(symbol, name, group, thesis, bool(archived))

    def lots(self, symbol: str) -> list[Lot]:
        return [
            Lot(shares, cost, columns.day(when), note, fx, fees)
            for shares, cost, when, note, fx, fees in self._conn.execute(
                "SELECT shares, cost, date, note, fx, fees FROM lots WHERE symbol = ? ORDER BY seq",
                [symbol],
            )
        ]

    def sells(self, symbol: str | None = None) -> dict[str, list[Sell]]:
        """The sales of each symbol (or of one), in file order."""
        only, args = ("", []) if symbol is None else (" WHERE symbol = ?", [symbol])
        out: dict[str, list[Sell]] = {}
        for sym, shares, price, when, fees, note in self._conn.execute(
            "SELECT symbol, shares, price, date, fees, note FROM sells"
            + only
            + " ORDER BY symbol, seq",
            args,
        ):
            out.setdefault(sym, []).append(
                Sell(shares, price, dt.date.fromisoformat(when), fees, note)
            )
        return out

    def watch_rows(self) -> list[WatchRecord]:
        """One row per active ticker in file order: its quote, position (shares, cost basis),
        checkpoint counts, checkpoints with an unacknowledged miss, next due, next earnings."""
        # SQLite takes the bare columns of a MIN() group from the row with the minimum.
        due = {
            row[0]: DueCheckpoint(
                row[1],
                row[2],
                dt.date.fromisoformat(row[3]),
                columns.reason(row[5:]),
                columns.condition(row[4]),
            )
            for row in self._conn.execute(
                "SELECT symbol, id, title, MIN(due), condition, "
                + _REASON.format(p="last_")
                + " FROM checkpoints WHERE archived = 0"
                " AND status = ? AND due IS NOT NULL GROUP BY symbol",
                (Status.PENDING,),
            )
        }
        quote_columns = ", ".join(f"q.{c.strip()}" for c in QUOTE_COLUMNS.split(","))
        held = self.positions()
        # The counts and the flags read apart, each a dict: joined to the rows as CTEs, SQLite
        # built an index on each again at every read (8 ms for 500 tickers, 5.6 this way).
        counts: dict[str, tuple[int, int, int]] = {
            symbol: (met, missed, pending)
            for symbol, met, missed, pending in self._conn.execute(
                "SELECT symbol, SUM(status = ?), SUM(status = ?), SUM(status = ?)"
                " FROM checkpoints WHERE archived = 0 GROUP BY symbol",
                (Status.MET, Status.MISSED, Status.PENDING),
            )
        }
        flags: dict[str, int] = dict(
            self._conn.execute(
                "SELECT e.symbol, COUNT(DISTINCT e.checkpoint_id) FROM events e"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
                " WHERE e.flagged = 1 AND e.acked_at IS NULL AND c.archived = 0"
                " GROUP BY e.symbol"
            )
        )
        out = []
        for row in self._conn.execute(
            "SELECT t.symbol, t.name, t.grp, en.next_date, en.estimate, en.source, "
            + quote_columns
            + " FROM tickers t LEFT JOIN quotes q ON q.symbol = t.symbol"
            " LEFT JOIN earnings en ON en.symbol = t.symbol"
            " WHERE t.archived = 0 ORDER BY t.position, t.symbol"
        ):
            symbol, name, group, next_date, estimate, source = row[:6]
            met, missed, pending = counts.get(symbol, (0, 0, 0))
            earnings = None
            if next_date:
                earnings = EarningsDate(
                    symbol, dt.date.fromisoformat(next_date), source or "", bool(estimate)
                )
            last = last_quote(row[6:]) if row[6] is not None else None
            out.append(
                WatchRecord(
                    symbol,
                    name,
                    group,
                    last,
                    met,
                    missed,
                    pending,
                    flags.get(symbol, 0),
                    due.get(symbol),
                    earnings,
                    held.get(symbol),
                )
            )
        return out

    def positions(self) -> dict[str, Position]:
        """Each symbol's position: its lots less its sales (first-in first-out), on today's
        share basis after its splits."""
        lots: dict[str, list[Lot]] = {}
        for symbol, shares, cost, when, note, fx, fees in self._conn.execute(
            "SELECT symbol, shares, cost, date, note, fx, fees FROM lots ORDER BY symbol, seq"
        ):
            lots.setdefault(symbol, []).append(Lot(shares, cost, columns.day(when), note, fx, fees))
        sells = self.sells()
        splits = self._store.market.splits()
        return {
            symbol: fifo(lots.get(symbol, []), sells.get(symbol, []), splits.get(symbol, ()))
            for symbol in lots.keys() | sells.keys()
        }

    def splits(self, symbol: str | None = None) -> list[Split]:
        """Every split stored (of one symbol), newest first."""
        found = self._store.market.splits(symbol)
        return sorted(
            (s for group in found.values() for s in group), key=lambda s: s.day, reverse=True
        )

    # -- prices ------------------------------------------------------------------------------------
    def recent_closes(self, symbols: list[str], since: dt.date) -> dict[str, list[float]]:
        """Daily closes from `since` on, oldest first, for the sparklines: from the closes
        kept as bars are written (the sparks table), one short row per symbol."""
        import orjson  # SQLite's own JSON (json_group_array) read at a quarter of json's time

        wanted = set(symbols)
        out: dict[str, list[float]] = {s: [] for s in symbols}
        first = since.isoformat()
        for symbol, closes in self._conn.execute("SELECT symbol, closes FROM sparks"):
            if symbol in wanted and closes:
                out[symbol] = [close for day, close in orjson.loads(closes) if day >= first]
        return out

    def price_history(
        self, symbol: str, since: dt.date | None = None
    ) -> list[tuple[dt.date, float]]:
        """(day, close) from `since` (or the beginning), oldest first: what a chart draws."""
        rows = self._conn.execute(
            "SELECT ts, close FROM prices WHERE symbol = ? AND ts >= ? ORDER BY ts",
            [symbol, since.isoformat() if since else ""],
        )
        return [(dt.date.fromisoformat(ts), close) for ts, close in rows]

    def iter_prices(self, symbol: str | None = None) -> Iterator[PriceRow]:
        """Every stored daily bar (of one symbol), by symbol and day, streamed."""
        where, args = (" WHERE symbol = ?", [symbol]) if symbol else ("", [])
        select = "SELECT symbol, ts, open, high, low, close, volume, source FROM prices"
        for sym, ts, o, h, lo, c, v, src in self._conn.execute(
            f"{select}{where} ORDER BY symbol, ts", args
        ):
            day = dt.date.fromisoformat(ts)
            yield PriceRow(
                symbol=sym, day=day, open=o, high=h, low=lo, close=c, volume=v, source=src
            )

    # -- checkpoints and events --------------------------------------------------------------------
    def checkpoints(
        self, symbol: str | None = None, *, include_archived: bool = False
    ) -> list[CheckpointRecord]:
        """Active checkpoints of active tickers (of one symbol), in file order, each with its
        status, last reason and whether a miss of it is unacknowledged."""
        where = ["c.archived = 0"] if not include_archived else []
        args: list[str] = []
        if symbol is None:
            where.append("t.archived = 0")
        else:
            where.append("c.symbol = ?")
            args.append(symbol)
        records = [
            _checkpoint_record(row)
            for row in self._conn.execute(
                f"SELECT {_CHECKPOINT_COLUMNS}, {_FLAGGED}, {_FORECAST} FROM checkpoints c"
                " JOIN tickers t ON t.symbol = c.symbol WHERE "
                + " AND ".join(where)
                + " ORDER BY t.position, c.archived, c.position",
                args,
            )
        ]
        return columns.with_awaiting(records, lambda: self._store.kpis.awaiting(symbol))

    def flagged(self) -> set[tuple[str, str]]:
        """(symbol, id) of every active checkpoint with an unacknowledged miss."""
        return set(
            self._conn.execute(
                "SELECT DISTINCT e.symbol, e.checkpoint_id FROM events e"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
                " WHERE e.flagged = 1 AND e.acked_at IS NULL AND c.archived = 0"
            ).fetchall()
        )

    def events(self, *, limit: int = 1000, symbol: str | None = None) -> list[EventRecord]:
        """The timeline, newest first (limit -1: all)."""
        where, args = ("WHERE e.symbol = ?", [symbol]) if symbol else ("", [])
        return [
            event_record(row)
            for row in self._conn.execute(
                f"SELECT {EVENT_SELECT} FROM events e"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id "
                + where
                + " ORDER BY e.ts DESC, e.id DESC LIMIT ?",
                [*args, limit],
            )
        ]

    # -- health ------------------------------------------------------------------------------------
    def health(self) -> Health:
        """The newest quote fetch, fresh quotes by source, stale counts, failed daily fetches."""
        last = self._conn.execute("SELECT MAX(fetched_at) FROM quotes").fetchone()[0]
        sources = dict(
            self._conn.execute(
                "SELECT source, COUNT(*) FROM quotes q JOIN tickers t ON t.symbol = q.symbol"
                " WHERE t.archived = 0 AND q.price IS NOT NULL AND q.stale = 0 GROUP BY source"
            ).fetchall()
        )
        stale = self._conn.execute(
            "SELECT COUNT(*) FROM quotes q JOIN tickers t ON t.symbol = q.symbol"
            " WHERE t.archived = 0 AND (q.stale = 1 OR q.price IS NULL)"
        ).fetchone()[0]
        failed = dict(
            self._conn.execute(
                "SELECT kind, COUNT(*) FROM fetch_state WHERE ok = 0 GROUP BY kind"
            ).fetchall()
        )
        paused: dict[str, dt.datetime] = {}
        failing: dict[str, tuple[dt.datetime, str]] = {}
        for provider, until, success, failure, why in self._conn.execute(
            "SELECT provider, paused_until, last_success, last_failure, failure"
            " FROM provider_health"
        ):
            if (end := columns.moment(until)) is not None:
                paused[provider] = end
            if (when := columns.moment(failure)) is not None and failure > (success or ""):
                failing[provider] = (when, why)
        alerts = {
            h.channel: (h.last_error_at, h.last_error)
            for h in self._store.channel_deliveries.health()
            if h.failing and h.last_error_at is not None
        }
        return Health(columns.moment(last), sources, stale, failed, paused, failing, alerts)
