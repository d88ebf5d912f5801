"""catalysts.toml → the tickers, lots and checkpoints tables: idempotent, and a checkpoint or
ticker removed from the file is archived with its history, never deleted."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING, Any

from ..config import Checkpoint, Config, Lot, Ticker
from .records import SyncReport, day_text, iso

if TYPE_CHECKING:
    from . import Store

_TICKER_COLUMNS = ("symbol", "name", "grp", "thesis", "position", "archived")
_CHECKPOINT_COLUMNS = ("id", "title", "kind", "due", "until", "condition", "period_end",
                       "source", "notes", "position")  # fmt: skip


class ConfigSync:
    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, config: Config, now: dt.datetime | None = None) -> SyncReport:
        """Make the database match the config. What is stored is read in three queries up
        front, then only what differs is written (a start-up that changes nothing writes
        nothing)."""
        stamp = iso(now or dt.datetime.now(dt.UTC))
        counts: dict[str, int] = dict.fromkeys(SyncReport.__dataclass_fields__, 0)
        with self._store.transaction() as conn:
            stored_tickers = {row["symbol"]: row for row in _dicts(conn, "SELECT * FROM tickers")}
            stored_lots: dict[str, list[tuple[Any, ...]]] = {}
            for symbol, *lot in conn.execute(
                "SELECT symbol, shares, cost, date, note FROM lots ORDER BY symbol, seq"
            ):
                stored_lots.setdefault(symbol, []).append(tuple(lot))
            stored_checkpoints: dict[str, dict[str, dict[str, Any]]] = {}
            for row in _dicts(conn, "SELECT * FROM checkpoints"):
                stored_checkpoints.setdefault(row["symbol"], {})[row["id"]] = row
            for position, ticker in enumerate(config.tickers.values()):
                wanted = _ticker_row(ticker, position)
                have = stored_tickers.get(ticker.symbol)
                if have is None:
                    self._insert(conn, "tickers", wanted)
                    counts["tickers_added"] += 1
                elif any(have[k] != v for k, v in wanted.items()):
                    _update(conn, "tickers", wanted, "symbol = ?", [ticker.symbol])
                    counts["tickers_updated"] += 1
                counts["lots_replaced"] += self._sync_lots(
                    conn, ticker, stored_lots.get(ticker.symbol, [])
                )
                added, updated = self._sync_checkpoints(
                    conn, ticker, stamp, stored_checkpoints.get(ticker.symbol, {})
                )
                counts["checkpoints_added"] += added
                counts["checkpoints_updated"] += updated
            for symbol, row in stored_tickers.items():
                if symbol not in config.tickers and not row["archived"]:
                    conn.execute("UPDATE tickers SET archived = 1 WHERE symbol = ?", [symbol])
                    counts["tickers_archived"] += 1
            counts["checkpoints_archived"] += _archive_removed_checkpoints(
                conn, config, stamp, stored_checkpoints
            )
        return SyncReport(**counts)

    def _insert(self, conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
        self._store.db[table].insert(row)  # type: ignore[union-attr]

    def _sync_lots(self, conn: sqlite3.Connection, ticker: Ticker, have: list[tuple]) -> int:
        wanted = [_lot_tuple(lot) for lot in ticker.lots]
        if have == wanted:
            return 0
        conn.execute("DELETE FROM lots WHERE symbol = ?", [ticker.symbol])
        self._store.db["lots"].insert_all(  # type: ignore[union-attr]
            {"symbol": ticker.symbol, "seq": seq, "shares": s, "cost": c, "date": d, "note": n}
            for seq, (s, c, d, n) in enumerate(wanted)
        )
        return 1

    def _sync_checkpoints(
        self,
        conn: sqlite3.Connection,
        ticker: Ticker,
        stamp: str,
        stored: dict[str, dict[str, Any]],
    ) -> tuple[int, int]:
        added = updated = 0
        for position, checkpoint in enumerate(ticker.checkpoints):
            wanted = _checkpoint_row(checkpoint, position)
            have = stored.get(checkpoint.id)
            if have is None:
                self._insert(
                    conn,
                    "checkpoints",
                    {"symbol": ticker.symbol, **wanted, "status": "pending", "status_since": stamp},
                )
                added += 1
            elif have["archived"] or any(have[k] != v for k, v in wanted.items()):
                reopened = {**wanted, "archived": 0, "archived_at": None}
                _update(conn, "checkpoints", reopened, "symbol = ? AND id = ?",
                        [ticker.symbol, checkpoint.id])  # fmt: skip
                updated += 1
        return added, updated


def _archive_removed_checkpoints(
    conn: sqlite3.Connection,
    config: Config,
    stamp: str,
    stored: dict[str, dict[str, dict[str, Any]]],
) -> int:
    """Archive the active checkpoints the config no longer has. `stored` is as read before
    this sync's writes, which only add or reopen checkpoints the config has."""
    archived = 0
    for symbol, rows in stored.items():
        ticker = config.tickers.get(symbol)
        wanted = {c.id for c in ticker.checkpoints} if ticker is not None else set()
        for checkpoint_id, row in rows.items():
            if row["archived"] or checkpoint_id in wanted:
                continue
            conn.execute(
                "UPDATE checkpoints SET archived = 1, archived_at = ? WHERE symbol = ? AND id = ?",
                [stamp, symbol, checkpoint_id],
            )
            archived += 1
    return archived


def _dicts(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _update(
    conn: sqlite3.Connection, table: str, values: dict[str, Any], where: str, args: list[Any]
) -> None:
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(f"UPDATE {table} SET {assignments} WHERE {where}", [*values.values(), *args])


def _ticker_row(ticker: Ticker, position: int) -> dict[str, Any]:
    values = (ticker.symbol, ticker.name, ticker.group, ticker.thesis, position, 0)
    return dict(zip(_TICKER_COLUMNS, values, strict=True))


def _lot_tuple(lot: Lot) -> tuple[float, float, str | None, str]:
    return (lot.shares, lot.cost, day_text(lot.date), lot.note)


def _checkpoint_row(checkpoint: Checkpoint, position: int) -> dict[str, Any]:
    values = (
        checkpoint.id,
        checkpoint.title,
        str(checkpoint.kind),
        day_text(checkpoint.due),
        day_text(checkpoint.until),
        checkpoint.when.text if checkpoint.when else None,
        day_text(checkpoint.period_end),
        checkpoint.source,
        checkpoint.notes,
        position,
    )
    return dict(zip(_CHECKPOINT_COLUMNS, values, strict=True))
