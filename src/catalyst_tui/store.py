"""The SQLite store (sqlite-utils): opening safely, schema migrations, config sync, queries.

One file, WAL, busy_timeout, foreign keys on, created 0600. The schema version lives in
PRAGMA user_version; MIGRATIONS[n] takes a database from version n to n + 1.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from .config import Checkpoint, Config, Lot, Ticker
from .market.models import Bar, EarningsDate, Quote
from .market.sec import Fact
from .paths import make_private_dirs
from .thesis.conditions import parse_condition
from .thesis.evaluate import CheckpointState, Evaluation
from .thesis.metrics import FactRow, MarketSnapshot, QuoteData

DEFAULT_BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The database can't be used; the message names the file and says why."""


def describe_sqlite_error(path: Path | str, exc: BaseException) -> str:
    """A one-line explanation of a SQLite failure on `path`, for people."""
    text = str(exc).lower()
    if "file is not a database" in text:
        why = "is not a SQLite database (the file is corrupt or is something else)"
    elif "malformed" in text or "corrupt" in text:
        why = "is corrupt (SQLite says: database disk image is malformed)"
    elif "locked" in text or "busy" in text:
        why = "is locked by another process; close it or try again"
    elif "readonly" in text or "read-only" in text:
        why = "is read-only: catalyst needs to write to it"
    elif "unable to open" in text:
        why = "cannot be opened (check that the folder exists and is writable)"
    elif "disk i/o" in text:
        why = "could not be read or written (disk I/O error)"
    elif "full" in text:
        why = "could not be written: the disk is full"
    else:
        why = f"could not be used: {exc}"
    return f"database {path}: {why}"


# --------------------------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------------------------


def _schema_v1(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE tickers (
            symbol TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            grp TEXT NOT NULL,
            thesis TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE lots (
            id INTEGER PRIMARY KEY,
            symbol TEXT NOT NULL REFERENCES tickers(symbol),
            seq INTEGER NOT NULL,
            shares REAL NOT NULL,
            cost REAL NOT NULL,
            date TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX lots_symbol ON lots(symbol, seq);
        CREATE TABLE checkpoints (
            symbol TEXT NOT NULL REFERENCES tickers(symbol),
            id TEXT NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            due TEXT,
            until TEXT,
            condition TEXT,
            period_end TEXT,
            source TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending',
            status_since TEXT NOT NULL,
            manual INTEGER NOT NULL DEFAULT 0,
            manual_note TEXT NOT NULL DEFAULT '',
            last_value REAL,
            last_reason TEXT NOT NULL DEFAULT '',
            evaluated_at TEXT,
            archived INTEGER NOT NULL DEFAULT 0,
            archived_at TEXT,
            PRIMARY KEY (symbol, id)
        );
        CREATE TABLE quotes (
            symbol TEXT PRIMARY KEY,
            price REAL,
            prev_close REAL,
            change REAL,
            change_pct REAL,
            currency TEXT,
            market_state TEXT,
            quote_time TEXT,
            fetched_at TEXT,
            source TEXT,
            stale INTEGER NOT NULL DEFAULT 0,
            day_high REAL,
            day_low REAL,
            volume REAL,
            high_52w REAL,
            low_52w REAL,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE prices (
            symbol TEXT NOT NULL,
            ts TEXT NOT NULL,
            open REAL,
            high REAL,
            low REAL,
            close REAL NOT NULL,
            volume REAL,
            source TEXT NOT NULL,
            PRIMARY KEY (symbol, ts)
        ) WITHOUT ROWID;
        CREATE TABLE fundamentals (
            symbol TEXT NOT NULL,
            concept TEXT NOT NULL,
            period_start TEXT NOT NULL DEFAULT '',
            period_end TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            form TEXT NOT NULL DEFAULT '',
            filed TEXT NOT NULL DEFAULT '',
            source_concept TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (symbol, concept, period_end, period_start)
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            symbol TEXT NOT NULL,
            checkpoint_id TEXT NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            value REAL,
            threshold TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            manual INTEGER NOT NULL DEFAULT 0,
            flagged INTEGER NOT NULL DEFAULT 0,
            acked_at TEXT,
            FOREIGN KEY (symbol, checkpoint_id) REFERENCES checkpoints(symbol, id)
        );
        CREATE INDEX events_checkpoint ON events(symbol, checkpoint_id, ts);
        CREATE INDEX events_flagged ON events(flagged) WHERE flagged = 1;
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            created_at TEXT NOT NULL,
            claimed_by TEXT,
            claimed_at TEXT,
            sent_at TEXT,
            channels TEXT NOT NULL DEFAULT '',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX outbox_unsent ON outbox(sent_at) WHERE sent_at IS NULL;
        """,
    )


def _schema_v2(db: sqlite_utils.Database) -> None:
    # Keep the file's order on screen, and hold each symbol's next earnings date.
    _run_script(
        db,
        """
        ALTER TABLE tickers ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE checkpoints ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE earnings (
            symbol TEXT PRIMARY KEY,
            next_date TEXT,
            estimate INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT '',
            fetched_at TEXT NOT NULL
        );
        """,
    )


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    # Not executescript(): it COMMITs first, which would break the migration's transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.conn.execute(statement)


def _schema_v3(db: sqlite_utils.Database) -> None:
    # When each remote thing was last fetched (daily fundamentals, earnings, the CIK map),
    # and SEC's ticker → CIK map itself, so neither is asked for on every refresh.
    _run_script(
        db,
        """
        CREATE TABLE fetch_state (
            kind TEXT NOT NULL,
            symbol TEXT NOT NULL DEFAULT '',
            fetched_at TEXT NOT NULL,
            ok INTEGER NOT NULL DEFAULT 1,
            detail TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (kind, symbol)
        );
        CREATE TABLE sec_cik (
            ticker TEXT PRIMARY KEY,
            cik TEXT NOT NULL
        )
        """,
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_schema_v1, _schema_v2, _schema_v3]
SCHEMA_VERSION = len(MIGRATIONS)


# --------------------------------------------------------------------------------------------
# Rows handed to the rest of the app
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncReport:
    tickers_added: int = 0
    tickers_updated: int = 0
    tickers_archived: int = 0
    checkpoints_added: int = 0
    checkpoints_updated: int = 0
    checkpoints_archived: int = 0
    lots_replaced: int = 0

    @property
    def changed(self) -> bool:
        return any(getattr(self, f) for f in self.__dataclass_fields__)


@dataclass(frozen=True)
class QuoteStatus:
    """The stored quote of one symbol as the summary and the watchlist show it."""

    symbol: str
    price: float | None
    change_pct: float | None
    source: str | None
    fetched_at: dt.datetime | None
    stale: bool
    error: str

    def age(self, now: dt.datetime) -> dt.timedelta | None:
        return None if self.fetched_at is None else now - self.fetched_at


@dataclass(frozen=True)
class Notice:
    """One outbox row to deliver, with what the message needs."""

    outbox_id: int
    event_id: int
    ts: str
    symbol: str
    checkpoint_id: str
    title: str
    kind: str
    from_status: str
    to_status: str
    value: float | None
    threshold: str
    reason: str
    due: str | None
    attempts: int


@dataclass(frozen=True)
class FetchState:
    fetched_at: dt.datetime
    ok: bool
    detail: str


@dataclass(frozen=True)
class QuoteSaved:
    """What one symbol's refresh stored: a fresh quote and its new bars, or only the failure."""

    symbol: str
    quote: Quote | None
    bars: list[Bar]
    error: str = ""


# --------------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------------


class Store:
    """An open catalyst database. Every write goes through `transaction()`."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Store:
        """Open (creating 0600 if needed) and migrate; StoreError with the path on failure."""
        path = Path(path).expanduser()
        if path.is_dir():
            raise StoreError(f"database {path}: is a directory, not a database file")
        try:
            make_private_dirs(path.parent)
            _create_private(path)
        except OSError as exc:
            raise StoreError(f"database {path}: cannot be created: {exc.strerror or exc}") from None
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = _switch_to_wal(conn, busy_timeout_ms / 1000)
            if str(mode).lower() != "wal":
                raise StoreError(f"database {path}: could not switch to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(path, conn)
            store.migrate()
            return store
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise StoreError(describe_sqlite_error(path, exc)) from None
        except StoreError:
            if conn is not None:
                conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """BEGIN IMMEDIATE … COMMIT: take the write lock up front so two writers never deadlock."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- migrations ------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, target: int = SCHEMA_VERSION) -> None:
        """Bring the schema to `target`, one transaction per step."""
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path}: was written by a newer catalyst (schema {current}; "
                f"this version knows up to {SCHEMA_VERSION}): upgrade catalyst"
            )
        while current < target:
            with self.transaction():
                # Re-read under the write lock: another process may have migrated meanwhile.
                current = self.schema_version
                if current >= target:
                    break
                MIGRATIONS[current](self.db)
                self.conn.execute(f"PRAGMA user_version = {current + 1}")
            current += 1

    # -- config → database -----------------------------------------------------------------
    def sync_config(self, config: Config, now: dt.datetime | None = None) -> SyncReport:
        """Make the database match the config. Idempotent; removed checkpoints are archived.

        What is stored is read in three queries up front (not two per ticker: 1,000 queries at
        500 tickers were most of a no-change sync at every start), then only what differs is
        written."""
        stamp = _iso(now or dt.datetime.now(dt.UTC))
        counts: dict[str, int] = dict.fromkeys(SyncReport.__dataclass_fields__, 0)
        with self.transaction() as db:
            stored_tickers = {row["symbol"]: row for row in _dict_rows(db, "SELECT * FROM tickers")}
            stored_lots: dict[str, list[tuple]] = {}
            for symbol, *lot in db.execute(
                "SELECT symbol, shares, cost, date, note FROM lots ORDER BY symbol, seq"
            ):
                stored_lots.setdefault(symbol, []).append(tuple(lot))
            stored_checkpoints: dict[str, dict[str, dict[str, Any]]] = {}
            for row in _dict_rows(db, "SELECT * FROM checkpoints"):
                stored_checkpoints.setdefault(row["symbol"], {})[row["id"]] = row
            for position, ticker in enumerate(config.tickers.values()):
                wanted = _ticker_row(ticker, position)
                have = stored_tickers.get(ticker.symbol)
                if have is None:
                    db["tickers"].insert(wanted)
                    counts["tickers_added"] += 1
                elif any(have[k] != v for k, v in wanted.items()):
                    db["tickers"].update(ticker.symbol, wanted)
                    counts["tickers_updated"] += 1
                counts["lots_replaced"] += self._sync_lots(
                    db, ticker, stored_lots.get(ticker.symbol, [])
                )
                added, updated = self._sync_checkpoints(
                    db, ticker, stamp, stored_checkpoints.get(ticker.symbol, {})
                )
                counts["checkpoints_added"] += added
                counts["checkpoints_updated"] += updated
            for symbol, row in stored_tickers.items():
                if symbol not in config.tickers and not row["archived"]:
                    db["tickers"].update(symbol, {"archived": 1})
                    counts["tickers_archived"] += 1
            counts["checkpoints_archived"] += self._archive_removed_checkpoints(
                db, config, stamp, stored_checkpoints
            )
        return SyncReport(**counts)

    @staticmethod
    def _sync_lots(db: sqlite_utils.Database, ticker: Ticker, have: list[tuple]) -> int:
        wanted = [_lot_tuple(lot) for lot in ticker.lots]
        if have == wanted:
            return 0
        db.execute("DELETE FROM lots WHERE symbol = ?", [ticker.symbol])
        db["lots"].insert_all(
            {"symbol": ticker.symbol, "seq": seq, "shares": s, "cost": c, "date": d, "note": n}
            for seq, (s, c, d, n) in enumerate(wanted)
        )
        return 1

    @staticmethod
    def _sync_checkpoints(
        db: sqlite_utils.Database, ticker: Ticker, stamp: str, stored: dict[str, dict[str, Any]]
    ) -> tuple[int, int]:
        added = updated = 0
        for position, checkpoint in enumerate(ticker.checkpoints):
            wanted = _checkpoint_row(checkpoint, position)
            have = stored.get(checkpoint.id)
            if have is None:
                db["checkpoints"].insert(
                    {"symbol": ticker.symbol, **wanted, "status": "pending", "status_since": stamp}
                )
                added += 1
            elif have["archived"] or any(have[k] != v for k, v in wanted.items()):
                db.execute(
                    "UPDATE checkpoints SET "
                    + ", ".join(f"{k} = ?" for k in wanted)
                    + ", archived = 0, archived_at = NULL WHERE symbol = ? AND id = ?",
                    [*wanted.values(), ticker.symbol, checkpoint.id],
                )
                updated += 1
        return added, updated

    @staticmethod
    def _archive_removed_checkpoints(
        db: sqlite_utils.Database,
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
                db.execute(
                    "UPDATE checkpoints SET archived = 1, archived_at = ?"
                    " WHERE symbol = ? AND id = ?",
                    [stamp, symbol, checkpoint_id],
                )
                archived += 1
        return archived

    # -- queries ---------------------------------------------------------------------------
    def active_symbols(self) -> list[str]:
        rows = self.db.query(
            "SELECT symbol FROM tickers WHERE archived = 0 ORDER BY position, symbol"
        )
        return [r["symbol"] for r in rows]

    # -- market data -------------------------------------------------------------------------
    def history_starts(self, symbols: list[str]) -> dict[str, dt.date | None]:
        """Where each symbol's history fetch starts: None (a year's backfill) for a symbol with no
        bars yet, else its last stored day, fetched again because it may have been partial.
        One seek of the (symbol, ts) key per symbol: a GROUP BY would read every bar."""
        out: dict[str, dt.date | None] = {}
        for symbol in symbols:
            last = self.conn.execute(
                "SELECT MAX(ts) FROM prices WHERE symbol = ?", [symbol]
            ).fetchone()[0]
            out[symbol] = dt.date.fromisoformat(last) if last else None
        return out

    def save_quotes(self, results: list[QuoteSaved], now: dt.datetime) -> None:
        """One transaction for the batch: fresh quotes replace the stored ones, bars are upserted
        on (symbol, ts), and a symbol without a fresh quote keeps its last good one, marked
        stale with the failure."""
        stamp = _iso(now)
        # The rows are built before the write lock is taken. The symbols of a batch share their
        # trading days, so each day is formatted once: isoformat() per bar was most of the
        # Python time of a 650k-bar backfill (bench/ingest.py).
        days: dict[dt.date, str] = {}
        rows: list[tuple] = []
        add = rows.append
        for r in results:
            for b in r.bars:
                ts = days.get(b.day)
                if ts is None:
                    ts = days[b.day] = b.day.isoformat()
                add((b.symbol, ts, b.open, b.high, b.low, b.close, b.volume, b.source))
        with self.transaction() as db:
            fresh = [_quote_row(r.quote, stamp) for r in results if r.quote is not None]
            if fresh:
                db["quotes"].upsert_all(fresh, pk="symbol")
            db.conn.executemany(
                "INSERT INTO quotes (symbol, stale, last_error) VALUES (?, 1, ?)"
                " ON CONFLICT(symbol) DO UPDATE SET stale = 1, last_error = excluded.last_error",
                [(r.symbol, r.error) for r in results if r.quote is None],
            )
            db.conn.executemany(
                "INSERT INTO prices (symbol, ts, open, high, low, close, volume, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(symbol, ts) DO UPDATE SET "
                "open = excluded.open, high = excluded.high, low = excluded.low, "
                "close = excluded.close, volume = excluded.volume, source = excluded.source",
                rows,
            )

    def quote_statuses(self, symbols: list[str]) -> list[QuoteStatus]:
        rows = {r["symbol"]: r for r in self.db.query("SELECT * FROM quotes")}
        out = []
        for symbol in symbols:
            r = rows.get(symbol, {})
            fetched = r.get("fetched_at")
            out.append(
                QuoteStatus(
                    symbol=symbol,
                    price=r.get("price"),
                    change_pct=r.get("change_pct"),
                    source=r.get("source"),
                    fetched_at=dt.datetime.fromisoformat(fetched) if fetched else None,
                    stale=bool(r.get("stale", 1)) or r.get("price") is None,
                    error=r.get("last_error") or "",
                )
            )
        return out

    def market_states(self) -> list[str | None]:
        """The market state each stored quote reported (REGULAR, PRE, POST, CLOSED or None)."""
        return [r[0] for r in self.conn.execute("SELECT market_state FROM quotes")]

    def fetch_states(self, kind: str) -> dict[str, FetchState]:
        """When `kind` (fundamentals, earnings, cik_map) was last fetched, and how, by symbol."""
        return {
            symbol: FetchState(dt.datetime.fromisoformat(at), bool(ok), detail)
            for symbol, at, ok, detail in self.conn.execute(
                "SELECT symbol, fetched_at, ok, detail FROM fetch_state WHERE kind = ?", [kind]
            )
        }

    def mark_fetched(
        self, kind: str, symbol: str, now: dt.datetime, *, ok: bool = True, detail: str = ""
    ) -> None:
        with self.transaction() as db:
            _upsert_fetch_state(db, kind, symbol, now, ok=ok, detail=detail)

    def save_cik_map(self, ciks: dict[str, str], now: dt.datetime) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM sec_cik")
            db.conn.executemany("INSERT INTO sec_cik (ticker, cik) VALUES (?, ?)", ciks.items())
            _upsert_fetch_state(db, "cik_map", "", now, detail=f"{len(ciks)} tickers")

    def cik_map(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT ticker, cik FROM sec_cik").fetchall())

    def save_facts(self, symbol: str, facts: list[Fact], now: dt.datetime) -> None:
        """Replace a symbol's fundamentals with a fresh derivation (restatements included)."""
        with self.transaction() as db:
            db.execute("DELETE FROM fundamentals WHERE symbol = ?", [symbol])
            db.conn.executemany(
                "INSERT OR REPLACE INTO fundamentals (symbol, concept, period_start, period_end,"
                " value, unit, form, filed, source_concept) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        symbol,
                        f.concept,
                        _date(f.period_start) or "",
                        f.period_end.isoformat(),
                        f.value,
                        f.unit,
                        f.form,
                        f.filed.isoformat(),
                        f.source_concept,
                    )
                    for f in facts
                ],
            )
            _upsert_fetch_state(db, "fundamentals", symbol, now, detail=f"{len(facts)} facts")

    def save_earnings(self, symbol: str, found: EarningsDate | None, now: dt.datetime) -> None:
        with self.transaction() as db:
            db["earnings"].upsert(
                {
                    "symbol": symbol,
                    "next_date": found.day.isoformat() if found else None,
                    "estimate": int(found.estimate) if found else 0,
                    "source": found.source if found else "",
                    "fetched_at": _iso(now),
                },
                pk="symbol",
            )
            _upsert_fetch_state(db, "earnings", symbol, now, detail=str(found.day if found else ""))

    # -- evaluation ----------------------------------------------------------------------------
    def evaluation_inputs(
        self, now: dt.datetime, *, sec_configured: bool
    ) -> tuple[list[CheckpointState], MarketSnapshot]:
        """The active checkpoints and everything their metrics read, in a few queries."""
        checkpoints = [
            CheckpointState(
                symbol=r["symbol"],
                id=r["id"],
                title=r["title"],
                kind=r["kind"],
                status=r["status"],
                manual=bool(r["manual"]),
                due=_parse_date(r["due"]),
                until=_parse_date(r["until"]),
                period_end=_parse_date(r["period_end"]),
                condition=parse_condition(r["condition"]) if r["condition"] else None,
                note=r["manual_note"],
            )  # fmt: skip
            for r in self.db.query(
                "SELECT c.* FROM checkpoints c JOIN tickers t ON t.symbol = c.symbol"
                " WHERE c.archived = 0 AND t.archived = 0 ORDER BY t.position, c.position"
            )
        ]
        return checkpoints, self.market_snapshot(now, sec_configured=sec_configured)

    def market_snapshot(
        self, now: dt.datetime, *, sec_configured: bool, symbol: str | None = None
    ) -> MarketSnapshot:
        """Everything metrics read (quotes, a year's highs, fundamentals, lots), for every
        symbol or only `symbol`'s (its weight still sees every position)."""
        only, args = ("", []) if symbol is None else (" WHERE symbol = ?", [symbol])
        snap = MarketSnapshot(now=now, sec_configured=sec_configured)
        for r in self.db.query("SELECT * FROM quotes"):
            fetched = r["fetched_at"]
            snap.quotes[r["symbol"]] = QuoteData(
                price=r["price"], change_pct=r["change_pct"], high_52w=r["high_52w"],
                fetched_at=dt.datetime.fromisoformat(fetched) if fetched else None,
                stale=bool(r["stale"]),
            )  # fmt: skip
        year_ago = (now - dt.timedelta(days=365)).date().isoformat()
        for sym, high in self.conn.execute(
            "SELECT symbol, MAX(high) FROM prices WHERE ts >= ?"
            + (" AND symbol = ?" if symbol else "")
            + " GROUP BY symbol",
            [year_ago, *args],
        ):
            if high is not None:
                snap.history_high[sym] = high
        for r in self.conn.execute(
            "SELECT symbol, concept, period_start, period_end, value, filed FROM fundamentals"
            + only
            + " ORDER BY symbol, concept, period_end",
            args,
        ):
            snap.facts.setdefault(r[0], {}).setdefault(r[1], []).append(
                FactRow(_parse_date(r[2]), dt.date.fromisoformat(r[3]), r[4], _parse_date(r[5]))
            )
        for sym, shares, cost in self.conn.execute(
            "SELECT l.symbol, l.shares, l.cost FROM lots l JOIN tickers t ON t.symbol = l.symbol"
            " WHERE t.archived = 0 ORDER BY l.symbol, l.seq"
        ):
            snap.lots.setdefault(sym, []).append((shares, cost))
        return snap

    def record_evaluations(
        self, evaluations: list[Evaluation], now: dt.datetime, *, notify: Iterable[str] = ()
    ) -> list[int]:
        """Store observations and transitions in one transaction; returns the new event ids.

        A transition is written only if the checkpoint still has the status it was evaluated
        from (compare-and-set under the write lock), so two processes evaluating at the same
        moment record, and notify, each transition once."""
        stamp = _iso(now)
        notify = set(notify)
        events: list[int] = []
        with self.transaction() as db:
            current = {
                (r[0], r[1]): (r[2], r[3])
                for r in db.execute("SELECT symbol, id, status, manual FROM checkpoints")
            }
            for e in evaluations:
                status, manual = current.get((e.symbol, e.checkpoint_id), (None, 0))
                key = [e.symbol, e.checkpoint_id]
                if not e.changed or status != e.previous or manual:
                    db.execute(
                        "UPDATE checkpoints SET last_value = ?, last_reason = ?, evaluated_at = ?"
                        " WHERE symbol = ? AND id = ?",
                        [e.value, e.reason, stamp, *key],
                    )
                    continue
                db.execute(
                    "UPDATE checkpoints SET status = ?, status_since = ?, last_value = ?,"
                    " last_reason = ?, evaluated_at = ? WHERE symbol = ? AND id = ?",
                    [e.status, stamp, e.value, e.reason, stamp, *key],
                )
                events.append(
                    self._add_event(db, stamp, e.symbol, e.checkpoint_id, e.previous, e.status,
                                    e.value, e.threshold, e.reason, notify=e.status in notify)
                )  # fmt: skip
        return events

    @staticmethod
    def _add_event(
        db: sqlite_utils.Database,
        stamp: str,
        symbol: str,
        checkpoint_id: str,
        previous: str,
        status: str,
        value: float | None,
        threshold: str,
        reason: str,
        *,
        notify: bool,
        manual: bool = False,
    ) -> int:
        cursor = db.execute(
            "INSERT INTO events (ts, symbol, checkpoint_id, from_status, to_status, value,"
            " threshold, reason, manual, flagged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [stamp, symbol, checkpoint_id, previous, status, value, threshold, reason,
             int(manual), int(status == "missed")],
        )  # fmt: skip
        event_id = int(cursor.lastrowid or 0)
        if notify:
            db.execute("INSERT INTO outbox (event_id, created_at) VALUES (?, ?)", [event_id, stamp])
        return event_id

    def mark(
        self, symbol: str, checkpoint_id: str, status: str, note: str, now: dt.datetime
    ) -> bool:
        """Resolve a checkpoint by hand (met/missed freeze it; pending reopens it).
        False when there is no such active checkpoint."""
        stamp = _iso(now)
        with self.transaction() as db:
            row = db.execute(
                "SELECT status, condition FROM checkpoints WHERE symbol = ? AND id = ?"
                " AND archived = 0",
                [symbol, checkpoint_id],
            ).fetchone()
            if row is None:
                return False
            manual = status != "pending"
            how = f"marked {status} by hand" if manual else "reopened by hand"
            reason = f"{how}: {note}" if note else how
            db.execute(
                "UPDATE checkpoints SET status = ?, status_since = ?, manual = ?, manual_note = ?,"
                " last_reason = ? WHERE symbol = ? AND id = ?",
                [status, stamp, int(manual), note, reason, symbol, checkpoint_id],
            )
            if row[0] != status or not manual:
                self._add_event(db, stamp, symbol, checkpoint_id, row[0], status, None,
                                row[1] or "", reason, notify=False, manual=True)  # fmt: skip
        return True

    def acknowledge(self, targets: list[tuple[str, str]] | None, now: dt.datetime) -> int:
        """Clear the flags of the given checkpoints (None: all); the number of events cleared."""
        stamp = _iso(now)
        with self.transaction() as db:
            if targets is None:
                cursor = db.execute(
                    "UPDATE events SET acked_at = ? WHERE flagged = 1 AND acked_at IS NULL",
                    [stamp],
                )
                return cursor.rowcount
            cleared = 0
            for symbol, checkpoint_id in targets:
                cursor = db.execute(
                    "UPDATE events SET acked_at = ? WHERE flagged = 1 AND acked_at IS NULL"
                    " AND symbol = ? AND checkpoint_id = ?",
                    [stamp, symbol, checkpoint_id],
                )
                cleared += cursor.rowcount
            return cleared

    def has_checkpoint(self, symbol: str, checkpoint_id: str) -> bool:
        sql = "SELECT 1 FROM checkpoints WHERE symbol = ? AND id = ? AND archived = 0"
        return self.conn.execute(sql, [symbol, checkpoint_id]).fetchone() is not None

    def checkpoint_report(self) -> list[dict[str, Any]]:
        """Every active checkpoint with its status, last value and reason, and whether a miss
        of it is still unacknowledged."""
        return list(
            self.db.query(
                "SELECT c.symbol, c.id, c.title, c.kind, c.status, c.manual, c.due, c.until,"
                " c.condition, c.period_end, c.last_value, c.last_reason, c.evaluated_at,"
                " EXISTS (SELECT 1 FROM events e WHERE e.symbol = c.symbol"
                "   AND e.checkpoint_id = c.id AND e.flagged = 1 AND e.acked_at IS NULL)"
                "   AS flagged"
                " FROM checkpoints c JOIN tickers t ON t.symbol = c.symbol"
                " WHERE c.archived = 0 AND t.archived = 0 ORDER BY t.position, c.position"
            )
        )

    # -- the outbox ----------------------------------------------------------------------------
    def claim_notices(
        self,
        claimer: str,
        now: dt.datetime,
        *,
        reclaim_after: dt.timedelta = dt.timedelta(minutes=5),
        limit: int = 50,
        gone: Callable[[str], bool] | None = None,
    ) -> list[Notice]:
        """Claim unsent outbox rows for `claimer`, atomically: two processes never claim one row.

        A row claimed longer than `reclaim_after` ago belongs to a process that died before it
        recorded the send, so it is claimed again (a crash may repeat one, never lose one). So is
        a row whose claimer `gone(claimed_by)` says has ended (a process killed on this host):
        the next start delivers it at once instead of minutes later."""
        stamp = _iso(now)
        cutoff = _iso(now - reclaim_after)
        with self.transaction() as db:
            claimers = [
                row[0]
                for row in db.execute(
                    "SELECT DISTINCT claimed_by FROM outbox"
                    " WHERE sent_at IS NULL AND claimed_by IS NOT NULL"
                ).fetchall()
            ]
            dead = [c for c in claimers if c != claimer and gone is not None and gone(c)]
            marks = ", ".join("?" * len(dead))
            ids = [
                row[0]
                for row in db.execute(
                    "SELECT id FROM outbox WHERE sent_at IS NULL"
                    " AND (claimed_by IS NULL OR claimed_at < ?"
                    f" OR claimed_by IN ({marks})) ORDER BY id LIMIT ?",
                    [cutoff, *dead, limit],
                ).fetchall()
            ]
            if not ids:
                return []
            marks = ", ".join("?" * len(ids))
            db.execute(
                f"UPDATE outbox SET claimed_by = ?, claimed_at = ? WHERE id IN ({marks})",
                [claimer, stamp, *ids],
            )
            rows = db.execute(
                "SELECT o.id, o.event_id, o.attempts, e.ts, e.symbol, e.checkpoint_id, c.title,"
                " c.kind, e.from_status, e.to_status, e.value, e.threshold, e.reason, c.due"
                " FROM outbox o JOIN events e ON e.id = o.event_id"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
                f" WHERE o.id IN ({marks}) ORDER BY o.id",
                ids,
            ).fetchall()
        return [
            Notice(
                outbox_id=r[0],
                event_id=r[1],
                attempts=r[2],
                ts=r[3],
                symbol=r[4],
                checkpoint_id=r[5],
                title=r[6],
                kind=r[7],
                from_status=r[8],
                to_status=r[9],
                value=r[10],
                threshold=r[11],
                reason=r[12],
                due=r[13],
            )  # fmt: skip
            for r in rows
        ]

    def mark_notice_sent(self, outbox_id: int, channels: list[str], now: dt.datetime) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE outbox SET sent_at = ?, channels = ?, attempts = attempts + 1,"
                " last_error = '' WHERE id = ?",
                [_iso(now), ",".join(channels), outbox_id],
            )

    def release_notice(self, outbox_id: int, error: str) -> None:
        """Every channel failed: unclaim the row so a later delivery tries again."""
        with self.transaction() as db:
            db.execute(
                "UPDATE outbox SET claimed_by = NULL, claimed_at = NULL,"
                " attempts = attempts + 1, last_error = ? WHERE id = ?",
                [error, outbox_id],
            )

    def checkpoint_rows(
        self, symbol: str, *, include_archived: bool = False
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM checkpoints WHERE symbol = ?"
        if not include_archived:
            sql += " AND archived = 0"
        return list(self.db.query(sql + " ORDER BY archived, position", [symbol]))

    # -- what the screens show -------------------------------------------------------------
    def watch_rows(self) -> list[dict[str, Any]]:
        """One row per active ticker in file order: its quote, position (shares, cost basis),
        checkpoint counts, checkpoints with an unacknowledged miss, and next earnings date."""
        return list(
            self.db.query(
                """
                WITH held AS (
                    SELECT symbol, SUM(shares) AS shares, SUM(shares * cost) AS basis
                    FROM lots GROUP BY symbol
                ), counts AS (
                    SELECT symbol, SUM(status = 'met') AS met, SUM(status = 'missed') AS missed,
                           SUM(status = 'pending') AS pending
                    FROM checkpoints WHERE archived = 0 GROUP BY symbol
                ), flags AS (
                    SELECT e.symbol, COUNT(DISTINCT e.checkpoint_id) AS flagged FROM events e
                    JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id
                    WHERE e.flagged = 1 AND e.acked_at IS NULL AND c.archived = 0
                    GROUP BY e.symbol
                )
                SELECT t.symbol, t.name, t.grp AS "group",
                       q.price, q.prev_close, q.change, q.change_pct, q.currency,
                       q.fetched_at, q.source, COALESCE(q.stale, 0) AS stale,
                       COALESCE(q.last_error, '') AS error,
                       held.shares, held.basis,
                       COALESCE(counts.met, 0) AS met, COALESCE(counts.missed, 0) AS missed,
                       COALESCE(counts.pending, 0) AS pending,
                       COALESCE(flags.flagged, 0) AS flagged,
                       en.next_date AS earnings, COALESCE(en.estimate, 0) AS earnings_estimate
                FROM tickers t
                LEFT JOIN quotes q ON q.symbol = t.symbol
                LEFT JOIN earnings en ON en.symbol = t.symbol
                LEFT JOIN held ON held.symbol = t.symbol
                LEFT JOIN counts ON counts.symbol = t.symbol
                LEFT JOIN flags ON flags.symbol = t.symbol
                WHERE t.archived = 0
                ORDER BY t.position, t.symbol
                """
            )
        )

    def next_due(self) -> dict[str, dict[str, Any]]:
        """Each symbol's pending checkpoint with the earliest due date."""
        rows = self.db.query(
            "SELECT symbol, id, title, MIN(due) AS due FROM checkpoints"
            " WHERE archived = 0 AND status = 'pending' AND due IS NOT NULL GROUP BY symbol"
        )
        return {r["symbol"]: r for r in rows}

    def recent_closes(self, symbols: list[str], since: dt.date) -> dict[str, list[float]]:
        """Daily closes from `since` on, oldest first, for the sparklines (one range scan of
        the (symbol, ts) key per symbol)."""
        out: dict[str, list[float]] = {s: [] for s in symbols}
        for start in range(0, len(symbols), 500):
            chunk = symbols[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for symbol, close in self.conn.execute(
                f"SELECT symbol, close FROM prices WHERE symbol IN ({marks}) AND ts >= ?"
                " ORDER BY symbol, ts",
                [*chunk, since.isoformat()],
            ):
                out[symbol].append(close)
        return out

    def price_history(
        self, symbol: str, since: dt.date | None = None
    ) -> list[tuple[dt.date, float]]:
        """(day, close) from `since` (or the beginning), oldest first: what a chart draws."""
        rows = self.conn.execute(
            "SELECT ts, close FROM prices WHERE symbol = ? AND ts >= ? ORDER BY ts",
            [symbol, since.isoformat() if since else ""],
        )
        return [(dt.date.fromisoformat(ts), close) for ts, close in rows]

    def iter_prices(self, symbol: str | None = None) -> Iterator[tuple]:
        """Every stored daily bar (of one symbol), by symbol and day, streamed."""
        where, args = (" WHERE symbol = ?", [symbol]) if symbol else ("", [])
        yield from self.conn.execute(
            "SELECT symbol, ts, open, high, low, close, volume, source FROM prices"
            + where
            + " ORDER BY symbol, ts",
            args,
        )

    def ticker_info(self, symbol: str) -> dict[str, Any] | None:
        """A ticker's own fields (name, group, thesis), whether archived or not."""
        row = self.conn.execute(
            "SELECT symbol, name, grp, thesis, archived FROM tickers WHERE symbol = ?", [symbol]
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("symbol", "name", "group", "thesis", "archived"), row, strict=True))

    def lots(self, symbol: str) -> list[Lot]:
        return [
            Lot(shares, cost, _parse_date(day), note)
            for shares, cost, day, note in self.conn.execute(
                "SELECT shares, cost, date, note FROM lots WHERE symbol = ? ORDER BY seq", [symbol]
            )
        ]

    def flagged_checkpoints(self) -> set[tuple[str, str]]:
        """(symbol, id) of every active checkpoint with an unacknowledged miss."""
        return set(
            self.conn.execute(
                "SELECT DISTINCT e.symbol, e.checkpoint_id FROM events e"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
                " WHERE e.flagged = 1 AND e.acked_at IS NULL AND c.archived = 0"
            ).fetchall()
        )

    def events(self, *, limit: int = 1000, symbol: str | None = None) -> list[dict[str, Any]]:
        """The timeline, newest first, with each checkpoint's title."""
        where, args = ("WHERE e.symbol = ?", [symbol]) if symbol else ("", [])
        return list(
            self.db.query(
                "SELECT e.id, e.ts, e.symbol, e.checkpoint_id, c.title, c.kind, e.from_status,"
                " e.to_status, e.value, e.threshold, e.reason, e.manual, e.flagged, e.acked_at,"
                " c.archived FROM events e"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id "
                + where
                + " ORDER BY e.ts DESC, e.id DESC LIMIT ?",
                [*args, limit],
            )
        )

    def fetch_health(self) -> dict[str, Any]:
        """What the header says about data: the newest quote fetch, quote sources and stale
        counts, and the last fundamentals / earnings fetches that failed."""
        last = self.conn.execute("SELECT MAX(fetched_at) FROM quotes").fetchone()[0]
        sources = dict(
            self.conn.execute(
                "SELECT source, COUNT(*) FROM quotes q JOIN tickers t ON t.symbol = q.symbol"
                " WHERE t.archived = 0 AND q.price IS NOT NULL AND q.stale = 0 GROUP BY source"
            ).fetchall()
        )
        stale = self.conn.execute(
            "SELECT COUNT(*) FROM quotes q JOIN tickers t ON t.symbol = q.symbol"
            " WHERE t.archived = 0 AND (q.stale = 1 OR q.price IS NULL)"
        ).fetchone()[0]
        failed = dict(
            self.conn.execute(
                "SELECT kind, COUNT(*) FROM fetch_state WHERE ok = 0 GROUP BY kind"
            ).fetchall()
        )
        return {
            "last_refresh": dt.datetime.fromisoformat(last) if last else None,
            "sources": sources,
            "stale": stale,
            "failed": failed,
        }


def _switch_to_wal(conn: sqlite3.Connection, patience: float) -> str:
    """PRAGMA journal_mode = WAL, retried while another process holds the file: switching the
    journal mode of a new database answers "database is locked" at once, without waiting for
    the busy timeout, when a second process opens it at the same moment (two `catalyst
    refresh` started together on a fresh database)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _create_private(path: Path) -> None:
    """Create the file 0600 if it doesn't exist yet (never loosen an existing file)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _parse_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _upsert_fetch_state(
    db: sqlite_utils.Database,
    kind: str,
    symbol: str,
    now: dt.datetime,
    *,
    ok: bool = True,
    detail: str = "",
) -> None:
    db["fetch_state"].upsert(
        {"kind": kind, "symbol": symbol, "fetched_at": _iso(now), "ok": int(ok), "detail": detail},
        pk=("kind", "symbol"),
    )


def _quote_row(quote: Quote, fetched_at: str) -> dict[str, Any]:
    return {
        "symbol": quote.symbol,
        "price": quote.price,
        "prev_close": quote.prev_close,
        "change": quote.change,
        "change_pct": quote.change_pct,
        "currency": quote.currency,
        "market_state": quote.market_state,
        "quote_time": _iso(quote.quote_time),
        "fetched_at": fetched_at,
        "source": quote.source,
        "stale": 0,
        "day_high": quote.day_high,
        "day_low": quote.day_low,
        "volume": quote.volume,
        "high_52w": quote.fifty_two_week_high,
        "low_52w": quote.fifty_two_week_low,
        "last_error": "",
    }


def _dict_rows(db: sqlite_utils.Database, sql: str) -> Iterator[dict[str, Any]]:
    cursor = db.execute(sql)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _ticker_row(ticker: Ticker, position: int) -> dict[str, Any]:
    return {
        "symbol": ticker.symbol,
        "name": ticker.name,
        "grp": ticker.group,
        "thesis": ticker.thesis,
        "position": position,
        "archived": 0,
    }


def _lot_tuple(lot: Lot) -> tuple[float, float, str | None, str]:
    return (lot.shares, lot.cost, _date(lot.date), lot.note)


def _checkpoint_row(checkpoint: Checkpoint, position: int) -> dict[str, Any]:
    return {
        "id": checkpoint.id,
        "title": checkpoint.title,
        "kind": checkpoint.kind,
        "due": _date(checkpoint.due),
        "until": _date(checkpoint.until),
        "condition": checkpoint.when.text if checkpoint.when else None,
        "period_end": _date(checkpoint.period_end),
        "source": checkpoint.source,
        "notes": checkpoint.notes,
        "position": position,
    }
